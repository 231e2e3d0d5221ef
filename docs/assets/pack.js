/* The briefing-pack builder (the "Make a briefing pack" page).
 *
 * The choice lives in the address as ?item=<theme-id>&item=<priority-id>…: a whole theme is
 * written as its id, a part of one as the ids of its ticked priorities. Earlier ids (aliases) in
 * an old address are read through r2p-link-map.js, so a shared pack survives renames.
 */
(function () {
  "use strict";

  var form = document.querySelector(".r2p-pack-form");
  var pack = document.querySelector("[data-r2p-pack]");
  if (!form || !pack) return;

  var map = window.r2pLinkMap || {};
  var themeBoxes = Array.prototype.slice.call(form.querySelectorAll("input[data-r2p-theme-box]"));
  var priorityBoxes = Array.prototype.slice.call(form.querySelectorAll("input[data-r2p-of]"));
  var canonical = document.querySelector('link[rel="canonical"]');
  var base = canonical ? canonical.href.split("?")[0].split("#")[0] : location.href.split("?")[0].split("#")[0];

  function prioritiesOf(themeId) {
    return priorityBoxes.filter(function (box) {
      return box.getAttribute("data-r2p-of") === themeId;
    });
  }

  function currentId(id) {
    // An earlier id maps to 'page/#current-id'; the anchor is the id the page uses now.
    if (Object.prototype.hasOwnProperty.call(map, id)) return map[id].split("#")[1] || id;
    return id;
  }

  function syncThemes() {
    themeBoxes.forEach(function (box) {
      var boxes = prioritiesOf(box.value);
      var ticked = boxes.filter(function (item) {
        return item.checked;
      }).length;
      box.checked = ticked === boxes.length && ticked > 0;
      box.indeterminate = ticked > 0 && ticked < boxes.length;
    });
  }

  function choice() {
    var items = [];
    themeBoxes.forEach(function (box) {
      if (box.checked) {
        items.push(box.value);
        return;
      }
      prioritiesOf(box.value).forEach(function (item) {
        if (item.checked) items.push(item.value);
      });
    });
    return items;
  }

  function query(items) {
    return items
      .map(function (item) {
        return "item=" + encodeURIComponent(item);
      })
      .join("&");
  }

  function show() {
    var items = choice();
    var chosen = {};
    priorityBoxes.forEach(function (box) {
      if (box.checked) chosen[box.value] = true;
    });
    Array.prototype.forEach.call(pack.querySelectorAll("[data-r2p-priority]"), function (block) {
      block.hidden = !chosen[block.getAttribute("data-r2p-priority")];
    });
    Array.prototype.forEach.call(pack.querySelectorAll("[data-r2p-theme]"), function (block) {
      block.hidden = !prioritiesOf(block.getAttribute("data-r2p-theme")).some(function (box) {
        return box.checked;
      });
    });
    var empty = items.length === 0;
    pack.querySelector(".r2p-pack-head").hidden = empty;
    pack.querySelector(".r2p-pack-empty").hidden = !empty;
    form.querySelector("[data-r2p-print]").hidden = empty;
    var search = empty ? "" : "?" + query(items);
    var link = pack.querySelector("[data-r2p-pack-url]");
    link.href = base + search;
    link.textContent = base + search;
    try {
      history.replaceState(null, "", location.pathname + search);
    } catch (error) {
      // Some browsers refuse to change the address of a file opened from disk; the pack still shows.
    }
  }

  var wanted = new URLSearchParams(location.search).getAll("item").map(currentId);
  wanted.forEach(function (id) {
    var theme = themeBoxes.filter(function (box) {
      return box.value === id;
    })[0];
    var boxes = theme ? prioritiesOf(id) : priorityBoxes.filter(function (box) {
      return box.value === id;
    });
    boxes.forEach(function (box) {
      box.checked = true;
    });
  });
  syncThemes();
  show();

  form.addEventListener("change", function (event) {
    var box = event.target;
    if (box.hasAttribute("data-r2p-theme-box")) {
      prioritiesOf(box.value).forEach(function (item) {
        item.checked = box.checked;
      });
    }
    syncThemes();
    show();
  });

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    show();
    var head = pack.querySelector(".r2p-pack-head h2");
    if (!pack.querySelector(".r2p-pack-head").hidden) {
      head.setAttribute("tabindex", "-1");
      head.focus();
    }
  });

  form.querySelector("[data-r2p-print]").addEventListener("click", function () {
    window.print();
  });
})();

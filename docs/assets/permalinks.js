/* Permanent links on every page.
 *
 * 1. Old anchors: when the address names an #id that is not on this page, r2p-link-map.js (generated
 *    from roadmap.yaml) says where that id lives now: an earlier id (alias), an id that moved to
 *    another page, or a withdrawn id's explanation. The page then goes there.
 * 2. The "Link · Cite" disclosures: the Copy link and Copy citation buttons are shown only when this
 *    script runs (the permanent URL is printed beside them either way); each copy is announced in a
 *    polite live region. The citations, formatted at build time, get today's date as the access date,
 *    in the form of their style and language ("December 2, 2026", "2 December 2026", "2 décembre
 *    2026"); a button copies the citation or link shown beside it, so what is copied is what the
 *    reader sees.
 * 3. Printing: relative links get their permanent address, so print.css can show it.
 */
(function () {
  "use strict";

  var map = window.r2pLinkMap || {};
  // This script is in assets/, one folder below the site's root, in every copy of the site.
  var script = document.currentScript;
  var root = script && script.src ? new URL("../", script.src) : new URL("/", location.href);

  // A copy built without directory URLs (an offline download) names pages themes/x.html.
  var layout = document.querySelector('meta[name="r2p-directory-urls"]');
  var pageFiles = layout !== null && layout.getAttribute("content") === "false";

  function address(target) {
    var parts = target.split("#");
    var path = parts[0];
    var folder = path === "" || path.slice(-1) === "/";
    if (folder && pageFiles) path = path === "" ? "index.html" : path.slice(0, -1) + ".html";
    // A copy opened from disk has no web server to turn folder addresses into their index.html.
    else if (folder && location.protocol === "file:") path += "index.html";
    var url = new URL(path, root);
    url.hash = parts[1] || "";
    return url;
  }

  function followOldAnchor() {
    var id;
    try {
      id = decodeURIComponent(location.hash.slice(1));
    } catch (error) {
      return;
    }
    if (!id || document.getElementById(id) || !Object.prototype.hasOwnProperty.call(map, id)) return;
    var url = address(map[id]);
    if (url.href !== location.href) location.replace(url.href);
  }

  followOldAnchor();
  window.addEventListener("hashchange", followOldAnchor);

  var live = document.createElement("div");
  live.className = "r2p-live";
  live.setAttribute("role", "status");
  live.setAttribute("aria-live", "polite");
  // Inside the main landmark, where the rest of the page's content is.
  (document.querySelector("main") || document.body).appendChild(live);

  function announce(message) {
    // Clearing first makes a repeated message (two copies in a row) be read again.
    live.textContent = "";
    window.setTimeout(function () {
      live.textContent = message;
    }, 50);
  }

  function copyText(text) {
    if (navigator.clipboard && window.isSecureContext) return navigator.clipboard.writeText(text);
    return new Promise(function (resolve, reject) {
      var area = document.createElement("textarea");
      area.value = text;
      area.setAttribute("readonly", "");
      area.className = "r2p-live";
      document.body.appendChild(area);
      area.select();
      var copied = false;
      try {
        copied = document.execCommand("copy");
      } catch (error) {
        copied = false;
      }
      document.body.removeChild(area);
      if (copied) resolve();
      else reject(new Error("copy refused"));
    });
  }

  // The quote picker of the Source page (quote-picker.js) copies and announces the same way.
  window.r2pCopy = {text: copyText, announce: announce};

  function selectBeside(button) {
    var url = button.parentNode.querySelector(".r2p-url, .r2p-cite__text");
    if (!url) return;
    var range = document.createRange();
    range.selectNodeContents(url);
    var selection = window.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
  }

  // The reader's date as the style writes it: data-r2p-date holds the style's form, such as
  // "{month} {day}, {year}" or "{day} de {month} de {year}", and r2pText the month's name in the page's
  // language (the build writes the names into the page from the CLDR data).
  var MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
    "November", "December"];

  function today(form) {
    var now = new Date();
    return window.r2pText(form, {
      day: now.getDate(),
      month: window.r2pText(MONTHS[now.getMonth()]),
      year: now.getFullYear()
    });
  }

  Array.prototype.forEach.call(document.querySelectorAll(".r2p-accessed"), function (date) {
    var style = date.closest("[data-r2p-date]");
    date.textContent = today(style ? style.getAttribute("data-r2p-date") : "{month} {day}, {year}");
  });
  Array.prototype.forEach.call(document.querySelectorAll(".r2p-cite__nojs"), function (note) {
    note.hidden = true;
  });

  // What a citation says, as plain text: the words shown (with the reader's date already in), a line
  // break where the style starts a second entry, spaces as the page shows them.
  function citationText(element) {
    var text = "";
    (function walk(node) {
      Array.prototype.forEach.call(node.childNodes, function (child) {
        if (child.nodeType === Node.TEXT_NODE) text += child.data;
        else if (child.nodeName === "BR") text += "\n";
        else walk(child);
      });
    })(element);
    return text.split("\n").map(function (line) {
      return line.replace(/\s+/g, " ").trim();
    }).join("\n");
  }

  // Each button copies what is shown beside it: the citation of its style, or the permanent link.
  Array.prototype.forEach.call(document.querySelectorAll("button.r2p-copy"), function (button) {
    var label = button.textContent;
    var citation = button.parentNode.querySelector(".r2p-cite__text");
    var link = button.parentNode.querySelector(".r2p-url");
    if (!citation && !link) return;
    button.hidden = false;
    button.addEventListener("click", function () {
      var text = citation ? citationText(citation) : link.getAttribute("href");
      copyText(text).then(
        function () {
          button.textContent = citation ? window.r2pText("Citation copied") : window.r2pText("Link copied");
          announce(
            citation
              ? window.r2pText("Citation copied to the clipboard.")
              : window.r2pText("Link copied to the clipboard: {address}", { address: text })
          );
          window.setTimeout(function () {
            button.textContent = label;
          }, 2000);
        },
        function () {
          selectBeside(button);
          announce(
            window.r2pText("Could not copy. The text is selected: press Control+C, or Command+C on a Mac, to copy it.")
          );
        }
      );
    });
  });

  // For print.css: the permanent address of every relative link in the content.
  var canonical = document.querySelector('link[rel="canonical"]');
  if (canonical) {
    Array.prototype.forEach.call(document.querySelectorAll(".md-content a[href]:not(.headerlink)"), function (link) {
      var href = link.getAttribute("href");
      if (/^[a-z]+:/i.test(href) || href.charAt(0) === "#") return;
      link.setAttribute("data-r2p-print-href", new URL(href, canonical.href).href);
    });
  }
})();

/* Accessibility additions Material's templates lack, checked by tests/test_browser_a11y.py:
   - the search dialog gets a name (axe's aria-dialog-name), from the label of its search box;
   - the menu button of small screens becomes a real button, which the keyboard reaches and which
     says whether the navigation drawer is open;
   - a wide table that scrolls sideways can be focused and scrolled by keyboard, and is named;
   - the first use of each glossary term on a page (an <abbr>, outside links) can be focused, so that
     keyboard and touch readers get its explanation too: tooltip.js shows it on focus. Only the
     first, so that a term used thirty times does not add thirty stops to the tab order. */
(function () {
  "use strict";

  document.querySelectorAll('[data-md-component="search"][role="dialog"]').forEach(function (dialog) {
    if (!dialog.hasAttribute("aria-label") && !dialog.hasAttribute("aria-labelledby")) {
      var input = dialog.querySelector("input[aria-label]");
      dialog.setAttribute("aria-label", input ? input.getAttribute("aria-label") : window.r2pText("Search"));
    }
  });

  // Material's menu button is a <label> for the drawer's hidden checkbox, which no keyboard reaches.
  var drawer = document.getElementById("__drawer");
  var label = document.querySelector('.md-header label.md-header__button[for="__drawer"]');
  if (drawer && label) {
    var button = document.createElement("button");
    button.type = "button";
    button.className = label.className + " r2p-menu";
    button.setAttribute("aria-label", window.r2pText("Navigation"));
    button.setAttribute("aria-controls", "__drawer");
    while (label.firstChild) {
      button.appendChild(label.firstChild);
    }
    label.replaceWith(button);
    var update = function () {
      button.setAttribute("aria-expanded", drawer.checked ? "true" : "false");
    };
    button.addEventListener("click", function () {
      drawer.checked = !drawer.checked;
      drawer.dispatchEvent(new Event("change"));
    });
    drawer.addEventListener("change", update);
    update();
  }

  // Material wraps each table in a box that scrolls when the table is wider than the page; its own
  // script adds the boxes once the page is set up, which document$ announces.
  var reachable = function () {
    document.querySelectorAll(".md-typeset__scrollwrap").forEach(function (box, index) {
      if (box.scrollWidth > box.clientWidth + 1) {
        box.setAttribute("tabindex", "0");
        box.setAttribute("role", "region");
        box.setAttribute("aria-label", window.r2pText("Table {number}, scrolls sideways", { number: index + 1 }));
      } else if (box.getAttribute("role") === "region") {
        box.removeAttribute("tabindex");
        box.removeAttribute("role");
        box.removeAttribute("aria-label");
      }
    });
  };
  if (window.document$ && window.document$.subscribe) {
    window.document$.subscribe(function () {
      window.setTimeout(reachable, 0);
    });
  } else {
    reachable();
  }
  window.addEventListener("resize", reachable);

  var explained = Object.create(null);
  document.querySelectorAll(".md-content abbr[title]").forEach(function (abbr) {
    var term = abbr.textContent;
    if (!explained[term] && !abbr.closest("a, button, summary")) {
      explained[term] = true;
      abbr.setAttribute("tabindex", "0");
    }
  });
})();

/* Tooltips for what has a title in the page's content (glossary terms, support badges, actor chips, the
   ¶ links) and for the glossary terms of the sidebars, the elements Material's content.tooltips covers
   there. They look like Material's own (its md-tooltip2 classes and variables) but cost nothing until
   used: one tooltip for the page, made on the first hover or focus, where Material's content.tooltips
   sets up every element of the page as it loads (65 on the veto page, most of its blocking time;
   benchmarks/PERFORMANCE.md).
   It shows on hover (a phone's tap counts as one) and on keyboard focus, stays while the pointer or
   focus is on the element, and Escape hides it (WCAG 1.4.13). While shown, the element's title is
   moved to the tooltip, which describes it (aria-describedby), so that the browser's own tooltip does
   not cover it. */
(function () {
  "use strict";

  var SCOPE = ".md-content [title], .md-sidebar abbr[title]";
  var tip = null;
  var host = null;
  var title = "";

  function make() {
    tip = document.createElement("div");
    tip.id = "r2p-tooltip";
    tip.className = "md-tooltip2 md-tooltip2--bottom";
    tip.setAttribute("role", "tooltip");
    var inner = document.createElement("div");
    inner.className = "md-tooltip2__inner md-typeset";
    tip.appendChild(inner);
  }

  function hide() {
    if (!host) {
      return;
    }
    host.setAttribute("title", title);
    host.removeAttribute("aria-describedby");
    tip.classList.remove("md-tooltip2--active");
    host = null;
    // Out of the page once it has faded: no text is left outside the page's landmarks.
    window.setTimeout(function () {
      if (!host) {
        tip.remove();
      }
    }, 250);
  }

  function show(element) {
    if (element === host) {
      return;
    }
    hide();
    title = element.getAttribute("title");
    if (!title) {
      return;
    }
    if (!tip) {
      make();
    }
    if (!tip.isConnected) {
      document.body.appendChild(tip);
    }
    host = element;
    host.removeAttribute("title");
    host.setAttribute("aria-describedby", tip.id);
    tip.firstChild.textContent = title;
    var box = host.getBoundingClientRect();
    tip.style.setProperty("--md-tooltip-host-x", box.left + window.scrollX + "px");
    tip.style.setProperty("--md-tooltip-host-y", box.top + window.scrollY + "px");
    tip.style.setProperty("--md-tooltip-x", box.width / 2 + "px");
    tip.style.setProperty("--md-tooltip-y", box.height + 8 + "px");
    tip.style.setProperty("--md-tooltip-tail", "0px");
    tip.style.setProperty("--md-tooltip-width", tip.firstChild.getBoundingClientRect().width + "px");
    tip.classList.add("md-tooltip2--active");
  }

  function target(event) {
    return event.target instanceof Element ? event.target.closest(SCOPE) : null;
  }

  document.addEventListener("mouseover", function (event) {
    var element = target(event);
    if (element) {
      show(element);
    } else if (host && !host.contains(event.target) && document.activeElement !== host) {
      hide();
    }
  });
  document.addEventListener("focusin", function (event) {
    var element = target(event);
    if (element) {
      show(element);
    } else {
      hide();
    }
  });
  document.addEventListener("focusout", function (event) {
    if (event.target === host) {
      hide();
    }
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape") {
      hide();
    }
  });
  window.addEventListener("resize", hide);
})();

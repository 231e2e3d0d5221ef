/* Quote explorer: filter the list of quotes by theme, actor and support level, and announce the count.
   The list is complete without this script; the script only shows the filters and hides what they exclude.
   Filters are kept in the address (?theme=…&actor=…&support=…) so that a filtered list can be linked. */
(function () {
  "use strict";

  var NO_THEME = "-"; // the theme filter's value for quotes that belong to no theme
  var NAMES = ["theme", "actor", "support"];

  function matches(item, wanted) {
    var data = item.dataset;
    if (wanted.theme && data.theme !== (wanted.theme === NO_THEME ? "" : wanted.theme)) return false;
    if (wanted.actor && data.actors.split(" ").indexOf(wanted.actor) < 0) return false;
    if (wanted.support && data.support !== wanted.support) return false;
    return true;
  }

  function describe(shown, total) {
    var values = { shown: shown, total: total };
    if (shown === total) return window.r2pText("Showing all {total} quotes.", values);
    if (shown === 0) return window.r2pText("No quote matches these filters.");
    return window.r2pText(total === 1 ? "Showing {shown} of {total} quote." : "Showing {shown} of {total} quotes.", values);
  }

  function init() {
    var form = document.getElementById("r2p-qx-filters");
    var status = document.getElementById("r2p-qx-count");
    if (!form || !status || form.dataset.ready) return;
    form.dataset.ready = "true";
    var items = Array.prototype.slice.call(document.querySelectorAll(".r2p-qx-item"));
    var params = new URLSearchParams(window.location.search);

    NAMES.forEach(function (name) {
      var select = form.elements[name];
      var value = params.get(name);
      if (value && select.querySelector('option[value="' + CSS.escape(value) + '"]')) select.value = value;
    });

    function apply() {
      var wanted = {};
      var query = new URLSearchParams();
      NAMES.forEach(function (name) {
        wanted[name] = form.elements[name].value;
        if (wanted[name]) query.set(name, wanted[name]);
      });
      var shown = 0;
      items.forEach(function (item) {
        var show = matches(item, wanted);
        item.hidden = !show;
        if (show) shown += 1;
      });
      status.textContent = describe(shown, items.length);
      var search = query.toString();
      try {
        window.history.replaceState(null, "", window.location.pathname + (search ? "?" + search : "") + window.location.hash);
      } catch (error) {
        // Some browsers refuse to change the address of a page opened from a file; filtering still works.
      }
    }

    form.addEventListener("change", apply);
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      apply();
    });
    // "Show all" resets the selects after the reset event, so apply once they hold their defaults.
    form.addEventListener("reset", function () {
      window.setTimeout(apply, 0);
    });
    form.hidden = false;
    apply();
  }

  // Material's instant navigation (if enabled) swaps pages without a load; document$ tells of each page.
  if (typeof window.document$ !== "undefined" && window.document$.subscribe) {
    window.document$.subscribe(init);
  } else {
    init();
  }
})();

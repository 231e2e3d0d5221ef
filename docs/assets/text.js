/* The site's own words in the page's language, for the other scripts: window.r2pText("English {x}", {x: 1})
   gives the text that the page's JSON island (#r2p-text, written by the build from
   translations/interface.yaml) holds for that English text, its {placeholders} filled in; the English
   itself where the page has no island. Loaded first, so that every later script can use it. */
(function () {
  "use strict";
  var table = null;

  window.r2pText = function (english, values) {
    if (table === null) {
      var island = document.getElementById("r2p-text");
      table = island ? JSON.parse(island.textContent) : {};
    }
    var text = Object.prototype.hasOwnProperty.call(table, english) ? table[english] : english;
    return text.replace(/\{(\w+)\}/g, function (whole, name) {
      return values && Object.prototype.hasOwnProperty.call(values, name) ? String(values[name]) : whole;
    });
  };
})();

/* The site search worker: Material's own worker (its address is this script's `material` parameter),
   with phrase ranking added. Lunr scores each word of a query on its own, so a page holding the words
   side by side would rank no higher than one where they stand apart. Each page carries, in a hidden
   paragraph, the names and keywords it holds as phrases, each one token of its words joined by
   underscores behind a leading one ("_security_council", render/search.py), which the trailing
   wildcard Material gives every query word cannot reach ("security*" does not match it); here each query of several words gets those of its runs of two words or
   more, joined the same way, that some page holds, so that pages holding the phrase match those terms
   too and rank first; a query whose words form no such phrase is searched exactly as Material does.
   The joined terms, and the hidden paragraph that holds them and the keywords, are taken out of the
   results again, so they never show as words or missing words.
   themes/main.html starts it in place of Material's worker, except from file:// (the offline copy). */
(function () {
  "use strict";
  var SETUP = 0;
  var QUERY = 2;
  var RESULT = 3;
  var separator = /[\s\-]+/;
  var held = new Set(); // the joined phrase tokens the pages of the index hold

  function phrases(query) {
    // Quotation marks, a leading + or - and the other operators are Lunr's query syntax: such
    // queries are left as they are. Long queries give runs from their first eight words only.
    if (/(^|\s)[+\-]|["^~*:]/.test(query)) return query;
    var words = query.toLowerCase().split(separator).filter(Boolean).slice(0, 8);
    var runs = [];
    for (var start = 0; start < words.length; start++) {
      for (var end = start + 2; end <= words.length; end++) {
        var run = "_" + words.slice(start, end).join("_");
        if (held.has(run)) runs.push(run);
      }
    }
    return runs.length ? query + " " + runs.join(" ") : query;
  }

  self.addEventListener("message", function (event) {
    var message = event.data;
    if (message && message.type === SETUP && message.data && message.data.config) {
      separator = new RegExp(message.data.config.separator);
      (message.data.docs || []).forEach(function (doc) {
        var text = String(doc.text || "").replace(/<[^>]*>/g, " ").toLowerCase();
        text.split(separator).forEach(function (word) {
          if (word.charAt(0) === "_") held.add(word);
        });
      });
    } else if (message && message.type === QUERY && typeof message.data === "string") {
      message.data = phrases(message.data);
    }
  });

  var post = self.postMessage.bind(self);
  self.postMessage = function (message) {
    if (message && message.type === RESULT && message.data && Array.isArray(message.data.items)) {
      message.data.items.forEach(function (group) {
        group.forEach(function (item) {
          Object.keys(item.terms || {}).forEach(function (term) {
            if (term.charAt(0) === "_") delete item.terms[term];
          });
          // Keywords and joined tokens are for matching only: their paragraph, opened by the word
          // "_terms", never shows in a result's text.
          if (typeof item.text === "string") {
            item.text = item.text
              .replace(/\s*<p>_terms\b[\s\S]*?<\/p>/g, "")
              .replace(/\s*(<mark>)?_[^\s<]*(<\/mark>)?/g, "");
          }
        });
      });
    }
    post(message);
  };

  var material = new URL(new URLSearchParams(location.search).get("material") || "", location.href);
  if (material.origin === location.origin) {
    // Material's worker loads Lunr's stemmers for French, Spanish and other languages from "../lunr",
    // relative to its own address; resolve that against its address, not this script's.
    var load = self.importScripts.bind(self);
    self.importScripts = function () {
      var urls = Array.prototype.map.call(arguments, function (url) {
        return new URL(url, material.href).href;
      });
      return load.apply(self, urls);
    };
    importScripts(material.href);
  }
})();

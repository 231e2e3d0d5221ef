/* The quote picker of the Source page.
 *
 * Select words inside one numbered paragraph and a small "Copy as quote" button appears below them;
 * it copies the quote as the YAML lines to paste under a priority's `quotes:` in roadmap.yaml: a
 * suggested id, the words exactly as the text of record has them (a selection that starts or ends
 * inside a word takes the whole word) and the paragraph number. It is the block that
 * `r2p-roadmap quote "some words"` prints: scripts/r2p_roadmap/quote_finder.py states the same id
 * rule and layout, and a browser test holds the two to the same output. A selection that reaches
 * beyond one paragraph shows why it cannot be copied instead. The button stands in the page right
 * after the selected words, so a keyboard user who selected with caret browsing (Shift and the
 * arrow keys) reaches it with Tab; it stays while it has focus, Escape hides it, and each copy is
 * announced by the live region of permalinks.js (loaded before this script).
 */
(function () {
  "use strict";

  var content = document.querySelector(".md-content__inner");
  var paragraphs = content ? content.querySelectorAll(".r2p-para[id^='p']") : [];
  if (!paragraphs.length) return; // only the Source page has numbered paragraphs

  // The id rule of quote_finder.py.
  var ID_WORDS = 4;
  var ID_LENGTH = 50;
  var STOP_WORDS = [
    "a", "about", "also", "an", "and", "are", "as", "at", "be", "been", "but", "by", "for", "from",
    "had", "has", "have", "in", "into", "is", "it", "its", "more", "most", "no", "not", "of", "on",
    "or", "so", "such", "than", "that", "the", "their", "them", "there", "these", "they", "this",
    "those", "to", "was", "were", "which", "while", "who", "will", "with", "would"
  ];
  var QUOTE_COLUMN = 10;
  var WIDTH = 100;

  function idWords(text) {
    var folded = text.toLowerCase().normalize("NFKD").replace(/[\u0300-\u036f]/g, "");
    return folded.replace(/['\u2018\u2019]/g, "").split(/[^a-z0-9]+/).filter(Boolean);
  }

  function suggestId(text, used) {
    var words = idWords(text);
    var meaningful = words.filter(function (word) {
      return STOP_WORDS.indexOf(word) < 0;
    });
    var parts = (meaningful.length ? meaningful : words).slice(0, ID_WORDS);
    while (parts.length > 1 && parts.join("-").length > ID_LENGTH) parts.pop();
    parts = parts.map(function (part) {
      return part.slice(0, ID_LENGTH);
    });
    if (parts.length < 2 || !/^[a-z]/.test(parts[0])) parts.unshift("quote");
    var base = parts.join("-");
    var candidate = base;
    for (var number = 2; Object.prototype.hasOwnProperty.call(used, candidate); number += 1) {
      candidate = base + "-" + number;
    }
    return candidate;
  }

  function quoteBlock(id, text, paragraph) {
    var key = " ".repeat(QUOTE_COLUMN + 2);
    var lines = [" ".repeat(QUOTE_COLUMN) + "- id: " + id, key + "text: >-"];
    var room = WIDTH - key.length - 2;
    var line = "";
    text.split(/(?<=\S) (?=\S)/).forEach(function (piece) {
      if (line && line.length + 1 + piece.length > room) {
        lines.push(key + "  " + line);
        line = piece;
      } else {
        line = line ? line + " " + piece : piece;
      }
    });
    lines.push(key + "  " + line, key + "paragraph: " + paragraph);
    return lines.join("\n");
  }

  var used = window.r2pLinkMap || {};
  var shared = window.r2pCopy;

  // A span, so that it may stand among a paragraph's words.
  var picker = document.createElement("span");
  picker.className = "r2p-picker";
  picker.hidden = true;
  var button = document.createElement("button");
  button.type = "button";
  button.className = "r2p-picker__copy";
  button.textContent = window.r2pText("Copy as quote");
  var note = document.createElement("span");
  note.className = "r2p-picker__note";
  picker.appendChild(button);
  picker.appendChild(note);
  content.classList.add("r2p-has-picker");

  var MESSAGES = {
    across: window.r2pText("One paragraph at a time: each quote names the one paragraph it comes from."),
    outside: window.r2pText("Select words of a numbered paragraph: each quote names the paragraph it comes from.")
  };
  var shown = null; // what the picker offers: {yaml, paragraph, id} or {message}

  function wordsOf(paragraph) {
    return paragraph.querySelector(":scope > p:first-child");
  }

  // The paragraph's words without its number link (and without the picker, when it sits among
  // them), and where each text node starts in them.
  function paragraphText(element) {
    var walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
    var nodes = [];
    var text = "";
    for (var node = walker.nextNode(); node; node = walker.nextNode()) {
      if (node.parentNode.closest(".r2p-pn") || picker.contains(node)) continue;
      nodes.push({node: node, start: text.length});
      text += node.data;
    }
    return {text: text, nodes: nodes};
  }

  // Where a boundary point falls in the paragraph's words: inside one of its text nodes, or (on an
  // element or in the number) at the start of the first text node after it or the end of the last before.
  function offsetIn(words, container, offset, atEnd) {
    for (var i = 0; i < words.nodes.length; i += 1) {
      if (words.nodes[i].node === container) return words.nodes[i].start + offset;
    }
    var point = document.createRange();
    point.setStart(container, offset);
    var position = atEnd ? 0 : words.text.length;
    words.nodes.forEach(function (entry) {
      var length = entry.node.data.length;
      if (atEnd && point.comparePoint(entry.node, length) <= 0) {
        position = Math.max(position, entry.start + length);
      } else if (!atEnd && point.comparePoint(entry.node, 0) >= 0) {
        position = Math.min(position, entry.start);
      }
    });
    return position;
  }

  // What a range holds: the paragraphs whose words it touches, the text nodes it selects in them,
  // and whether it touches other text. A paragraph's number and "Quoted in" line do not count.
  function survey(range) {
    var root = range.commonAncestorContainer;
    var walker = document.createTreeWalker(root.nodeType === 1 ? root : root.parentNode, NodeFilter.SHOW_TEXT);
    var found = {paragraphs: [], nodes: [], outside: false};
    for (var node = walker.nextNode(); node; node = walker.nextNode()) {
      if (!range.intersectsNode(node) || picker.contains(node)) continue;
      var start = node === range.startContainer ? range.startOffset : 0;
      var end = node === range.endContainer ? range.endOffset : node.data.length;
      if (!node.data.slice(start, end).trim() || node.parentNode.closest(".r2p-pn, .r2p-quoted-in")) continue;
      var paragraph = node.parentNode.closest(".r2p-para");
      if (paragraph && wordsOf(paragraph).contains(node)) {
        if (found.paragraphs.indexOf(paragraph) < 0) found.paragraphs.push(paragraph);
        found.nodes.push(node);
      } else {
        found.outside = true;
      }
    }
    return found;
  }

  function isSpace(character) {
    return /\s/.test(character);
  }

  function quoteOf(range, paragraph) {
    var element = wordsOf(paragraph);
    var words = paragraphText(element);
    var whole = document.createRange();
    whole.selectNodeContents(element);
    var start = range.compareBoundaryPoints(Range.START_TO_START, whole) <= 0
      ? 0
      : offsetIn(words, range.startContainer, range.startOffset, false);
    var end = range.compareBoundaryPoints(Range.END_TO_END, whole) >= 0
      ? words.text.length
      : offsetIn(words, range.endContainer, range.endOffset, true);
    var text = words.text;
    // Whole words only: a selection made by dragging often starts or ends inside one.
    while (start > 0 && !isSpace(text.charAt(start - 1)) && !isSpace(text.charAt(start))) start -= 1;
    while (end > 0 && end < text.length && !isSpace(text.charAt(end - 1)) && !isSpace(text.charAt(end))) end += 1;
    var quote = text.slice(start, end).replace(/\s+/g, " ").trim();
    if (!quote) return null;
    var number = Number(paragraph.id.slice(1));
    var id = suggestId(quote, used);
    return {yaml: quoteBlock(id, quote, number), paragraph: number, id: id};
  }

  // Whether the selection was made from its end towards its start (Shift+Left, or dragging back).
  function isBackward(selection) {
    if (selection.anchorNode === selection.focusNode) return selection.focusOffset < selection.anchorOffset;
    return Boolean(selection.anchorNode.compareDocumentPosition(selection.focusNode) & Node.DOCUMENT_POSITION_PRECEDING);
  }

  // The picker goes right after the selected words at the selection's moving end, so that Tab
  // from there (caret browsing) reaches the button first; a message goes after the block.
  function insert(selection, found, offer, backward) {
    var parent;
    var after;
    if (!offer.message) {
      parent = wordsOf(found.paragraphs[0]);
      after = found.nodes[backward ? 0 : found.nodes.length - 1];
      while (after.parentNode !== parent) after = after.parentNode;
    } else {
      var block = blockOf(selection.focusNode);
      var inParagraph = block && block.classList.contains("r2p-para");
      parent = !block ? content : inParagraph ? block : block.parentNode;
      after = !block ? parent.lastChild : inParagraph ? wordsOf(block) : block;
    }
    // Moving the picker changes the DOM around the selection, which fires selectionchange again.
    if (picker.parentNode === parent && picker.previousSibling === after) return;
    parent.insertBefore(picker, after ? after.nextSibling : parent.firstChild);
  }

  function place(range, backward) {
    picker.hidden = false;
    var rects = range.getClientRects();
    var edge = rects.length ? rects[backward ? 0 : rects.length - 1] : range.getBoundingClientRect();
    var frame = picker.offsetParent || content;
    var box = frame.getBoundingClientRect();
    var room = frame.clientWidth - picker.offsetWidth;
    picker.style.top = Math.round(edge.bottom - box.top + 4) + "px";
    picker.style.left = Math.round(Math.max(0, Math.min((backward ? edge.left : edge.right) - box.left, room))) + "px";
  }

  function hide() {
    picker.hidden = true;
    shown = null;
  }

  // Escape hides the picker until the selection changes.
  var dismissed = null;
  function isDismissed(range) {
    return Boolean(dismissed) &&
      range.compareBoundaryPoints(Range.START_TO_START, dismissed) === 0 &&
      range.compareBoundaryPoints(Range.END_TO_END, dismissed) === 0;
  }

  function blockOf(node) {
    var element = node && (node.nodeType === 1 ? node : node.parentNode);
    var paragraph = element && element.closest(".r2p-para");
    if (paragraph) return paragraph;
    while (element && element.parentNode !== content) element = element.parentNode;
    return element || null;
  }

  // What the current selection offers: {selection, range, found, offer}, or null for nothing.
  function current() {
    var selection = window.getSelection();
    if (!selection || !selection.rangeCount || selection.isCollapsed) return null;
    var range = selection.getRangeAt(0);
    var within = content.contains(range.commonAncestorContainer) && !picker.contains(range.commonAncestorContainer);
    if (!within || isDismissed(range)) return null;
    var found = survey(range);
    var offer = null;
    if (found.paragraphs.length === 1 && !found.outside) offer = quoteOf(range, found.paragraphs[0]);
    else if (found.paragraphs.length > 1 || found.outside) {
      offer = {message: found.paragraphs.length ? MESSAGES.across : MESSAGES.outside};
    }
    return offer && {selection: selection, range: range, found: found, offer: offer};
  }

  function update() {
    if (picker.contains(document.activeElement)) return; // keep what the keyboard user reached
    var now = current();
    if (!now) return hide();
    dismissed = null;
    var selection = now.selection;
    var range = now.range;
    var found = now.found;
    var offer = now.offer;
    var fresh = !shown || shown.message !== offer.message;
    shown = offer;
    button.hidden = Boolean(offer.message);
    button.textContent = window.r2pText("Copy as quote");
    note.textContent = offer.message || "";
    note.hidden = !offer.message;
    var backward = isBackward(selection);
    insert(selection, found, offer, backward);
    place(range, backward);
    if (offer.message && fresh && shared) shared.announce(offer.message);
  }

  // Most words of the page are links to the priorities that quote them, and a drag that starts on
  // a link moves the link instead of selecting words. While the main button is held down on one, it
  // is not a link: a drag then selects words, a plain click still follows it (its address is back
  // before the click), and a click that ends a selection does not. Meanwhile the picker waits, so
  // that it never comes between the pointer and the words.
  var pressed = false;
  var bare = null;
  function release() {
    pressed = false;
    if (bare) bare.link.setAttribute("href", bare.href);
    bare = null;
  }
  document.addEventListener("mousedown", function (event) {
    release();
    if (picker.contains(event.target)) return;
    pressed = true;
    var link = event.target.closest && event.target.closest(".r2p-para a.r2p-quoted[href]");
    if (!link || event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
    bare = {link: link, href: link.getAttribute("href")};
    link.removeAttribute("href");
  });
  document.addEventListener("mouseup", function () {
    release();
    update();
  });
  window.addEventListener("blur", release);
  content.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest(".r2p-para a.r2p-quoted");
    var selection = window.getSelection();
    if (link && event.detail > 0 && !selection.isCollapsed && selection.containsNode(link, true)) {
      event.preventDefault();
    }
  });
  document.addEventListener("selectionchange", function () {
    if (!pressed) update();
  });
  window.addEventListener("resize", update);
  // A mouse press on the picker would otherwise clear the selection before the click.
  picker.addEventListener("mousedown", function (event) {
    event.preventDefault();
  });
  picker.addEventListener("focusout", function (event) {
    if (!picker.contains(event.relatedTarget)) update();
  });
  document.addEventListener("keydown", function (event) {
    var selection = window.getSelection();
    if (event.key !== "Escape" || picker.hidden || !selection.rangeCount) return;
    dismissed = selection.getRangeAt(0).cloneRange();
    hide();
    if (picker.contains(document.activeElement)) button.blur();
  });
  button.addEventListener("click", function () {
    // The words selected now, should the last change of the selection not have been handled yet.
    var now = current();
    var offer = now && now.offer.yaml ? now.offer : shown;
    if (!offer || !offer.yaml || !shared) return;
    shared.text(offer.yaml + "\n").then(
      function () {
        button.textContent = window.r2pText("Copied");
        shared.announce(
          window.r2pText(
            "Quote of paragraph {paragraph} copied, with the id {id}: paste it under a priority's quotes in roadmap.yaml.",
            { paragraph: offer.paragraph, id: offer.id }
          )
        );
      },
      function () {
        shared.announce(window.r2pText("Could not copy. Run r2p-roadmap quote with these words to get the same lines."));
      }
    );
  });

  // For tests and the browser console: the same functions the button uses.
  window.r2pQuotePicker = {suggestId: suggestId, block: quoteBlock};
})();

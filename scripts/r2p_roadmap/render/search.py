"""What the site search sees: keywords and phrases that are indexed but not shown, and the search
weight of each kind of page. (The Link · Cite disclosures are shown but not indexed: see share.py.)

Material's search ranks a page by the words in its HTML. The keywords of roadmap.yaml (a reader's own
word, such as an abbreviation) go into a hidden paragraph at the end of their section: indexed, never
shown. Lunr has no phrase search, so the same paragraph also carries each multi-word name or keyword
that the section holds as a phrase, as one token: its words joined by underscores behind a leading one
("_security_council"), which the wildcard Material adds to each query word ("security*") never reaches.
docs/assets/search-worker.js adds to a reader's query of several words those of its runs, joined the
same way, that some page holds; so a page that holds the words as a phrase ranks above one where they
stand apart.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Sequence

from ..model import Roadmap
from .markup import md

# Theme pages are where a reader's search should land; the full source text repeats their words and
# so counts for less, and aggregate pages stay out of the index altogether.
THEME_SEARCH = {"boost": 2.0}
SOURCE_SEARCH = {"boost": 0.5}
UNSEARCHED = {"exclude": True}

# The search plugin's `separator` in mkdocs.yml, which splits text into words in the index and in
# queries alike (a test keeps the two equal): at spaces and punctuation, and at a full stop that is not
# followed by a digit, as in 1.4.
SEPARATOR = r'[\s\-,;:!?"“”‘’()\[\]/—–]+|\.(?!\d)'
_SEPARATOR = re.compile(SEPARATOR)


def words(text: str) -> list[str]:
    """The lower-case words of `text`, as the site search splits them."""
    return [word for word in _SEPARATOR.split(html.unescape(text).lower()) if word]


# Small words, in each language of the site, that neither start nor end a phrase worth a token of its
# own ("rule of law" is one, "of law" is not; "Conseil de sécurité" is one, "Conseil de" is not). The
# French l’ and d’ are words of their own here, as the separator splits at the apostrophe.
_LINKS = {
    "en": frozenset({"a", "an", "and", "at", "by", "for", "in", "of", "on", "or", "the", "to", "with"}),
    "fr": frozenset(
        {"à", "au", "aux", "avec", "d", "dans", "de", "des", "du", "en", "et", "l", "la", "le", "les", "ou"}
        | {"par", "pour", "sur", "un", "une"}
    ),
    "es": frozenset(
        {"a", "al", "con", "de", "del", "e", "el", "en", "la", "las", "lo", "los", "o", "para", "por", "u"}
        | {"un", "una", "y"}
    ),
}


def search_phrases(roadmap: Roadmap) -> tuple[str, ...]:
    """The multi-word terms a reader may search as a phrase: the names of actors (named bodies such as
    "UN Security Council") and every multi-word keyword of roadmap.yaml, each with its shorter runs of
    two words or more ("Security Council"), as space-separated lower-case words."""
    links = _LINKS.get(roadmap.language, _LINKS["en"])
    names = [actor.name for actor in roadmap.actors]
    names += [keyword for actor in roadmap.actors for keyword in actor.keywords]
    names += [keyword for theme in roadmap.themes for keyword in theme.keywords]
    names += [keyword for theme in roadmap.themes for p in theme.priorities for keyword in p.keywords]
    found: dict[str, None] = {}
    for name in names:
        parts = words(name)
        for start in range(len(parts)):
            for end in range(start + 2, len(parts) + 1):
                run = parts[start:end]
                if run[0] not in links and run[-1] not in links:
                    found[" ".join(run)] = None
    return tuple(found)


def phrases_in(text: str, phrases: Iterable[str]) -> list[str]:
    """The tokens of those `phrases` (from search_phrases) that `text` holds with their words side by side."""
    held = " " + " ".join(words(text)) + " "
    return ["_" + phrase.replace(" ", "_") for phrase in phrases if f" {phrase} " in held]


# The first word of every hidden paragraph of search terms: search-worker.js takes the paragraph it
# opens out of each result's text, so that keywords are found but never shown. No query reaches it.
TERMS_MARK = "_terms"


def keyword_line(keywords: Sequence[str], phrases: Sequence[str] = ()) -> str:
    """A hidden paragraph of keywords and phrase tokens, for search only, or '' when there are none."""
    terms = [md(keyword) for keyword in keywords] + [md(token) for token in phrases]
    if not terms:
        return ""
    return '<p class="r2p-keywords" hidden markdown="span">' + " ".join([md(TERMS_MARK), *terms]) + "</p>"

"""What the site search sees: visible keyword lines and the search weight of each kind of page.

Material's search ranks a page by the words it shows; keywords from roadmap.yaml are printed on the
theme page (not hidden), so a reader's own word, such as an abbreviation, finds the theme that uses it.
"""

from __future__ import annotations

from collections.abc import Sequence

from .markup import md

# Theme pages are where a reader's search should land; the full source text repeats their words and
# so counts for less, and aggregate pages stay out of the index altogether.
THEME_SEARCH = {"boost": 2.0}
SOURCE_SEARCH = {"boost": 0.5}
UNSEARCHED = {"exclude": True}


def keyword_line(keywords: Sequence[str]) -> str:
    """A paragraph listing the keywords for readers and for search, or '' when there are none."""
    if not keywords:
        return ""
    return (
        '<p class="r2p-keywords" markdown="span"><span class="r2p-keywords__label">Keywords:</span> '
        + ", ".join(md(keyword) for keyword in keywords)
        + "</p>"
    )

"""The About page: provenance, how the content was derived, how support levels are read, citing."""

from __future__ import annotations

from collections import Counter

from .. import support
from ..model import Roadmap
from .markup import front_matter, link, md

ABOUT_TITLE = "About this site"
ABOUT_DESCRIPTION = (
    "Where the R2P roadmap text comes from, how it was turned into themes, priorities and quotes, and how to cite it."
)


def render_about_page(roadmap: Roadmap) -> str:
    """The Markdown of the About page."""
    source, document = roadmap.source, roadmap.document
    counts = Counter(p.support for t in roadmap.themes for p in t.priorities)
    priorities = sum(len(t.priorities) for t in roadmap.themes)
    quotes = sum(len(p.quotes) for t in roadmap.themes for p in t.priorities) + len(roadmap.progress)
    rows = "\n".join(
        f"| {md(level.label)} | `{level.id}` | {', '.join('“' + md(p) + '”' for p in level.phrases)} | "
        f"{counts.get(level.id, 0)} |"
        for level in support.LEVELS
    )
    return "\n".join(
        [
            front_matter(title=ABOUT_TITLE, description=ABOUT_DESCRIPTION),
            "# About this site {#about}\n",
            "## The source {#provenance}\n",
            f"The site presents “{md(source.title)}: {md(source.subtitle)}”, the record of a ministerial round "
            f"table held on {md(document.date)}, published by {md(source.publisher)} at "
            f"{link(source.url, md(source.url))}.\n",
            f"The [text of record](source.md) is a clean copy of that document: the line breaks of the PDF "
            f"extraction are rejoined, split headings are put back together, bullets are list items, and its "
            f"{len(document.paragraphs)} paragraphs are numbered. Its words are unchanged; a test proves that "
            f"it has the same sequence of words as the raw extraction kept beside it in the repository "
            f"(`{md(source.raw_extraction)}`).\n",
            "## How the content was derived {#derivation}\n",
            f"Each of the {len(roadmap.themes)} themes is a numbered heading of the source, with its title "
            f"verbatim. Under each theme, every concrete priority, proposal or recommendation the source states "
            f"is listed as a priority ({priorities} in all). A priority’s title and text paraphrase the source "
            f"in plain words; its {quotes} quotes are verbatim and are checked against the text of record "
            f"every time the site is built, so a changed word stops the build.\n",
            "## How support levels are read {#support-levels}\n",
            "The source rarely says how many participants held a view, and never counts them. Where it does "
            "use a quantifier, this site records it as the priority’s support level, on the scale below, "
            "broadest first. Each priority shows the source’s own words for its level, and one of its quotes "
            "always contains them. The scale orders the source’s words; it is not a vote count, and no level "
            "is claimed that the source does not state.\n",
            "| Level | Id | The source’s words | Priorities |",
            "| --- | --- | --- | --- |",
            rows + "\n",
            "## How to cite {#cite}\n",
            f"Cite the source document: {md(source.publisher)}, “{md(source.title)}: {md(source.subtitle)}”, "
            f"{md(document.date)}, {link(source.url, md(source.url))}. When you quote this site, give the permanent "
            f"link of the theme, priority or quote and the data version: this is version {md(roadmap.version)}, "
            f"updated {md(roadmap.updated)}.\n",
            "Under every theme, priority and quote, **Link · Cite** opens its permanent link and its citation "
            "in APA 7, Chicago author-date and OSCOLA, formatted from the styles’ own definitions (CSL): each "
            "names the source document first, with the paragraph a quote comes from, then the page of this "
            "site with the data version and, as the access date, the day you read it. It also links to the "
            "item's citation as RIS, BibTeX and CSL-JSON files for reference managers. Every page carries the "
            "source document's citation data (Highwire Press and Dublin Core tags, and schema.org data), so a "
            "reference manager such as Zotero saves the document, by its publisher and with its date, with the "
            "page you were reading as its address.\n",
            "## The site itself {#site}\n",
            "The pages are built from one file, `roadmap.yaml`, by the code in the site’s repository, which also "
            "holds its tests and the figures on how fast it builds and how much a reader downloads "
            "(`benchmarks/PERFORMANCE.md`). The link “Report an error” at the foot of every page opens its issue "
            "tracker.\n",
        ]
    )

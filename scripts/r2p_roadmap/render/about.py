"""The About page: provenance, how the content was derived, how support levels are read, citing."""

from __future__ import annotations

from collections import Counter

from .. import support
from ..model import Roadmap
from .fragments import english
from .freshness import format_date
from .interface import text
from .markup import front_matter, link, md

ABOUT_TITLE = "About this site"
ABOUT_DESCRIPTION = (
    "Where the R2P roadmap text comes from, how it was turned into themes, priorities and quotes, and how to cite it."
)


def render_about_page(roadmap: Roadmap) -> str:
    """The Markdown of the About page, in the roadmap's language; the source's words stay in English."""
    source, document, language = roadmap.source, roadmap.document, roadmap.language
    counts = Counter(p.support for t in roadmap.themes for p in t.priorities)
    priorities = sum(len(t.priorities) for t in roadmap.themes)
    quotes = sum(len(p.quotes) for t in roadmap.themes for p in t.priorities) + len(roadmap.progress)
    rows = "\n".join(
        f"| {md(text(language, level.label))} | `{level.id}` | "
        f"{', '.join(english(language, '“' + md(p) + '”') for p in level.phrases)} | {counts.get(level.id, 0)} |"
        for level in support.LEVELS
    )
    title = english(language, f"{md(source.title)}: {md(source.subtitle)}")
    date = md(document.date) if language == "en" else md(format_date(source.date, language))
    address = link(source.url, md(source.url))
    header = " | ".join(text(language, word) for word in ("Level", "Id", "The source’s words", "Priorities"))
    return "\n".join(
        [
            front_matter(title=text(language, ABOUT_TITLE), description=text(language, ABOUT_DESCRIPTION)),
            f"# {text(language, ABOUT_TITLE)} {{#about}}\n",
            f"## {text(language, 'The source')} {{#provenance}}\n",
            text(
                language,
                "The site presents “{title}”, the record of a ministerial round table held on {date}, published "
                "by {publisher} at {address}.",
                title=title,
                date=date,
                publisher=md(source.publisher),
                address=address,
            )
            + "\n",
            text(
                language,
                "The {text_of_record} is a clean copy of that document: the line breaks of the PDF extraction are "
                "rejoined, split headings are put back together, bullets are list items, and its {count} paragraphs "
                "are numbered. Its words are unchanged; a test proves that it has the same sequence of words as the "
                "raw extraction kept beside it in the repository ({file}).",
                text_of_record=f"[{text(language, 'text of record')}](source.md)",
                count=len(document.paragraphs),
                file=f"`{md(source.raw_extraction)}`",
            )
            + "\n",
            f"## {text(language, 'How the content was derived')} {{#derivation}}\n",
            text(
                language,
                "Each of the {themes} themes is a numbered heading of the source, with its title verbatim. Under "
                "each theme, every concrete priority, proposal or recommendation the source states is listed as a "
                "priority ({priorities} in all). A priority’s title and text paraphrase the source in plain words; "
                "its {quotes} quotes are verbatim and are checked against the text of record every time the site is "
                "built, so a changed word stops the build.",
                themes=len(roadmap.themes),
                priorities=priorities,
                quotes=quotes,
            )
            + "\n",
            f"## {text(language, 'How support levels are read')} {{#support-levels}}\n",
            text(
                language,
                "The source rarely says how many participants held a view, and never counts them. Where it does "
                "use a quantifier, this site records it as the priority’s support level, on the scale below, "
                "broadest first. Each priority shows the source’s own words for its level, and one of its quotes "
                "always contains them. The scale orders the source’s words; it is not a vote count, and no level "
                "is claimed that the source does not state.",
            )
            + "\n",
            f"| {header} |",
            "| --- | --- | --- | --- |",
            rows + "\n",
            f"## {text(language, 'How to cite')} {{#cite}}\n",
            text(
                language,
                "Cite the source document: {publisher}, “{title}”, {date}, {address}. When you quote this site, "
                "give the permanent link of the theme, priority or quote and the data version: this is version "
                "{version}, updated {updated}.",
                publisher=md(source.publisher),
                title=title,
                date=date,
                address=address,
                version=md(roadmap.version),
                updated=md(roadmap.updated),
            )
            + "\n",
            text(
                language,
                "Under every theme, priority and quote, **Link · Cite** opens its permanent link and its citation "
                "in APA 7, Chicago author-date and OSCOLA, formatted from the styles’ own definitions (CSL): each "
                "names the source document first, with the paragraph a quote comes from, then the page of this "
                "site with the data version and, as the access date, the day you read it. It also links to the "
                "item's citation as RIS, BibTeX and CSL-JSON files for reference managers. Every page carries the "
                "source document's citation data (Highwire Press and Dublin Core tags, and schema.org data), so a "
                "reference manager such as Zotero saves the document, by its publisher and with its date, with the "
                "page you were reading as its address.",
            )
            + "\n",
            f"## {text(language, 'The site itself')} {{#site}}\n",
            text(
                language,
                "The pages are built from one file, `roadmap.yaml`, by the code in the site’s repository, which "
                "also holds its tests and the figures on how fast it builds and how much a reader downloads "
                "(`benchmarks/PERFORMANCE.md`). The link “Report an error” at the foot of every page opens its "
                "issue tracker.",
            )
            + "\n",
        ]
    )

"""The consensus map: every priority once, by theme (rows) and stated support level (columns, broadest
first), as an HTML table styled into a picture; with the same data as a plain table for reading aloud."""

from __future__ import annotations

from collections import Counter

from .. import support
from ..model import Priority, Roadmap, Theme
from ..paths import ABOUT_PAGE, CONSENSUS_PAGE, SOURCE_PAGE, relative, theme_path
from .fragments import english
from .interface import text
from .markup import front_matter, md, priority_number
from .search import UNSEARCHED


def short_label(level: support.SupportLevel) -> str:
    """The level's label without 'participant(s)', for narrow column headings: 'Many', 'One'."""
    return level.label.removesuffix(" participants").removesuffix(" participant")


def _mark(theme: Theme, priority: Priority, page: str, language: str) -> str:
    """A link to the priority, coloured by its level; its full name is a tooltip and its accessible name."""
    level = support.BY_ID[priority.support]
    number = priority_number(theme, priority)
    target = relative(page, theme_path(theme), priority.id)
    label = (
        f'<span class="r2p-mark__label">{md(number)} {md(priority.title)} ({md(text(language, level.label))})</span>'
    )
    return (
        f'[<span class="r2p-mark__number" aria-hidden="true">{md(number)}</span>{label}]({target})'
        f"{{.r2p-mark .r2p-mark--{level.id} data-priority={priority.id}}}"
    )


def empty_levels_note(roadmap: Roadmap, page: str) -> str:
    """Words for the levels that no priority has, so that an empty column is explained: where the
    source uses a level's words for the progress noted at the meeting's start, it says where."""
    language = roadmap.language
    counts = Counter(priority.support for theme in roadmap.themes for priority in theme.priorities)
    notes, unused = [], []
    for level in (level for level in support.LEVELS if not counts[level.id]):
        found = [(q, support.find_phrase(level.id, q.text)) for q in roadmap.progress]
        quote, phrase = next(((q, p) for q, p in found if p), (None, None))
        if quote and phrase:
            link = relative(page, SOURCE_PAGE, f"p{quote.paragraph}")
            notes.append(
                text(
                    language,
                    "No priority is at “{level}”: the source says “{phrase}” of the progress noted at the start of "
                    "the meeting ({paragraph}), not of any priority.",
                    level=md(text(language, level.label)),
                    phrase=english(language, md(phrase)),
                    paragraph=f"[{text(language, 'paragraph {number}', number=quote.paragraph)}]({link})",
                )
            )
        else:
            unused.append(md(text(language, level.label)))
    if unused:
        levels = ", ".join(text(language, "“{level}”", level=level) for level in unused)
        sentence = (
            "The source puts no priority at {levels} either." if notes else "The source puts no priority at {levels}."
        )
        notes.append(text(language, sentence, levels=levels))
    return '<p class="r2p-map__empty" markdown="span">' + " ".join(notes) + "</p>" if notes else ""


def render_consensus_map(roadmap: Roadmap, page: str, *, compact: bool = False) -> str:
    """The map as Markdown with HTML blocks; `compact` draws small dots and short headings for the home page."""
    language = roadmap.language
    caption_id = "consensus-map-caption-compact" if compact else "consensus-map-caption"
    levels = support.LEVELS
    counts = Counter(priority.support for theme in roadmap.themes for priority in theme.priorities)
    total = sum(counts.values())
    variant = " r2p-map--compact" if compact else ""
    lines = [
        # Kept out of the search index: a search for a priority should land on its theme page.
        f'<figure class="r2p-map{variant}" data-search-exclude="" markdown="block">',
        f'<figcaption id="{caption_id}" markdown="span">'
        + text(
            language,
            "Each mark is one of the {total} priorities, in the row of its theme and the column of the support "
            "the source states for it: from the broadest on the left to the thinnest on the right, with the points "
            "it attributes to no one last. Select a mark to open the priority.",
            total=total,
        )
        + "</figcaption>",
        '<div class="r2p-map__scroll" markdown="block">',
        f'<table class="r2p-map__table" aria-labelledby="{caption_id}" markdown="block">',
        "<thead>",
        "<tr>",
        f'<th scope="col" class="r2p-map__corner">{text(language, "Theme")}</th>',
    ]
    for level in levels:
        heading = md(text(language, short_label(level)))
        lines.append(
            f'<th scope="col" class="r2p-map__level r2p-level--{level.id}" data-level="{level.id}" '
            f'markdown="span"><span class="r2p-map__swatch" aria-hidden="true"></span>{heading}</th>'
        )
    lines += ["</tr>", "</thead>", '<tbody markdown="block">']
    for theme in roadmap.themes:
        lines.append('<tr markdown="block">')
        link = f"[{theme.number}. {md(theme.short_title)}]({relative(page, theme_path(theme))})"
        lines.append(f'<th scope="row" class="r2p-map__theme" markdown="span">{link}</th>')
        for level in levels:
            marks = [_mark(theme, p, page, language) for p in theme.priorities if p.support == level.id]
            if marks:
                lines.append(f'<td data-level="{level.id}" markdown="span">{" ".join(marks)}</td>')
            else:
                lines.append(f'<td data-level="{level.id}"></td>')
        lines.append("</tr>")
    lines.append("</tbody>")
    if not compact:
        lines += ["<tfoot>", "<tr>", f'<th scope="row">{text(language, "Priorities")}</th>']
        lines += [f'<td data-level="{level.id}">{counts.get(level.id, 0)}</td>' for level in levels]
        lines += ["</tr>", "</tfoot>"]
    lines += ["</table>", "</div>"]
    if not compact:
        lines.append(empty_levels_note(roadmap, page))
    lines.append("</figure>")
    return "\n".join(lines) + "\n"


def render_consensus_table(roadmap: Roadmap, page: str) -> str:
    """The text alternative: one row per priority with its theme, its support level and the source's words."""
    language = roadmap.language
    header = " | ".join(text(language, word) for word in ("Theme", "Priority", "Support level", "The source’s words"))
    rows = [f"| {header} |", "| --- | --- | --- | --- |"]
    for theme in roadmap.themes:
        for priority in theme.priorities:
            level = support.BY_ID[priority.support]
            words = (
                english(language, f"“{md(priority.support_phrase)}”")
                if priority.support_phrase
                else text(language, "not stated")
            )
            rows.append(
                f"| {theme.number}. {md(theme.short_title)} "
                f"| [{priority_number(theme, priority)} {md(priority.title)}]"
                f"({relative(page, theme_path(theme), priority.id)}) "
                f'| <span class="r2p-badge r2p-badge--{level.id}">{md(text(language, level.label))}</span> '
                f"| {words} |"
            )
    return '<div class="r2p-map-text" data-search-exclude="" markdown="block">\n\n' + "\n".join(rows) + "\n\n</div>\n"


def render_consensus_summary(roadmap: Roadmap, page: str) -> str:
    """The home page's section: the small map, its text alternative folded away, and a link to the full map."""
    language = roadmap.language
    return "\n".join(
        [
            f"## {text(language, 'Agreement at a glance')} {{#consensus}}\n",
            '<p class="r2p-note" markdown="span">'
            + text(language, "Where the ministers agreed broadly and where only a few spoke, as the source words it.")
            + f" [{text(language, 'Open the full consensus map')}]({relative(page, CONSENSUS_PAGE)}) · "
            f"[{text(language, 'How support levels are read')}]({relative(page, 'about.md', 'support-levels')})</p>\n",
            render_consensus_map(roadmap, page, compact=True),
            '<details class="r2p-map-details" data-search-exclude="" markdown="block">',
            f"<summary>{text(language, 'The same data as a table')}</summary>\n",
            render_consensus_table(roadmap, page),
            "</details>\n",
        ]
    )


def render_consensus_page(roadmap: Roadmap) -> str:
    """The Markdown of the Consensus map page."""
    language = roadmap.language
    rows = "\n".join(
        f'| <span class="r2p-badge r2p-badge--{level.id}">{md(text(language, level.label))}</span> '
        f"| {md(text(language, level.description))} |"
        for level in support.LEVELS
    )
    return "\n".join(
        [
            front_matter(
                title=text(language, "Consensus map"),
                description=text(
                    language,
                    "Every priority of the 2009 R2P roadmap by theme and by the breadth of agreement the source "
                    "states for it.",
                ),
                search=UNSEARCHED,  # priorities and quotes are indexed on the theme pages, where searches land
            )
            + f"# {text(language, 'Consensus map')} {{#consensus-map}}\n",
            '<p class="r2p-summary" markdown="span">'
            + text(
                language,
                "Where agreement among the ministers was broad and where it was thin: every priority of the "
                "roadmap, placed by the support level the source states for it. The source orders its words, it "
                "does not count votes; a level shows how the source puts it, nothing more.",
            )
            + f" [{text(language, 'How support levels are read')}]"
            f"({relative(CONSENSUS_PAGE, ABOUT_PAGE, 'support-levels')})</p>\n",
            render_consensus_map(roadmap, CONSENSUS_PAGE),
            f"## {text(language, 'Support levels')} {{#levels}}\n",
            f"| {text(language, 'Level')} | {text(language, 'What the source says')} |",
            "| --- | --- |",
            rows + "\n",
            f"## {text(language, 'The same data as a table')} {{#table}}\n",
            render_consensus_table(roadmap, CONSENSUS_PAGE),
        ]
    )

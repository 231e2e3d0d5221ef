"""The Quote explorer: every quote with its theme, priority, support level and paragraph, in one list
that a small script (docs/assets/quote-explorer.js) filters by theme, actor and support level."""

from __future__ import annotations

from .. import support
from ..model import Roadmap
from ..paths import HOME_PAGE, QUOTES_PAGE, SOURCE_PAGE, relative, theme_path
from .fragments import in_english, translation_note
from .interface import count, text
from .markup import attr, front_matter, md, priority_number
from .quote_list import QuoteEntry, list_quotes
from .search import UNSEARCHED

# The theme filter's value for quotes that belong to no theme (the progress noted on the home page);
# ids cannot be '-', so it never clashes with a theme.
NO_THEME = "-"


def _options(values: list[tuple[str, str]], everything: str) -> str:
    return f'<option value="">{attr(everything)}</option>' + "".join(
        f'<option value="{attr(value)}">{attr(label)}</option>' for value, label in values
    )


def _filters(roadmap: Roadmap, entries: list[QuoteEntry]) -> str:
    """The filter form, hidden until the script shows it, so that without JavaScript no dead control shows."""
    language = roadmap.language
    themes = [(theme.id, f"{theme.number}. {theme.short_title}") for theme in roadmap.themes]
    if any(entry.theme is None for entry in entries):
        themes.append((NO_THEME, text(language, "Progress noted (no theme)")))
    named = {actor_id for entry in entries if entry.priority for actor_id in entry.priority.actors}
    actors = [
        (actor.id, actor.name + (f" ({actor.abbr})" if actor.abbr else ""))
        for actor in sorted(roadmap.actors, key=lambda a: a.name.casefold())
        if actor.id in named
    ]
    used = {entry.priority.support for entry in entries if entry.priority}
    levels = [(level.id, text(language, level.label)) for level in support.LEVELS if level.id in used]
    fields = (
        ("theme", text(language, "Theme"), _options(themes, text(language, "All themes"))),
        ("actor", text(language, "Actor"), _options(actors, text(language, "All actors"))),
        ("support", text(language, "Support level"), _options(levels, text(language, "All levels"))),
    )
    controls = "".join(
        f'<div class="r2p-qx-field"><label for="r2p-qx-{name}">{label}</label>'
        f'<select id="r2p-qx-{name}" name="{name}">{options}</select></div>'
        for name, label, options in fields
    )
    return (
        f'<form class="r2p-qx-filters" id="r2p-qx-filters" aria-label="{attr(text(language, "Filter the quotes"))}" '
        f'hidden>{controls}<button type="reset" class="r2p-qx-reset">{text(language, "Show all")}</button></form>'
    )


def _item(entry: QuoteEntry, language: str) -> str:
    quote, theme, priority = entry.quote, entry.theme, entry.priority
    paragraph = text(language, "paragraph {number}", number=quote.paragraph)
    source_link = f"[{paragraph}]({relative(QUOTES_PAGE, SOURCE_PAGE, f'p{quote.paragraph}')})"
    this_quote = text(language, "link to this quote")
    if theme is None or priority is None:
        data = 'data-theme="" data-actors="" data-support=""'
        context = f"[{text(language, 'Progress noted')}]({relative(QUOTES_PAGE, HOME_PAGE, 'progress')})"
        quote_link = f"[{this_quote}]({relative(QUOTES_PAGE, HOME_PAGE, quote.id)})"
    else:
        level = support.BY_ID[priority.support]
        data = (
            f'data-theme="{attr(theme.id)}" data-actors="{attr(" ".join(priority.actors))}" '
            f'data-support="{attr(level.id)}"'
        )
        page = theme_path(theme)
        heading = text(language, "Theme {number}: {title}", number=theme.number, title=md(theme.short_title))
        context = (
            f"[{heading}]({relative(QUOTES_PAGE, page)}) · "
            f"[{priority_number(theme, priority)} {md(priority.title)}]({relative(QUOTES_PAGE, page, priority.id)}) · "
            f'<span class="r2p-badge r2p-badge--{level.id}">{md(text(language, level.label))}</span>'
        )
        quote_link = f"[{this_quote}]({relative(QUOTES_PAGE, page, quote.id)})"
    return (
        f'<li class="r2p-qx-item" {data} markdown="block">\n'
        f'<blockquote class="r2p-qx-text"{in_english(language)} markdown="block">\n{md(quote.text)}\n</blockquote>\n'
        + translation_note(language, quote.translation, block=True)
        + f'<p class="r2p-qx-meta" markdown="span">{context} · {source_link} · {quote_link}</p>\n'
        "</li>"
    )


def render_quote_explorer_page(roadmap: Roadmap) -> str:
    """The Markdown of the Quote explorer page."""
    entries = list_quotes(roadmap)
    language = roadmap.language
    title = text(language, "Quote explorer")
    return "\n".join(
        [
            front_matter(
                title=title,
                description=text(
                    language,
                    "Every verbatim quote of the 2009 R2P roadmap, filterable by theme, actor and support level.",
                ),
                search=UNSEARCHED,  # priorities and quotes are indexed on the theme pages, where searches land
            )
            + f"# {title} {{#quote-explorer}}\n",
            '<p class="r2p-summary" markdown="span">'
            + text(
                language,
                "All {count} quotes of the site, word for word from the {source}, with the theme, priority and "
                "support level they back and the paragraph they come from. Choose a theme, an actor or a support "
                "level to narrow the list.",
                count=len(entries),
                source=f"[{text(language, 'source document')}]({relative(QUOTES_PAGE, SOURCE_PAGE)})",
            )
            + "</p>\n",
            _filters(roadmap, entries) + "\n",
            f'<p class="r2p-qx-count" id="r2p-qx-count" role="status" aria-live="polite">'
            f"{count(language, len(entries), '{count} quote.', '{count} quotes.')}</p>\n",
            '<ol class="r2p-qx-list" markdown="block">',
            *(_item(entry, language) for entry in entries),
            "</ol>\n",
        ]
    )

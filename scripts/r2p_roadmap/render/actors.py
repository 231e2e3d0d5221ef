"""The Actors page: each actor the source names, with the priorities that name it."""

from __future__ import annotations

from ..model import Actor, Roadmap
from ..paths import ACTORS_PAGE, QUOTES_PAGE, relative, theme_path
from .interface import count, text
from .markup import front_matter, md, priority_number
from .search import UNSEARCHED


def _heading(actor: Actor) -> str:
    return actor.name + (f" ({actor.abbr})" if actor.abbr else "")


def _summary_table(roadmap: Roadmap, language: str) -> str:
    """Every actor with how many priorities and themes name it, most often named first."""
    counts = []
    for actor in roadmap.actors:
        named = roadmap.naming.get(actor.id, ())
        counts.append((actor, len(named), len({theme.id for theme, _ in named})))
    counts.sort(key=lambda row: (-row[1], row[0].name.casefold()))
    header = " | ".join(text(language, word) for word in ("Actor", "Priorities", "Themes"))
    rows = [f"| {header} |", "| --- | --: | --: |"]
    rows += [f"| [{md(_heading(actor))}](#{actor.id}) | {n} | {t} |" for actor, n, t in counts]
    return "\n".join(rows) + "\n"


def render_actors_page(roadmap: Roadmap) -> str:
    """The Markdown of the Actors page."""
    language = roadmap.language
    title = text(language, "Actors and institutions")
    parts = [
        front_matter(
            title=title,
            description=text(
                language, "The institutions and groups the 2009 R2P roadmap names, and the priorities that name each."
            ),
            search=UNSEARCHED,
        ),
        f"# {title} {{#actors}}\n",
        text(language, "Every institution or group the roadmap names, with the priorities that name it.") + "\n",
        _summary_table(roadmap, language),
    ]
    named = roadmap.naming
    for actor in sorted(roadmap.actors, key=lambda a: a.name.casefold()):
        parts.append(f"## {md(_heading(actor))} {{#{actor.id}}}\n")
        if actor.description:
            parts.append(f"{md(actor.description)}\n")
        lines = []
        themes = set()
        for theme, priority in named.get(actor.id, ()):
            themes.add(theme.id)
            target = relative(ACTORS_PAGE, theme_path(theme), priority.id)
            link = f"[{priority_number(theme, priority)} {md(priority.title)}]({target})"
            lines.append(
                "- "
                + text(
                    language,
                    "Theme {number}, {title}: {link}",
                    number=theme.number,
                    title=md(theme.short_title),
                    link=link,
                )
            )
        if lines:
            n, t = len(lines), len(themes)
            priorities = count(language, n, "Named in {count} priority", "Named in {count} priorities")
            themes_named = count(language, t, "under {count} theme.", "under {count} themes.")
            parts.append(f'<p class="r2p-count">{priorities} {themes_named}</p>\n')
            parts.append("\n".join(lines) + "\n")
            explorer = relative(ACTORS_PAGE, QUOTES_PAGE) + f"?actor={actor.id}"
            label = text(language, "The quotes of these priorities")
            parts.append(f'<p class="r2p-note" markdown="span">[{label}]({explorer})</p>\n')
        else:
            parts.append(f'<p class="r2p-count">{text(language, "No priority names this actor.")}</p>\n')
    return "\n".join(parts)

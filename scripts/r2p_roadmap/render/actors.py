"""The Actors page: each actor the source names, with the priorities that name it."""

from __future__ import annotations

from ..model import Actor, Roadmap
from ..paths import ACTORS_PAGE, QUOTES_PAGE, relative, theme_path
from .markup import front_matter, md, priority_number
from .search import UNSEARCHED


def _heading(actor: Actor) -> str:
    return actor.name + (f" ({actor.abbr})" if actor.abbr else "")


def _summary_table(roadmap: Roadmap) -> str:
    """Every actor with how many priorities and themes name it, most often named first."""
    counts = []
    for actor in roadmap.actors:
        named = roadmap.naming.get(actor.id, ())
        counts.append((actor, len(named), len({theme.id for theme, _ in named})))
    counts.sort(key=lambda row: (-row[1], row[0].name.casefold()))
    rows = ["| Actor | Priorities | Themes |", "| --- | --: | --: |"]
    rows += [f"| [{md(_heading(actor))}](#{actor.id}) | {n} | {t} |" for actor, n, t in counts]
    return "\n".join(rows) + "\n"


def render_actors_page(roadmap: Roadmap) -> str:
    """The Markdown of the Actors page."""
    parts = [
        front_matter(
            title="Actors and institutions",
            description="The institutions and groups the 2009 R2P roadmap names, and the priorities that name each.",
            search=UNSEARCHED,
        ),
        "# Actors and institutions {#actors}\n",
        "Every institution or group the roadmap names, with the priorities that name it.\n",
        _summary_table(roadmap),
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
            lines.append(
                f"- Theme {theme.number}, {md(theme.short_title)}: "
                f"[{priority_number(theme, priority)} {md(priority.title)}]({target})"
            )
        if lines:
            n, t = len(lines), len(themes)
            parts.append(
                f'<p class="r2p-count">Named in {n} priorit{"y" if n == 1 else "ies"} '
                f"under {t} theme{'' if t == 1 else 's'}.</p>\n"
            )
            parts.append("\n".join(lines) + "\n")
            explorer = relative(ACTORS_PAGE, QUOTES_PAGE) + f"?actor={actor.id}"
            parts.append(f'<p class="r2p-note" markdown="span">[The quotes of these priorities]({explorer})</p>\n')
        else:
            parts.append('<p class="r2p-count">No priority names this actor.</p>\n')
    return "\n".join(parts)

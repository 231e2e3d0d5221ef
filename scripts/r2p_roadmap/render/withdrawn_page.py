"""The page where links to withdrawn ids land: why each was removed, and the nearest content."""

from __future__ import annotations

from ..model import Roadmap
from ..paths import WITHDRAWN_PAGE, relative
from .interface import text
from .markup import front_matter, md, priority_number
from .permalinks import id_locations
from .search import UNSEARCHED


def id_labels(roadmap: Roadmap) -> dict[str, str]:
    """A reader's name for each current id: 'Theme 4: Veto restraint', '4.1 Press the P5 …'."""
    language = roadmap.language
    progress = text(language, "a quote under “Progress noted” on the home page")
    labels = {quote.id: progress for quote in roadmap.progress}
    for theme in roadmap.themes:
        labels[theme.id] = text(language, "Theme {number}: {title}", number=theme.number, title=theme.short_title)
        for priority in theme.priorities:
            number = priority_number(theme, priority)
            labels[priority.id] = f"{number} {priority.title}"
            for index, quote in enumerate(priority.quotes, start=1):
                labels[quote.id] = text(
                    language, "quote {index} of {priority}", index=index, priority=f"{number} {priority.title}"
                )
    for actor in roadmap.actors:
        labels[actor.id] = actor.name
    return labels


def render_withdrawn_page(roadmap: Roadmap) -> str:
    """The Markdown of the Withdrawn links page: one section per withdrawn id, anchored by that id."""
    language = roadmap.language
    parts = [
        front_matter(
            title=text(language, "Withdrawn links"),
            description=text(
                language,
                "Links to R2P roadmap content that was removed: why each was withdrawn, and where to read on.",
            ),
            search=UNSEARCHED,
        ),
        f"# {text(language, 'Withdrawn links')} {{#withdrawn}}\n",
        text(
            language,
            "Links to this site are permanent. When a theme, priority, quote or actor is removed, links to it "
            "land here, with the reason and the nearest content that remains.",
        )
        + "\n",
    ]
    if not roadmap.withdrawn:
        parts.append(text(language, "No link has been withdrawn.") + "\n")
    locations, labels = id_locations(roadmap), id_labels(roadmap)
    for withdrawal in roadmap.withdrawn:
        page, anchor = locations[withdrawal.see]
        heading = text(language, f"The {withdrawal.was} “{{id}}”", id=md(withdrawal.id))
        parts.append(f"## {heading} {{#{withdrawal.id}}}\n")
        parts.append(f"{md(withdrawal.reason)}\n")
        target = relative(WITHDRAWN_PAGE, page, anchor)
        nearest = text(
            language, "Nearest content: {link}", link=f"[{md(labels[withdrawal.see])}]({target}){{.r2p-nearest}}"
        )
        parts.append(nearest + "\n")
    return "\n".join(parts)

"""The page where links to withdrawn ids land: why each was removed, and the nearest content."""

from __future__ import annotations

from ..model import Roadmap
from ..paths import WITHDRAWN_PAGE, relative
from .markup import front_matter, md, priority_number
from .permalinks import id_locations
from .search import UNSEARCHED


def id_labels(roadmap: Roadmap) -> dict[str, str]:
    """A reader's name for each current id: 'Theme 4: Veto restraint', '4.1 Press the P5 …'."""
    labels = {quote.id: "a quote under “Progress noted” on the home page" for quote in roadmap.progress}
    for theme in roadmap.themes:
        labels[theme.id] = f"Theme {theme.number}: {theme.short_title}"
        for priority in theme.priorities:
            number = priority_number(theme, priority)
            labels[priority.id] = f"{number} {priority.title}"
            for index, quote in enumerate(priority.quotes, start=1):
                labels[quote.id] = f"quote {index} of {number} {priority.title}"
    for actor in roadmap.actors:
        labels[actor.id] = actor.name
    return labels


def render_withdrawn_page(roadmap: Roadmap) -> str:
    """The Markdown of the Withdrawn links page: one section per withdrawn id, anchored by that id."""
    parts = [
        front_matter(
            title="Withdrawn links",
            description="Links to R2P roadmap content that was removed: why each was withdrawn, and where to read on.",
            search=UNSEARCHED,
        ),
        "# Withdrawn links {#withdrawn}\n",
        "Links to this site are permanent. When a theme, priority, quote or actor is removed, links to it "
        "land here, with the reason and the nearest content that remains.\n",
    ]
    if not roadmap.withdrawn:
        parts.append("No link has been withdrawn.\n")
    locations, labels = id_locations(roadmap), id_labels(roadmap)
    for withdrawal in roadmap.withdrawn:
        page, anchor = locations[withdrawal.see]
        parts.append(f"## The {withdrawal.was} “{md(withdrawal.id)}” {{#{withdrawal.id}}}\n")
        parts.append(f"{md(withdrawal.reason)}\n")
        target = relative(WITHDRAWN_PAGE, page, anchor)
        parts.append(f"Nearest content: [{md(labels[withdrawal.see])}]({target}){{.r2p-nearest}}\n")
    return "\n".join(parts)

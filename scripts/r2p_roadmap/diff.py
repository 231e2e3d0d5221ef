"""Compare two versions of roadmap.yaml item by item: what was added, removed, renamed, moved or changed,
and which published links each change affects.

Both versions are read as structure only (`load_document`): an earlier version need not pass today's
checks, so every value is taken as it is written and anything malformed is skipped, never trusted.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from .paths import ACTORS_PAGE, HOME_PAGE, WITHDRAWN_PAGE, page_url, theme_path
from .schema import schema

# The fields compared for each kind of item, in the order changes are listed.
FIELDS = {
    "theme": ("number", "title", "short_title", "summary", "keywords"),
    "priority": ("title", "text", "support", "actors", "keywords"),
    "quote": ("text", "paragraph"),
    "actor": ("name", "abbr", "description", "keywords"),
}
TOP_FIELDS = ("version", "updated")
# Listed after every item that is still there, in the order of the earlier file.
_GONE = 1_000_000


@dataclass(frozen=True)
class Item:
    """One theme, priority, quote or actor of one version, with where it stands."""

    kind: str
    id: str
    fields: dict[str, Any]
    aliases: tuple[str, ...]
    theme: str | None  # the theme whose page shows it (a theme: itself; None: home page or actors page)
    priority: str | None  # the priority a quote belongs to
    position: tuple[int, ...]  # (theme, priority, quote) indexes in its file; -1 where not below one


@dataclass
class Index:
    """Everything of one version that the comparison looks at."""

    items: dict[str, Item] = field(default_factory=dict)
    top: dict[str, Any] = field(default_factory=dict)  # version, updated, source.*, meeting summary
    withdrawn: set[str] = field(default_factory=set)


@dataclass(frozen=True)
class Link:
    """A published (or newly published) address and what the change does to it."""

    address: str
    effect: str  # new, changed, redirects, withdrawn, broken
    to: str | None = None


@dataclass(frozen=True)
class Change:
    """One difference between the versions. `id` is the item's current id (its earlier one when removed)."""

    change: str  # added, removed, renamed, merged, moved, changed
    kind: str  # theme, priority, quote, actor, roadmap, meeting
    id: str | None
    theme: str | None
    priority: str | None
    old_id: str | None = None
    field: str | None = None
    old: Any = None
    new: Any = None
    withdrawn: bool | None = None
    links: tuple[Link, ...] = ()

    @property
    def breaks_links(self) -> bool:
        """True when a published address stops leading anywhere."""
        return any(link.effect == "broken" for link in self.links)


def _list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def _mapping(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _entries(value: Any) -> Iterator[tuple[int, dict[str, Any], str]]:
    """The entries of a list that are mappings with a text id, with their index."""
    for index, entry in enumerate(_list(value)):
        if isinstance(entry, dict) and isinstance(entry.get("id"), str):
            yield index, entry, entry["id"]


def index_roadmap(data: Any) -> Index:
    """The items of one loaded roadmap.yaml, by id (the first of two equal ids wins)."""
    found = Index()
    root = _mapping(data)

    def add(kind: str, entry: dict[str, Any], theme: str | None, priority: str | None, at: tuple[int, ...]) -> None:
        aliases = tuple(alias for alias in _list(entry.get("aliases")) if isinstance(alias, str))
        values = {name: entry.get(name) for name in FIELDS[kind]}
        found.items.setdefault(entry["id"], Item(kind, entry["id"], values, aliases, theme, priority, at))

    for name in TOP_FIELDS:
        found.top[name] = root.get(name)
    for name, value in _mapping(root.get("source")).items():
        found.top[f"source.{name}"] = value
    meeting = _mapping(root.get("meeting"))
    found.top["summary"] = meeting.get("summary")
    for q, quote, _ in _entries(meeting.get("progress")):
        add("quote", quote, None, None, (-1, -1, q))
    for t, theme, theme_id in _entries(root.get("themes")):
        add("theme", theme, theme_id, None, (t, -1, -1))
        for p, priority, priority_id in _entries(theme.get("priorities")):
            add("priority", priority, theme_id, None, (t, p, -1))
            for q, quote, _ in _entries(priority.get("quotes")):
                add("quote", quote, theme_id, priority_id, (t, p, q))
    for a, actor, _ in _entries(root.get("actors")):
        add("actor", actor, None, None, (-1, -1, a))
    found.withdrawn = {withdrawal for _, _, withdrawal in _entries(root.get("withdrawn"))}
    return found


def address(item: Item) -> str:
    """The site-root address of an item, such as '/themes/veto-restraint/#p5-withhold-veto'."""
    if item.kind == "actor":
        page = ACTORS_PAGE
    elif item.theme is None:
        page = HOME_PAGE
    else:
        page = theme_path(item.theme)
    url = "/" + page_url(page)
    return url if item.kind == "theme" else f"{url}#{item.id}"


def withdrawn_address(item_id: str) -> str:
    """Where links to a withdrawn id land."""
    return f"/{page_url(WITHDRAWN_PAGE)}#{item_id}"


class _Comparison:
    """Pairs the items of two versions (by id, or by an alias that names the earlier id) and lists changes."""

    def __init__(self, old: Index, new: Index) -> None:
        self.old, self.new = old, new
        self.earlier: dict[str, str] = {}  # new id → the earlier id it replaces under another name
        self.renamed: dict[str, str] = {}  # earlier id → the new id that now holds it
        for item in new.items.values():
            if item.id in old.items:
                continue
            for alias in item.aliases:
                previous = old.items.get(alias)
                if previous is not None and previous.kind == item.kind and alias not in self.renamed:
                    self.earlier[item.id], self.renamed[alias] = alias, item.id
                    break

    def current(self, old_id: str | None) -> str | None:
        """The id an earlier id goes by now."""
        return self.renamed.get(old_id, old_id) if old_id is not None else None

    def changes(self) -> list[tuple[tuple[int, ...], Change]]:
        """Every change with a key that orders it by theme, priority and quote."""
        listed: list[tuple[tuple[int, ...], Change]] = []
        for name in self.old.top.keys() | self.new.top.keys():
            before, after = self.old.top.get(name), self.new.top.get(name)
            if before != after:
                kind = "meeting" if name == "summary" else "roadmap"
                links = (Link("/" + page_url(HOME_PAGE), "changed"),) if kind == "meeting" else ()
                change = Change("changed", kind, None, None, None, field=name, old=before, new=after, links=links)
                listed.append((_top_key(name), change))
        for item in self.new.items.values():
            listed.extend((self._key(item), change) for change in self._present(item))
        for item in self.old.items.values():
            if item.id not in self.new.items and item.id not in self.renamed:
                listed.append((self._key(item), self._gone(item)))
        # A stable sort: the changes of one item stay in the order they were found (a rename first).
        return sorted(listed, key=lambda pair: pair[0])

    def _present(self, item: Item) -> Iterator[Change]:
        where = (item.kind, item.id, item.theme, item.priority)
        old_id = self.earlier.get(item.id, item.id)
        before = self.old.items.get(old_id)
        if before is None or before.kind != item.kind:
            yield Change("added", *where, links=(Link(address(item), "new"),))
            return
        if old_id != item.id:
            yield Change("renamed", *where, old_id=old_id, links=(Link(address(before), "redirects", address(item)),))
        parent = {"priority": "theme", "quote": "priority"}.get(item.kind)
        if parent is not None:
            was, now = getattr(before, parent), getattr(item, parent)
            if self.current(was) != now:
                # A renamed item's old address is already listed with the rename.
                moved = address(before) != address(item) and old_id == item.id
                link = Link(address(before), "redirects", address(item)) if moved else Link(address(item), "changed")
                yield Change("moved", *where, field=parent, old=was, new=now, links=(link,))
        for name in FIELDS[item.kind]:
            was, now = before.fields.get(name), item.fields.get(name)
            if was != now:
                yield Change("changed", *where, field=name, old=was, new=now, links=(Link(address(item), "changed"),))

    def _gone(self, item: Item) -> Change:
        successor = next((new.id for new in self.new.items.values() if item.id in new.aliases), None)
        if successor is not None:  # kept as an earlier id of an item that was already there
            link = Link(address(item), "redirects", address(self.new.items[successor]))
            return Change("merged", item.kind, successor, *self._place(item), old_id=item.id, links=(link,))
        withdrawn = item.id in self.new.withdrawn
        link = (
            Link(address(item), "withdrawn", withdrawn_address(item.id)) if withdrawn else Link(address(item), "broken")
        )
        return Change("removed", item.kind, item.id, *self._place(item), withdrawn=withdrawn, links=(link,))

    def _place(self, item: Item) -> tuple[str | None, str | None]:
        return self.current(item.theme), self.current(item.priority)

    def _key(self, item: Item) -> tuple[int, ...]:
        """Actors last; themes in the order of the new file, then those that are gone; within a theme,
        the theme itself, then each priority followed by its quotes."""
        present = item.id in self.new.items
        theme_id = item.theme if present else self.current(item.theme)
        if item.kind == "actor":
            group: tuple[int, ...] = (3, 0)
        elif theme_id is None:
            group = (1, 0)
        else:
            group = (2, self._rank("theme", theme_id))
        priority_id = item.id if item.kind == "priority" else item.priority if present else self.current(item.priority)
        priority = self._rank("priority", priority_id) if priority_id is not None else -1
        own = self._rank(item.kind, item.id if present else self.current(item.id)) if item.kind != "priority" else -1
        return (*group, priority, own)

    def _rank(self, kind: str, item_id: str | None) -> int:
        position = {"theme": 0, "priority": 1}.get(kind, 2)
        if item_id in self.new.items:
            return self.new.items[item_id].position[position]
        previous = self.old.items.get(self.earlier.get(item_id or "", item_id or ""))
        return _GONE + previous.position[position] if previous is not None else _GONE


def _top_key(name: str) -> tuple[int, ...]:
    """Data version and date first, then the source's fields in the order of the schema, then the summary."""
    if name == "summary":
        return (1, -1)  # before the progress quotes of the home page, keyed (1, 0, …)
    order = (*TOP_FIELDS, *(f"source.{key}" for key in schema()["properties"]["source"]["properties"]))
    return (0, order.index(name) if name in order else len(order))


def compare(old: Any, new: Any) -> list[Change]:
    """The changes from the data of one roadmap.yaml to another's, by theme, priority and quote."""
    return [change for _, change in _Comparison(index_roadmap(old), index_roadmap(new)).changes()]

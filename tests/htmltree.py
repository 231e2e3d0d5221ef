"""A small HTML tree for tests that inspect built pages: elements with attributes, children and text."""

from __future__ import annotations

import posixpath
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


@dataclass
class Element:
    """One HTML element; `children` holds elements and text strings in document order."""

    tag: str
    attrs: dict[str, str] = field(default_factory=dict)
    children: list[Element | str] = field(default_factory=list)
    parent: Element | None = None

    @property
    def classes(self) -> set[str]:
        return set(self.attrs.get("class", "").split())

    def iter(self) -> Iterator[Element]:
        """This element and every element inside it, in document order."""
        yield self
        for child in self.children:
            if isinstance(child, Element):
                yield from child.iter()

    def find_all(self, tag: str = "", cls: str = "", where: Callable[[Element], bool] | None = None) -> list[Element]:
        """Elements inside (and including) this one with the tag and class given, and passing `where`."""
        return [
            e
            for e in self.iter()
            if (not tag or e.tag == tag) and (not cls or cls in e.classes) and (where is None or where(e))
        ]

    def find(self, tag: str = "", cls: str = "", where: Callable[[Element], bool] | None = None) -> Element:
        """The first element find_all would return; fails the test if there is none."""
        found = self.find_all(tag, cls, where)
        assert found, f"no <{tag or '*'} class={cls!r}> found"
        return found[0]

    def ancestor(self, tag: str) -> Element | None:
        """The nearest enclosing element with this tag."""
        node = self.parent
        while node is not None and node.tag != tag:
            node = node.parent
        return node

    def text(self) -> str:
        """The element's text with whitespace collapsed."""
        parts: list[str] = []

        def walk(node: Element) -> None:
            for child in node.children:
                if isinstance(child, str):
                    parts.append(child)
                else:
                    walk(child)

        walk(self)
        return " ".join("".join(parts).split())


class _Builder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Element("#document")
        self.stack = [self.root]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        element = Element(tag, {k: v or "" for k, v in attrs}, parent=self.stack[-1])
        self.stack[-1].children.append(element)
        if tag not in _VOID:
            self.stack.append(element)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.stack[-1].children.append(Element(tag, {k: v or "" for k, v in attrs}, parent=self.stack[-1]))

    def handle_endtag(self, tag: str) -> None:
        for index in range(len(self.stack) - 1, 0, -1):
            if self.stack[index].tag == tag:
                del self.stack[index:]
                return

    def handle_data(self, data: str) -> None:
        self.stack[-1].children.append(data)


def parse(html: str) -> Element:
    """The document tree of `html`."""
    builder = _Builder()
    builder.feed(html)
    builder.close()
    return builder.root


def parse_page(site_dir: Path, page: str) -> Element:
    """The tree of a built page, given as its path in site/ ('themes/x/index.html')."""
    return parse((site_dir / page).read_text(encoding="utf-8"))


def resolve(page: str, href: str) -> tuple[str, str]:
    """(file in site/, fragment) that a relative link on `page` points to; directories mean their index.html."""
    path, _, fragment = href.partition("#")
    path = path.partition("?")[0]
    target = posixpath.normpath(posixpath.join(posixpath.dirname(page), path)) if path else page
    if path.endswith("/") or not posixpath.splitext(target)[1]:
        target = posixpath.join(target, "index.html") if target != "." else "index.html"
    return target, fragment

"""A fast path for reading roadmap.yaml: libyaml (PyYAML's C parser) builds the node tree.

The pure-Python loader in `load` stays the reference: it alone words the error messages. libyaml is
used only where it is known to agree with it, so a text it accepts is one the reference accepts, with
the same nodes and positions; anything else returns None and the caller uses the reference loader.
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterator
from contextlib import contextmanager

import yaml
from yaml.nodes import Node

# libyaml accepts a tab in places where the pure-Python parser reports one as an error (after a
# colon, before a comment, inside plain text), so a text with any tab is left to the reference.
_REFERENCE_ONLY = "\t"


# Called with each event that starts a node, the number of collections open around it and the
# number of nodes so far (this one included); it raises to refuse the file.
Guard = Callable[[yaml.Event, int, int], None]


def compose_fast(text: str, guard: Guard | None = None) -> list[Node] | None:
    """The node tree of every YAML document in `text` built by libyaml, or None to use the reference.

    Every node-starting event first passes `guard`, so limits and refusals hold on this path too;
    without a guard, a text with an anchor, alias or tag is left to the reference, which words them.
    None is also returned when libyaml is not installed, when the text holds a tab, or when libyaml
    finds an error.
    """
    if not getattr(yaml, "__with_libyaml__", False) or _REFERENCE_ONLY in text:
        return None
    try:
        if (guard is not None or any(c in text for c in "&*!")) and not _events_pass(text, guard):
            return None
        return compose_all(yaml.CSafeLoader(text))
    except yaml.YAMLError:
        return None


def compose_all(loader: yaml.SafeLoader | yaml.CSafeLoader) -> list[Node]:
    """The node tree of every document `loader` reads, then the loader disposed of."""
    try:
        nodes: list[Node] = []
        while loader.check_node():
            node = loader.get_node()
            if node is not None:
                nodes.append(node)
        return nodes
    finally:
        loader.dispose()


_NODE_START = (yaml.ScalarEvent, yaml.MappingStartEvent, yaml.SequenceStartEvent, yaml.AliasEvent)
_OPEN = (yaml.MappingStartEvent, yaml.SequenceStartEvent)
_CLOSE = (yaml.MappingEndEvent, yaml.SequenceEndEvent)


def _events_pass(text: str, guard: Guard | None) -> bool:
    """Scan libyaml's events: run `guard` on each node, or without one say whether none is an alias
    or carries an anchor or a tag. Scanning events is cheap next to composing the tree."""
    loader = yaml.CSafeLoader(text)
    depth = count = 0
    try:
        while loader.check_event():
            event = loader.get_event()
            if isinstance(event, _NODE_START):
                count += 1
                if guard is not None:
                    guard(event, depth, count)
                elif isinstance(event, yaml.AliasEvent) or event.anchor is not None or _explicit_tag(event):
                    return False
            if isinstance(event, _OPEN):
                depth += 1
            elif isinstance(event, _CLOSE):
                depth -= 1
    finally:
        loader.dispose()
    return True


def _explicit_tag(event: yaml.Event) -> bool:
    return getattr(event, "tag", None) is not None


@contextmanager
def gc_paused() -> Iterator[None]:
    """Pause Python's cycle collector while a large file becomes many small objects.

    The node tree and the data built from it hold no reference cycles, yet the collector would walk
    the growing heap again and again: on a roadmap of 800 themes that is half the loading time.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()

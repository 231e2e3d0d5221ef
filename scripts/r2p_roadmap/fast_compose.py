"""A fast path for reading roadmap.yaml: libyaml (PyYAML's C parser) builds the node tree.

The pure-Python loader in `load` stays the reference: it alone words the error messages. libyaml is
used only where it is known to agree with it, so a text it accepts is one the reference accepts, with
the same nodes and positions; anything else returns None and the caller uses the reference loader.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

import yaml
from yaml.nodes import Node

# libyaml accepts a tab in places where the pure-Python parser reports one as an error (after a
# colon, before a comment, inside plain text), so a text with any tab is left to the reference.
_REFERENCE_ONLY = "\t"


def compose_fast(text: str) -> list[Node] | None:
    """The node tree of every YAML document in `text` built by libyaml, or None to use the reference.

    None is returned when libyaml is not installed, when the text holds a tab, an anchor or an alias
    (which roadmap.yaml refuses, with messages the reference words), or when libyaml finds an error.
    """
    if not getattr(yaml, "__with_libyaml__", False) or _REFERENCE_ONLY in text:
        return None
    try:
        if ("&" in text or "*" in text) and _has_anchor_or_alias(text):
            return None
        loader = yaml.CSafeLoader(text)
        try:
            nodes: list[Node] = []
            while loader.check_node():
                node = loader.get_node()
                if node is not None:
                    nodes.append(node)
        finally:
            loader.dispose()
    except yaml.YAMLError:
        return None
    return nodes


def _has_anchor_or_alias(text: str) -> bool:
    """Whether any event of `text` is an alias or carries an anchor; a quick scan of libyaml's events."""
    loader = yaml.CSafeLoader(text)
    try:
        while loader.check_event():
            event = loader.get_event()
            if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None) is not None:
                return True
    finally:
        loader.dispose()
    return False


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

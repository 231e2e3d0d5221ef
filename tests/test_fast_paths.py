"""The fast paths of validation give exactly the answers of the reference code they stand in for."""

from __future__ import annotations

import copy
import datetime
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from r2p_roadmap import load
from r2p_roadmap.errors import RoadmapError
from r2p_roadmap.fast_compose import compose_fast
from r2p_roadmap.fast_schema import schema_accepts
from r2p_roadmap.load import Document, load_document
from r2p_roadmap.source import _QUOTE_MARKS, find_span
from r2p_roadmap.synthetic import synthesize
from r2p_roadmap.validate import schema, schema_text

ROOT = Path(__file__).resolve().parents[1]


def _reference_find_span(paragraph_text: str, quote: str) -> tuple[int, int] | None:
    """The character-by-character search find_span replaced, kept here as its specification."""
    target = " ".join(quote.translate(_QUOTE_MARKS).split())
    if not target:
        return None
    chars: list[str] = []
    origin: list[int] = []
    pending_space = False
    for index, char in enumerate(paragraph_text):
        if char.isspace():
            pending_space = bool(chars)
            continue
        if pending_space:
            chars.append(" ")
            origin.append(index)
            pending_space = False
        chars.append(char.translate(_QUOTE_MARKS))
        origin.append(index)
    start = "".join(chars).find(target)
    if start < 0:
        return None
    return origin[start], origin[start + len(target) - 1] + 1


_TEXT = st.text(alphabet="ab c.,\n\t\u00a0\u2009'\u2018\u2019\"\u201c\u201d\u2013\u2014", max_size=60)


@settings(max_examples=400)
@given(paragraph=_TEXT, start=st.integers(0, 60), length=st.integers(0, 30), other=_TEXT)
def test_find_span_agrees_with_the_character_by_character_search(
    paragraph: str, start: int, length: int, other: str
) -> None:
    # Half the quotes are taken from the paragraph (with its spacing and quote marks varied), half are random.
    taken = paragraph[start : start + length].replace("\u2019", "'").replace("\n", "  ")
    for quote in (taken, other):
        assert find_span(paragraph, quote) == _reference_find_span(paragraph, quote)


@pytest.mark.parametrize(
    ("paragraph", "quote", "span"),
    [
        ("One  participant\nnoted it.", "participant noted", (5, 22)),
        ("the “S5” group", 'the "S5" group', (0, 14)),
        ("Secretary General\u2019s report", "General's report", (10, 26)),
        ("  leading space", "leading", (2, 9)),
        ("no match here", "match there", None),
        ("anything", "   ", None),
    ],
)
def test_find_span_examples(paragraph: str, quote: str, span: tuple[int, int] | None) -> None:
    assert find_span(paragraph, quote) == span


def _reference_document(raw: bytes) -> Document:
    """load_document with the libyaml fast path switched off."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(load, "compose_fast", lambda text, guard=None: None)
        return load_document(raw)


def _synthetic_yaml(themes: int) -> bytes:
    base = yaml.safe_load((ROOT / "roadmap.yaml").read_text(encoding="utf-8"))
    record = (ROOT / base["source"]["text_of_record"]).read_text(encoding="utf-8")
    return synthesize(base, record, themes).roadmap_yaml.encode()


@pytest.mark.parametrize("which", ["real", "synthetic"])
def test_libyaml_and_the_reference_loader_read_the_same_document(which: str) -> None:
    raw = (ROOT / "roadmap.yaml").read_bytes() if which == "real" else _synthetic_yaml(12)
    assert compose_fast(raw.decode()) is not None  # the fast path is taken
    fast, reference = load_document(raw), _reference_document(raw)
    assert fast.data == reference.data
    assert fast.marks == reference.marks
    assert fast.key_marks == reference.key_marks
    assert fast.plain_non_strings == reference.plain_non_strings


@pytest.mark.parametrize(
    ("text", "fast"),
    [
        ("a: 1\nb: [x, 'y']\n", True),
        ("", True),
        ("a: 1\t# a tab the pure-Python parser refuses\n", False),
        ("a:\n\tb: 1\n", False),
        ("a: &x 1\n", False),
        ("a: 1\nb: *x\n", False),
        ("a: [1, 2\n", False),
        ("a: b: c\n", False),
        ("text: R&D * 2\n", True),
    ],
)
def test_which_texts_take_the_fast_path(text: str, fast: bool) -> None:
    assert (compose_fast(text) is not None) is fast


@pytest.mark.parametrize(
    "raw",
    [b"a: b: c\n", b"a: 1\t# c\n", b"a: &x 1\nb: *x\n", b"a: [1, 2\n", b"a: !tag x\n", b"a:" + b" [" * 40 + b"\n"],
)
def test_errors_keep_the_reference_loaders_words(raw: bytes) -> None:
    """Whichever parser reads the file, an editor sees the reference loader's message at the same place."""
    with pytest.raises(RoadmapError) as fast:
        load_document(raw)
    with pytest.raises(RoadmapError) as reference:
        _reference_document(raw)
    assert fast.value.problems == reference.value.problems


def _real_data() -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load((ROOT / "roadmap.yaml").read_text(encoding="utf-8"))
    return data


def _leaf_paths(value: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    if isinstance(value, dict):
        return [path] + [p for key, item in value.items() for p in _leaf_paths(item, (*path, key))]
    if isinstance(value, list):
        return [path] + [p for index, item in enumerate(value) for p in _leaf_paths(item, (*path, index))]
    return [path]


_REAL = _real_data()
_PATHS = [path for path in _leaf_paths(_REAL) if path]
_VALUES = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-3, 3),
    st.floats(allow_nan=False),
    st.dates(),
    st.text(max_size=5),
    st.sampled_from(["", "Bad Id", "a-b", "2009-09-25", "١٢", "x\n", "https://e.org", "many", "1.0.0"]),
    st.lists(st.text(max_size=3), max_size=2),
    st.dictionaries(st.sampled_from(["id", "text", "extra"]), st.text(max_size=3), max_size=2),
)


@settings(max_examples=300, deadline=None)
@given(choice=st.integers(0, 10_000), value=_VALUES, delete=st.booleans())
def test_the_compiled_schema_check_never_accepts_what_jsonschema_rejects(choice: int, value: Any, delete: bool) -> None:
    data = copy.deepcopy(_REAL)
    path = _PATHS[choice % len(_PATHS)]
    parent = data
    for part in path[:-1]:
        parent = parent[part]
    if delete and isinstance(parent, dict):
        del parent[path[-1]]
    else:
        parent[path[-1]] = value
    if schema_accepts(schema_text(), data):
        assert jsonschema.Draft202012Validator(schema()).is_valid(data)


@pytest.mark.parametrize(
    ("path", "value"),
    [
        (("version",), "1.0"),
        (("updated",), datetime.date(2009, 9, 25)),
        (("themes", 0, "id"), "Political Leadership"),
        (("themes", 0, "number"), True),
        (("themes", 0, "priorities", 0, "support"), "most"),
        (("themes", 0, "priorities", 0, "quotes"), []),
        (("themes", 0, "short_title"), "x" * 41),
        (("actors", 0, "nickname"), "AU"),
    ],
)
def test_the_compiled_schema_check_rejects_each_kind_of_mistake(path: tuple[Any, ...], value: Any) -> None:
    data = copy.deepcopy(_REAL)
    parent = data
    for part in path[:-1]:
        parent = parent[part]
    parent[path[-1]] = value
    assert not schema_accepts(schema_text(), data)
    assert not jsonschema.Draft202012Validator(schema()).is_valid(data)


def test_the_compiled_schema_check_accepts_the_real_roadmap() -> None:
    assert schema_accepts(schema_text(), _REAL)


_SCALARS = st.one_of(
    st.text(st.characters(blacklist_categories=("Cs", "Cc")), max_size=12),
    st.integers(-1000, 1000),
    st.booleans(),
    st.none(),
    st.sampled_from(["no", "on", "1e3", "2009-09-25", "0x1F", "~", "- a", "a: b", "#c", "'q'", '"d"', "x\u2028y"]),
)
_DATA = st.recursive(
    _SCALARS,
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text("abc_", min_size=1, max_size=4), inner, max_size=4)
    ),
    max_leaves=20,
)


@settings(max_examples=300, deadline=None)
@given(
    data=st.dictionaries(st.text("abcdef", min_size=1, max_size=5), _DATA, max_size=5),
    style=st.sampled_from([None, "'", '"', "|", ">"]),
    flow=st.sampled_from([False, True, None]),
    crlf=st.booleans(),
)
def test_libyaml_and_the_reference_loader_agree_on_any_yaml(
    data: dict[str, Any], style: str | None, flow: bool | None, crlf: bool
) -> None:
    text = yaml.safe_dump(data, default_style=style, default_flow_style=flow, allow_unicode=True, width=30)
    raw = (text.replace("\n", "\r\n") if crlf else text).encode()
    try:
        fast: Document | RoadmapError = load_document(raw)
    except RoadmapError as error:
        fast = error
    try:
        reference: Document | RoadmapError = _reference_document(raw)
    except RoadmapError as error:
        reference = error
    if isinstance(reference, RoadmapError) or isinstance(fast, RoadmapError):
        assert isinstance(fast, RoadmapError) and isinstance(reference, RoadmapError)
        assert fast.problems == reference.problems
        return
    assert (fast.data, fast.marks, fast.key_marks, fast.plain_non_strings) == (
        reference.data,
        reference.marks,
        reference.key_marks,
        reference.plain_non_strings,
    )

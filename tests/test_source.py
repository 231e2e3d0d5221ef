"""The text of record: same words as the raw extraction, well-formed, and quotes found in it."""

from __future__ import annotations

import pytest

from r2p_roadmap.errors import RoadmapError
from r2p_roadmap.model import Roadmap
from r2p_roadmap.source import find_span, normalise, parse_source

from .conftest import ROOT

BULLET = "\uf0b7"  # the PDF extraction's bullet glyph, which the text of record turns into list items


def test_text_of_record_has_the_raw_extractions_sequence_of_words(roadmap: Roadmap) -> None:
    raw = (ROOT / roadmap.source.raw_extraction).read_text(encoding="utf-8")
    raw_words = [word for word in raw.split() if word != BULLET]
    assert roadmap.document.words() == raw_words


def test_text_of_record_structure(roadmap: Roadmap) -> None:
    document = roadmap.document
    assert document.title == roadmap.source.title
    assert len(document.sections) == 9  # the introduction and the eight themes
    assert [p.number for p in document.paragraphs] == list(range(1, len(document.paragraphs) + 1))
    assert [p.number for p in document.paragraphs if p.is_item] == [15, 16, 17, 18]
    for theme, heading in zip(roadmap.themes, document.sections[1:], strict=True):
        assert heading == f"{theme.number}. {theme.title}"


def test_find_span_ignores_line_breaks_and_quote_mark_styles() -> None:
    text = "the “S5” to promote  reform\nof the Council’s working methods"
    span = find_span(text, 'the "S5" to promote reform of the Council\'s working')
    assert span is not None
    assert normalise(text[span[0] : span[1]]) == normalise("the “S5” to promote reform of the Council’s working")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("Title only", "1:1: the text of record must start with '# title', a subtitle and a date"),
        ("# T\n\nS\n\nD\n\n[1] Orphan", "7:1: a paragraph must come after a '## ' heading"),
        ("# T\n\nS\n\nD\n\n## H\n\n[2] Skipped", "9:1: paragraph number 2 should be 1"),
        ("# T\n\nS\n\nD\n\n## H\n\nNo number", "9:1: a block must be '## heading', '[N] text' or '- [N] text'"),
    ],
)
def test_malformed_text_of_record_names_the_line(text: str, message: str) -> None:
    with pytest.raises(RoadmapError) as caught:
        parse_source(text, "record.md")
    assert caught.value.problems[0].format() == f"record.md:{message}"

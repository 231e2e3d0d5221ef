"""`r2p-roadmap quote`: the paragraph of every real quote, YAML that validates in the quote's place,
the suggested id, the quoting, and the closest passage when the words are not exact."""

from __future__ import annotations

import re
import unicodedata

import pytest
from hypothesis import Phase, given, settings
from hypothesis import strategies as st

from r2p_roadmap.build import Project
from r2p_roadmap.cli import main
from r2p_roadmap.load import load_document
from r2p_roadmap.model import Roadmap
from r2p_roadmap.quote_finder import WIDTH, quote_block, suggest_id
from r2p_roadmap.validate import load_roadmap

from .conftest import ROOT


def _quote(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], project: Project, words: str
) -> tuple[int, str, str]:
    monkeypatch.chdir(project.root)
    code = main(["quote", words])
    out, err = capsys.readouterr()
    return code, out, err


def _blocks(out: str) -> dict[int, str]:
    """The printed blocks by their paragraph number."""
    blocks = re.split(r"(?m)^(?= *- id: )", out)[1:]
    return {int(re.findall(r"paragraph: (\d+)", block)[0]): block for block in blocks}


def test_every_quote_is_found_and_its_block_validates_in_its_place(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], project: Project, roadmap: Roadmap
) -> None:
    original = project.roadmap.read_text(encoding="utf-8")
    quotes = [quote for theme in roadmap.themes for priority in theme.priorities for quote in priority.quotes]
    # As an editor pastes one block after another: each is found in the file as it stands by then.
    pasted_text, expected = original, {}
    for quote in [*roadmap.progress, *quotes]:
        project.roadmap.write_text(pasted_text, encoding="utf-8")
        code, out, _ = _quote(monkeypatch, capsys, project, quote.text)
        blocks = _blocks(out)
        assert code == 0 and quote.paragraph in blocks, quote.id
        if quote in roadmap.progress:
            continue  # the meeting's progress quotes are not under a priority's quotes:
        entry = re.search(rf"^ {{10}}- id: {quote.id}\n(?: {{12}}.*\n)+", original, re.MULTILINE)
        new_id = re.search(r"- id: (\S+)", blocks[quote.paragraph])
        assert entry is not None and new_id is not None
        pasted_text = pasted_text.replace(entry.group(0), blocks[quote.paragraph])
        expected[new_id.group(1)] = (quote.text, quote.paragraph)
    # With every block in its quote's place, the file validates and holds the same quotes.
    project.roadmap.write_text(pasted_text, encoding="utf-8")
    pasted = load_roadmap(project.roadmap)
    found = {q.id: (q.text, q.paragraph) for t in pasted.themes for p in t.priorities for q in p.quotes}
    assert found == expected


def test_a_near_miss_names_the_closest_passage_and_fails(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], project: Project
) -> None:
    code, out, err = _quote(
        monkeypatch, capsys, project, "Rather, emphasis was put on the need for continued outreach."
    )
    source = (project.root / "source" / "r2p-roadmap-2009-09-25.md").read_text(encoding="utf-8").splitlines()
    line = next(number for number, text in enumerate(source, start=1) if text.startswith("[8] "))
    assert (code, out) == (1, "")
    assert err == (
        f"source/r2p-roadmap-2009-09-25.md:{line}:1: these words are not in the text of record "
        "('continued' where the source has 'ongoing')\n"
        "    hint: closest passage, paragraph 8: “Rather, emphasis was put on the need for ongoing outreach.”; "
        "copy the words exactly\n"
        "1 error found; nothing was written.\n"
    )


def test_words_in_several_paragraphs_give_a_block_for_each(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], project: Project, roadmap: Roadmap
) -> None:
    words = "responsibility to protect"
    holding = [p.number for p in roadmap.document.paragraphs if words in p.text]
    assert len(holding) > 2
    code, out, err = _quote(monkeypatch, capsys, project, "responsibility  to\nprotect")
    listed = ", ".join(str(n) for n in holding[:-1]) + f" and {holding[-1]}"
    assert (code, err) == (0, f"These words are in paragraphs {listed}: keep the block of the one you mean.\n")
    blocks = _blocks(out)
    assert list(blocks) == holding
    assert {block.splitlines()[0] for block in blocks.values()} == {"          - id: responsibility-protect"}
    assert {_read_back(block) for block in blocks.values()} == {words}


def test_curly_and_straight_quote_marks_and_spacing_do_not_matter(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], project: Project
) -> None:
    code, out, err = _quote(monkeypatch, capsys, project, 'the support for R2P was "broad\n  rather than deep,"')
    assert (code, err) == (0, "")
    assert out == (
        "          - id: support-r2p-broad-rather\n"
        "            text: >-\n"
        "              the support for R2P was “broad rather than deep,”\n"
        "            paragraph: 4\n"
    )


def test_no_words_is_a_usage_error(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], project: Project
) -> None:
    assert _quote(monkeypatch, capsys, project, "  ") == (
        2,
        "",
        'r2p-roadmap: error: give some words of the passage, such as: quote "ongoing outreach"\n',
    )


@pytest.mark.parametrize(
    ("text", "used", "expected"),
    [
        (
            "Core to this was the P5 withholding their vetoes in situations of mass atrocity.",
            (),
            "core-p5-withholding-vetoes",
        ),
        ("given R2P’s status in 3 UNSC resolutions", (), "given-r2ps-status-3"),
        ("Rather, emphasis was put", ("rather-emphasis-put", "rather-emphasis-put-2"), "rather-emphasis-put-3"),
        ("Élysée talks", (), "elysee-talks"),
        ("2005 summit", (), "quote-2005-summit"),
        ("No.", (), "quote-no"),
        ("of the", (), "of-the"),
        ("The", (), "quote-the"),
        ("–", (), "quote"),
        ("supercalifragilistic " * 4, (), "supercalifragilistic-supercalifragilistic"),
        ("x" * 70, (), "quote-" + "x" * 50),
    ],
)
def test_suggested_id(text: str, used: tuple[str, ...], expected: str) -> None:
    assert suggest_id(text, used) == expected


def _read_back(block: str) -> object:
    return load_document(f"quotes:\n{block}\n".encode()).data["quotes"][0]["text"]


def test_every_paragraph_reads_back_exactly_and_lines_stay_short(roadmap: Roadmap) -> None:
    for paragraph in roadmap.document.paragraphs:
        block = quote_block("an-id", paragraph.text, paragraph.number)
        assert _read_back(block) == paragraph.text
        assert max(len(line) for line in block.splitlines()) <= WIDTH


# As the loader hands text on: NFC, stripped.
_TEXT = st.text(st.characters(codec="utf-8", categories=["L", "N", "P", "S", "Zs"]), min_size=1).map(
    lambda text: unicodedata.normalize("NFC", text).strip()
)


@settings(max_examples=300, phases=[Phase.explicit, Phase.reuse, Phase.generate])
@given(_TEXT.filter(bool))
def test_any_text_reads_back_exactly(text: str) -> None:
    assert _read_back(quote_block("an-id", text, 1, column=4)) == text


def test_the_editing_guide_shows_what_quote_prints(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], project: Project
) -> None:
    guide = (ROOT / "docs" / "editing.md").read_text(encoding="utf-8")
    section = guide[guide.index("\n## Add a priority or a quote\n") :]
    words = re.search(r'^r2p-roadmap quote "([^"]+)"$', section, re.MULTILINE)
    shown = re.search(r"^```yaml\n(.*?)^```$", section, re.MULTILINE | re.DOTALL)
    assert words is not None and shown is not None
    assert _quote(monkeypatch, capsys, project, words.group(1)) == (0, shown.group(1), "")

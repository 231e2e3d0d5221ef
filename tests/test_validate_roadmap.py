"""Mistakes in roadmap.yaml give exact messages with line, column, path and fix; exit codes hold."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from r2p_roadmap.build import Project, build
from r2p_roadmap.cli import main
from r2p_roadmap.errors import RoadmapError
from r2p_roadmap.model import Roadmap
from r2p_roadmap.support import find_phrase, levels_stated

from .conftest import ROOT

REAL = (ROOT / "roadmap.yaml").read_text(encoding="utf-8")


def position(text: str, snippet: str, offset: int = 0) -> tuple[int, int]:
    """1-based line and column of `snippet` (plus `offset` characters) in `text`."""
    index = text.index(snippet) + offset
    line = text.count("\n", 0, index) + 1
    return line, index - (text.rfind("\n", 0, index) + 1) + 1


def mutate(old: str, new: str, count: int = 1) -> str:
    assert REAL.count(old) >= count, old
    return REAL.replace(old, new, count)


CASES = [
    pytest.param(
        mutate("Core to this was the P5 withholding their vetoes", "Core to this was the P5 withholding their vetos"),
        "Core to this was the P5 withholding their vetos",
        0,
        "themes[4].priorities[1].quotes[2].text: the quote is not in the text of record "
        "('vetos' where the source has 'vetoes')\n"
        "    hint: closest passage, paragraph 11: “Core to this was the P5 withholding their vetoes in situations "
        "of mass atrocity.”; copy the words exactly",
        id="misquote",
    ),
    pytest.param(
        mutate("actors: [un-security-council, p5]", "actors: [un-security-council, p6]"),
        "p6]",
        0,
        "themes[4].priorities[1].actors[2]: unknown actor 'p6'\n"
        "    hint: did you mean 'p5'? actor ids are listed under 'actors:' on line {actors_line}",
        id="dangling-actor",
    ),
    pytest.param(
        mutate("  - id: public-references\n", "  - id: sustained-advocacy\n"),
        "id: sustained-advocacy\n        title: Refer",
        4,
        "themes[1].priorities[5].id: duplicate id 'sustained-advocacy': already used on line {first_line}\n"
        "    hint: ids must be unique across the whole roadmap; choose another",
        id="duplicate-id",
    ),
    pytest.param(
        mutate(
            "support: one\n        actors: [general-assembly]\n        keywords: [military",
            "support: many\n        actors: [general-assembly]\n        keywords: [military",
        ),
        "many\n        actors: [general-assembly]\n        keywords: [military",
        0,
        "themes[4].priorities[5].support: support 'many' is not backed by a quote: none contains "
        "'many participants', 'many noted', 'many stressed'\n"
        "    hint: its quotes say “One participant” (one); set support to that level, or add a quote that "
        "states 'many'",
        id="unbacked-support",
    ),
    pytest.param(
        mutate(
            "to guide the use of force.\n            paragraph: 11",
            "to guide the use of force.\n            paragraph: 12",
        ),
        "12\n\n  - id: good-governance",
        0,
        "themes[4].priorities[5].quotes[1].paragraph: the quote is in paragraph 11, not 12\n"
        "    hint: set paragraph: 11",
        id="wrong-paragraph",
    ),
    pytest.param(
        mutate("    number: 5\n", "    number: 6\n"),
        "6\n    title: Support and monitor",
        0,
        "themes[5].number: theme number 6 is out of sequence\n"
        "    hint: themes are numbered 1, 2, 3 … in the order listed, without gaps: this one is 5",
        id="numbering-gap",
    ),
    pytest.param(
        mutate(
            "        support: several\n        actors: [states]\n        quotes:",
            "        actors: [states]\n        quotes:",
        ),
        "id: governance-rule-of-law",
        0,
        "themes[5].priorities[1]: missing required field 'support'\n"
        "    hint: add it to this entry, for example: support: many",
        id="missing-field",
    ),
]


@pytest.mark.parametrize(("text", "anchor", "offset", "expected"), CASES)
def test_validate_reports_exact_message(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], text: str, anchor: str, offset: int, expected: str
) -> None:
    target = _scratch(tmp_path, text)
    line, column = position(text, anchor, offset)
    expected = expected.format(
        actors_line=position(text, "\nactors:")[0] + 1,
        first_line=position(text, "- id: sustained-advocacy")[0],
    )
    assert main(["validate", str(target)]) == 1
    error = capsys.readouterr().err
    assert f"{target}:{line}:{column}: {expected}\n" in error
    assert error.endswith("nothing was written.\n")
    assert "Traceback" not in error


def test_unknown_field_also_suggests_the_right_name(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = mutate(
        "        support: several\n        actors: [states]\n        quotes:",
        "        suport: several\n        actors: [states]\n        quotes:",
    )
    target = _scratch(tmp_path, text)
    line, column = position(text, "suport: several")
    assert main(["validate", str(target)]) == 1
    assert (
        f"{target}:{line}:{column}: themes[5].priorities[1].suport: unknown field 'suport'\n"
        "    hint: did you mean 'support'?"
    ) in capsys.readouterr().err


def _scratch(tmp_path: Path, text: str) -> Path:
    """A roadmap file beside copies of the source texts and the translations it refers to."""
    shutil.copytree(ROOT / "source", tmp_path / "source")
    shutil.copytree(ROOT / "translations", tmp_path / "translations")
    target = tmp_path / "roadmap.yaml"
    target.write_text(text, encoding="utf-8")
    return target


def test_valid_roadmap_exits_zero(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", str(ROOT / "roadmap.yaml")]) == 0
    assert "roadmap.yaml is valid: 8 themes" in capsys.readouterr().out


def test_missing_file_is_a_usage_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", str(tmp_path / "nope.yaml")]) == 2
    assert "no such file" in capsys.readouterr().err


@pytest.mark.slow
def test_bad_option_is_a_usage_error() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "r2p_roadmap.cli", "validate", "--frobnicate"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 2
    assert "unrecognized arguments: --frobnicate" in result.stderr


def test_json_format_lists_every_problem(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = mutate("actors: [un-security-council, p5]", "actors: [un-security-counsel, p6]")
    target = _scratch(tmp_path, text)
    assert main(["validate", str(target), "--format", "json"]) == 1
    errors = json.loads(capsys.readouterr().err)["errors"]
    assert [e["path"] for e in errors] == ["themes[4].priorities[1].actors[1]", "themes[4].priorities[1].actors[2]"]
    assert errors[0]["hint"].startswith("did you mean 'un-security-council'?")


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("withholding their vetoes", "withholding their vetos"),  # a misquote
        ("actors: [un-security-council, p5]", "actors: [un-security-council, p6]"),  # a dangling actor id
        ("  - id: public-references\n", "  - id: sustained-advocacy\n"),  # a duplicate id
    ],
)
def test_failed_build_leaves_site_and_docs_untouched(built_copy: Project, old: str, new: str) -> None:
    project = built_copy
    before = _snapshot(project)
    project.roadmap.write_text(mutate(old, new), encoding="utf-8")
    with pytest.raises(RoadmapError):
        build(project)
    assert _snapshot(project) == before


def _snapshot(project: Project) -> dict[str, bytes]:
    files = [*project.site_dir.rglob("*"), *project.docs_dir.rglob("*"), project.config_file]
    return {str(p.relative_to(project.root)): p.read_bytes() for p in files if p.is_file()}


def test_every_support_level_is_backed_by_a_quote_in_the_sources_words(roadmap: Roadmap) -> None:
    for theme in roadmap.themes:
        for priority in theme.priorities:
            texts = [quote.text for quote in priority.quotes]
            if priority.support_phrase:
                assert any(find_phrase(priority.support, t) == priority.support_phrase for t in texts)
            else:  # 'unattributed' without a phrase: no quote names who made the point
                assert priority.support == "unattributed"
                assert not [lv for t in texts for lv, _ in levels_stated(t) if lv != "unattributed"]

"""Every broken roadmap of the corpus ends in its exact message, exit code 1 and no traceback."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from r2p_roadmap.cli import main
from r2p_roadmap.errors import Problem
from r2p_roadmap.validate import load_roadmap

from .bad_input.cases import BASE_FILE, CASES, Case, write_case
from .conftest import CLI

LOCATION = re.compile(r"^roadmap\.yaml:(\d+):(\d+): ", re.MULTILINE)


def _positions(text: str) -> list[tuple[int, int]]:
    return [(int(line), int(column)) for line, column in LOCATION.findall(text)]


def test_corpus_has_at_least_forty_distinct_cases() -> None:
    names = [case.name for case in CASES]
    assert len(names) >= 40
    assert len(set(names)) == len(names)


def test_base_of_the_corpus_is_valid(tmp_path: Path) -> None:
    shutil.copytree(BASE_FILE.parents[2] / "source", tmp_path / "source")
    (tmp_path / "roadmap.yaml").write_bytes(BASE_FILE.read_bytes())
    roadmap = load_roadmap(tmp_path / "roadmap.yaml")
    assert [theme.id for theme in roadmap.themes] == ["political-leadership", "norm-through-practice"]


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.name)
def test_cli_prints_the_exact_message(
    case: Case, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    write_case(case, tmp_path)
    monkeypatch.chdir(tmp_path)
    # main() is what the console script runs; an exception other than the handled RoadmapError
    # would escape here and fail the test.
    assert main(["validate", "roadmap.yaml"]) == 1
    output = capsys.readouterr()
    assert "Traceback" not in output.err
    assert (output.out, output.err) == ("", case.expected + "\n")
    positions = _positions(output.err)
    assert positions and positions == sorted(positions)


# One case of each kind also runs through the installed console script in its own process.
PROCESS_CASES = [
    "syntax-key-indented-too-little",
    "duplicate-key",
    "empty-file",
    "unknown-field-typo",
    "misquote",
    "billion-laughs",
    "trap-no",
    "not-utf8",
    "many-errors-sorted-by-line",
]


@pytest.mark.slow
@pytest.mark.parametrize("case", [c for c in CASES if c.name in PROCESS_CASES], ids=lambda case: case.name)
def test_console_script_exits_1_without_traceback(case: Case, tmp_path: Path) -> None:
    write_case(case, tmp_path)
    for arguments, expected in (([], case.expected + "\n"), (["--format", "json"], None)):
        result = subprocess.run(
            [str(CLI), "validate", *arguments, "roadmap.yaml"],
            cwd=tmp_path,
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
        assert "Traceback" not in result.stderr
        assert (result.returncode, result.stdout) == (1, "")
        if expected is not None:
            assert result.stderr == expected
        else:
            assert json.loads(result.stderr)["errors"]


def test_every_process_case_exists() -> None:
    assert sorted(PROCESS_CASES) == sorted(c.name for c in CASES if c.name in PROCESS_CASES)


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.name)
def test_json_output_lists_the_same_problems(
    case: Case, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    write_case(case, tmp_path)
    monkeypatch.chdir(tmp_path)
    assert main(["validate", "--format", "json", "roadmap.yaml"]) == 1
    output = capsys.readouterr()
    assert output.out == ""
    errors = json.loads(output.err)["errors"]
    assert all(set(error) == {"file", "line", "column", "path", "message", "hint"} for error in errors)
    blocks = [Problem(**error).format() for error in errors]
    count = len(errors)
    summary = f"{count} error{'s' if count != 1 else ''} found; nothing was written."
    assert "\n".join([*blocks, summary]) == case.expected
    positions = [(error["line"], error["column"]) for error in errors]
    assert positions == sorted(positions)

# ruff: noqa: E501 - the expected workflow commands are quoted whole, one line each
"""`validate --format github` prints one GitHub Actions workflow command per problem, escaped, on its line."""

from __future__ import annotations

from pathlib import Path

import pytest

from r2p_roadmap.cli import main

from .bad_input.cases import ROOT, Case, edit, write_case

# Three mistakes: a field whose name holds ':', ',', '%' and a line break (in the message and the
# title), a support level no quote states, and a misspelt actor id.
BROKEN = Case(
    "three-mistakes",
    "three mistakes in one file",
    edit(
        ("    abbr: GA\n", '    abbr: GA\n    "note: 50%,\\nsee below": x\n'),
        ("        support: one\n", "        support: many\n"),
        ("actors: [ngos-civil-society]", "actors: [ngo-civil-society]"),
    ),
    "",
)

EXPECTED_ERRORS = [
    "::error file=roadmap.yaml,line=27,col=5,title=actors[1].note%3A 50%25%2C%0Asee below::unknown field 'note: 50%25,%0Asee below' — hint: allowed fields: abbr, description, id, keywords, name",
    "::error file=roadmap.yaml,line=43,col=18,title=themes[1].priorities[1].support::support 'many' is not backed by a quote: none contains 'many participants', 'many noted', 'many stressed' — hint: its quotes say “One participant” (one); set support to that level, or add a quote that states 'many'",
    "::error file=roadmap.yaml,line=56,col=18,title=themes[1].priorities[2].actors[1]::unknown actor 'ngo-civil-society' — hint: did you mean 'ngos-civil-society'? actor ids are listed under 'actors:' on line 23",
]

VALID = Case("valid", "the base file unchanged", edit(), "")


def _validate(
    case: Case, folder: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], *args: str
) -> tuple[int, str]:
    """Write the case to `folder` and validate it there for GitHub; the exit code and standard output."""
    write_case(case, folder)
    monkeypatch.chdir(folder)
    code = main(["validate", *args, "--format", "github"])
    output = capsys.readouterr()
    assert output.err == ""
    return code, output.out


def test_each_problem_is_one_error_command_on_its_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out = _validate(BROKEN, tmp_path, monkeypatch, capsys)
    assert (code, out.split("\n")) == (1, [*EXPECTED_ERRORS, ""])


def test_a_syntax_error_is_titled_with_the_file_name(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    colon = Case("colon", "", edit(("Deepen support through", "Deepen support: through")), "")
    assert _validate(colon, tmp_path, monkeypatch, capsys, "roadmap.yaml") == (
        1,
        "::error file=roadmap.yaml,line=40,col=30,title=roadmap.yaml::YAML syntax error: the value of 'title' contains ': ', which YAML reads as the start of another key"
        ' — hint: put the whole value in quotes: title: "Deepen support: through sustained advocacy"\n',
    )


def test_a_valid_file_gives_one_notice_and_exit_0(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _validate(VALID, tmp_path, monkeypatch, capsys) == (
        0,
        "::notice file=roadmap.yaml,title=No mistakes found::roadmap.yaml is valid: 2 themes, 3 priorities, 4 quotes checked against the text of record.\n",
    )


def test_files_are_named_relative_to_the_repository_root(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # A checkout (mkdocs.yml beside roadmap.yaml), with a second roadmap in a folder, checked from another folder.
    write_case(VALID, tmp_path)
    (tmp_path / "mkdocs.yml").write_text("site_name: test\n", encoding="utf-8")
    write_case(BROKEN, tmp_path / "drafts")
    (tmp_path / "docs").mkdir()
    monkeypatch.chdir(tmp_path / "docs")
    assert main(["validate", "../drafts/roadmap.yaml", "--format", "github"]) == 1
    assert capsys.readouterr().out.split("\n") == [
        *(line.replace("file=roadmap.yaml", "file=drafts/roadmap.yaml") for line in EXPECTED_ERRORS),
        "",
    ]
    assert main(["validate", "--format", "github"]) == 0
    assert capsys.readouterr().out.startswith("::notice file=roadmap.yaml,title=No mistakes found::")


def test_the_real_roadmap_is_valid_in_github_format(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(ROOT)
    assert main(["validate", "--format", "github"]) == 0
    notice = capsys.readouterr().out
    assert notice.startswith("::notice file=roadmap.yaml,title=No mistakes found::roadmap.yaml is valid: 8 themes, ")
    assert notice.count("\n") == 1

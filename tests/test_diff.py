# ruff: noqa: E501 - the expected summaries are quoted whole, one output line per source line
"""`r2p-roadmap diff`: the change summary of a small git history, exactly, as text and as JSON."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from r2p_roadmap.cli import main
from r2p_roadmap.diff import compare
from r2p_roadmap.diff_command import Base, format_text, theme_headings
from r2p_roadmap.validate import load_roadmap

from .bad_input.cases import ROOT
from .diff_history import final_text, git, make_history

SUMMARY = """\
Changes to roadmap.yaml since the merge base of HEAD and main ({base}):

### Theme 1: Political leadership (`political-leadership`)

- Priority `deepen-advocacy` renamed from `sustained-advocacy`; the old id is kept under `aliases:`.
  - `/themes/political-leadership/#sustained-advocacy` now leads to `/themes/political-leadership/#deepen-advocacy`
- Quote `sustained-advocacy-broad-not-deep` of priority `deepen-advocacy`: text changed.
  - was: One participant cautioned that while very positive, the GA debate suggested that the support for R2P was “broad rather than deep,” thus highlighting the importance of sustained advocacy on R2P.
  - now: One participant cautioned that while very positive, the GA debate suggested that the support for R2P was “broad rather than deep,”
  - `/themes/political-leadership/#sustained-advocacy-broad-not-deep`
- Priority `support-civil-society`: support changed from several to many.
  - `/themes/political-leadership/#support-civil-society`

### Theme 2: Consolidation through practice (`norm-through-practice`)

- Priority `consolidate-through-practice` added.
  - `/themes/norm-through-practice/#consolidate-through-practice` (new link)
- Quote `consolidate-through-practice-consensus` of priority `consolidate-through-practice` added.
  - `/themes/norm-through-practice/#consolidate-through-practice-consensus` (new link)
- Priority `ongoing-outreach` removed; it is listed under `withdrawn:`.
  - `/themes/norm-through-practice/#ongoing-outreach` now leads to `/withdrawn/#ongoing-outreach`
- Quote `ongoing-outreach-emphasis` of priority `ongoing-outreach` removed; it is listed under `withdrawn:`.
  - `/themes/norm-through-practice/#ongoing-outreach-emphasis` now leads to `/withdrawn/#ongoing-outreach-emphasis`

7 changes; no published link breaks.
"""

NOTHING: dict[str, Any] = {
    "id": None,
    "theme": None,
    "priority": None,
    "old_id": None,
    "field": None,
    "old": None,
    "new": None,
    "withdrawn": None,
    "links": [],
    "breaks_links": False,
}
KEYS = [
    "change",
    "kind",
    "id",
    "theme",
    "priority",
    "old_id",
    "field",
    "old",
    "new",
    "withdrawn",
    "links",
    "breaks_links",
]
OLD_QUOTE = "One participant cautioned that while very positive, the GA debate suggested that the support for R2P was “broad rather than deep,” thus highlighting the importance of sustained advocacy on R2P."
NEW_QUOTE = "One participant cautioned that while very positive, the GA debate suggested that the support for R2P was “broad rather than deep,”"
THEME_1, THEME_2 = "/themes/political-leadership/", "/themes/norm-through-practice/"


def _link(address: str, effect: str, to: str | None = None) -> dict[str, Any]:
    return {"address": address, "effect": effect, "to": to}


CHANGES: list[dict[str, Any]] = [
    {
        **NOTHING,
        "change": "renamed",
        "kind": "priority",
        "id": "deepen-advocacy",
        "theme": "political-leadership",
        "old_id": "sustained-advocacy",
        "links": [_link(f"{THEME_1}#sustained-advocacy", "redirects", f"{THEME_1}#deepen-advocacy")],
    },
    {
        **NOTHING,
        "change": "changed",
        "kind": "quote",
        "id": "sustained-advocacy-broad-not-deep",
        "theme": "political-leadership",
        "priority": "deepen-advocacy",
        "field": "text",
        "old": OLD_QUOTE,
        "new": NEW_QUOTE,
        "links": [_link(f"{THEME_1}#sustained-advocacy-broad-not-deep", "changed")],
    },
    {
        **NOTHING,
        "change": "changed",
        "kind": "priority",
        "id": "support-civil-society",
        "theme": "political-leadership",
        "field": "support",
        "old": "several",
        "new": "many",
        "links": [_link(f"{THEME_1}#support-civil-society", "changed")],
    },
    {
        **NOTHING,
        "change": "added",
        "kind": "priority",
        "id": "consolidate-through-practice",
        "theme": "norm-through-practice",
        "links": [_link(f"{THEME_2}#consolidate-through-practice", "new")],
    },
    {
        **NOTHING,
        "change": "added",
        "kind": "quote",
        "id": "consolidate-through-practice-consensus",
        "theme": "norm-through-practice",
        "priority": "consolidate-through-practice",
        "links": [_link(f"{THEME_2}#consolidate-through-practice-consensus", "new")],
    },
    {
        **NOTHING,
        "change": "removed",
        "kind": "priority",
        "id": "ongoing-outreach",
        "theme": "norm-through-practice",
        "withdrawn": True,
        "links": [_link(f"{THEME_2}#ongoing-outreach", "withdrawn", "/withdrawn/#ongoing-outreach")],
    },
    {
        **NOTHING,
        "change": "removed",
        "kind": "quote",
        "id": "ongoing-outreach-emphasis",
        "theme": "norm-through-practice",
        "priority": "ongoing-outreach",
        "withdrawn": True,
        "links": [_link(f"{THEME_2}#ongoing-outreach-emphasis", "withdrawn", "/withdrawn/#ongoing-outreach-emphasis")],
    },
]


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    return make_history(tmp_path / "repo", monkeypatch)


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["diff", *args])
    output = capsys.readouterr()
    return code, output.out, output.err


def test_summary_lists_each_change_by_theme_and_priority_with_its_links(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    base = git(repo, "merge-base", "HEAD", "main")[:7]
    assert _run(capsys) == (0, SUMMARY.format(base=base), "")


def test_json_gives_the_same_changes_in_a_stable_structure(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = _run(capsys, "--format", "json")
    document = json.loads(out)
    assert (code, err) == (0, "")
    assert list(document) == ["file", "base", "changes", "breaking"]
    assert document["file"] == "roadmap.yaml"
    assert document["base"] == {"revision": "main", "commit": git(repo, "rev-parse", "main"), "merge_base": True}
    assert [list(change) for change in document["changes"]] == [KEYS] * len(CHANGES)
    assert document["changes"] == CHANGES
    assert document["breaking"] == 0


def test_base_names_any_revision(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    base = git(repo, "rev-parse", "--short=7", "HEAD~1")
    assert _run(capsys, "HEAD~1") == (
        0,
        f"""\
Changes to roadmap.yaml since HEAD~1 ({base}):

### Theme 1: Political leadership (`political-leadership`)

- Quote `sustained-advocacy-broad-not-deep` of priority `deepen-advocacy`: text changed.
  - was: {OLD_QUOTE}
  - now: {NEW_QUOTE}
  - `/themes/political-leadership/#sustained-advocacy-broad-not-deep`

1 change; no published link breaks.
""",
        "",
    )


def test_the_working_copy_counts_and_an_unlisted_removal_breaks_links(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    roadmap = repo / "roadmap.yaml"
    roadmap.write_text(
        roadmap.read_text(encoding="utf-8").replace(
            "  - id: ministers\n    name: Ministers and senior officials\n", ""
        ),
        encoding="utf-8",
    )
    base = git(repo, "rev-parse", "--short=7", "HEAD")
    assert _run(capsys, "HEAD") == (
        0,
        f"""\
Changes to roadmap.yaml since HEAD ({base}):

### Actors

- Actor `ministers` removed without an entry under `withdrawn:`, so its published link breaks.
  - `/actors/#ministers` breaks

1 change; 1 of them breaks a published link: list each removed id under `withdrawn:`, or keep it under the `aliases:` of what replaces it.
""",
        "",
    )
    document = json.loads(_run(capsys, "HEAD", "--format", "json")[1])
    assert document["breaking"] == 1
    assert document["changes"] == [
        {
            **NOTHING,
            "change": "removed",
            "kind": "actor",
            "id": "ministers",
            "withdrawn": False,
            "links": [_link("/actors/#ministers", "broken")],
            "breaks_links": True,
        }
    ]


def test_comments_and_line_breaks_are_not_content_changes(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    roadmap = repo / "roadmap.yaml"
    text = roadmap.read_text(encoding="utf-8")
    text = text.replace("  - id: ministers\n", "  # named in theme 2\n  - id: ministers\n")
    text = text.replace(
        "the GA debate suggested that the\n              support",
        "the GA debate suggested\n              that the support",
    )
    roadmap.write_text(text, encoding="utf-8")
    base = git(repo, "rev-parse", "--short=7", "HEAD")
    assert _run(capsys, "HEAD") == (0, f"No content changes in roadmap.yaml since HEAD ({base}).\n", "")


def test_without_main_it_compares_with_origin_main(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # A pull request's checkout has the branch it is proposed for only as origin/main.
    git(repo, "update-ref", "refs/remotes/origin/main", "main")
    git(repo, "branch", "--delete", "--force", "main")
    base = git(repo, "merge-base", "HEAD", "origin/main")[:7]
    expected = SUMMARY.format(base=base).replace("HEAD and main", "HEAD and origin/main")
    assert _run(capsys) == (0, expected, "")


def _errors(*lines: str) -> str:
    return "\n".join([*lines, "1 error found; nothing was written.", ""])


def test_without_main_or_origin_main_it_asks_for_a_base(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    git(repo, "branch", "--delete", "--force", "main")
    assert _run(capsys) == (
        1,
        "",
        _errors(
            "git:1:1: there is neither a main nor an origin/main branch to compare with",
            "    hint: name the revision to compare with: r2p-roadmap diff BASE; a clone made with --depth needs the history of main first (git fetch origin main)",
        ),
    )


def test_an_unrelated_main_is_named(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    git(repo, "switch", "--quiet", "--orphan", "elsewhere")
    for name in ("roadmap.yaml", "mkdocs.yml"):  # switching to an orphan branch removes them
        (repo / name).write_text("version: '1'\n", encoding="utf-8")
    git(repo, "add", "roadmap.yaml", "mkdocs.yml")
    git(repo, "commit", "--quiet", "-m", "Unrelated")
    assert _run(capsys) == (
        1,
        "",
        _errors(
            "git:1:1: HEAD has no commit in common with main",
            "    hint: name the revision to compare with: r2p-roadmap diff BASE",
        ),
    )


def test_an_unknown_revision_is_named(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert _run(capsys, "mian") == (
        1,
        "",
        _errors(
            "git:1:1: git knows no revision 'mian'",
            "    hint: name a branch, tag or commit, such as main or origin/main",
        ),
    )


def test_a_base_without_the_file_is_named(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    base = git(repo, "rev-parse", "--short=7", "before-roadmap")
    assert _run(capsys, "before-roadmap") == (
        1,
        "",
        _errors(
            f"git:1:1: roadmap.yaml does not exist at before-roadmap ({base})",
            "    hint: compare with a revision that has it",
        ),
    )


def test_a_broken_working_copy_gives_the_usual_messages(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    roadmap = repo / "roadmap.yaml"
    roadmap.write_text(
        roadmap.read_text(encoding="utf-8").replace(
            "        support: many\n", "        support: many\n        support: several\n"
        ),
        encoding="utf-8",
    )
    assert _run(capsys) == (
        1,
        "",
        _errors(
            "roadmap.yaml:55:9: duplicate key 'support': it is already set on line 54",
            "    hint: keep one of the two; YAML would silently drop the first",
        ),
    )


def test_a_base_that_does_not_load_is_named_with_its_revision(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    git(repo, "switch", "--quiet", "main")
    roadmap = repo / "roadmap.yaml"
    roadmap.write_text(
        roadmap.read_text(encoding="utf-8").replace("    number: 2\n", "    number:\t2\n"), encoding="utf-8"
    )
    git(repo, "commit", "--quiet", "-am", "A tab")
    git(repo, "switch", "--quiet", "edit")
    assert _run(capsys, "main") == (
        1,
        "",
        _errors(
            "main:roadmap.yaml:64:12: a tab character; roadmap.yaml uses spaces only",
            "    hint: replace the tab with spaces (YAML does not allow tabs for indentation)",
        ),
    )


def test_outside_a_git_checkout_it_says_so(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path.parent))  # git looks no higher
    for name in ("roadmap.yaml", "mkdocs.yml"):
        (tmp_path / name).write_text("version: '1'\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert _run(capsys) == (
        1,
        "",
        _errors(
            "git:1:1: this folder is not in a git checkout, so there is no earlier version to compare with",
            "    hint: run r2p-roadmap diff inside a clone of the repository",
        ),
    )


def test_without_git_it_says_so(
    repo: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("PATH", str(repo / "no-such-folder"))
    assert _run(capsys) == (
        1,
        "",
        _errors(
            "git:1:1: git is not installed; diff reads the earlier version of roadmap.yaml from git",
            "    hint: install git (on Debian: apt-get install git), then run r2p-roadmap diff again",
        ),
    )


def test_renamed_themes_merged_and_moved_items_and_list_fields() -> None:
    old = {
        "themes": [
            {
                "id": "a",
                "number": 1,
                "short_title": "A",
                "priorities": [
                    {"id": "p1", "actors": ["x"], "quotes": [{"id": "q1", "text": "t", "paragraph": 3}]},
                    {"id": "p2", "quotes": [{"id": "q2"}]},
                ],
            },
            {"id": "b", "number": 2, "short_title": "B", "priorities": [{"id": "p3", "quotes": []}]},
        ],
        "actors": [{"id": "x", "name": "X"}],
    }
    new = {
        "themes": [
            {
                "id": "a2",
                "aliases": ["a"],
                "number": 1,
                "short_title": "A",
                "keywords": ["k"],
                "priorities": [{"id": "p1", "actors": ["y"], "quotes": [{"id": "q1", "text": "t", "paragraph": 4}]}],
            },
            {
                "id": "b",
                "number": 2,
                "short_title": "B",
                "priorities": [{"id": "p3", "aliases": ["p2"], "quotes": [{"id": "q2"}]}],
            },
        ],
        "actors": [{"id": "x", "name": "X"}, {"id": "y", "name": "Y"}],
    }
    base = Base("main", "0123456789" * 4, merge_base=True)
    assert format_text(compare(old, new), base, "roadmap.yaml", theme_headings(old, new)) == (
        """\
Changes to roadmap.yaml since the merge base of HEAD and main (0123456):

### Theme 1: A (`a2`)

- Theme `a2` renamed from `a`; the old id is kept under `aliases:`.
  - `/themes/a/` now leads to `/themes/a2/`
- Theme `a2`: keywords changed: added `k`.
  - `/themes/a2/`
- Priority `p1`: actors changed: added `y`; removed `x`.
  - `/themes/a2/#p1`
- Quote `q1` of priority `p1`: paragraph changed from 3 to 4.
  - `/themes/a2/#q1`
- Priority `p2` merged into `p3`, which keeps its id under `aliases:`.
  - `/themes/a/#p2` now leads to `/themes/b/#p3`

### Theme 2: B (`b`)

- Quote `q2` of priority `p3` moved from priority `p2` to priority `p3`.
  - `/themes/a/#q2` now leads to `/themes/b/#q2`

### Actors

- Actor `y` added.
  - `/actors/#y` (new link)

7 changes; no published link breaks."""
    )


def test_a_malformed_base_is_compared_as_far_as_it_goes() -> None:
    old = {"themes": [{"id": "a", "priorities": "none"}, "text", {"no": "id"}], "actors": {"x": 1}, "version": 1}
    new = {"themes": [{"id": "a", "priorities": [{"id": "p", "quotes": None}]}], "version": "1"}
    assert [(c.change, c.kind, c.id, c.field) for c in compare(old, new)] == [
        ("changed", "roadmap", None, "version"),
        ("added", "priority", "p", None),
    ]


def test_the_history_ends_in_a_valid_roadmap(tmp_path: Path) -> None:
    # The editing guide shows this history's summary as an example, so its last state must be a good edit.
    (tmp_path / "roadmap.yaml").write_text(final_text(), encoding="utf-8")
    shutil.copytree(ROOT / "source", tmp_path / "source")
    roadmap = load_roadmap(tmp_path / "roadmap.yaml")
    assert [p.id for theme in roadmap.themes for p in theme.priorities] == [
        "deepen-advocacy",
        "support-civil-society",
        "consolidate-through-practice",
    ]

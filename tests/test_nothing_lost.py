"""A failed or interrupted validate or build leaves docs/, site/ and mkdocs.yml exactly as the last good build."""

from __future__ import annotations

import signal
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest

from r2p_roadmap import build as build_module
from r2p_roadmap.build import Project, build, remove_leftovers
from r2p_roadmap.errors import RoadmapError

from .bad_input.cases import BILLION_LAUGHS

CLI = Path(sys.executable).with_name("r2p-roadmap")


def snapshot(project: Project) -> dict[str, bytes]:
    """Every file of docs/ and site/, mkdocs.yml, and the names of all entries of the project folder."""
    files = {path.relative_to(project.root).as_posix(): path.read_bytes() for path in _files(project)}
    files["<entries>"] = "\n".join(sorted(path.name for path in project.root.iterdir())).encode()
    return files


def _files(project: Project) -> list[Path]:
    found = [project.config_file]
    for folder in (project.docs_dir, project.site_dir):
        found += [path for path in folder.rglob("*") if path.is_file()]
    return sorted(found)


def _run(project: Project, *arguments: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(CLI), *arguments], cwd=project.root, capture_output=True, text=True, timeout=300, check=False
    )


def _edit(project: Project, old: str, new: str) -> None:
    text = project.roadmap.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    project.roadmap.write_text(text.replace(old, new), encoding="utf-8")


CORRUPTIONS: list[tuple[str, bytes | tuple[str, str]]] = [
    ("yaml syntax", ("    short_title: Political leadership\n", "     short_title: Political leadership\n")),
    ("misquote", ("emphasis was put on the need for ongoing outreach", "emphasis was put on the need for outreach")),
    (
        "unbacked support",
        ("        support: consensus\n        actors: []", "        support: all\n        actors: []"),
    ),
    ("billion laughs", BILLION_LAUGHS),
    ("not UTF-8", b"version: \xff\n"),
    ("empty", b""),
]


def test_failed_validate_and_build_change_nothing(project: Project) -> None:
    build(project)
    good = project.roadmap.read_bytes()
    before = snapshot(project)
    assert any(name.startswith("site/") for name in before)
    for name, corruption in CORRUPTIONS:
        project.roadmap.write_bytes(good)
        if isinstance(corruption, bytes):
            project.roadmap.write_bytes(corruption)
        else:
            _edit(project, *corruption)
        for command in ("validate", "build"):
            result = _run(project, command)
            assert result.returncode == 1, (name, command, result.stderr)
            assert "Traceback" not in result.stderr
            assert result.stderr.endswith("found; nothing was written.\n"), (name, command)
            assert snapshot(project) == before, (name, command)


def test_mkdocs_failure_changes_nothing(project: Project) -> None:
    build(project)
    before = snapshot(project)
    # A valid change to the roadmap, and a hand-written page that breaks the strict MkDocs build.
    _edit(project, "title: Deepen support through sustained advocacy", "title: Deepen support for R2P")
    broken = project.docs_dir / "notes.md"
    broken.write_text("# Notes\n\nSee [the missing page](missing.md).\n", encoding="utf-8")
    with pytest.raises(RoadmapError) as raised:
        build(project)
    assert {problem.file for problem in raised.value.problems} == {"mkdocs build"}
    broken.unlink()
    assert snapshot(project) == before
    assert "Deepen support for R2P" not in (project.docs_dir / "themes" / "political-leadership.md").read_text()


def test_interrupted_mkdocs_step_leaves_the_previous_site(project: Project, monkeypatch: pytest.MonkeyPatch) -> None:
    build(project)
    before = snapshot(project)
    _edit(project, "title: Deepen support through sustained advocacy", "title: Deepen support for R2P")

    def half_build(config: Any) -> None:
        site = Path(config["site_dir"])
        site.mkdir(parents=True, exist_ok=True)
        (site / "index.html").write_text("<html><body>half", encoding="utf-8")
        raise KeyboardInterrupt

    monkeypatch.setattr(build_module, "mkdocs_build", half_build)
    with pytest.raises(KeyboardInterrupt):
        build(project)
    assert snapshot(project) == before


# Runs a real build in a child process that kills itself while MkDocs is writing the new site.
_KILLED_BUILD = textwrap.dedent(
    """
    import os, signal, sys
    from pathlib import Path
    from mkdocs.commands.build import build as real_build
    from r2p_roadmap import build as module

    def build_then_die(config):
        real_build(config)
        for page in list(Path(config["site_dir"]).rglob("index.html"))[:3]:
            page.write_text("half-written", encoding="utf-8")
        os.kill(os.getpid(), signal.SIGKILL)

    module.mkdocs_build = build_then_die
    module.build(module.Project(Path(sys.argv[1])))
    """
)


def test_killed_build_leaves_the_previous_site_and_the_next_build_cleans_up(project: Project) -> None:
    build(project)
    before = snapshot(project)
    _edit(project, "title: Deepen support through sustained advocacy", "title: Deepen support for R2P")
    result = subprocess.run(
        [sys.executable, "-c", _KILLED_BUILD, str(project.root)], capture_output=True, text=True, timeout=300
    )
    assert result.returncode == -signal.SIGKILL, result.stderr
    after = snapshot(project)
    leftovers = [name for name in after["<entries>"].decode().split("\n") if name.startswith(".r2p-")]
    assert leftovers  # the killed process could not clean up its temporary folders …
    after.pop("<entries>")
    assert after == {name: data for name, data in before.items() if name != "<entries>"}  # … but changed nothing
    build(project)  # the next build removes them and succeeds
    assert not [path.name for path in project.root.iterdir() if path.name.startswith(".r2p-")]
    assert "Deepen support for R2P" in (project.site_dir / "themes" / "political-leadership" / "index.html").read_text()


def test_leftovers_of_running_builds_are_kept(tmp_path: Path) -> None:
    mine = tmp_path / ".r2p-build-1-abc"  # process 1 (init) is always running
    mine.mkdir()
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    stale = tmp_path / f".r2p-mkdocs-{dead.stdout.strip()}.yml"
    stale.write_text("x", encoding="utf-8")
    other = tmp_path / ".r2p-notes"
    other.mkdir()
    users = tmp_path / f".notes.old-{dead.stdout.strip()}"  # not a name a build uses
    users.mkdir()
    assert remove_leftovers(tmp_path) == [stale]
    assert mine.is_dir() and other.is_dir() and users.is_dir() and not stale.exists()


def test_swap_replaces_the_site_in_one_step_and_keeps_nothing_old(tmp_path: Path) -> None:
    site, new = tmp_path / "site", tmp_path / "work" / "site"
    site.mkdir()
    (site / "index.html").write_text("old", encoding="utf-8")
    new.mkdir(parents=True)
    (new / "index.html").write_text("new", encoding="utf-8")
    build_module._swap_in(new, site)
    assert (site / "index.html").read_text(encoding="utf-8") == "new"
    assert sorted(path.name for path in tmp_path.iterdir()) == ["site", "work"]
    assert not new.exists()

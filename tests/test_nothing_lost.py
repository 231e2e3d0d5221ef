"""A failed, interrupted, killed or concurrent build leaves the last good site whole, and docs/ and
mkdocs.yml as they were."""

from __future__ import annotations

import errno
import fcntl
import logging
import signal
import subprocess
import sys
import textwrap
import threading
from pathlib import Path
from typing import Any

import pytest

from r2p_roadmap.build import STATE_FOLDER, Project, build, engines
from r2p_roadmap.errors import RoadmapError

from .bad_input.cases import BILLION_LAUGHS
from .conftest import CLI


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


def test_failed_validate_and_build_change_nothing(built_copy: Project) -> None:
    project = built_copy
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


def test_mkdocs_failure_changes_nothing(built_copy: Project) -> None:
    project = built_copy
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


def test_interrupted_mkdocs_step_leaves_the_previous_site(built_copy: Project, monkeypatch: pytest.MonkeyPatch) -> None:
    project = built_copy
    before = snapshot(project)
    _edit(project, "title: Deepen support through sustained advocacy", "title: Deepen support for R2P")

    def half_build(config: Any) -> None:
        site = Path(config["site_dir"])
        site.mkdir(parents=True, exist_ok=True)
        (site / "index.html").write_text("<html><body>half", encoding="utf-8")
        raise KeyboardInterrupt

    monkeypatch.setattr(engines, "mkdocs_build", half_build)
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
    from r2p_roadmap.build import engines

    def build_then_die(config):
        real_build(config)
        for page in list(Path(config["site_dir"]).rglob("index.html"))[:3]:
            page.write_text("half-written", encoding="utf-8")
        os.kill(os.getpid(), signal.SIGKILL)

    engines.mkdocs_build = build_then_die
    module.build(module.Project(Path(sys.argv[1])))
    """
)


def test_killed_build_leaves_the_previous_site_and_the_next_build_cleans_up(built_copy: Project) -> None:
    project = built_copy
    before = snapshot(project)
    _edit(project, "title: Deepen support through sustained advocacy", "title: Deepen support for R2P")
    result = subprocess.run(
        [sys.executable, "-c", _KILLED_BUILD, str(project.root)], capture_output=True, text=True, timeout=300
    )
    assert result.returncode == -signal.SIGKILL, result.stderr
    after = snapshot(project)
    leftovers = [path.name for path in (project.root / STATE_FOLDER).iterdir() if ".work-" in path.name]
    assert leftovers  # the killed process could not remove its private folder …
    assert after == before  # … but changed nothing else
    build(project)  # the next build removes it and succeeds
    assert not [path.name for path in (project.root / STATE_FOLDER).iterdir() if ".work-" in path.name]
    assert "Deepen support for R2P" in (project.site_dir / "themes" / "political-leadership" / "index.html").read_text()


class _Said(logging.Handler):
    """Sets an event when the build logs that it waits for another one."""

    def __init__(self) -> None:
        super().__init__()
        self.waiting = threading.Event()

    def emit(self, record: logging.LogRecord) -> None:
        if "waiting for it to finish" in record.getMessage():
            self.waiting.set()


def test_a_second_build_waits_for_the_first(built_copy: Project) -> None:
    project = built_copy
    before = snapshot(project)
    _edit(project, "title: Deepen support through sustained advocacy", "title: Deepen support for R2P")
    said = _Said()
    logging.getLogger("r2p_roadmap").addHandler(said)
    errors: list[BaseException] = []

    def second() -> None:
        try:
            build(project)
        except BaseException as error:  # reported by the assertion below
            errors.append(error)

    with (project.root / STATE_FOLDER / "site.lock").open("a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # as a build under way holds it
        thread = threading.Thread(target=second)
        thread.start()
        try:
            assert said.waiting.wait(timeout=120)
            assert snapshot(project) == before
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)
            thread.join(timeout=300)
            logging.getLogger("r2p_roadmap").removeHandler(said)
    assert errors == []
    assert "Deepen support for R2P" in (project.site_dir / "themes" / "political-leadership" / "index.html").read_text()


def test_two_builds_at_once_both_succeed_and_leave_one_whole_site(project: Project) -> None:
    builds = [_start(project, "build") for _ in range(2)]
    results = [process.communicate(timeout=300) for process in builds]
    assert [process.returncode for process in builds] == [0, 0], results
    pages = sorted(path.relative_to(project.site_dir).as_posix() for path in project.site_dir.rglob("index.html"))
    assert "themes/veto-restraint/index.html" in pages and (project.site_dir / "downloads").is_dir()
    sites = [path for path in (project.root / STATE_FOLDER).iterdir() if path.is_dir() and not path.is_symlink()]
    assert sites == [project.site_dir.resolve()]


def test_a_full_disk_is_a_message_and_the_site_stays(built_copy: Project, monkeypatch: pytest.MonkeyPatch) -> None:
    project = built_copy
    before = snapshot(project)
    _edit(project, "title: Deepen support through sustained advocacy", "title: Deepen support for R2P")

    def full(*args: Any, **kwargs: Any) -> None:
        raise OSError(errno.ENOSPC, "No space left on device", "site/index.html")

    monkeypatch.setattr(engines, "mkdocs_build", full)
    with pytest.raises(RoadmapError) as raised:
        build(project)
    assert raised.value.format() == (
        "site/:1:1: cannot write the site: No space left on device (site/index.html)\n"
        "    hint: free some disk space, or check that the folder of site/ can be written; the last good site is "
        "still in place\n1 error found; nothing was written."
    )
    assert snapshot(project) == before


def test_a_site_folder_that_cannot_be_made_is_a_message(project: Project) -> None:
    (project.root / "not-a-folder").write_text("a file", encoding="utf-8")
    with pytest.raises(RoadmapError) as raised:
        build(project, site_dir=project.root / "not-a-folder" / "site")
    assert raised.value.problems[0].message.startswith("cannot write the site: Not a directory")


def _start(project: Project, *arguments: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [str(CLI), *arguments], cwd=project.root, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )


@pytest.mark.parametrize("name", ["mkdocs.yml", "published-links.txt"])
def test_a_site_file_that_is_not_utf8_is_a_message(built_copy: Project, name: str) -> None:
    project = built_copy
    path = project.root / name
    text = path.read_bytes() if path.is_file() else b"# the link contract\n"
    path.write_bytes(text)
    before = snapshot(project)
    path.write_bytes(text.replace(b"\n", b"\n\xe9t\xe9\n", 1))  # Latin-1 "été" on line 2
    result = _run(project, "build")
    assert (result.returncode, result.stdout) == (1, "")
    assert result.stderr == (
        f"{name}:2:1: byte 0xe9 is not valid UTF-8\n"
        "    hint: save the file as UTF-8; retype the character at this position\n"
        "1 error found; nothing was written.\n"
    )
    path.write_bytes(text)
    assert snapshot(project) == before

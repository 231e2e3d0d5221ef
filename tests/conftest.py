"""Shared fixtures: the real roadmap, a scratch copy of the project, a built site, a server, a browser."""

from __future__ import annotations

import functools
import http.server
import importlib
import os
import pkgutil
import re
import shutil
import sys
import threading
import zipfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from filelock import FileLock
from hypothesis import settings

import r2p_roadmap
from r2p_roadmap.build import Project, build, prepare
from r2p_roadmap.build.languages import language
from r2p_roadmap.build.offline import FOLDER
from r2p_roadmap.contract import CONTRACT_FILE
from r2p_roadmap.model import Roadmap
from r2p_roadmap.paths import ZIP_PATH
from r2p_roadmap.validate import load_roadmap

if TYPE_CHECKING:  # Playwright is imported by the browser fixtures only, when a browser test runs
    from playwright.sync_api import Browser, Page

ROOT = Path(__file__).resolve().parents[1]
# The command as an editor runs it, from the virtual environment the tests run in.
CLI = Path(sys.executable).with_name("r2p-roadmap")

# Property tests draw the same examples on every run and keep no database, so a run fails or passes
# the same way on every machine; no deadline, since shared machines are slow at times.
settings.register_profile("deterministic", derandomize=True, database=None, deadline=None)
settings.load_profile("deterministic")
# Hypothesis also draws examples from the constants of the project's own modules that have been imported
# so far (hypothesis.internal.constants_ast), so which tests ran first changed what a property test tried.
# Every such module is imported here, before any test: each property test tries the same examples on
# every run, in one process or in each worker of `pytest -n`.
for _module in pkgutil.walk_packages(r2p_roadmap.__path__, "r2p_roadmap."):
    importlib.import_module(_module.name)
for _script in sorted((ROOT / "benchmarks").glob("*.py")):
    importlib.import_module(_script.stem)
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]


def copy_project(destination: Path, *, every_language: bool = True) -> Project:
    """A scratch copy of the content and site files of the repository (without its link contract).

    With every_language=False, an English-only copy: roadmap.yaml lists `languages: [en]` and the
    translations are left out. It is a valid roadmap, its build is a third of the work, and an edit to
    its English leaves no translation out of date: for the tests of how the build, the preview and
    validation behave, which are the same in every language."""
    destination.mkdir(parents=True, exist_ok=True)
    for name in ("roadmap.yaml", "mkdocs.yml"):
        shutil.copy2(ROOT / name, destination / name)
    for folder in ("themes", "source", "docs", *(("translations",) if every_language else ())):
        shutil.copytree(ROOT / folder, destination / folder)
    project = Project(destination)
    if not every_language:
        text = project.roadmap.read_text(encoding="utf-8")
        found = re.search(r"^languages: \[.*\]$", text, re.MULTILINE)
        assert found is not None
        project.roadmap.write_text(text.replace(found.group(0), "languages: [en]"), encoding="utf-8")
    return project


def english_contract(project: Project) -> Project:
    """The real link contract in `project`, its English links only (for an English-only copy)."""
    others = tuple(f"/{code}/" for code in load_roadmap(ROOT / "roadmap.yaml").languages[1:])
    lines = (ROOT / CONTRACT_FILE).read_text(encoding="utf-8").splitlines(keepends=True)
    kept = [line for line in lines if not line.startswith(others)]
    (project.root / CONTRACT_FILE).write_text("".join(kept), encoding="utf-8")
    return project


def generated_pages(project: Project) -> set[str]:
    """The paths of the pages a build of `project` renders from its roadmap.yaml, in every language (the
    same paths under each language's folder)."""
    roadmap, site, _ = prepare(project)
    return {language(code).folder + path for code in roadmap.languages for path in site.pages}


@pytest.fixture(scope="session")
def roadmap() -> Roadmap:
    """The real roadmap.yaml, validated."""
    return load_roadmap(ROOT / "roadmap.yaml")


@pytest.fixture
def project(tmp_path: Path) -> Project:
    """An English-only scratch copy of the project (see copy_project) that a test may edit and build."""
    return copy_project(tmp_path / "repo", every_language=False)


def run_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The run's temporary folder, which the workers of `pytest -n` share (each worker's own sits in it)."""
    folder = tmp_path_factory.getbasetemp()
    return folder.parent if os.environ.get("PYTEST_XDIST_WORKER") else folder


def _built_once(
    tmp_path_factory: pytest.TempPathFactory,
    name: str,
    change: Callable[[Project], None],
    *,
    every_language: bool = True,
    engine: str = "mkdocs",
) -> Project:
    """A copy of the project, changed by `change`, built once (with `engine`) for the whole run and shared
    by the workers of `pytest -n`: the first to ask builds it, under a lock (filelock, as pytest-xdist
    advises)."""
    shared = run_folder(tmp_path_factory)
    project = Project(shared / name / "repo")
    with FileLock(shared / f"{name}.lock"):
        if not (project.site_dir / "index.html").is_file():
            shutil.rmtree(project.root.parent, ignore_errors=True)  # a build that failed in another worker
            change(copy_project(project.root, every_language=every_language))
            build(project, engine=engine)
    return project


@pytest.fixture(scope="session")
def built_project(tmp_path_factory: pytest.TempPathFactory) -> Project:
    """The project built once for the whole run; tests must not modify it."""
    return _built_once(tmp_path_factory, "built", lambda project: None)


# The renamed site: theme 4 and its first priority renamed (old ids kept as aliases), one quote removed
# and withdrawn.
OLD_THEME, NEW_THEME = "veto-restraint", "veto-pledge"
OLD_PRIORITY, NEW_PRIORITY = "p5-withhold-veto", "p5-veto-pledge"
WITHDRAWN_QUOTE = "p5-withhold-veto-core"


def rename(text: str, old: str, new: str, *, alias: bool, indent: str = "      ") -> str:
    """roadmap.yaml's text with the item `old` (at `indent`) called `new`, `old` kept as its alias or not."""
    line = f"{indent}- id: {old}\n"
    assert line in text
    extra = f"{indent}  aliases: [{old}]\n" if alias else ""
    return text.replace(line, f"{indent}- id: {new}\n{extra}", 1)


def _rename_and_withdraw(project: Project) -> None:
    shutil.copy2(ROOT / CONTRACT_FILE, project.root / CONTRACT_FILE)
    text = project.roadmap.read_text(encoding="utf-8")
    text = rename(rename(text, OLD_THEME, NEW_THEME, alias=True, indent="  "), OLD_PRIORITY, NEW_PRIORITY, alias=True)
    quote = re.search(rf"          - id: {WITHDRAWN_QUOTE}\n(?:            .*\n)+", text)
    assert quote is not None
    text = text.replace(quote.group(0), "") + (
        f"\nwithdrawn:\n  - id: {WITHDRAWN_QUOTE}\n    was: quote\n"
        f"    reason: The sentence only restated the priority.\n    see: {NEW_PRIORITY}\n"
    )
    project.roadmap.write_text(text, encoding="utf-8")
    # Each translation follows: its entries are keyed by the same ids.
    for translation in (project.root / "translations").glob("*.yaml"):
        text = translation.read_text(encoding="utf-8")
        text = text.replace(f"\n  {OLD_THEME}:\n", f"\n  {NEW_THEME}:\n").replace(
            f"\n  {OLD_PRIORITY}:\n", f"\n  {NEW_PRIORITY}:\n"
        )
        text = re.sub(rf"\n  {WITHDRAWN_QUOTE}:\n(?:    .*\n|      .*\n)+", "\n", text)
        translation.write_text(text, encoding="utf-8")


@pytest.fixture(scope="session")
def renamed_project(tmp_path_factory: pytest.TempPathFactory) -> Project:
    """The renamed site, built once for the whole run under the real link contract (so the build itself
    shows that every published link still leads somewhere); tests must not modify it."""
    return _built_once(tmp_path_factory, "renamed", _rename_and_withdraw)


@pytest.fixture(scope="session")
def english_built_project(tmp_path_factory: pytest.TempPathFactory) -> Project:
    """An English-only copy of the project (see copy_project) built once for the whole run."""
    return _built_once(tmp_path_factory, "english", lambda project: None, every_language=False)


@pytest.fixture(scope="session")
def zensical_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real roadmap built with Zensical (`r2p-roadmap build --engine zensical`) once for the whole run."""
    return _built_once(tmp_path_factory, "zensical", lambda project: None, engine="zensical").site_dir


@pytest.fixture
def built_copy(english_built_project: Project, tmp_path: Path) -> Project:
    """A scratch copy of the session's English-only built project, its site included, that a test may
    edit and rebuild: for the tests that need a last good site to start from, without building it again."""
    shutil.copytree(english_built_project.root, tmp_path / "repo", symlinks=True)
    return Project(tmp_path / "repo")


@pytest.fixture(scope="session")
def site_dir(built_project: Project) -> Path:
    """The built site/ folder of the real roadmap."""
    return built_project.site_dir


@pytest.fixture(scope="session")
def offline_root(site_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The offline copy unzipped as a reader would, into an empty folder."""
    target = tmp_path_factory.mktemp("offline")
    with zipfile.ZipFile(site_dir / ZIP_PATH) as archive:
        archive.extractall(target)
    return target / FOLDER


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


class _QuietServer(http.server.ThreadingHTTPServer):
    def handle_error(self, request: Any, client_address: Any) -> None:
        # A browser that moves on to the next page drops the rest of a download: not a failure.
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


@contextmanager
def serve(directory: Path) -> Iterator[str]:
    """`directory` served on 127.0.0.1 on a free port, as a URL ending in '/'."""
    handler = functools.partial(_QuietHandler, directory=str(directory))
    server = _QuietServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="session")
def site_url(site_dir: Path) -> Iterator[str]:
    """The built site served on 127.0.0.1 on a free port, as a URL ending in '/'."""
    with serve(site_dir) as url:
        yield url


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """Headless Debian Chromium driven by Playwright; a missing browser fails under CI=true."""
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        message = f"Chromium not found at {CHROMIUM}; run `make chromium` (or set CHROMIUM)"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield instance
        instance.close()


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    """A fresh browser page (desktop size) that is closed after the test."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    yield context.new_page()
    context.close()


@pytest.fixture(scope="module")
def search_page(browser: Browser, site_url: str) -> Iterator[Page]:
    """The home page (desktop size), kept open for all the search queries of a module."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(site_url)
    yield page
    context.close()


# Fixtures that build a site, serve one or drive a browser: a test that uses one is marked `build`,
# so that `make quick` (pytest -m "not build and not browser") runs the rest on their own.
_BUILDING = {
    "project",
    "built_project",
    "english_built_project",
    "renamed_project",
    "zensical_site",
    "built_copy",
    "site_dir",
    "site_url",
    "browser",
    "page",
    "search_page",
}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if _BUILDING & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.build)

"""Shared fixtures: the real roadmap, a scratch copy of the project, a built site, a server, a browser."""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import sys
import threading
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from hypothesis import settings

from r2p_roadmap.build import Project, build, prepare
from r2p_roadmap.build.languages import language
from r2p_roadmap.build.offline import FOLDER
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
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]


def copy_project(destination: Path) -> Project:
    """A scratch copy of the content and site files of the repository (without its link contract)."""
    destination.mkdir(parents=True, exist_ok=True)
    for name in ("roadmap.yaml", "mkdocs.yml"):
        shutil.copy2(ROOT / name, destination / name)
    for folder in ("themes", "source", "docs"):
        shutil.copytree(ROOT / folder, destination / folder)
    return Project(destination)


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
    """A scratch copy of the project that a test may edit and build."""
    return copy_project(tmp_path / "repo")


@pytest.fixture(scope="session")
def built_project(tmp_path_factory: pytest.TempPathFactory) -> Project:
    """A copy of the project built once for the whole session; tests must not modify it."""
    project = copy_project(tmp_path_factory.mktemp("built") / "repo")
    build(project)
    return project


@pytest.fixture
def built_copy(built_project: Project, tmp_path: Path) -> Project:
    """A scratch copy of the session's built project, its site included, that a test may edit and
    rebuild: for the tests that need a last good site to start from, without building it again."""
    shutil.copytree(built_project.root, tmp_path / "repo", symlinks=True)
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


@pytest.fixture(scope="session")
def site_url(site_dir: Path) -> Iterator[str]:
    """The built site served on 127.0.0.1 on a free port, as a URL ending in '/'."""
    handler = functools.partial(_QuietHandler, directory=str(site_dir))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


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
_BUILDING = {"project", "built_project", "built_copy", "site_dir", "site_url", "browser", "page", "search_page"}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if _BUILDING & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.build)

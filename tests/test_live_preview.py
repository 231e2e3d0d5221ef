"""`r2p-roadmap serve` in a real process: an edit appears in the browser, an invalid save shows the
error banner over the last good pages, and fixing the file removes it."""

from __future__ import annotations

import re
import socket
import subprocess
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from r2p_roadmap.build import Project
from r2p_roadmap.errors import RoadmapError
from r2p_roadmap.preview import BANNER_ID, render_error_banner
from r2p_roadmap.quote_finder import quote_blocks
from r2p_roadmap.validate import load_roadmap

from .conftest import CLI

# Generous: a rebuild takes about a second, but the test machine may be busy.
WAIT_MS = 60_000


@dataclass(frozen=True)
class Preview:
    """A running `r2p-roadmap serve` and the project it serves."""

    project: Project
    url: str
    stderr: Path

    def edit(self, old: str, new: str) -> None:
        text = self.project.roadmap.read_text(encoding="utf-8")
        assert text.count(old) == 1, old
        self.project.roadmap.write_text(text.replace(old, new), encoding="utf-8")


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def _wait_until_served(url: str, process: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + WAIT_MS / 1000
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AssertionError(f"r2p-roadmap serve exited with code {process.returncode}")
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                if response.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            time.sleep(0.2)
    raise AssertionError(f"nothing served at {url}")


@pytest.fixture
def preview(project: Project, tmp_path: Path) -> Iterator[Preview]:
    url = f"http://127.0.0.1:{_free_port()}/"
    stdout, stderr = tmp_path / "serve.out", tmp_path / "serve.err"
    with stdout.open("wb") as out, stderr.open("wb") as err:
        process = subprocess.Popen(
            [str(CLI), "serve", "--port", url.rsplit(":", 1)[1].strip("/")], cwd=project.root, stdout=out, stderr=err
        )
        try:
            _wait_until_served(url, process)
            yield Preview(project, url, stderr)
        finally:
            process.terminate()
            process.wait(timeout=60)
    assert process.returncode == 0, stderr.read_text()


def _generated(project: Project) -> dict[str, bytes]:
    return {p.relative_to(project.root).as_posix(): p.read_bytes() for p in project.docs_dir.rglob("*") if p.is_file()}


@pytest.mark.browser
def test_serve_shows_an_edit_then_the_error_banner_then_recovers(preview: Preview, page: Page) -> None:
    theme = preview.url + "themes/political-leadership/"
    page.goto(theme)
    expect(page.get_by_role("heading", name=re.compile("Deepen support through sustained advocacy"))).to_be_visible()

    # An edit appears without reloading by hand.
    preview.edit("title: Deepen support through sustained advocacy", "title: Deepen support for R2P by advocacy")
    edited = page.get_by_role("heading", name=re.compile("Deepen support for R2P by advocacy"))
    expect(edited).to_be_visible(timeout=WAIT_MS)
    expect(page.get_by_role("alert")).to_have_count(0)
    docs = _generated(preview.project)

    # An invalid save: the errors are printed and shown in a banner over the last good page.
    preview.edit(
        "        quotes:\n          - id: sustained-advocacy-broad",
        "        qoutes:\n          - id: sustained-advocacy-broad",
    )
    banner = page.get_by_role("alert", name="roadmap.yaml has 1 error: this preview still shows the last good version")
    expect(banner).to_be_visible(timeout=WAIT_MS)
    expect(banner).to_contain_text(
        re.compile(r"roadmap\.yaml:\d+:9 themes\[1\]\.priorities\[2\]\.qoutes: unknown field 'qoutes'")
    )
    expect(banner).to_contain_text("hint: did you mean 'quotes'?")
    expect(edited).to_be_visible()
    assert page.evaluate("document.body.firstElementChild.id") == BANNER_ID
    assert "unknown field 'qoutes'" in preview.stderr.read_text(encoding="utf-8")
    assert _generated(preview.project) == docs

    # Every page shows it until the file is fixed.
    page.goto(preview.url + "actors/")
    expect(banner).to_be_visible()

    preview.edit(
        "        qoutes:\n          - id: sustained-advocacy-broad",
        "        quotes:\n          - id: sustained-advocacy-broad",
    )
    expect(page.get_by_role("alert")).to_have_count(0, timeout=WAIT_MS)
    page.goto(theme)
    expect(edited).to_be_visible()
    expect(page.get_by_role("alert")).to_have_count(0)


@pytest.mark.browser
def test_the_quote_picker_copies_in_serve(preview: Preview, browser: Browser) -> None:
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    page.goto(preview.url + "source/")
    words = "Rather, emphasis was put on the need for ongoing outreach."
    page.evaluate(
        """words => {
            const text = [...document.querySelectorAll('#p8 a.r2p-quoted')].map(a => a.firstChild)
                .find(node => node.data.includes(words));
            const at = text.data.indexOf(words);
            getSelection().setBaseAndExtent(text, at, text, at + words.length);
        }""",
        words,
    )
    page.locator(".r2p-picker__copy").click()
    expect(page.locator(".r2p-live")).to_have_text(re.compile("^Quote of paragraph 8 copied"))
    assert page.evaluate("navigator.clipboard.readText()") == quote_blocks(preview.project.roadmap, words)[0][1] + "\n"
    context.close()


def test_banner_escapes_the_messages() -> None:
    from r2p_roadmap.errors import Problem

    error = RoadmapError([Problem(3, 5, "themes[1].title", "<script>alert(1)</script>", "use & not <b>")])
    banner = render_error_banner(error)
    assert "<script>" not in banner and "&lt;script&gt;alert(1)&lt;/script&gt;" in banner
    assert "use &amp; not &lt;b&gt;" in banner


def test_production_build_has_no_banner_and_no_live_reload(site_dir: Path) -> None:
    pages = [path.read_text(encoding="utf-8") for path in site_dir.rglob("*.html")]
    assert pages
    assert not [page for page in pages if BANNER_ID in page or "livereload" in page]


def test_serve_refuses_a_port_in_use(project: Project) -> None:
    load_roadmap(project.roadmap)  # the project is valid: only the port is wrong
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = subprocess.run(
            [str(CLI), "serve", "--port", str(port)], cwd=project.root, capture_output=True, text=True, timeout=120
        )
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr == (
        f"r2p-roadmap: error: cannot listen on 127.0.0.1:{port} (Address already in use); "
        "choose another port with --port\n"
    )

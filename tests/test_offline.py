"""The downloadable offline copy: built and zipped by `r2p-roadmap build`, linked from every page,
and working from file:// in the browser (navigation, search, deep links) without any other request."""

from __future__ import annotations

import re
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
from playwright.sync_api import Browser, Page

from r2p_roadmap.build import Project, build
from r2p_roadmap.build.offline import FOLDER, write_zip
from r2p_roadmap.errors import RoadmapError
from r2p_roadmap.paths import ZIP_PATH

from .browser_support import DESKTOP, anchor_in_view, search_results
from .htmltree import Element, parse


@pytest.fixture
def file_page(browser: Browser) -> Iterator[tuple[Page, list[str]]]:
    """A desktop page and the list of every URL it requests."""
    context = browser.new_context(viewport=DESKTOP)
    page = context.new_page()
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    yield page, requests
    context.close()


def test_zip_holds_the_whole_site_under_one_folder(site_dir: Path) -> None:
    with zipfile.ZipFile(site_dir / ZIP_PATH) as archive:
        names = archive.namelist()
    assert {name.split("/")[0] for name in names} == {FOLDER}
    for page in ("index.html", "source.html", "themes/veto-restraint.html", "search/search_index.js"):
        assert f"{FOLDER}/{page}" in names
    assert not [name for name in names if name.endswith(".map") or "/downloads/" in name]


def test_zip_is_the_same_when_the_site_is_the_same(tmp_path: Path) -> None:
    site = tmp_path / "site"
    (site / "assets").mkdir(parents=True)
    (site / "index.html").write_text("<h1>Home</h1>", encoding="utf-8")
    (site / "assets" / "app.js").write_text("run()", encoding="utf-8")
    (site / "assets" / "app.js.map").write_text("{}", encoding="utf-8")
    (site / "404.html").write_text('<a href="/index.html">Home</a><script src="/assets/app.js"></script>', "utf-8")
    write_zip(site, tmp_path / "first.zip")
    write_zip(site, tmp_path / "second.zip")
    assert (tmp_path / "first.zip").read_bytes() == (tmp_path / "second.zip").read_bytes()
    with zipfile.ZipFile(tmp_path / "first.zip") as archive:
        assert archive.namelist() == [f"{FOLDER}/404.html", f"{FOLDER}/assets/app.js", f"{FOLDER}/index.html"]
        # The error page links from the site root on a server; in the copy, from where it lies.
        assert (
            archive.read(f"{FOLDER}/404.html")
            == b'<a href="./index.html">Home</a><script src="./assets/app.js"></script>'
        )


def test_zip_moves_citation_file_links_of_pages_that_are_files(tmp_path: Path) -> None:
    # The disclosures' links are raw HTML written for the web layout (themes/x/index.html); in the copy
    # a page is a file one folder up, while the home page stays where it was.
    site = tmp_path / "site"
    (site / "themes").mkdir(parents=True)
    link = '<a class="r2p-file" download href="{}data/cite/x.ris">RIS</a> <a href="../about.html">About</a>'
    (site / "themes" / "x.html").write_text(link.format("../../"), encoding="utf-8")
    (site / "index.html").write_text(link.format(""), encoding="utf-8")
    write_zip(site, tmp_path / "copy.zip")
    with zipfile.ZipFile(tmp_path / "copy.zip") as archive:
        assert archive.read(f"{FOLDER}/themes/x.html").decode("utf-8") == link.format("../")
        assert archive.read(f"{FOLDER}/index.html").decode("utf-8") == link.format("")


def test_build_without_the_offline_plugin_fails_and_changes_nothing(project: Project) -> None:
    config = project.config_file.read_text(encoding="utf-8")
    project.config_file.write_text(re.sub(r"  - offline:\n      enabled: false\n", "", config), encoding="utf-8")
    with pytest.raises(RoadmapError) as error:
        build(project)
    assert error.value.format() == (
        "mkdocs.yml:1:1: plugins: the offline plugin is missing; the downloadable copy needs it\n"
        "    hint: list `- offline: {enabled: false}` under plugins (the build turns it on for the copy)\n"
        "1 error found; nothing was written."
    )
    assert not project.site_dir.exists()


def test_offline_copy_links_only_to_files_it_holds(offline_root: Path) -> None:
    broken = []
    for page in offline_root.rglob("*.html"):
        for target in re.findall(r'(?:href|src)="([^"#?]+)[^"]*"', page.read_text(encoding="utf-8")):
            if re.match(r"[a-z]+:", target):  # links out (the source's own address, the online site)
                continue
            if not (page.parent / target).resolve().exists():
                broken.append(f"{page.relative_to(offline_root)} → {target}")
    assert broken == []


def _footer_links(page: Element) -> list[Element]:
    """The links below a page's content: what the footer block of themes/main.html renders after <main>."""
    main = page.find("main")
    assert main.parent is not None
    after = main.parent.children[main.parent.children.index(main) + 1 :]
    return [link for part in after if isinstance(part, Element) for link in part.find_all("a")]


@pytest.mark.parametrize(
    "page", ["index.html", "themes/veto-restraint.html", "consensus.html", "source.html", "data.html", "quotes.html"]
)
def test_offline_footer_links_open_a_file_of_the_copy_or_the_online_site(
    offline_root: Path, built_project: Project, page: str
) -> None:
    """From file:// a folder is not a page: each footer link names a file in the copy, the site's address,
    or one of the three outside addresses the band names (the source document, the licence of the site's
    own text, the issue tracker)."""
    config = yaml.safe_load((built_project.root / "mkdocs.yml").read_text(encoding="utf-8"))
    roadmap = yaml.safe_load(built_project.roadmap.read_text(encoding="utf-8"))
    named = {
        roadmap["source"]["url"],
        config["extra"]["licence"]["url"],
        config["edit_uri"].split("/edit/")[0] + "/issues",
    }
    root, folder = offline_root.resolve(), (offline_root / page).parent
    links = _footer_links(parse((offline_root / page).read_text(encoding="utf-8")))
    broken = []
    for link in links:
        href = link.attrs["href"]
        if href.startswith("https://"):
            if not href.startswith(config["site_url"]) and href not in named:
                broken.append(href)
            continue
        target = folder / href.partition("#")[0]
        if re.match(r"[a-z]+:", href) or not target.is_file() or not target.resolve().is_relative_to(root):
            broken.append(href)
    assert broken == []
    data = [link.attrs["href"] for link in links if link.text() == "Download the data"]
    assert [(folder / href).resolve() for href in data] == [root / "data.html"]


@pytest.mark.browser
def test_every_online_page_links_to_the_zip(page: Page, site_url: str) -> None:
    page.goto(site_url + "themes/veto-restraint/")
    link = page.get_by_role("link", name="Download this site")
    href = link.evaluate("link => link.href")
    assert href == site_url + ZIP_PATH
    response = page.request.get(href)
    assert response.ok and response.body()[:2] == b"PK"


@pytest.mark.browser
def test_offline_copy_navigates_from_file(file_page: tuple[Page, list[str]], offline_root: Path) -> None:
    page, requests = file_page
    page.goto((offline_root / "index.html").as_uri())
    assert "You are reading the offline copy" in page.get_by_role("complementary", name="About this site").inner_text()
    page.get_by_role("navigation", name="Navigation").get_by_role("link", name="Source document").click()
    assert page.url == (offline_root / "source.html").as_uri()
    page.locator(".md-content a[href$='veto-restraint.html#p5-withhold-veto-core']").first.click()
    assert page.url == (offline_root / "themes" / "veto-restraint.html").as_uri() + "#p5-withhold-veto-core"
    assert page.locator("h1").inner_text().startswith("Theme 4: Veto restraint")
    assert [url for url in requests if not url.startswith("file://")] == []


@pytest.mark.browser
def test_offline_copy_searches_from_file(file_page: tuple[Page, list[str]], offline_root: Path) -> None:
    page, requests = file_page
    page.goto((offline_root / "index.html").as_uri())
    results = search_results(page, "Uniting for Peace")
    assert results and results[0].startswith((offline_root / "themes" / "veto-restraint.html").as_uri())
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url.startswith((offline_root / "themes" / "veto-restraint.html").as_uri())
    assert [url for url in requests if not url.startswith("file://")] == []


@pytest.mark.browser
def test_offline_copy_deep_links_from_file(file_page: tuple[Page, list[str]], offline_root: Path) -> None:
    page, requests = file_page
    url = (offline_root / "themes" / "veto-restraint.html").as_uri()
    assert anchor_in_view(page, url, "uniting-for-peace")
    assert anchor_in_view(page, url, "uniting-for-peace-resolution-377")
    assert [url for url in requests if not url.startswith("file://") and url != "about:blank"] == []


@pytest.mark.browser
@pytest.mark.parametrize("code", ["fr", "es"])
def test_offline_copy_searches_each_language_from_file(
    file_page: tuple[Page, list[str]], offline_root: Path, code: str
) -> None:
    page, requests = file_page
    page.goto((offline_root / code / "index.html").as_uri())
    assert page.evaluate("document.documentElement.lang") == code
    results = search_results(page, "Uniting for Peace")
    assert results and results[0].startswith((offline_root / code / "themes" / "veto-restraint.html").as_uri())
    # The language switcher leads to the same page of the copy in English.
    page.goto((offline_root / code / "themes" / "veto-restraint.html").as_uri() + "#uniting-for-peace")
    page.locator(".md-header__option .md-select").hover()
    page.get_by_role("link", name="English").click()
    assert page.url == (offline_root / "themes" / "veto-restraint.html").as_uri() + "#uniting-for-peace"
    assert [url for url in requests if not url.startswith("file://") and url != "about:blank"] == []

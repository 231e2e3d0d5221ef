"""Link previews: every page has its own description, a canonical link, Open Graph and Twitter tags."""

from __future__ import annotations

import html.parser
from collections import Counter
from pathlib import Path

from r2p_roadmap.build.config import configured_site_url
from r2p_roadmap.contract import site_file
from r2p_roadmap.paths import page_url
from r2p_roadmap.validate import load_roadmap

from .conftest import ROOT

SITE_URL = configured_site_url(ROOT / "mkdocs.yml")


class _Head(html.parser.HTMLParser):
    """Collects the <meta> and <link rel=canonical> tags of a page."""

    def __init__(self) -> None:
        super().__init__()
        self.meta: dict[str, list[str]] = {}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        if tag == "meta" and "content" in values:
            key = values.get("property") or values.get("name") or values.get("http-equiv", "")
            self.meta.setdefault(key, []).append(values["content"])
        elif tag == "link" and values.get("rel") == "canonical":
            self.meta.setdefault("canonical", []).append(values.get("href", ""))


def _head(file: Path) -> dict[str, str]:
    parser = _Head()
    parser.feed(file.read_text(encoding="utf-8"))
    # og:locale:alternate is the one tag the Open Graph protocol repeats: once for each other language.
    once = {key: values for key, values in parser.meta.items() if key != "og:locale:alternate"}
    assert all(len(values) == 1 for values in once.values()), f"{file}: a tag is repeated"
    return {key: values[0] for key, values in parser.meta.items()}


# The other languages' folders (fr/, es/), whose theme assets and error pages are left out too.
_OTHER_LANGUAGES = load_roadmap(ROOT / "roadmap.yaml").languages[1:]


def _language(address: str) -> str:
    """The language folder an address is in ('fr'), or '' for English at the root."""
    first = address.split("/")[0]
    return first if first in _OTHER_LANGUAGES else ""


def _pages(site_dir: Path) -> dict[str, dict[str, str]]:
    """Address → head tags of every HTML file of the site except theme assets and the error page."""
    found = {}
    for file in sorted(site_dir.rglob("*.html")):
        relative = file.relative_to(site_dir).as_posix()
        within = relative.split("/", 1)[1] if relative.split("/")[0] in _OTHER_LANGUAGES else relative
        if not within.startswith(("assets/", "search/")) and file.name != "404.html":
            found[page_url(relative)] = _head(file)
    return found


PREVIEW_TAGS = ("description", "og:title", "og:description", "og:url", "og:type", "twitter:card", "twitter:title")


def test_every_page_has_its_own_description_and_preview_with_absolute_urls(site_dir: Path) -> None:
    pages = {address: head for address, head in _pages(site_dir).items() if head.get("robots") != "noindex"}
    assert len(pages) > 10
    for address, head in pages.items():
        assert [tag for tag in (*PREVIEW_TAGS, "canonical", "og:site_name") if not head.get(tag)] == [], address
        assert head["canonical"] == head["og:url"] == SITE_URL + address
        assert head["og:description"] == head["twitter:description"] == head["description"]
        assert head["og:title"] == head["twitter:title"]
    # Within each language's site (a page the site has in English only repeats the English one's).
    for code in ("", *_OTHER_LANGUAGES):
        site = [head for address, head in pages.items() if _language(address) == code]
        for tag in ("description", "og:title", "og:url"):
            repeated = [value for value, count in Counter(head[tag] for head in site).items() if count > 1]
            assert repeated == [], (code, tag)


def test_redirect_pages_preview_as_the_page_they_lead_to(site_dir: Path) -> None:
    pages = _pages(site_dir)
    redirects = {address: head for address, head in pages.items() if head.get("robots") == "noindex"}
    assert redirects  # the short links at least
    for address, head in redirects.items():
        assert head["canonical"] == head["og:url"] and head["canonical"].startswith(SITE_URL), address
        target = head["canonical"].removeprefix(SITE_URL)
        assert site_file(site_dir, "/" + target).is_file(), address
        if target in pages:
            assert (head["og:title"], head["description"]) == (pages[target]["og:title"], pages[target]["description"])
        assert head["refresh"].startswith("0; url="), address


def test_home_page_is_a_website_and_other_pages_are_articles(site_dir: Path) -> None:
    pages = _pages(site_dir)
    homes = {"", *(f"{code}/" for code in _OTHER_LANGUAGES)}
    assert {pages[home]["og:type"] for home in homes} == {"website"}
    assert {
        head["og:type"] for address, head in pages.items() if address not in homes and head.get("robots") != "noindex"
    } == {"article"}

"""No request leaves the site: every page type is loaded, and search used, with the network recorded."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser

from .browser_support import DESKTOP, page_types, search_results

SITE = "https://r2p-roadmap.github.io/"  # mkdocs.yml's site_url, where the site is published

pytestmark = pytest.mark.browser


def _material_sitemap_probe(url: str) -> bool:
    """Material asks for sitemap.xml beside each hreflang address of a page (to switch language in
    place). Those addresses are the published site's own, so in a copy served here they point away;
    once published they are requests to the site itself."""
    parts = urlsplit(url)
    return parts.netloc == urlsplit(SITE).netloc and parts.path.endswith("/sitemap.xml")


def test_no_request_goes_to_another_host(browser: Browser, site_url: str, site_dir: Path) -> None:
    context = browser.new_context(viewport=DESKTOP)
    page = context.new_page()
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    types = page_types(site_dir)
    # Every page type in English; the home page and a theme page in each other language.
    paths = [*types.values(), *(f"{code}/{path}" for code in ("fr", "es") for path in ("", "themes/veto-restraint/"))]
    for path in paths:
        page.goto(site_url + path, wait_until="networkidle")
    search_results(page, "veto")
    context.close()
    site = urlsplit(site_url).netloc
    assert len(requests) > len(paths)
    away = [url for url in requests if urlsplit(url).scheme in ("http", "https") and urlsplit(url).netloc != site]
    assert [url for url in away if not _material_sitemap_probe(url)] == []
    assert [url for url in requests if urlsplit(url).scheme not in ("http", "https", "data", "blob")] == []

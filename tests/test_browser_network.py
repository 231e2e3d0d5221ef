"""No request leaves the site: every page type is loaded, and search used, with the network recorded."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser

from .browser_support import DESKTOP, page_types, search_results

pytestmark = pytest.mark.browser


def test_no_request_goes_to_another_host(browser: Browser, site_url: str, site_dir: Path) -> None:
    context = browser.new_context(viewport=DESKTOP)
    page = context.new_page()
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    types = page_types(site_dir)
    for path in types.values():
        page.goto(site_url + path, wait_until="networkidle")
    search_results(page, "veto")
    context.close()
    site = urlsplit(site_url).netloc
    assert len(requests) > len(types)
    assert [url for url in requests if urlsplit(url).scheme in ("http", "https") and urlsplit(url).netloc != site] == []
    assert [url for url in requests if urlsplit(url).scheme not in ("http", "https", "data", "blob")] == []

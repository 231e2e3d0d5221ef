"""Every built page, generated or hand-written, shows the data version and last-updated date of roadmap.yaml."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from r2p_roadmap.build import Project, build
from r2p_roadmap.render.freshness import format_date

from .conftest import ROOT
from .htmltree import parse_page


def _freshness(site_dir: Path, page: str) -> tuple[str, str, str]:
    """(version, datetime attribute, date as shown) of the page's data-version line."""
    aside = parse_page(site_dir, page).find("p", "r2p-band__data")
    time = aside.find("time")
    return aside.find("strong").text(), time.attrs["datetime"], time.text()


def test_every_built_page_shows_the_data_version_and_date(site_dir: Path) -> None:
    data = yaml.safe_load((ROOT / "roadmap.yaml").read_text(encoding="utf-8"))

    def expected(page: str) -> tuple[str, str, str]:  # the date in the page's language (fr/…, es/…)
        code = page.split("/")[0] if page.split("/")[0] in data["languages"] else "en"
        return (data["version"], data["updated"], format_date(data["updated"], code))

    # Redirect pages (marked noindex) only forward the reader; every page of content shows the line.
    pages = sorted(
        p.relative_to(site_dir).as_posix()
        for p in site_dir.rglob("*.html")
        if '<meta name="robots" content="noindex">' not in p.read_text(encoding="utf-8")
    )
    assert {"404.html", "editing/index.html", "index.html"} <= set(pages)
    wrong = {page: found for page in pages if (found := _freshness(site_dir, page)) != expected(page)}
    assert wrong == {}


def test_a_new_version_in_roadmap_yaml_shows_on_hand_written_pages(project: Project) -> None:
    text = project.roadmap.read_text(encoding="utf-8")
    text = re.sub(r"^version: .*$", 'version: "1.4.2"', text, count=1, flags=re.MULTILINE)
    text = re.sub(r"^updated: .*$", 'updated: "2027-03-01"', text, count=1, flags=re.MULTILINE)
    project.roadmap.write_text(text, encoding="utf-8")
    build(project)
    assert _freshness(project.site_dir, "editing/index.html") == ("1.4.2", "2027-03-01", "1 March 2027")


@pytest.mark.parametrize(
    ("iso", "shown"),
    [("2026-11-26", "26 November 2026"), ("2027-03-01", "1 March 2027"), ("2026-02-30", "2026-02-30")],
)
def test_format_date(iso: str, shown: str) -> None:
    assert format_date(iso) == shown

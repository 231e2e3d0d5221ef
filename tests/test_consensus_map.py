"""The consensus map shows every priority exactly once, in the column of the level roadmap.yaml states,
with a text alternative; support levels have distinguishable colours, set in one place, that form an
ordered ramp from broad to thin at 5:1 or more in both palettes and in print."""

from __future__ import annotations

import dataclasses
import itertools
import math
import re
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
import yaml
from playwright.sync_api import Browser

from r2p_roadmap import support
from r2p_roadmap.model import Roadmap
from r2p_roadmap.render.consensus import render_consensus_map, render_consensus_table

from .conftest import ROOT
from .htmltree import Element, parse_page, resolve

MAP_PAGES = ["consensus/index.html", "index.html"]


def yaml_levels() -> dict[tuple[str, str], str]:
    """(theme id, priority id) → support level, read straight from roadmap.yaml."""
    data: dict[str, Any] = yaml.safe_load((ROOT / "roadmap.yaml").read_text(encoding="utf-8"))
    return {(t["id"], p["id"]): p["support"] for t in data["themes"] for p in t["priorities"]}


def _priority_of(page: str, href: str) -> tuple[str, str]:
    target, fragment = resolve(page, href)
    parts = target.split("/")
    assert parts[0] == "themes" and parts[2] == "index.html", href
    return parts[1], fragment


def _marks(figure: Element, page: str) -> list[tuple[tuple[str, str], str, str]]:
    """Each mark as ((theme id, priority id) it links to, level of its class, level of its column)."""
    marks = []
    for mark in figure.find_all("a", "r2p-mark"):
        (level,) = [c.removeprefix("r2p-mark--") for c in mark.classes if c.startswith("r2p-mark--")]
        cell = mark.ancestor("td")
        assert cell is not None
        marks.append((_priority_of(page, mark.attrs["href"]), level, cell.attrs["data-level"]))
    return marks


@pytest.mark.parametrize("page", MAP_PAGES)
def test_map_marks_every_priority_once_at_its_yaml_level(site_dir: Path, page: str) -> None:
    figure = parse_page(site_dir, page).find("figure", "r2p-map")
    expected = yaml_levels()
    marks = _marks(figure, page)
    assert sorted(priority for priority, _, _ in marks) == sorted(expected)  # each exactly once
    assert Counter(level for _, level, _ in marks) == Counter(expected.values())
    assert all(level == column == expected[priority] for priority, level, column in marks)


@pytest.mark.parametrize("page", MAP_PAGES)
def test_map_columns_follow_the_ordered_scale_and_rows_the_themes(site_dir: Path, page: str) -> None:
    table = parse_page(site_dir, page).find("figure", "r2p-map").find("table")
    columns = [th.attrs["data-level"] for th in table.find("thead").find_all("th", "r2p-map__level")]
    assert columns == list(support.LEVEL_IDS)
    for row in table.find("tbody").find_all("tr"):
        theme_link = row.find("th").find("a")
        theme, _ = resolve(page, theme_link.attrs["href"])
        assert [c.attrs["data-level"] for c in row.find_all("td")] == columns
        assert {_priority_of(page, a.attrs["href"])[0] for a in row.find_all("a", "r2p-mark")} <= {theme.split("/")[1]}


@pytest.mark.parametrize("page", MAP_PAGES)
def test_every_mark_has_an_accessible_name_naming_priority_and_level(site_dir: Path, page: str) -> None:
    figure = parse_page(site_dir, page).find("figure", "r2p-map")
    table = figure.find("table")
    caption = figure.find("figcaption")
    assert table.attrs["aria-labelledby"] == caption.attrs["id"] and caption.text()
    for mark in figure.find_all("a", "r2p-mark"):
        level = next(c.removeprefix("r2p-mark--") for c in mark.classes if c.startswith("r2p-mark--"))
        label = mark.find("span", "r2p-mark__label").text()
        assert label.endswith(f"({support.BY_ID[level].label})")
        assert "aria-hidden" in mark.find("span", "r2p-mark__number").attrs


@pytest.mark.parametrize("page", MAP_PAGES)
def test_map_has_a_text_alternative_with_the_same_data(site_dir: Path, page: str) -> None:
    tree = parse_page(site_dir, page)
    table = tree.find("div", "r2p-map-text").find("table")
    rows = table.find("tbody").find_all("tr")
    expected = yaml_levels()
    found = {}
    for row in rows:
        link = row.find("a")
        badge = row.find("span", "r2p-badge")
        (level,) = [c.removeprefix("r2p-badge--") for c in badge.classes if c.startswith("r2p-badge--")]
        assert badge.text() == support.BY_ID[level].label
        found[_priority_of(page, link.attrs["href"])] = level
    assert len(rows) == len(expected) and found == expected


def test_home_page_links_to_the_full_map(site_dir: Path) -> None:
    home = parse_page(site_dir, "index.html")
    targets = {resolve("index.html", a.attrs["href"])[0] for a in home.find_all("a") if "href" in a.attrs}
    assert "consensus/index.html" in targets
    assert "r2p-map--compact" in home.find("figure", "r2p-map").classes


def test_map_places_a_changed_level_in_its_new_column(roadmap: Roadmap) -> None:
    """Rendering follows the model: moving every priority to 'few' moves every mark to that column."""
    themes = tuple(
        dataclasses.replace(t, priorities=tuple(dataclasses.replace(p, support="few") for p in t.priorities))
        for t in roadmap.themes
    )
    changed = dataclasses.replace(roadmap, themes=themes)
    text = render_consensus_map(changed, "consensus.md")
    total = sum(len(t.priorities) for t in roadmap.themes)
    filled = re.findall(r'<td data-level="([a-z]+)" markdown="span">', text)  # cells holding marks
    assert set(filled) == {"few"}
    assert text.count("{.r2p-mark .r2p-mark--few ") == text.count("{.r2p-mark ") == total
    assert render_consensus_table(changed, "consensus.md").count("r2p-badge--few") == total


# --- colours --------------------------------------------------------------------------------

_COLOURS = """() => {
  const read = (el) => getComputedStyle(el);
  // A probe resolves each level's custom property, the one place that sets the colour, to rgb().
  const probe = document.body.appendChild(document.createElement('span'));
  const out = {page: read(document.body).backgroundColor, levels: {}};
  for (const th of document.querySelectorAll('.r2p-map__level')) {
    const level = th.dataset.level;
    probe.style.color = 'var(--r2p-level-' + level + ')';
    const chips = [...document.querySelectorAll('.r2p-badge--' + level + ', .r2p-mark--' + level)];
    const coloured = [th.querySelector('.r2p-map__swatch'), ...chips];
    out.levels[level] = {declared: read(probe).color, chips: chips.length,
                         fills: [...new Set(coloured.map((el) => read(el).backgroundColor))],
                         texts: [...new Set(chips.map((el) => read(el).color))]};
  }
  probe.remove();
  return out;
}"""


def _rgb(css: str) -> tuple[float, float, float]:
    values = css[css.index("(") + 1 : css.index(")")].replace(",", " ").split()
    assert len(values) == 3 or float(values[3]) == 1, f"{css} is not opaque"
    r, g, b = (float(v) / 255 for v in values[:3])
    return r, g, b


def _luminance(rgb: tuple[float, float, float]) -> float:
    r, g, b = (c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: str, b: str) -> float:
    """WCAG 2 contrast ratio of two CSS rgb() colours."""
    high, low = sorted((_luminance(_rgb(a)), _luminance(_rgb(b))), reverse=True)
    return (high + 0.05) / (low + 0.05)


def _lab(css: str) -> tuple[float, float, float]:
    r, g, b = (c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in _rgb(css))
    x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047
    y = 0.2126 * r + 0.7152 * g + 0.0722 * b
    z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883

    def f(t: float) -> float:
        return t ** (1 / 3) if t > 0.008856 else 7.787 * t + 16 / 116

    return 116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))


def colour_distance(a: str, b: str) -> float:
    """CIE76 colour difference: about 2.3 is just noticeable; 10 and more reads as a different colour."""
    return math.dist(_lab(a), _lab(b))


@pytest.mark.browser
@pytest.mark.parametrize(("scheme", "media"), [("light", "screen"), ("dark", "screen"), ("dark", "print")])
def test_support_colours_come_from_one_place_and_form_an_ordered_ramp_at_5_to_1(
    browser: Browser, site_url: str, scheme: str, media: str
) -> None:
    """Every swatch, badge and mark of a level has the colour its custom property declares; from broad to
    thin the contrast with the page falls step by step and never below 5:1; no two levels look alike."""
    context = browser.new_context(color_scheme="dark" if scheme == "dark" else "light")
    try:
        page = context.new_page()
        page.emulate_media(media="print" if media == "print" else "screen")
        page.goto(site_url + "consensus/")
        colours = page.evaluate(_COLOURS)
    finally:
        context.close()
    levels = colours["levels"]
    assert list(levels) == list(support.LEVEL_IDS)
    page_background = "rgb(255, 255, 255)" if media == "print" else colours["page"]
    for level, colour in levels.items():
        assert colour["chips"] > 0, level  # the consensus page shows a badge or a mark of every level
        assert colour["fills"] == [colour["declared"]], level
        (text,) = colour["texts"]
        assert contrast(text, colour["declared"]) >= 5, level  # text on a badge or a mark
        assert contrast(colour["declared"], page_background) >= 5, level  # a badge or a mark on the page
    ramp = [contrast(levels[level]["declared"], page_background) for level in support.LEVEL_IDS[:-1]]
    assert support.LEVEL_IDS[-1] == "unattributed"  # grey, outside the ramp
    assert ramp == sorted(ramp, reverse=True) and len(set(ramp)) == len(ramp), ramp
    fills = [colour["declared"] for colour in levels.values()]
    closest = min(colour_distance(a, b) for a, b in itertools.combinations(fills, 2))
    assert closest >= 10


def test_each_support_colour_is_written_once() -> None:
    """The level colours live in section 1 of r2p.css, once per palette, and nowhere else in the site's
    styles, templates, scripts or renderers."""
    stylesheet = (ROOT / "docs" / "assets" / "r2p.css").read_text(encoding="utf-8")
    declared = re.findall(r"--r2p-level-([a-z]+):\s*(#[0-9a-f]{6});", stylesheet)
    assert sorted(Counter(level for level, _ in declared).items()) == sorted((i, 2) for i in support.LEVEL_IDS)
    sources = [
        path
        for folder in ("docs/assets", "themes", "scripts")
        for path in (ROOT / folder).rglob("*")
        if path.suffix in {".css", ".html", ".js", ".py"}
    ]
    for _, value in declared:
        places = [(path.name, path.read_text(encoding="utf-8").lower().count(value)) for path in sources]
        assert [place for place in places if place[1]] == [("r2p.css", 1)], value

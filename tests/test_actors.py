"""Every actor a priority names is a chip on the priority that leads to the actor's section, and that
section links back to the priority and counts the priorities and themes naming the actor."""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path
from typing import Any

import yaml

from .conftest import ROOT
from .htmltree import Element, parse_page, resolve

ACTORS_PAGE = "actors/index.html"


def _yaml() -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load((ROOT / "roadmap.yaml").read_text(encoding="utf-8"))
    return data


def _sections(article: Element, tag: str = "h2") -> dict[str, list[Element]]:
    """The elements following each heading of `tag`, by heading id, up to the next such heading."""
    sections: dict[str, list[Element]] = {}
    current: list[Element] | None = None
    for child in article.children:
        if isinstance(child, str):
            continue
        if child.tag == tag and "id" in child.attrs:
            current = sections.setdefault(child.attrs["id"], [])
        elif current is not None:
            current.append(child)
    return sections


def _article(site_dir: Path, page: str) -> Element:
    return parse_page(site_dir, page).find("article")


def test_every_priority_has_a_chip_for_each_actor_it_names(site_dir: Path) -> None:
    for theme in _yaml()["themes"]:
        page = f"themes/{theme['id']}/index.html"
        sections = _sections(_article(site_dir, page))
        for priority in theme["priorities"]:
            chips = [a for e in sections[priority["id"]] for a in e.find_all("a", "r2p-actor")]
            targets = [resolve(page, chip.attrs["href"]) for chip in chips]
            assert targets == [(ACTORS_PAGE, actor) for actor in priority["actors"]], priority["id"]


def test_every_chip_leads_to_a_section_that_links_back_and_counts(site_dir: Path) -> None:
    data = _yaml()
    naming: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for theme in data["themes"]:
        for priority in theme["priorities"]:
            for actor in priority["actors"]:
                naming[actor].append((theme["id"], priority["id"]))
    sections = _sections(_article(site_dir, ACTORS_PAGE))
    for actor in data["actors"]:
        section = sections[actor["id"]]
        links = {resolve(ACTORS_PAGE, a.attrs["href"]) for e in section for a in e.find_all("a")}
        expected = naming[actor["id"]]
        assert {(f"themes/{t}/index.html", p) for t, p in expected} <= links, actor["id"]
        count = next(e for e in section if "r2p-count" in e.classes).text()
        if expected:
            n, t = len(expected), len({theme for theme, _ in expected})
            assert count == f"Named in {n} priorit{'y' if n == 1 else 'ies'} under {t} theme{'' if t == 1 else 's'}."
        else:
            assert count == "No priority names this actor."


def test_summary_table_counts_priorities_and_themes_per_actor(site_dir: Path) -> None:
    data = _yaml()
    table = _article(site_dir, ACTORS_PAGE).find("table")
    rows = {}
    for row in table.find("tbody").find_all("tr"):
        link, priorities, themes = row.find_all("td")
        rows[resolve(ACTORS_PAGE, link.find("a").attrs["href"])[1]] = (int(priorities.text()), int(themes.text()))
    expected = {}
    for actor in data["actors"]:
        named = [(t["id"], p["id"]) for t in data["themes"] for p in t["priorities"] if actor["id"] in p["actors"]]
        expected[actor["id"]] = (len(named), len({theme for theme, _ in named}))
    assert rows == expected


def test_chips_say_who_the_actor_is(site_dir: Path) -> None:
    data = _yaml()
    descriptions = {actor["id"]: actor.get("description") for actor in data["actors"]}
    counts = {
        actor["id"]: sum(actor["id"] in p["actors"] for t in data["themes"] for p in t["priorities"])
        for actor in data["actors"]
    }
    page = "themes/veto-restraint/index.html"
    chips = _article(site_dir, page).find_all("a", "r2p-actor")
    assert chips
    for chip in chips:
        actor = resolve(page, chip.attrs["href"])[1]
        n = counts[actor]
        # The actor's description, or, for an actor without one, how often the roadmap names it.
        assert chip.attrs["title"] == (descriptions[actor] or f"Named in {n} priorit{'y' if n == 1 else 'ies'}")

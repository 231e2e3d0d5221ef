"""The link contract: every listed link resolves in the built site, and no build may drop one."""

from __future__ import annotations

from pathlib import Path

import pytest

from r2p_roadmap.build import Project, build
from r2p_roadmap.cli import main
from r2p_roadmap.contract import (
    CONTRACT_FILE,
    HEADER,
    Contract,
    dropped_links,
    page_ids,
    published_links,
    read_contract,
    site_file,
)
from r2p_roadmap.errors import RoadmapError
from r2p_roadmap.model import Roadmap
from r2p_roadmap.render.permalinks import anchor_targets

from .conftest import NEW_THEME, OLD_THEME, ROOT, english_contract, generated_pages, rename

CONTRACT = ROOT / CONTRACT_FILE


def _ids(file: Path) -> set[str]:
    return set(page_ids(file.read_text(encoding="utf-8")))


def test_every_contract_link_resolves_in_the_built_site(site_dir: Path, roadmap: Roadmap) -> None:
    targets = anchor_targets(roadmap)
    unresolved = []
    for link in read_contract(CONTRACT).links:
        file = site_file(site_dir, link)
        anchor = link.partition("#")[2]
        if not file.is_file():
            unresolved.append(f"{link}: no file {file.relative_to(site_dir)}")
        elif anchor and anchor not in _ids(file):
            # An old anchor is followed through the link map: its target must exist instead.
            target = targets.get(anchor)
            if target is None or target.partition("#")[2] not in _ids(site_file(site_dir, "/" + target)):
                unresolved.append(f"{link}: no element with id '{anchor}'")
    assert unresolved == []


def test_contract_lists_every_published_link(built_project: Project) -> None:
    published = published_links(built_project.site_dir, generated_pages(built_project))
    missing = sorted(published - set(read_contract(CONTRACT).links))
    assert missing == [], "run `r2p-roadmap links update` and commit published-links.txt"


def test_contract_file_is_the_header_then_sorted_links() -> None:
    text = CONTRACT.read_text(encoding="utf-8")
    assert text.startswith(HEADER)
    lines = text.removeprefix(HEADER).splitlines()
    assert lines == sorted(set(lines))


def test_every_theme_priority_and_quote_has_its_permanent_link_in_the_contract(roadmap: Roadmap) -> None:
    links = read_contract(CONTRACT).links
    for theme in roadmap.themes:
        page = f"/themes/{theme.id}/"
        expected = [page, f"{page}#{theme.id}", f"/{theme.number}/"]
        expected += [f"{page}#{p.id}" for p in theme.priorities]
        expected += [f"{page}#{q.id}" for p in theme.priorities for q in p.quotes]
        assert [link for link in expected if link not in links] == []


def test_build_refuses_to_drop_a_published_link(built_copy: Project) -> None:
    project = built_copy
    english_contract(project)
    before = {p: p.read_bytes() for p in project.site_dir.rglob("*.html")}
    text = project.roadmap.read_text(encoding="utf-8")
    project.roadmap.write_text(rename(text, "p5-withhold-veto", "p5-veto-pledge", alias=False), encoding="utf-8")
    with pytest.raises(RoadmapError) as caught:
        build(project)
    contract = read_contract(project.root / CONTRACT_FILE)
    hint = (
        "    hint: if 'p5-withhold-veto' was renamed, add it to the aliases: of the item that has it now; if it "
        "was removed, list it under withdrawn: in roadmap.yaml (see the editing guide)"
    )
    assert [p.format() for p in caught.value.problems] == [
        f"{CONTRACT_FILE}:{contract.links[link]}:1: {link}: the build no longer publishes this link\n{hint}"
        for link in sorted(
            f"/{folder}{path}"
            for folder in ("",)  # an English-only copy (see copy_project); renamed_project has every language
            for path in (
                "briefing/#p5-withhold-veto",
                *(f"data/cite/p5-withhold-veto.{extension}" for extension in ("bib", "json", "ris")),
                "themes/veto-restraint/#p5-withhold-veto",
            )
        )
    ]
    assert {p: p.read_bytes() for p in project.site_dir.rglob("*.html")} == before  # nothing written


def test_a_dropped_theme_page_is_named_once_with_its_fix(roadmap: Roadmap) -> None:
    contract = Contract({"/themes/veto-restraint/": 3, "/themes/veto-restraint/#p5-withhold-veto": 4, "/about/": 5})
    problems = dropped_links(contract, {"/"}, anchor_targets(roadmap))
    assert [(p.line, p.path, p.hint) for p in problems] == [
        (
            3,
            "/themes/veto-restraint/",
            "if theme 'veto-restraint' was renamed, add 'veto-restraint' to its aliases:; if it was removed, list "
            "it under withdrawn: with was: theme (see the editing guide)",
        ),
        (
            5,
            "/about/",
            "published pages are permanent: restore this page, or generate a redirect page at this address",
        ),
    ]


def test_aliases_and_withdrawals_keep_every_link(renamed_project: Project) -> None:
    """The renamed site (conftest.py) was built under the real contract: it raised no RoadmapError, so
    every link of the contract still leads somewhere; the old theme page is now a redirect."""
    old_page = (renamed_project.site_dir / "themes" / OLD_THEME / "index.html").read_text(encoding="utf-8")
    assert f"themes/{NEW_THEME}/" in old_page


def test_links_update_appends_new_links_and_never_removes_one(
    project: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    contract_file = project.root / CONTRACT_FILE
    kept = "/an-old-page-kept-by-a-redirect/"
    contract_file.write_text(HEADER + f"{kept}\n/themes/veto-restraint/\n", encoding="utf-8")
    (project.docs_dir / "an-old-page-kept-by-a-redirect").mkdir()
    (project.docs_dir / "an-old-page-kept-by-a-redirect" / "index.html").write_text("<p>moved</p>", encoding="utf-8")
    monkeypatch.chdir(project.root)
    assert main(["links", "update"]) == 0
    links = read_contract(contract_file).links
    published = published_links(project.site_dir, generated_pages(project))
    assert set(links) == published | {kept}
    assert contract_file.read_text(encoding="utf-8").removeprefix(HEADER).splitlines() == sorted(links)
    assert main(["links", "check"]) == 0


def test_links_check_names_each_unrecorded_link(
    project: Project, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    english_contract(project)
    (project.docs_dir / "notes.md").write_text("# Notes\n", encoding="utf-8")
    config = project.config_file.read_text(encoding="utf-8")
    project.config_file.write_text(config.replace("  - About: about.md\n", "  - About: about.md\n  - notes.md\n"))
    monkeypatch.chdir(project.root)
    assert main(["links", "check"]) == 1
    assert capsys.readouterr().err == "".join(
        f"{CONTRACT_FILE}:1:1: {link}: the site publishes this link, but the link contract does not list it\n"
        "    hint: run `r2p-roadmap links update` and commit published-links.txt\n"
        for link in ("/notes/",)  # an English-only copy (see copy_project): the page is in its one site
    ) + ("1 error found; nothing was written.\n")


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("themes/veto-restraint/", "'themes/veto-restraint/' is not a link of the site"),
        ("/themes/veto restraint/", "'/themes/veto restraint/' is not a link of the site"),
        ("/themes/a/#b#c", "'/themes/a/#b#c' is not a link of the site"),
    ],
)
def test_a_line_that_is_not_a_link_is_named(tmp_path: Path, line: str, message: str) -> None:
    path = tmp_path / CONTRACT_FILE
    path.write_text(HEADER + "/\n" + line + "\n", encoding="utf-8")
    with pytest.raises(RoadmapError) as caught:
        read_contract(path)
    assert [(p.line, p.message, p.hint) for p in caught.value.problems] == [
        (
            HEADER.count("\n") + 2,
            message,
            "write a path from the site root, such as /themes/veto-restraint/#p5-withhold-veto; restore the line "
            "from version control if it was changed by mistake",
        )
    ]


def test_hand_written_pages_publish_their_address_but_not_their_headings(built_project: Project) -> None:
    published = published_links(built_project.site_dir, generated_pages(built_project))
    assert "/editing/" in published
    assert [link for link in published if link.startswith("/editing/#")] == []
    assert [link for link in published if link.startswith(("/assets/", "/search/"))] == []


def test_ids_of_form_controls_and_outside_the_content_are_not_anchors() -> None:
    page = (
        '<header id="top"></header><article class="md-content__inner md-typeset">'
        '<h2 id="a">A</h2><form id="f"><label id="l">L</label><select id="s"></select><input id="i">'
        '<button id="b"></button></form><p class="count" id="c"></p><blockquote id="q"></blockquote>'
        '</article><footer id="bottom"></footer>'
    )
    assert page_ids(page) == ["a", "c", "q"]

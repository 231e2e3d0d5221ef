"""`r2p-roadmap links update|check`: build the site, then append new links to the contract or check it."""

from __future__ import annotations

from .build import Project, build
from .contract import CONTRACT_FILE, Contract, format_contract, published_links, read_contract, unrecorded_links
from .errors import Problem, RoadmapError


def run_links_command(project: Project, action: str) -> int:
    """Build (which refuses to drop a listed link), then update or check the contract; return 0."""
    report = build(project)
    path = project.root / CONTRACT_FILE
    published = published_links(project.site_dir, report.pages)
    contract = read_contract(path) if path.is_file() else Contract({})
    new = unrecorded_links(contract, published)
    if action == "update":
        text = format_contract([*contract.links, *new])
        if not path.is_file() or new or path.read_bytes() != text.encode("utf-8"):
            temporary = path.with_name(f".{path.name}.new")
            temporary.write_text(text, encoding="utf-8", newline="\n")
            temporary.replace(path)
        total = len(contract.links) + len(new)
        print(f"{CONTRACT_FILE}: {len(new)} new link{'s' if len(new) != 1 else ''} added; {total} in all.")
        return 0
    if new:
        raise RoadmapError(
            Problem(
                1,
                1,
                link,
                "the site publishes this link, but the link contract does not list it",
                "run `r2p-roadmap links update` and commit published-links.txt",
                CONTRACT_FILE,
            )
            for link in new
        )
    print(f"{CONTRACT_FILE}: all {len(contract.links)} links still work; no new link to add.")
    return 0

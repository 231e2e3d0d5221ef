"""The link contract: published-links.txt lists every address and anchor the site has published.

A build may add links but never drop one. A listed link must still be published, or name an id that
the link map sends on (an earlier id in `aliases:`, a withdrawn id, or an id that moved to another
page). `r2p-roadmap links update` appends the links a build newly publishes; nothing removes them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from .errors import Problem, RoadmapError
from .load import decode_utf8, read_file
from .paths import page_url

CONTRACT_FILE = "published-links.txt"
HEADER = """\
# The link contract of the R2P roadmap site: every address and anchor it has published, one a line,
# as a path from the site root (with #anchor for a place inside a page). Briefings and reports
# link to these; each must keep working. `r2p-roadmap links update` appends the links a build newly
# publishes. Never delete or edit a line: when an id changes, keep the old one in `aliases:` of
# roadmap.yaml; when an item is removed, list its id under `withdrawn:`. `r2p-roadmap build`
# refuses to drop a listed link, and the tests check that every one resolves.
"""

# What every MkDocs + Material build writes besides the content: theme assets, the search index,
# the sitemap and the error page. Nobody links to them, and they change with every theme release.
_MACHINERY_FOLDERS = ("assets/", "search/")
_MACHINERY_FILES = ("sitemap.xml", "sitemap.xml.gz", "404.html")
HOME = "index.md"
# The folder of a language other than English at the start of a link: /fr/themes/x/ (ISO 639-1 codes).
_LANGUAGE = r"(?:/[a-z]{2})?"
_LINK = re.compile(r"^/[^\s#]*(?:#[^\s#]+)?$")
_ARTICLE = re.compile(r'<article class="md-content__inner[^"]*">(.*)</article>', re.DOTALL)
_ID = re.compile(r'<([a-zA-Z][a-zA-Z0-9]*)\b[^>]*?\sid="([^"]+)"')
# Form controls are not places to link to: their ids serve labels and scripts, and may change.
_CONTROLS = {"form", "input", "select", "textarea", "button", "label", "output", "option", "fieldset", "legend"}


@dataclass(frozen=True)
class Contract:
    """The links of the contract file, each with its line number."""

    links: dict[str, int]


def site_file(site_dir: Path, link: str) -> Path:
    """The file of the built site that serves `link` ('/themes/x/#y' → themes/x/index.html)."""
    path = link.partition("#")[0].lstrip("/")
    return site_dir / (path + "index.html" if path.endswith("/") or not path else path)


def page_ids(html: str) -> list[str]:
    """The ids of a page's content (its article) that a link may point to: not those of form controls."""
    match = _ARTICLE.search(html)
    return [anchor for tag, anchor in _ID.findall(match.group(1)) if tag.lower() not in _CONTROLS] if match else []


def published_links(site_dir: Path, generated: Iterable[str]) -> set[str]:
    """Every link a built site publishes: each file's address, and each anchor of a generated page.

    `generated` lists the docs/ paths rendered from roadmap.yaml (those of another language under its
    folder, such as fr/themes/x.md); anchors of hand-written pages are not part of the contract, since
    their headings are free to change. Ids that start with '_' are internal (Material's, and any a
    renderer marks so). A folder with a generated home page of its own (fr/index.md) is the site of
    another language, with the same machinery as the site root.
    """
    generated = set(generated)
    folders = tuple(path.removesuffix(HOME) for path in generated if path.endswith("/" + HOME))
    pages = {"/" + page_url(path) for path in generated if path.endswith(".md")}
    links: set[str] = set()
    for file in sorted(site_dir.rglob("*")):
        relative = file.relative_to(site_dir).as_posix()
        within = next((relative.removeprefix(folder) for folder in folders if relative.startswith(folder)), relative)
        if not file.is_file() or within.startswith(_MACHINERY_FOLDERS) or within in _MACHINERY_FILES:
            continue
        link = "/" + page_url(relative)
        links.add(link)
        if link in pages:
            ids = page_ids(file.read_text(encoding="utf-8"))
            links.update(f"{link}#{anchor}" for anchor in ids if not anchor.startswith("_"))
    return links


def read_contract(path: Path) -> Contract:
    """Read the contract file; raise RoadmapError naming every line that is not a link."""
    links: dict[str, int] = {}
    problems = []
    text_of_file = decode_utf8(read_file(path, path.name), path.name)
    for number, line in enumerate(text_of_file.splitlines(), start=1):
        text = line.strip()
        if not text or text.startswith("#"):
            continue
        if _LINK.match(text):
            links.setdefault(text, number)
        else:
            problems.append(
                Problem(
                    number,
                    1,
                    "",
                    f"'{text}' is not a link of the site",
                    "write a path from the site root, such as /themes/veto-restraint/#p5-withhold-veto; "
                    "restore the line from version control if it was changed by mistake",
                    path.name,
                )
            )
    if problems:
        raise RoadmapError(problems)
    return Contract(links)


def _hint(link: str) -> str:
    page, _, anchor = link.partition("#")
    cite_file = re.fullmatch(_LANGUAGE + r"/data/cite/([^/]+)\.(?:ris|bib|json)", page)
    anchor = anchor or (cite_file.group(1) if cite_file else "")  # an item's citation files go with its id
    if anchor:
        return (
            f"if '{anchor}' was renamed, add it to the aliases: of the item that has it now; if it was "
            "removed, list it under withdrawn: in roadmap.yaml (see the editing guide)"
        )
    theme = re.fullmatch(_LANGUAGE + r"/themes/([^/]+)/", page)
    if theme:
        return (
            f"if theme '{theme.group(1)}' was renamed, add '{theme.group(1)}' to its aliases:; if it was "
            "removed, list it under withdrawn: with was: theme (see the editing guide)"
        )
    return "published pages are permanent: restore this page, or generate a redirect page at this address"


def dropped_links(contract: Contract, published: set[str], targets: Mapping[str, str]) -> list[Problem]:
    """A problem for each listed link the build would drop; `targets` is the id map of the site."""
    pages = {link for link in published if "#" not in link}
    problems = []
    for link, line in contract.links.items():
        if link in published:
            continue
        page, _, anchor = link.partition("#")
        if anchor and page not in pages and page in contract.links:
            continue  # the dropped page itself is reported
        if anchor and page in pages and anchor in targets:
            continue  # the page's link map sends the old anchor on
        problems.append(Problem(line, 1, link, "the build no longer publishes this link", _hint(link), CONTRACT_FILE))
    return problems


def unrecorded_links(contract: Contract, published: set[str]) -> list[str]:
    """Published links that the contract does not list yet, sorted."""
    return sorted(published - set(contract.links))


def format_contract(links: Iterable[str]) -> str:
    """The contract file's text: the header, then the links sorted, one a line."""
    return HEADER + "".join(f"{link}\n" for link in sorted(set(links)))


def check_kept(path: Path, published: set[str], targets: Mapping[str, str]) -> None:
    """Raise RoadmapError when a build would drop a link of the contract at `path` (if there is one)."""
    if not path.is_file():
        return
    problems = dropped_links(read_contract(path), published, targets)
    if problems:
        raise RoadmapError(problems)

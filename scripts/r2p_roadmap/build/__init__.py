"""Build the site: load → validate → render → a folder private to this build → MkDocs or Zensical → site/.

The private folder holds a copy of the hand-written docs/ with the rendered pages added, a copy of the
theme overrides and the configuration derived from mkdocs.yml. Nothing in the checkout is written but
site/: it is a link to the newest finished build under .r2p-build/, replaced in one rename. So a build
that fails, is killed, or fills the disk leaves the last good site whole, docs/ and mkdocs.yml are
never touched, and builds of the same site take turns through a lock.
"""

from __future__ import annotations

import fcntl
import json
import logging
import os
import shutil
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..contract import CONTRACT_FILE, check_kept, published_links
from ..errors import Problem, RoadmapError
from ..model import Roadmap
from ..paths import ZIP_PATH, page_url
from ..render import Site, citation_meta, render_site
from ..render.freshness import template_values
from ..render.markup import GENERATED_MARK
from ..render.permalinks import anchor_targets
from ..render.redirects import redirects
from ..translations import localise
from ..validate import load_roadmap
from ..validate.translations import PAGES_FOLDER
from .config import CONFIG_NAME, derive_config, read_config, repository_url, roadmap_edit_url, site_url
from .config import site_url as configured_url
from .languages import TEXT_OF_RECORD, english_only, language, language_config, language_url

log = logging.getLogger("r2p_roadmap")

ENGINES = ("mkdocs", "zensical")
# The template values a build adds to `extra`: the repository's address (for "Report an error") and the
# size of the offline copy's zip, both shown in the band at the foot of every page. The zip is made from
# a second build after the site's, so the pages carry a mark that the build then replaces with the size.
REPOSITORY_KEY = "r2p_repository"
ZIP_SIZE_KEY = "r2p_zip_size"
ZIP_SIZE_MARK = "r2p-zip-size-0e6f"
# The themes, for the 404 page, which lists them from any depth of the site (themes/404.html).
THEMES_KEY = "r2p_themes"
# The site's own scripts, shipped as one file (see _bundle_scripts).
SCRIPTS = "assets/r2p.js"
# Beside the site: the lock, the private folders of builds under way, and the finished builds.
STATE_FOLDER = ".r2p-build"


@dataclass(frozen=True)
class Project:
    """The files of one checkout of the site."""

    root: Path

    @property
    def roadmap(self) -> Path:
        return self.root / "roadmap.yaml"

    @property
    def docs_dir(self) -> Path:
        return self.root / "docs"

    @property
    def config_file(self) -> Path:
        return self.root / CONFIG_NAME

    @property
    def site_dir(self) -> Path:
        return self.root / "site"

    @classmethod
    def find(cls, start: Path | None = None) -> Project:
        """The nearest folder at or above `start` (default: the current one) holding roadmap.yaml and mkdocs.yml."""
        here = (start or Path.cwd()).resolve()
        for folder in (here, *here.parents):
            if (folder / CONFIG_NAME).is_file() and (folder / "roadmap.yaml").is_file():
                return cls(folder)
        return cls(here)


@dataclass(frozen=True)
class BuildReport:
    """What a build made."""

    roadmap: Roadmap
    site: Site
    seconds: float
    # The rendered files of every language, English's (`site`) included, by language code.
    sites: dict[str, Site] = field(default_factory=dict)

    @property
    def pages(self) -> set[str]:
        """The paths of the generated files of every language, from the site root (fr/themes/x.md)."""
        return generated_paths(self.sites or {TEXT_OF_RECORD: self.site})


def prepare(project: Project, url: str | None = None) -> tuple[Roadmap, Site, dict[str, Any]]:
    """Load, validate and render, and read mkdocs.yml; RoadmapError for any mistake, and nothing written."""
    roadmap = load_roadmap(project.roadmap)
    config = read_config(project.config_file)
    site = render_site(roadmap, url or site_url(config), roadmap_edit_url(config))
    _check_hand_written(project.docs_dir, site.pages)
    return roadmap, site, config


def _check_hand_written(docs_dir: Path, pages: dict[str, str]) -> None:
    """Refuse a file in docs/ that has the path of a generated page: one of the two would be lost."""
    problems = []
    for path in sorted(pages):
        target = docs_dir / path
        if target.is_file():
            earlier = GENERATED_MARK in target.read_text(encoding="utf-8", errors="replace")
            problems.append(
                Problem(
                    1,
                    1,
                    "",
                    "this page has the path of a page generated from roadmap.yaml",
                    "delete it: an earlier version of the build wrote its pages into docs/, which it no longer does"
                    if earlier
                    else "rename or move the hand-written page",
                    f"docs/{path}",
                )
            )
    if problems:
        raise RoadmapError(problems)


@contextmanager
def _turn(state: Path, name: str) -> Iterator[None]:
    """Hold the lock of the site `name`: a second build of it waits until the first has finished."""
    with (state / f"{name}.lock").open("a") as lock:
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            log.warning("another build of %s is running; waiting for it to finish", name)
            fcntl.flock(lock, fcntl.LOCK_EX)
        yield  # the lock goes with the file, when the process ends too


def _remove_leftovers(state: Path, target: Path) -> None:
    """Remove what earlier builds of `target` left (a killed build's private folder, replaced sites)."""
    current = target.resolve() if target.is_symlink() else None
    for path in state.iterdir():
        if path.name.startswith(f"{target.name}.") and path.is_dir() and not path.is_symlink() and path != current:
            shutil.rmtree(path, ignore_errors=True)


def _stage(
    project: Project, site: Site, config: dict[str, Any], work: Path, extra: dict[str, Any], url: str, code: str = "en"
) -> Path:
    """Write the private folder: docs/ with the rendered pages, the theme overrides, the derived config.
    In a language other than English a hand-written page is its translation where
    translations/pages/<code>/ has one, and otherwise the English page saying that it is in English."""
    docs = work / "docs"
    if project.docs_dir.is_dir():
        shutil.copytree(project.docs_dir, docs)
        if code != TEXT_OF_RECORD:
            translated = project.root / PAGES_FOLDER / code
            for page in docs.rglob("*.md"):
                own = translated / page.relative_to(docs)
                markdown = (
                    own.read_text(encoding="utf-8")
                    if own.is_file()
                    else english_only(page.read_text(encoding="utf-8"), code)
                )
                page.write_text(markdown, encoding="utf-8")
    for path, text in site.pages.items():
        target = docs / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8", newline="\n")  # line ends exactly as rendered (the CSV's CRLF)
    derived = derive_config(config, site.nav, extra, url, site.abbreviations)
    derived["extra_javascript"] = _bundle_scripts(docs, derived.get("extra_javascript", []))
    custom = config.get("theme", {}).get("custom_dir") if isinstance(config.get("theme"), dict) else None
    if isinstance(custom, str):
        shutil.copytree(project.root / custom, work / "overrides")
        derived["theme"] = {**config["theme"], "custom_dir": "overrides"}
    config_file = work / CONFIG_NAME
    config_file.write_text(json.dumps(derived, ensure_ascii=False, indent=1), encoding="utf-8")  # JSON is YAML
    return config_file


def _bundle_scripts(docs: Path, scripts: list[Any]) -> list[Any]:
    """The site's own scripts (mkdocs.yml's extra_javascript, each a file of docs/) as one file, SCRIPTS,
    in their order: a phone on a slow network then waits for one request, not seven, before the page is
    complete. The separate files are left out of the site; each stays a file of its own to edit."""
    names = [name for name in scripts if isinstance(name, str) and (docs / name).is_file()]
    if not names:
        return scripts
    parts = [f"/* {name} */\n" + (docs / name).read_text(encoding="utf-8") for name in names]
    (docs / SCRIPTS).write_text("\n".join(parts), encoding="utf-8")
    for name in names:
        (docs / name).unlink()
    return [SCRIPTS, *(name for name in scripts if name not in names)]


def generated_paths(sites: dict[str, Site]) -> set[str]:
    """The generated files of the sites of every language, each under its language's folder."""
    return {language(code).folder + path for code, site in sites.items() for path in site.pages}


def _build_language(
    project: Project,
    roadmap: Roadmap,
    english: Site,
    config: dict[str, Any],
    work: Path,
    url: str,
    code: str,
    engine: str,
) -> Site:
    """Render the pages of one language and build them into work/<code>/site, and the offline copy's
    into work/<code>/offline; `url` is the English site's address. The site rendered is returned."""
    localised = localise(roadmap, code)
    address = language_url(url, code)
    site = english if code == TEXT_OF_RECORD else render_site(localised, address, roadmap_edit_url(config), roadmap)
    extra = {
        **template_values(localised),
        **citation_meta.template_values(localised, address),
        REPOSITORY_KEY: repository_url(config),
        ZIP_SIZE_KEY: ZIP_SIZE_MARK,
        THEMES_KEY: _theme_links(site),
    }
    from .engines import run_mkdocs, run_zensical
    from .offline import configure_offline

    folder = work / code
    derived = language_config(config, code, roadmap.languages, url)
    config_file = _stage(project, site, derived, folder, extra, address, code)
    if engine == "zensical":
        run_zensical(config_file)
    else:
        run_mkdocs(config_file, folder / "site")
    # The downloadable copy is a second build (file:// needs .html links) zipped into the site; it uses
    # Material's offline plugin, so MkDocs builds it whichever engine builds the site.
    run_mkdocs(config_file, folder / "offline", configure_offline)
    return site


def _theme_links(site: Site) -> list[dict[str, str]]:
    """Each theme's navigation title with its address on a web server and its file in the offline copy."""
    return [
        {"title": title, "address": page_url(path), "file": path.removesuffix(".md") + ".html"}
        for entry in site.nav
        for title, path in entry.items()
    ]


def _write_zip_size(site: Path, size: str) -> None:
    """Put the offline zip's size, known only once the zip is made, where the pages' band asks for it."""
    for page in site.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        if ZIP_SIZE_MARK in text:
            page.write_text(text.replace(ZIP_SIZE_MARK, size), encoding="utf-8")


def format_size(size: int) -> str:
    """A file size as the footer gives it: '840 KB', '1.4 MB' (1 KB = 1000 bytes, as file managers count)."""
    if size < 1_000_000:
        return f"{max(1, round(size / 1000))} KB"
    return f"{size / 1_000_000:.1f} MB"


def _publish(new_site: Path, target: Path, state: Path) -> None:
    """Put `new_site` at `target` in one rename: `target` is a link, replaced by a link to the new site."""
    generation = state / f"{target.name}.{time.time_ns()}"
    os.rename(new_site, generation)
    link = state / f"{target.name}.link"
    link.unlink(missing_ok=True)
    link.symlink_to(os.path.relpath(generation, target.parent))
    if target.exists() and not target.is_symlink():  # a folder from before sites were links: set it aside
        target.rename(state / f"{target.name}.{time.time_ns()}.old")
    os.replace(link, target)


def build(
    project: Project, *, site_dir: Path | None = None, site_url: str | None = None, engine: str = "mkdocs"
) -> BuildReport:
    """Validate, render and build into `site_dir` (default site/), with MkDocs or Zensical.

    `site_url`, when given, replaces mkdocs.yml's address in every permanent link (the preview uses it).
    On any failure the previous site stays as it was and RoadmapError says why.
    """
    started = time.perf_counter()
    target = site_dir or project.site_dir
    try:
        state = target.parent / STATE_FOLDER
        state.mkdir(parents=True, exist_ok=True)
        with _turn(state, target.name):
            _remove_leftovers(state, target)
            roadmap, site, config = prepare(project, site_url)
            # MkDocs is imported only once a build is under way, so `validate` and the other
            # commands that build nothing start in a fraction of the time.
            from .offline import write_zip

            work = Path(tempfile.mkdtemp(prefix=f"{target.name}.work-", dir=state))
            try:
                url = site_url or configured_url(config)
                sites = {
                    code: _build_language(project, roadmap, site, config, work, url, code, engine)
                    for code in roadmap.languages
                }
                # English at the root of the site and of the offline copy, every other language in its folder.
                for code in roadmap.languages[1:]:
                    for part in ("site", "offline"):
                        os.rename(work / code / part, work / roadmap.languages[0] / part / language(code).folder)
                built = work / roadmap.languages[0]
                leave_out = {language(code).folder + r.path for code in roadmap.languages for r in redirects(roadmap)}
                folders = [language(code).folder for code in roadmap.languages[1:]]
                write_zip(built / "offline", built / "site" / ZIP_PATH, leave_out, folders)
                _write_zip_size(built / "site", format_size((built / "site" / ZIP_PATH).stat().st_size))
                # A link once published keeps working: refuse a build that would drop one.
                check_kept(
                    project.root / CONTRACT_FILE,
                    published_links(built / "site", generated_paths(sites)),
                    anchor_targets(roadmap),
                )
                _publish(built / "site", target, state)
                _remove_leftovers(state, target)
            finally:
                shutil.rmtree(work, ignore_errors=True)
    except OSError as error:
        where = error.filename or target
        raise RoadmapError(
            [
                Problem(
                    1,
                    1,
                    "",
                    f"cannot write the site: {error.strerror or error} ({where})",
                    "free some disk space, or check that the folder of site/ can be written; the last good site "
                    "is still in place",
                    "site/",
                )
            ]
        ) from None
    return BuildReport(roadmap, site, time.perf_counter() - started, sites)

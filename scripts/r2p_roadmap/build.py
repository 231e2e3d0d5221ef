"""Validate, render and build the site so that a failure at any step changes nothing on disk.

The new pages are staged in a temporary copy of docs/ and built into a temporary site; only when
MkDocs succeeds are docs/ and mkdocs.yml updated and the new site swapped in for the old. A build
that is killed leaves only its temporary folders, which the next build removes.
"""

from __future__ import annotations

import ctypes
import errno
import logging
import os
import re
import shutil
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort, ConfigurationError

from .contract import CONTRACT_FILE, check_kept, configured_site_url, published_links
from .errors import Problem, RoadmapError
from .fast_compose import gc_paused
from .model import Roadmap
from .offline import ZIP_PATH, configure_offline, write_zip
from .render import Site, render_site
from .render.freshness import template_values
from .render.permalinks import anchor_targets
from .render.redirects import redirects
from .validate import load_roadmap
from .write import MANIFEST, WriteReport, check_hand_written, read_manifest, replace_nav, write_atomic, write_generated
from .zensical_build import run_zensical

log = logging.getLogger("r2p_roadmap")


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
        return self.root / "mkdocs.yml"

    @property
    def site_dir(self) -> Path:
        return self.root / "site"

    @classmethod
    def find(cls, start: Path | None = None) -> Project:
        """The nearest folder at or above `start` (default: the current one) holding mkdocs.yml."""
        here = (start or Path.cwd()).resolve()
        for folder in (here, *here.parents):
            if (folder / "mkdocs.yml").is_file() and (folder / "roadmap.yaml").is_file():
                return cls(folder)
        return cls(here)


@dataclass(frozen=True)
class BuildReport:
    """What a build did."""

    roadmap: Roadmap
    written: WriteReport
    seconds: float


def prepare(project: Project) -> tuple[Roadmap, Site]:
    """Load, validate and render; raise RoadmapError without touching the disk."""
    with gc_paused():  # a large roadmap is many small objects and no cycles; see gc_paused
        roadmap = load_roadmap(project.roadmap)
        site = render_site(roadmap, configured_site_url(project.config_file))
    check_hand_written(project.docs_dir, site.pages)
    return roadmap, site


class _Collect(logging.Handler):
    """Keeps MkDocs' warnings so they can be reported as problems."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


@contextmanager
def _collect_mkdocs_warnings() -> Iterator[_Collect]:
    handler = _Collect()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(handler)
    try:
        yield handler
    finally:
        logger.removeHandler(handler)


def _stage_docs(project: Project, site: Site, stage: Path) -> None:
    """Copy docs/ without its old generated files, then add the new ones."""
    generated = read_manifest(project.docs_dir) | {MANIFEST}

    def ignore(folder: str, names: list[str]) -> set[str]:
        relative = Path(folder).relative_to(project.docs_dir)
        return {n for n in names if (relative / n).as_posix().removeprefix("./") in generated}

    shutil.copytree(project.docs_dir, stage, ignore=ignore) if project.docs_dir.is_dir() else stage.mkdir()
    for path, text in site.pages.items():
        target = stage / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8", newline="\n")  # as write_atomic: line ends exactly as rendered


def _run_mkdocs(
    config_file: Path,
    docs: Path,
    site_dir: Path,
    site_url: str | None,
    extra: dict[str, Any] | None = None,
    adjust: Callable[[MkDocsConfig], None] | None = None,
) -> None:
    overrides: dict[str, Any] = {"docs_dir": str(docs), "site_dir": str(site_dir), "strict": True}
    if site_url:
        overrides["site_url"] = site_url
    with _collect_mkdocs_warnings() as warnings:
        try:
            config = load_config(config_file=str(config_file), **overrides)
            config.extra.update(extra or {})  # values for templates, such as the data version on every page
            if adjust:
                adjust(config)
            mkdocs_build(config)
        except (Abort, ConfigurationError) as error:
            messages = warnings.messages or [str(error)]
            raise RoadmapError(
                Problem(
                    1,
                    1,
                    "",
                    message.replace(str(docs), "docs"),
                    "generated pages come from roadmap.yaml; fix the page or setting named here",
                    "mkdocs build",
                )
                for message in messages
            ) from None


def _exchange(first: Path, second: Path) -> bool:
    """Swap two folders in one atomic step (Linux renameat2 with RENAME_EXCHANGE); False where unsupported."""
    if sys.platform != "linux":
        return False
    try:
        renameat2 = ctypes.CDLL(None, use_errno=True).renameat2
    except (OSError, AttributeError):
        return False
    at_fdcwd, rename_exchange = -100, 2
    renameat2.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    if renameat2(at_fdcwd, os.fsencode(first), at_fdcwd, os.fsencode(second), rename_exchange) == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.EINVAL, errno.ENOSYS, errno.EPERM):  # a file system or kernel without the flag
        return False
    raise OSError(code, os.strerror(code), str(second))


def _swap_in(new_site: Path, site_dir: Path) -> None:
    """Replace `site_dir` by `new_site` so that no half-written site is ever in place: one atomic
    exchange where the system offers it, else two renames."""
    if site_dir.is_dir() and _exchange(new_site, site_dir):
        shutil.rmtree(new_site, ignore_errors=True)  # now the old site
        return
    old = None
    if site_dir.exists():
        old = site_dir.with_name(f".{site_dir.name}.old-{os.getpid()}")
        os.replace(site_dir, old)
    os.replace(new_site, site_dir)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


# Temporary files and folders of a build, named with the id of the process that made them.
_LEFTOVER = re.compile(r"^\.(?:r2p-build-(?P<build>\d+)-.+|r2p-mkdocs-(?P<config>\d+)\.yml|site\.old-(?P<old>\d+))$")


def _is_running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def remove_leftovers(*folders: Path) -> list[Path]:
    """Remove what killed builds left in `folders` (their process no longer runs); return the paths."""
    removed = []
    for folder in folders:
        if not folder.is_dir():
            continue
        for path in folder.iterdir():
            match = _LEFTOVER.match(path.name)
            if not match:
                continue
            pid = int(match["build"] or match["config"] or match["old"])
            if pid == os.getpid() or _is_running(pid):
                continue
            if path.is_dir() and not path.is_symlink():
                shutil.rmtree(path, ignore_errors=True)
            else:
                path.unlink(missing_ok=True)
            removed.append(path)
    return removed


def build(
    project: Project, *, site_dir: Path | None = None, site_url: str | None = None, engine: str = "mkdocs"
) -> BuildReport:
    """Validate, render and build into `site_dir` (default site/); on any failure change nothing.

    `engine` is "mkdocs" (MkDocs with Material) or "zensical" (its successor, from the same config).
    """
    started = time.perf_counter()
    roadmap, site = prepare(project)
    target = site_dir or project.site_dir
    config_text = project.config_file.read_text(encoding="utf-8")
    new_config = replace_nav(config_text, site.nav)
    target.parent.mkdir(parents=True, exist_ok=True)
    remove_leftovers(project.root, target.parent)
    # The work folder sits beside the target, on the same file system, so the new site can be renamed into place.
    with tempfile.TemporaryDirectory(prefix=f".r2p-build-{os.getpid()}-", dir=target.parent) as temporary:
        work = Path(temporary)
        _stage_docs(project, site, work / "docs")
        # The staged config sits beside the real one so that its relative paths (theme overrides) hold.
        staged_config = project.root / f".r2p-mkdocs-{os.getpid()}.yml"
        staged_config.write_text(new_config, encoding="utf-8")
        try:
            run_engine = run_zensical if engine == "zensical" else _run_mkdocs
            run_engine(staged_config, work / "docs", work / "site", site_url, template_values(roadmap))
            # The downloadable copy is a second build (file:// needs .html links) zipped into the site;
            # it uses Material's offline plugin, so MkDocs builds it whichever engine builds the site.
            _run_mkdocs(
                staged_config, work / "docs", work / "offline", site_url, template_values(roadmap), configure_offline
            )
            write_zip(work / "offline", work / "site" / ZIP_PATH, {r.path for r in redirects(roadmap)})
        finally:
            staged_config.unlink(missing_ok=True)
        # A link once published keeps working: refuse a build that would drop one.
        check_kept(project.root / CONTRACT_FILE, published_links(work / "site", site.pages), anchor_targets(roadmap))
        report = write_generated(project.docs_dir, site.pages)
        if new_config != config_text:
            write_atomic(project.config_file, new_config)
        _swap_in(work / "site", target)
    return BuildReport(roadmap, report, time.perf_counter() - started)

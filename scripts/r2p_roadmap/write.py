"""The only code that writes generated files: changed files only, stale ones removed, each atomically."""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from .errors import Problem, RoadmapError
from .render.markup import GENERATED_MARK
from .render.nav import NAV_BEGIN, NAV_END

# Lists the files the last run generated, so that files it no longer produces can be removed.
# MkDocs ignores dot-files in docs/, so the manifest is never published.
MANIFEST = ".generated"


@dataclass
class WriteReport:
    """What a write changed, as paths relative to docs/."""

    written: list[str] = field(default_factory=list)
    deleted: list[str] = field(default_factory=list)
    unchanged: int = 0


def write_atomic(path: Path, text: str) -> None:
    """Write `text` to `path` through a temporary file in the same folder, so readers never see half."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as stream:
            stream.write(text)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def read_manifest(docs_dir: Path) -> set[str]:
    """Paths (relative to docs/) that the last run generated."""
    manifest = docs_dir / MANIFEST
    return set(manifest.read_text(encoding="utf-8").split()) if manifest.is_file() else set()


def check_hand_written(docs_dir: Path, pages: dict[str, str]) -> None:
    """Refuse to overwrite a hand-written page that happens to share a generated page's path."""
    previous = read_manifest(docs_dir)
    problems = []
    for path in sorted(pages):
        target = docs_dir / path
        if path not in previous and target.is_file() and GENERATED_MARK not in target.read_text(encoding="utf-8"):
            problems.append(
                Problem(
                    1,
                    1,
                    "",
                    "this hand-written page has the path of a page generated from roadmap.yaml",
                    "rename or move the hand-written page",
                    f"docs/{path}",
                )
            )
    if problems:
        raise RoadmapError(problems)


def write_generated(docs_dir: Path, pages: dict[str, str]) -> WriteReport:
    """Bring the generated files in `docs_dir` in line with `pages`, touching only what differs."""
    report = WriteReport()
    previous = read_manifest(docs_dir)
    for path, text in sorted(pages.items()):
        target = docs_dir / path
        # Bytes, not text: reading text would turn the CSV's CRLF line ends into LF and never match.
        if target.is_file() and target.read_bytes() == text.encode("utf-8"):
            report.unchanged += 1
            continue
        write_atomic(target, text)
        report.written.append(path)
    for path in sorted(previous - set(pages)):
        target = docs_dir / path
        if target.is_file():
            target.unlink()
            report.deleted.append(path)
        parent = target.parent
        while parent != docs_dir and parent.is_dir() and not any(parent.iterdir()):
            parent.rmdir()
            parent = parent.parent
    manifest = "\n".join(sorted(pages)) + "\n"
    if previous != set(pages) or not (docs_dir / MANIFEST).is_file():
        write_atomic(docs_dir / MANIFEST, manifest)
    return report


def replace_nav(config_text: str, nav: str, config_name: str = "mkdocs.yml") -> str:
    """`config_text` with the generated nav block replaced by `nav`."""
    start, end = config_text.find(NAV_BEGIN), config_text.find(NAV_END)
    if start < 0 or end < start:
        raise RoadmapError(
            [
                Problem(
                    1,
                    1,
                    "nav",
                    "the generated themes block is missing from the nav",
                    f"put the lines '{NAV_BEGIN.strip()}' and '{NAV_END.strip()}' back under nav:",
                    config_name,
                )
            ]
        )
    return config_text[:start] + nav + config_text[end + len(NAV_END) :]

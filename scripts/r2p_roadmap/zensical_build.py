"""Build the site with Zensical, the successor of Material for MkDocs, from the same mkdocs.yml.

Zensical reads mkdocs.yml but takes no settings on its command line, so the staged docs and site
folders are given to it in a small config beside mkdocs.yml that inherits everything else.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

from .errors import Problem, RoadmapError

# Zensical colours its messages for a terminal; they are passed on as plain text.
_ANSI = re.compile(r"\x1b\[[0-9;]*m")
# A warning, and the line after it that says where: "Warning: page does not exist" / "╭─[ about.md:39:10 ]".
_WARNING = re.compile(r"^\s*(?:Warning|Error):\s*(?P<message>.+?)\s*$")
_WHERE = re.compile(r"\[\s*(?P<file>[^\]\s]+):(?P<line>\d+):(?P<column>\d+)\s*\]")


def run_zensical(
    config_file: Path, docs: Path, site_dir: Path, site_url: str | None, extra: dict[str, Any] | None = None
) -> None:
    """Build `docs` into `site_dir` with `zensical build --strict`; raise RoadmapError if it fails.

    Both folders must lie inside the folder of `config_file`, as Zensical requires. `extra` is merged
    into the config's `extra:` values, which templates read, as the MkDocs build does.
    """
    child = config_file.with_name(config_file.stem + "-zensical.yml")
    root = config_file.parent
    lines = [f"INHERIT: {json.dumps(config_file.name)}", f"docs_dir: {json.dumps(_relative(docs, root))}"]
    lines.append(f"site_dir: {json.dumps(_relative(site_dir, root))}")
    if site_url:
        lines.append(f"site_url: {json.dumps(site_url)}")
    if extra:
        lines.append(f"extra: {json.dumps(extra, ensure_ascii=False)}")  # JSON is YAML; INHERIT merges it
    child.write_text("\n".join(lines) + "\n", encoding="utf-8")
    try:
        # --clean: a build from a fresh staging folder gains nothing from a cache of an earlier one.
        result = subprocess.run(
            [sys.executable, "-m", "zensical", "build", "--strict", "--clean", "--config-file", str(child)],
            cwd=config_file.parent,
            capture_output=True,
            text=True,
            check=False,
        )
    finally:
        child.unlink(missing_ok=True)
    if result.returncode == 0:
        return
    output = _ANSI.sub("", result.stdout + result.stderr).replace(str(docs), "docs")
    raise RoadmapError(_problems(output))


def _problems(output: str) -> list[Problem]:
    """Zensical's warnings as problems, each at the page, line and column that its report points to."""
    hint = "generated pages come from roadmap.yaml; fix the page or setting named here"
    if "No module named zensical" in output:
        return [
            Problem(1, 1, "", "Zensical is not installed", "install the development tools: pip install -e '.[dev]'")
        ]
    problems = []
    lines = output.splitlines()
    for index, line in enumerate(lines):
        warning = _WARNING.match(line)
        if not warning:
            continue
        where = next((m for later in lines[index + 1 : index + 3] if (m := _WHERE.search(later))), None)
        if where:
            problems.append(
                Problem(int(where["line"]), int(where["column"]), "", warning["message"], hint, f"docs/{where['file']}")
            )
        else:
            problems.append(Problem(1, 1, "", warning["message"], hint, "zensical build"))
    last = output.strip().splitlines()[-1:] or ["zensical build failed"]
    return problems or [Problem(1, 1, "", last[0], hint, "zensical build")]


def _relative(folder: Path, root: Path) -> str:
    # Zensical fails on absolute folders in its config; it wants them relative to the config's folder.
    return folder.resolve().relative_to(root.resolve()).as_posix()

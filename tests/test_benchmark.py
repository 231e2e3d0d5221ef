"""The benchmark script runs end to end and prints every table the performance page records."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from r2p_roadmap.model import Roadmap
from synthetic import count_values

from .conftest import ROOT


def _build_output(root: Path) -> dict[str, str]:
    """What a build leaves in a checkout (site/ and the builds' folder), by name: where it leads."""
    return {name: os.path.realpath(root / name) for name in ("site", ".r2p-build") if os.path.lexists(root / name)}


def _cells(out: str, heading: str, count: int) -> list[list[str]]:
    """The first `count` cells of each body row of the table under `heading`."""
    section = out[out.index(heading) :].split("\n## ")[0]
    rows = [line for line in section.splitlines() if line.startswith("| ")][2:]
    return [row.strip("| ").split(" | ")[:count] for row in rows]


@pytest.mark.build
def test_the_benchmark_prints_every_table(tmp_path: Path, roadmap: Roadmap) -> None:
    before = _build_output(ROOT)
    # One run at a small size keeps this quick; the figures themselves are read, not asserted.
    result = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "benchmark.py"), "--sizes", "9", "--runs", "1"],
        capture_output=True,
        text=True,
        check=True,
        cwd=tmp_path,
    )
    out = result.stdout
    text = (ROOT / "roadmap.yaml").read_text(encoding="utf-8")
    themes = str(len(roadmap.themes))
    priorities = str(sum(len(theme.priorities) for theme in roadmap.themes))
    quotes = str(sum(len(p.quotes) for theme in roadmap.themes for p in theme.priorities) + len(roadmap.progress))
    measured = _cells(out, "## Roadmaps measured", 6)
    assert [row[:2] for row in measured] == [["real", themes], ["synthetic 9", "9"]]
    size, values = f"{len(text.encode('utf-8')):,} (", f"{count_values(text):,} ("
    assert measured[0][:4] == ["real", themes, priorities, quotes]
    assert measured[0][4].startswith(size) and measured[0][5].startswith(values)
    assert _cells(out, "## Build time", 2) == [["real", "1"], ["synthetic 9", "1"]]
    views = _cells(out, "## First view", 3)
    assert [row for row in views if row[1] == "themes/*"] == [
        ["MkDocs", "themes/*", themes],
        ["Zensical", "themes/*", themes],
    ]
    assert {row[0] for row in views} == {"MkDocs", "Zensical"}
    engines = [["MkDocs"], ["Zensical"]]
    assert _cells(out, "## Search index", 2) == [
        [name, *engine] for name in ("real", "synthetic 9") for engine in engines
    ]
    assert len(_cells(out, "## Targets", 3)) == 5
    assert _build_output(ROOT) == before  # the checkout is left as it was

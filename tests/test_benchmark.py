"""The benchmark script runs end to end and prints every figure the performance page records."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from .conftest import ROOT


def test_the_benchmark_prints_every_table(tmp_path: Path) -> None:
    # One run at a small size keeps this quick; the figures themselves are read, not asserted.
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "benchmark.py"), "--sizes", "12", "--runs", "1", "--large-runs", "1"],
        capture_output=True,
        text=True,
        check=True,
        cwd=tmp_path,
    )
    out = result.stdout
    for heading in ("## Build time", "## Editing one quote", "## First view", "## Search index", "## Targets"):
        assert heading in out
    assert "| real | 8 |" in out and "| synthetic 12 | 12 |" in out
    assert out.count("| MkDocs | themes/* |") == 1 and out.count("| Zensical | themes/* |") == 1
    edits = [line for line in out.splitlines() if line.startswith(("| real | `", "| synthetic 12 | `"))]
    assert len(edits) == 2 and all("| yes |" in line for line in edits)
    targets = out[out.index("## Targets") :].splitlines()
    assert len([line for line in targets if line.startswith("| ") and "---" not in line]) == 7
    assert list(ROOT.glob(".r2p-*")) == []

"""Hostile files fail with their message and in bounded memory: each is loaded in a fresh process that
reports its own peak memory. How fast they fail is measured by benchmarks/bench_editing.py, which
prints the figures, since a timed assertion would fail on a busy machine."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from r2p_roadmap.load import MAX_BYTES, MAX_VALUES

from .bad_input.cases import BILLION_LAUGHS

MEASURE = textwrap.dedent(
    """
    import json, re, sys, time
    from pathlib import Path
    from r2p_roadmap.errors import RoadmapError
    from r2p_roadmap.validate import load_roadmap

    path = Path(sys.argv[1])
    cpu, wall = time.process_time(), time.perf_counter()
    try:
        load_roadmap(path)
        outcome = "valid"
    except RoadmapError as error:
        outcome = error.problems[0].message
    print(json.dumps({
        "outcome": outcome,
        "cpu_seconds": time.process_time() - cpu,
        "wall_seconds": time.perf_counter() - wall,
        # VmHWM is this program's own peak; ru_maxrss would include the parent's peak before exec.
        "peak_mib": int(re.search(r"VmHWM:\\s+(\\d+) kB", Path("/proc/self/status").read_text())[1]) / 1024,
    }))
    """
)

# Short list items up to the size limit: as many values as the size allows.
MANY_VALUES = b"themes:\n" + b"- x\n" * ((MAX_BYTES - 100) // 4)
# Nested brackets on lines within the length limit, up to just under the size limit.
DEEP = b"themes:\n" + (b" " + b"[" * 1900 + b"\n") * ((MAX_BYTES - 100) // 1902)

HOSTILE = [
    ("billion-laughs", BILLION_LAUGHS, "the anchor '&lol0' is not allowed"),
    ("many-values", MANY_VALUES, f"the file holds more than {MAX_VALUES:,} values"),
    ("deep-brackets", DEEP, "the values are nested more than 32 levels deep"),
    (
        "over-the-size-limit",
        b"#" * (MAX_BYTES + 1),
        f"the file is {MAX_BYTES + 1:,} bytes; the limit is {MAX_BYTES:,} bytes ({MAX_BYTES >> 10} KiB)",
    ),
]


def measure(path: Path) -> dict[str, float | str]:
    """Load `path` in a fresh process and return its outcome, CPU and wall time and peak memory."""
    result = subprocess.run(
        [sys.executable, "-c", MEASURE, str(path)], capture_output=True, text=True, timeout=120, check=True
    )
    figures: dict[str, float | str] = json.loads(result.stdout)
    return figures


@pytest.mark.slow
@pytest.mark.parametrize(("name", "content", "message"), HOSTILE, ids=[case[0] for case in HOSTILE])
def test_hostile_file_fails_with_its_message_in_under_100_mb(
    name: str, content: bytes, message: str, tmp_path: Path
) -> None:
    path = tmp_path / "roadmap.yaml"
    path.write_bytes(content)
    figures = measure(path)
    assert figures["outcome"] == message
    assert isinstance(figures["peak_mib"], float) and figures["peak_mib"] < 100, figures


@pytest.mark.slow
def test_a_huge_file_is_refused_before_it_is_read(tmp_path: Path) -> None:
    path = tmp_path / "roadmap.yaml"
    with path.open("wb") as stream:
        stream.truncate(2 * 1024**3)  # 2 GiB of nothing, which the disk does not hold: reading it would show
    figures = measure(path)
    assert figures["outcome"] == f"the file is {2 * 1024**3:,} bytes; the limit is {MAX_BYTES:,} bytes (512 KiB)"
    assert isinstance(figures["peak_mib"], float) and figures["peak_mib"] < 100, figures

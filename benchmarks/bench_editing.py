"""Print the figures behind the editing promises: how fast roadmap.yaml validates, how fast and in
how little memory hostile files fail, and how soon `r2p-roadmap serve` shows a save in the browser.

Run from the repository root: `.venv/bin/python benchmarks/bench_editing.py [--rounds N]`. It works
in temporary folders and a scratch copy of the project, and changes nothing in the repository.
"""

from __future__ import annotations

import argparse
import json
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

import yaml

from r2p_roadmap.load import MAX_BYTES, MAX_LINE_CHARS, MAX_VALUES
from r2p_roadmap.validate import MAX_QUOTE_CHARS
from synthetic import copy_project, dump_roadmap

ROOT = Path(__file__).resolve().parents[1]
PAGE = "themes/political-leadership/"
TITLE = "title: Deepen support through sustained advocacy"
BANNER = b'id="r2p-preview-errors"'
HUGE = 1 << 30  # a 1 GiB file, made sparse: the loader must refuse it without reading it

# Run in a fresh process, so each figure includes nothing that an earlier load left warm but the imports.
_MEASURE = textwrap.dedent(
    """
    import json, resource, sys, time
    from pathlib import Path
    from r2p_roadmap.errors import RoadmapError
    from r2p_roadmap.validate import load_roadmap

    cpu, wall = time.process_time(), time.perf_counter()
    try:
        load_roadmap(Path(sys.argv[1]))
        outcome = "valid"
    except RoadmapError as error:
        count = len(error.problems)
        outcome = f"{count} problem{'s' if count > 1 else ''}: {error.problems[0].message}"
    print(json.dumps({"outcome": outcome, "cpu": time.process_time() - cpu, "wall": time.perf_counter() - wall,
                      "peak_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
    """
)


def _misquote() -> bytes:
    """The real roadmap with one quote replaced by 2,000 characters of the source's words, every seventh changed."""
    data: dict[str, Any] = yaml.safe_load((ROOT / "roadmap.yaml").read_text(encoding="utf-8"))
    record = (ROOT / data["source"]["text_of_record"]).read_text(encoding="utf-8")
    words = [word if index % 7 else "not" for index, word in enumerate(record.split())]
    text = " ".join(words)[:MAX_QUOTE_CHARS]
    # The last of a priority's quotes, so the quote that states its support level stays as it was.
    data["themes"][0]["priorities"][0]["quotes"][-1]["text"] = text[:-1] + ("s" if text[-1] == " " else text[-1])
    return dump_roadmap(data).encode("utf-8")


def _hostile_files() -> dict[str, bytes | int]:
    """Each file to load, by name: its bytes, or the size of a sparse file of NUL bytes."""
    laughs = "lol0: &lol0 lol\n" + "".join(
        f"lol{n}: &lol{n} [{', '.join([f'*lol{n - 1}'] * 10)}]\n" for n in range(1, 11)
    )
    values = (MAX_BYTES - 100) // 4
    nested = (MAX_BYTES - 100) // 3
    long_lines = (MAX_BYTES - 100) // (MAX_LINE_CHARS + 2)
    long_line = b"# " + b"c" * (MAX_LINE_CHARS - 1) + b"\n"
    return {
        "roadmap.yaml (valid)": (ROOT / "roadmap.yaml").read_bytes(),
        "billion laughs": laughs.encode(),
        f"{values:,} short values": b"themes:\n" + b"- x\n" * values,
        f"{long_lines} lines of {MAX_LINE_CHARS + 1:,} chars": long_line * long_lines,
        f"brackets nested {nested:,} deep": b"themes:\n" + b" [\n" * nested,
        f"a {HUGE >> 30} GiB file": HUGE,
        f"a {MAX_QUOTE_CHARS:,}-character misquote": _misquote(),
    }


def measure_loading() -> None:
    """Load each file in a fresh process; print CPU and wall time and the process's peak memory."""
    print(
        f"Loading and validating with the plain-Python loader (limits: {MAX_BYTES >> 10} KiB, {MAX_VALUES:,} values, "
        f"lines of {MAX_LINE_CHARS:,} characters)."
    )
    print("A fresh process for each file; peak memory includes Python and the imports.\n")
    print("| file | CPU | wall | peak memory | outcome |")
    print("| --- | ---: | ---: | ---: | --- |")
    with tempfile.TemporaryDirectory() as folder:
        shutil.copytree(ROOT / "source", Path(folder) / "source")  # the text of record, for the quotes
        path = Path(folder) / "roadmap.yaml"
        for name, content in _hostile_files().items():
            if isinstance(content, int):
                with path.open("wb") as stream:
                    stream.truncate(content)
            else:
                path.write_bytes(content)
            result = subprocess.run(
                [sys.executable, "-c", _MEASURE, str(path)], capture_output=True, text=True, check=True
            )
            figures = json.loads(result.stdout)
            outcome = figures["outcome"]
            shown = outcome if len(outcome) <= 70 else outcome[:69] + "…"
            print(
                f"| {name} | {figures['cpu'] * 1000:.1f} ms | {figures['wall'] * 1000:.1f} ms "
                f"| {figures['peak_mib']:.1f} MiB | {shown} |"
            )
        path.unlink()
    command = [sys.executable, "-m", "r2p_roadmap.cli", "validate", "roadmap.yaml"]
    walls = []
    for _ in range(3):
        started = time.perf_counter()
        subprocess.run(command, cwd=ROOT, capture_output=True, check=True)
        walls.append(time.perf_counter() - started)
    print(f"\n`r2p-roadmap validate` of roadmap.yaml as a new process: {statistics.median(walls):.2f} s, median of 3.")


def _get(url: str) -> bytes:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            body: bytes = response.read()
            return body
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return b""


def _shows(url: str, needle: bytes, *, present: bool = True) -> bool:
    return (needle in _get(url)) == present


def _seconds_until(condition: Callable[[], bool], limit: float = 60.0) -> float:
    started = time.perf_counter()
    while not condition():
        if time.perf_counter() - started > limit:
            return float("inf")
        time.sleep(0.05)
    return time.perf_counter() - started


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def measure_live_preview(rounds: int) -> None:
    """Time, from the moment of saving, until the served page shows the edit, the banner, the fix."""
    counted = f"{rounds} round{'s' if rounds != 1 else ''}"
    print(f"\nLive preview: seconds from saving roadmap.yaml until the served page changes ({counted}).\n")
    with tempfile.TemporaryDirectory() as folder:
        project = copy_project(Path(folder) / "repo")
        port = _free_port()
        url = f"http://127.0.0.1:{port}/"
        server = subprocess.Popen(
            [sys.executable, "-m", "r2p_roadmap.cli", "serve", "--port", str(port)],
            cwd=project.root,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            print(f"First build and start: {_seconds_until(lambda: bool(_get(url)), 300):.2f} s.\n")
            good = project.roadmap.read_text(encoding="utf-8")
            results: dict[str, list[float]] = {"edit shown": [], "banner shown": [], "banner gone": []}
            for number in range(rounds):
                title = f"Deepen support through sustained advocacy, round {number}"
                edited = good.replace(TITLE, f"title: {title}")
                project.roadmap.write_text(edited, encoding="utf-8")
                results["edit shown"].append(_seconds_until(partial(_shows, url + PAGE, title.encode())))
                broken = edited.replace("        quotes:\n", "        qoutes:\n", 1)  # a misspelt key
                project.roadmap.write_text(broken, encoding="utf-8")
                results["banner shown"].append(_seconds_until(partial(_shows, url + PAGE, BANNER)))
                project.roadmap.write_text(edited, encoding="utf-8")
                results["banner gone"].append(_seconds_until(partial(_shows, url + PAGE, BANNER, present=False)))
            print("| after a save | median | max | every round |")
            print("| --- | ---: | ---: | --- |")
            for name, values in results.items():
                shown = " ".join(f"{value:.2f}" for value in values)
                print(f"| {name} | {statistics.median(values):.2f} s | {max(values):.2f} s | {shown} |")
        finally:
            server.send_signal(signal.SIGTERM)
            server.wait(timeout=60)


def main() -> None:
    """Print every figure."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--rounds", type=int, default=3, help="edits to time in the live preview (default 3)")
    arguments = parser.parse_args()
    measure_loading()
    measure_live_preview(arguments.rounds)


if __name__ == "__main__":
    main()

"""Print the figures behind the editing promises: how fast roadmap.yaml validates, how fast and in
how little memory hostile files fail, and how soon `r2p-roadmap serve` shows a save in the browser.

Run from the repository: `.venv/bin/python scripts/bench_editing.py [--rounds N]`. It works on a
scratch copy of the project and changes nothing in the repository.
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

ROOT = Path(__file__).resolve().parents[1]
CLI = Path(sys.executable).with_name("r2p-roadmap")
PAGE = "themes/political-leadership/"
TITLE = "title: Deepen support through sustained advocacy"
BANNER = b'id="r2p-preview-errors"'

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
        outcome = error.problems[0].message
    print(json.dumps({"outcome": outcome, "cpu": time.process_time() - cpu, "wall": time.perf_counter() - wall,
                      "peak_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
    """
)


def _hostile_files() -> dict[str, bytes]:
    from r2p_roadmap.load import MAX_BYTES

    laughs = "lol0: &lol0 lol\n" + "".join(
        f"lol{n}: &lol{n} [{', '.join([f'*lol{n - 1}'] * 10)}]\n" for n in range(1, 11)
    )
    return {
        "roadmap.yaml (valid)": (ROOT / "roadmap.yaml").read_bytes(),
        "billion laughs": laughs.encode(),
        "250,000+ short values": b"themes:\n" + b"- x\n" * ((MAX_BYTES - 100) // 4),
        "brackets nested 4,000 deep": b"themes:\n" + (b" " + b"[" * 4000 + b"\n") * ((MAX_BYTES - 100) // 4002),
        "8 MiB of comments": (b"# " + b"c" * 4000 + b"\n") * ((MAX_BYTES - 100) // 4003),
        "over the size limit": b"#" * (MAX_BYTES + 1),
    }


def measure_loading() -> None:
    """Load each file in a fresh process; print CPU and wall time and the process's peak memory."""
    print("Loading and validating (fresh process each; peak memory includes Python and the imports)")
    with tempfile.TemporaryDirectory() as folder:
        for name, content in _hostile_files().items():
            path = Path(folder) / "roadmap.yaml"
            path.write_bytes(content)
            if name.endswith("(valid)"):
                path = ROOT / "roadmap.yaml"
            result = subprocess.run(
                [sys.executable, "-c", _MEASURE, str(path)], capture_output=True, text=True, check=True
            )
            figures = json.loads(result.stdout)
            print(
                f"  {name:28} {figures['cpu'] * 1000:8.1f} ms CPU {figures['wall'] * 1000:8.1f} ms wall "
                f"{figures['peak_mib']:6.1f} MiB peak  -> {figures['outcome'][:60]}"
            )


def _copy_project(destination: Path) -> None:
    from r2p_roadmap.write import MANIFEST, read_manifest

    destination.mkdir(parents=True)
    for name in ("roadmap.yaml", "mkdocs.yml"):
        shutil.copy2(ROOT / name, destination / name)
    for folder in ("themes", "source"):
        shutil.copytree(ROOT / folder, destination / folder)
    generated = read_manifest(ROOT / "docs") | {MANIFEST}

    def ignore(folder: str, names: list[str]) -> set[str]:
        relative = Path(folder).relative_to(ROOT / "docs")
        return {n for n in names if (relative / n).as_posix().removeprefix("./") in generated}

    shutil.copytree(ROOT / "docs", destination / "docs", ignore=ignore)


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


def measure_live_preview(rounds: int) -> None:
    """Time, from the moment of saving, until the served page shows the edit, the banner, the fix."""
    print(f"\nLive preview: seconds from saving roadmap.yaml until the served page changes ({rounds} rounds)")
    with tempfile.TemporaryDirectory() as folder, socket.socket() as probe:
        project = Path(folder) / "repo"
        _copy_project(project)
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
        probe.close()
        url = f"http://127.0.0.1:{port}/"
        server = subprocess.Popen(
            [str(CLI), "serve", "--port", str(port)], cwd=project, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        try:
            print(f"  first build and start: {_seconds_until(lambda: bool(_get(url)), 300):.2f} s")
            roadmap = project / "roadmap.yaml"
            good = roadmap.read_text(encoding="utf-8")
            results: dict[str, list[float]] = {"edit shown": [], "banner shown": [], "banner gone": []}
            for number in range(rounds):
                title = f"Deepen support through sustained advocacy, round {number}"
                edited = good.replace(TITLE, f"title: {title}")
                roadmap.write_text(edited, encoding="utf-8")
                results["edit shown"].append(_seconds_until(partial(_shows, url + PAGE, title.encode())))
                roadmap.write_text(edited.replace("        quotes:\n", "        qoutes:\n", 1), encoding="utf-8")
                results["banner shown"].append(_seconds_until(partial(_shows, url + PAGE, BANNER)))
                roadmap.write_text(edited, encoding="utf-8")
                results["banner gone"].append(_seconds_until(partial(_shows, url + PAGE, BANNER, present=False)))
            for name, values in results.items():
                shown = " ".join(f"{value:.2f}" for value in values)
                print(f"  {name:13} median {statistics.median(values):.2f} s, max {max(values):.2f} s  ({shown})")
        finally:
            server.send_signal(signal.SIGTERM)
            server.wait(timeout=60)


def main() -> None:
    """Print every figure."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--rounds", type=int, default=5, help="edits to time in the live preview (default 5)")
    arguments = parser.parse_args()
    measure_loading()
    measure_live_preview(arguments.rounds)


if __name__ == "__main__":
    main()

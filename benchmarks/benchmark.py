"""Measure the site build for the real roadmap and synthetic ones; print the figures as Markdown tables.

Run from the repository root: `.venv/bin/python benchmarks/benchmark.py` (one to two minutes on two
cores). Each roadmap is built in a temporary copy of the project, so the checkout is left as it was.
Times are medians of three runs, one at the largest size; gzip uses level 6. The synthetic sizes stay
well under the loader's limits, which refuse a roadmap.yaml much larger than the real one.
"""

from __future__ import annotations

import argparse
import os
import platform
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

from r2p_roadmap.build import Project, build, prepare
from r2p_roadmap.load import MAX_BYTES, MAX_LINE_CHARS, MAX_VALUES
from synthetic import copy_project, count_values, make_synthetic
from transfer import FirstView, first_views_by_type, search_index_size

KB = 1024
TIMES = "\u00d7"  # the multiplication sign
# 64 themes fill about 60% of the loader's byte and value limits; 80 would fill about 80%.
DEFAULT_SIZES = (24, 64)

# The targets of the performance work, printed beside the figures.
MAX_SHARE = 0.10
MAX_REAL_BUILD_SECONDS = 3.0
MAX_THEME_FIRST_VIEW = 150 * KB
MAX_SEARCH_INDEX = 60 * KB


@dataclass(frozen=True)
class Timing:
    """Median wall-clock and CPU seconds of some runs (CPU includes child processes)."""

    wall: float
    cpu: float
    runs: int

    def cell(self) -> str:
        return f"{self.wall:.2f} s ({self.cpu:.2f})"


@dataclass(frozen=True)
class Sites:
    """The search index and total size of one built site: raw and gzip bytes of the index, bytes of site/."""

    search_raw: int
    search_gzip: int
    site_bytes: int


@dataclass(frozen=True)
class SizeResult:
    """Everything measured for one roadmap."""

    name: str
    themes: int
    priorities: int
    quotes: int
    file_bytes: int
    values: int
    longest_line: int
    prepare: Timing
    mkdocs: Timing
    zensical: Timing | None
    sites: dict[str, Sites]


def measure(action: Callable[[], object], runs: int) -> Timing:
    """Run `action` `runs` times; median wall and CPU seconds (this process and its children)."""
    walls, cpus = [], []
    for _ in range(runs):
        children = resource.getrusage(resource.RUSAGE_CHILDREN)
        started, cpu = time.perf_counter(), time.process_time()
        action()
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        walls.append(time.perf_counter() - started)
        child_cpu = after.ru_utime + after.ru_stime - children.ru_utime - children.ru_stime
        cpus.append(time.process_time() - cpu + child_cpu)
    return Timing(statistics.median(walls), statistics.median(cpus), runs)


def _progress(message: str) -> None:
    print(f"  {message}", file=sys.stderr, flush=True)


def _site(site: Path) -> Sites:
    raw, gzipped = search_index_size(site)
    return Sites(raw, gzipped, sum(p.stat().st_size for p in site.rglob("*") if p.is_file()))


def zensical_dir(project: Project) -> Path:
    """Where the benchmark has Zensical build, beside MkDocs' site/."""
    return project.root / "site-zensical"


def measure_size(name: str, project: Project, runs: int, zensical: bool) -> SizeResult:
    """All figures for the roadmap of `project`, built with MkDocs and, when asked, with Zensical."""
    text = project.roadmap.read_text(encoding="utf-8")
    roadmap, _, _ = prepare(project)  # also warms the imports, as a second build in one process would find them
    _progress(f"{name}: validate and render")
    prepare_time = measure(lambda: prepare(project), max(runs, 3))
    _progress(f"{name}: MkDocs builds")
    mkdocs_time = measure(lambda: build(project), runs)
    sites = {"MkDocs": _site(project.site_dir)}
    zensical_time = None
    if zensical:
        _progress(f"{name}: Zensical builds")
        zensical_time = measure(lambda: build(project, site_dir=zensical_dir(project), engine="zensical"), runs)
        sites["Zensical"] = _site(zensical_dir(project))
    return SizeResult(
        name,
        len(roadmap.themes),
        sum(len(t.priorities) for t in roadmap.themes),
        sum(len(p.quotes) for t in roadmap.themes for p in t.priorities) + len(roadmap.progress),
        len(text.encode("utf-8")),
        count_values(text),
        max(len(line) for line in text.splitlines()),
        prepare_time,
        mkdocs_time,
        zensical_time,
        sites,
    )


def command_line_build(project: Project, runs: int) -> Timing:
    """`r2p-roadmap build` as a reader of the README runs it: a new process each time."""
    command = [sys.executable, "-m", "r2p_roadmap.cli", "build"]
    return measure(lambda: subprocess.run(command, cwd=project.root, check=True, capture_output=True), runs)


def machine() -> str:
    """One line describing the machine and the versions measured."""
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    packages = ("mkdocs", "mkdocs-material", "zensical", "PyYAML")
    versions = ", ".join(f"{package} {metadata.version(package)}" for package in packages)
    return (
        f"{cpu}, {os.cpu_count()} cores, {platform.system()} {platform.release()}, Python {platform.python_version()}; "
        f"{versions}; load average {_load():.1f} at the start"
    )


def _load() -> float:
    return os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")


def _kb(size: float) -> str:
    return f"{size / KB:.1f} KB"


def _share(value: int, limit: int) -> str:
    return f"{value:,} ({value / limit:.0%})"


def _mark(ok: bool) -> str:
    return "met" if ok else "**not met**"


def _table(header: list[str], rows: list[list[str]], numeric_from: int = 1) -> list[str]:
    """A Markdown table; columns from `numeric_from` on are right-aligned."""
    rule = ["---" if index < numeric_from else "---:" for index in range(len(header))]
    return ["| " + " | ".join(cells) + " |" for cells in (header, rule, *rows)] + [""]


def report(results: list[SizeResult], cli: Timing, views: dict[str, dict[str, tuple[int, FirstView]]]) -> str:
    """The Markdown tables."""
    real, largest = results[0], results[-1]
    zensical = "Zensical" in views
    out = ["## Roadmaps measured", ""]
    out += [
        f"The loader refuses a roadmap.yaml of more than {MAX_BYTES:,} bytes or {MAX_VALUES:,} values (every",
        f"key, value and list counts), or with lines over {MAX_LINE_CHARS:,} characters; in brackets, the share of",
        "each limit used.",
        "",
    ]
    header = ["roadmap", "themes", "priorities", "quotes", "roadmap.yaml bytes", "values", "longest line"]
    rows = [
        [
            *(r.name, str(r.themes), str(r.priorities), str(r.quotes)),
            *(_share(r.file_bytes, MAX_BYTES), _share(r.values, MAX_VALUES), _share(r.longest_line, MAX_LINE_CHARS)),
        ]
        for r in results
    ]
    out += _table(header, rows)

    out += ["## Build time", ""]
    out += [
        "Seconds, median of the runs shown: wall clock, and in brackets CPU time (with child processes). The",
        "shares and ratios use CPU time, which on a shared machine tracks what an idle one's clock shows.",
        "",
    ]
    header = ["roadmap", "runs", "validate + render", "MkDocs build", "validate + render share", f"{TIMES} real build"]
    rows = []
    for r in results:
        row = [r.name, str(r.mkdocs.runs), r.prepare.cell(), r.mkdocs.cell(), f"{r.prepare.cpu / r.mkdocs.cpu:.1%}"]
        row.append(f"{r.mkdocs.cpu / real.mkdocs.cpu:.1f}{TIMES}")
        if r.zensical:
            row.append(r.zensical.cell())
        rows.append(row)
    out += _table(header + (["Zensical build"] if zensical else []), rows)
    out += [f"`r2p-roadmap build` of the real roadmap as a new process: {cli.cell()}, median of {cli.runs}.", ""]

    out += ["## First view of the real roadmap's site", ""]
    out += ["Gzip bytes of the heaviest page of each type: its HTML, CSS and JavaScript, and what search loads.", ""]
    rows = [
        [engine, kind, str(count), v.page, _kb(v.html), _kb(v.css), _kb(v.js), _kb(v.search), _kb(v.total)]
        for engine, by_type in views.items()
        for kind, (count, v) in by_type.items()
    ]
    out += _table(["engine", "page type", "pages", "heaviest page", "HTML", "CSS", "JS", "search", "total"], rows, 4)

    out += ["## Search index and site size", ""]
    rows = [
        [r.name, engine, _kb(s.search_raw), _kb(s.search_gzip), f"{s.site_bytes / KB / KB:.1f} MB"]
        for r in results
        for engine, s in r.sites.items()
    ]
    out += _table(["roadmap", "engine", "search index", "gzip", "whole site/"], rows, 2)

    out += ["## Targets", ""]
    share = max(r.prepare.cpu / r.mkdocs.cpu for r in results)
    growth, linear = largest.mkdocs.cpu / real.mkdocs.cpu, largest.themes / real.themes
    theme = views["MkDocs"].get("themes/*", (0, None))[1]
    theme_total = theme.total if theme else 0
    search = real.sites["MkDocs"].search_gzip
    rows = [
        ["validate + render ≤ 10% of the build, at every size", f"at most {share:.1%}", _mark(share <= MAX_SHARE)],
        [
            f"{largest.themes} themes build in ≤ {linear:.1f}{TIMES} the time of {real.themes} (no worse than linear)",
            f"{growth:.1f}{TIMES}",
            _mark(growth <= linear),
        ],
        [
            "the real site builds in ≤ 3 s",
            f"{real.mkdocs.cpu:.2f} s in process, {cli.cpu:.2f} s as a new process (CPU)",
            _mark(max(real.mkdocs.cpu, cli.cpu) <= MAX_REAL_BUILD_SECONDS),
        ],
        [
            "first view of a theme page ≤ 150 KB gzip, search included",
            _kb(theme_total),
            _mark(0 < theme_total <= MAX_THEME_FIRST_VIEW),
        ],
        ["search index of the real content ≤ 60 KB gzip", _kb(search), _mark(search <= MAX_SEARCH_INDEX)],
    ]
    out += _table(["target", "figure", "status"], rows, numeric_from=3)
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print the report."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--runs", type=int, default=3, help="runs per build below the largest size (default 3)")
    parser.add_argument("--large-runs", type=int, default=1, help="runs per build at the largest size (default 1)")
    parser.add_argument(
        "--sizes",
        default=",".join(map(str, DEFAULT_SIZES)),
        help=f"synthetic sizes, in themes (default {','.join(map(str, DEFAULT_SIZES))})",
    )
    parser.add_argument("--no-zensical", action="store_true", help="skip the Zensical builds")
    args = parser.parse_args(argv)
    sizes = [int(size) for size in args.sizes.split(",") if size]
    zensical = not args.no_zensical
    started = time.perf_counter()
    described = machine()
    print(f"Machine: {described}", file=sys.stderr, flush=True)
    with tempfile.TemporaryDirectory(prefix="r2p-benchmark-") as temporary:
        work = Path(temporary)
        real = copy_project(work / "real")
        results = [measure_size("real", real, args.runs, zensical)]
        views = {"MkDocs": first_views_by_type(real.site_dir)}
        if zensical:
            views["Zensical"] = first_views_by_type(zensical_dir(real))
        _progress("real: r2p-roadmap build as a new process")
        cli = command_line_build(real, args.runs)
        for size in sizes:
            project = copy_project(work / f"synthetic-{size}")
            make_synthetic(project, size)
            runs = args.large_runs if size == max(sizes) else args.runs
            results.append(measure_size(f"synthetic {size}", project, runs, zensical))
    print(f"# Benchmark\n\nMachine: {described}.\n")
    print(report(results, cli, views))
    print(f"\nWhole run: {time.perf_counter() - started:.0f} s; load average {_load():.1f} at the end.")
    return 0


if __name__ == "__main__":
    sys.exit(main())

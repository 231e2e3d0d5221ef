"""Measure the site build at the real size and at 80 and 800 themes; print the figures as Markdown tables.

Run from a checkout: `.venv/bin/python scripts/benchmark.py` (two to three minutes on two cores).
Every measurement happens in a temporary copy of the project; the checkout is left as it was.
Times are medians of three runs, two at the largest size, where Zensical runs only when asked
(`--zensical-largest`, once), to keep the whole run under five minutes; gzip uses level 6.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from importlib import metadata
from pathlib import Path
from typing import Any

import yaml

from r2p_roadmap.build import Project, build, prepare
from r2p_roadmap.render import render_site
from r2p_roadmap.showing import find_pages_showing
from r2p_roadmap.synthetic import dump_roadmap, synthesize
from r2p_roadmap.transfer import first_views_by_type, search_index_size
from r2p_roadmap.validate import load_roadmap
from r2p_roadmap.write import read_manifest

ROOT = Path(__file__).resolve().parents[1]
KB = 1024

# The targets of the performance issue, printed beside the figures.
MAX_SHARE = 0.10
MAX_GROWTH_AT_800 = 100.0
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
class SizeResult:
    """Everything measured at one size of roadmap."""

    name: str
    themes: int
    priorities: int
    quotes: int
    prepare: Timing
    mkdocs: Timing
    zensical: Timing | None
    edit: EditResult
    search_raw: int
    search_gzip: int
    site_bytes: int


@dataclass(frozen=True)
class EditResult:
    """What rebuilding after a one-quote edit rewrote."""

    quote: str
    rewritten: tuple[str, ...]
    showing: tuple[str, ...]
    site_files_changed: int
    site_files: int

    @property
    def only_showing(self) -> bool:
        return bool(self.rewritten) and set(self.rewritten) <= set(self.showing)


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


def copy_project(destination: Path) -> Project:
    """A copy of the checkout's own files (what git tracks or would track), without generated pages."""
    try:
        listed = subprocess.run(
            ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
            cwd=ROOT,
            capture_output=True,
            check=True,
        ).stdout.decode()
        files = [name for name in listed.split("\0") if name and (ROOT / name).is_file()]
    except (OSError, subprocess.CalledProcessError):  # not a git checkout: take every file but the usual output
        skip = {".git", ".venv", "site", ".cache", "__pycache__", ".mypy_cache", ".ruff_cache", ".pytest_cache"}
        files = [p.relative_to(ROOT).as_posix() for p in ROOT.rglob("*") if p.is_file() and not skip & set(p.parts)]
    generated = {f"docs/{name}" for name in read_manifest(ROOT / "docs")} | {"docs/.generated"}
    for name in files:
        if name not in generated:
            (destination / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / name, destination / name)
    return Project(destination)


def make_synthetic(project: Project, themes: int) -> None:
    """Replace the copy's roadmap and text of record by a synthetic one with `themes` themes."""
    base = yaml.safe_load(project.roadmap.read_text(encoding="utf-8"))
    record = project.root / base["source"]["text_of_record"]
    synthetic = synthesize(base, record.read_text(encoding="utf-8"), themes)
    project.roadmap.write_text(synthetic.roadmap_yaml, encoding="utf-8")
    record.write_text(synthetic.text_of_record, encoding="utf-8")


def _site_digests(site: Path) -> dict[str, str]:
    return {
        p.relative_to(site).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in site.rglob("*")
        if p.is_file()
    }


def edit_one_quote(project: Project) -> EditResult:
    """Shorten one quote of the middle theme by its last word (still verbatim), rebuild, see what changed."""
    roadmap = load_roadmap(project.roadmap)
    before = render_site(roadmap).pages
    data: dict[str, Any] = yaml.safe_load(project.roadmap.read_text(encoding="utf-8"))
    theme = data["themes"][len(data["themes"]) // 2]
    quote = next(q for p in theme["priorities"] for q in p["quotes"] if len(q["text"].split()) > 6)
    shown = next(q.text for t in roadmap.themes for p in t.priorities for q in p.quotes if q.id == quote["id"])
    showing = tuple(find_pages_showing(before, quote["id"], shown))
    quote["text"] = quote["text"].rsplit(None, 1)[0]
    digests = _site_digests(project.site_dir)
    project.roadmap.write_text(dump_roadmap(data), encoding="utf-8")
    report = build(project)
    after = _site_digests(project.site_dir)
    changed = sum(1 for path, digest in after.items() if digests.get(path) != digest)
    return EditResult(quote["id"], tuple(report.written.written), showing, changed, len(after))


def measure_size(
    name: str, themes: int | None, runs: int, work: Path, zensical_runs: int
) -> tuple[SizeResult, Project]:
    """All figures for one roadmap: the real one (`themes` None) or a synthetic one."""
    project = copy_project(work / name)
    if themes is not None:
        make_synthetic(project, themes)
    roadmap, _ = prepare(project)  # also warms caches and imports, as a second build in one process would
    print(f"  {name}: validate and render", file=sys.stderr, flush=True)
    prepare_time = measure(lambda: prepare(project), max(runs, 3))
    zensical_time = None
    if zensical_runs:
        print(f"  {name}: Zensical builds", file=sys.stderr, flush=True)
        zensical_site = project.root / "site-zensical"
        zensical_time = measure(lambda: build(project, site_dir=zensical_site, engine="zensical"), zensical_runs)
    print(f"  {name}: MkDocs builds", file=sys.stderr, flush=True)
    mkdocs_time = measure(lambda: build(project), runs)
    search_raw, search_gzip = search_index_size(project.site_dir)
    site_bytes = sum(p.stat().st_size for p in project.site_dir.rglob("*") if p.is_file())
    result = SizeResult(
        name,
        len(roadmap.themes),
        sum(len(t.priorities) for t in roadmap.themes),
        sum(len(p.quotes) for t in roadmap.themes for p in t.priorities) + len(roadmap.progress),
        prepare_time,
        mkdocs_time,
        zensical_time,
        EditResult("", (), (), 0, 0),
        search_raw,
        search_gzip,
        site_bytes,
    )
    return result, project


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
    versions = ", ".join(
        f"{package} {metadata.version(package)}" for package in ("mkdocs", "mkdocs-material", "zensical", "PyYAML")
    )
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    return (
        f"{cpu}, {os.cpu_count()} cores, {platform.system()} {platform.release()}, Python {platform.python_version()}; "
        f"{versions}; load average {load:.1f} at the start"
    )


TIMES = "\u00d7"  # the multiplication sign


def _kb(size: float) -> str:
    return f"{size / KB:.1f} KB"


def _mark(ok: bool) -> str:
    return "met" if ok else "**not met**"


def _table(header: list[str], rows: list[list[str]], numeric_from: int = 1) -> list[str]:
    """A Markdown table; columns from `numeric_from` on are right-aligned."""
    rule = ["---" if index < numeric_from else "---:" for index in range(len(header))]
    return ["| " + " | ".join(cells) + " |" for cells in (header, rule, *rows)] + [""]


def report(results: list[SizeResult], cli: Timing, views: dict[str, dict[str, Any]], zensical: bool) -> str:
    """The Markdown tables."""
    real = results[0]
    out = ["## Build time", ""]
    out += [
        "Seconds, median of the runs shown: wall clock, and in brackets CPU time (with child processes). The",
        "shares and ratios use CPU time, which on a shared machine tracks what an idle one's clock shows.",
        "",
    ]
    header = ["roadmap", "themes", "priorities", "quotes", "runs", "validate + render", "MkDocs build"]
    header += ["validate + render share", f"{TIMES} real build"] + (["Zensical build"] if zensical else [])
    rows = []
    for r in results:
        row = [r.name, str(r.themes), str(r.priorities), str(r.quotes), str(r.mkdocs.runs), r.prepare.cell()]
        row += [r.mkdocs.cell(), f"{r.prepare.cpu / r.mkdocs.cpu:.1%}"]
        row += [f"{r.mkdocs.cpu / real.mkdocs.cpu:.1f}{TIMES}"]
        if zensical:
            runs = f", {r.zensical.runs} run{'s' if r.zensical.runs > 1 else ''}" if r.zensical else ""
            row.append(r.zensical.cell() + runs if r.zensical else "not run (--zensical-largest)")
        rows.append(row)
    out += _table(header, rows)
    out += [f"`r2p-roadmap build` of the real roadmap as a new process: {cli.cell()}, median of {cli.runs}.", ""]

    out += ["## Editing one quote", ""]
    header = ["roadmap", "quote edited", "generated files rewritten", "files that show the quote", "only those?"]
    rows = []
    for r in results:
        rewritten, showing = ", ".join(r.edit.rewritten) or "none", ", ".join(r.edit.showing)
        only = "yes" if r.edit.only_showing else "**no**"
        rows.append(
            [
                r.name,
                f"`{r.edit.quote}`",
                rewritten,
                showing,
                only,
                f"{r.edit.site_files_changed} of {r.edit.site_files}",
            ]
        )
    out += _table([*header, "site files changed"], rows, numeric_from=5)

    out += ["## First view of the real roadmap's site", ""]
    out += ["Gzip bytes of the heaviest page of each type: its HTML, CSS and JavaScript, and what search loads.", ""]
    rows = [
        [engine, kind, str(count), v.page, _kb(v.html), _kb(v.css), _kb(v.js), _kb(v.search), _kb(v.total)]
        for engine, by_type in views.items()
        for kind, (count, v) in by_type.items()
    ]
    out += _table(["engine", "page type", "pages", "heaviest page", "HTML", "CSS", "JS", "search", "total"], rows, 4)

    out += ["## Search index and site size", ""]
    rows = [[r.name, _kb(r.search_raw), _kb(r.search_gzip), f"{r.site_bytes / KB / KB:.1f} MB"] for r in results]
    out += _table(["roadmap", "search index", "gzip", "whole site/"], rows)

    out += ["## Targets", ""]
    share = max(r.prepare.cpu / r.mkdocs.cpu for r in results)
    largest = results[-1]
    growth = largest.mkdocs.cpu / real.mkdocs.cpu
    slowest = max(real.mkdocs.cpu, cli.cpu)
    edits_ok = all(r.edit.only_showing for r in results)
    theme = views["MkDocs"].get("themes/*", (0, None))[1]
    theme_total = theme.total if theme else 0
    rows = [
        [
            "validate + render ≤ 10% of the build, at every size",
            f"at most {share:.1%}",
            _mark(share <= MAX_SHARE),
        ],
        [
            f"{largest.themes} themes ≤ 100{TIMES} the {real.themes}-theme build",
            f"{growth:.1f}{TIMES}",
            _mark(growth <= MAX_GROWTH_AT_800),
        ],
        [
            "the real site builds in ≤ 3 s",
            f"{real.mkdocs.cpu:.2f} s in process, {cli.cpu:.2f} s as a new process (CPU)",
            _mark(slowest <= MAX_REAL_BUILD_SECONDS),
        ],
        ["editing one quote rewrites only the files that show it", "yes" if edits_ok else "no", _mark(edits_ok)],
        [
            "first view of a theme page ≤ 150 KB gzip, search included",
            _kb(theme_total),
            _mark(0 < theme_total <= MAX_THEME_FIRST_VIEW),
        ],
        ["search index ≤ 60 KB gzip", _kb(real.search_gzip), _mark(real.search_gzip <= MAX_SEARCH_INDEX)],
    ]
    out += _table(["target", "figure", "status"], rows, numeric_from=3)
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print the report."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--runs", type=int, default=3, help="runs per build below the largest size")
    parser.add_argument("--large-runs", type=int, default=1, help="runs per build at the largest size")
    parser.add_argument("--sizes", default="80,800", help="synthetic sizes, in themes (default 80,800)")
    parser.add_argument("--no-zensical", action="store_true", help="skip the Zensical builds")
    parser.add_argument("--zensical-largest", action="store_true", help="also build the largest size with Zensical")
    args = parser.parse_args(argv)
    sizes = [int(size) for size in args.sizes.split(",") if size]
    zensical = not args.no_zensical
    started = time.perf_counter()
    described = machine()
    print(f"Machine: {described}", file=sys.stderr, flush=True)
    with tempfile.TemporaryDirectory(prefix="r2p-benchmark-") as temporary:
        work = Path(temporary)
        results: list[SizeResult] = []
        projects: list[Project] = []
        for name, themes in [("real", None), *((f"synthetic {size}", size) for size in sizes)]:
            largest = themes is not None and themes == max(sizes)
            runs = args.large_runs if largest else args.runs
            # Zensical takes longer than MkDocs: at the largest size only on request, and once; on the
            # synthetic sizes below it, once (its ratio to MkDocs is what the comparison needs).
            if not zensical or (largest and not args.zensical_largest):
                zensical_runs = 0
            else:
                zensical_runs = args.runs if themes is None else 1
            result, project = measure_size(name, themes, runs, work, zensical_runs)
            results.append(result)
            projects.append(project)
            if themes is None:
                views = {"MkDocs": first_views_by_type(project.site_dir)}
                if zensical:
                    views["Zensical"] = first_views_by_type(project.root / "site-zensical")
                print("  real: r2p-roadmap build as a new process", file=sys.stderr, flush=True)
                cli = command_line_build(project, args.runs)
            print(f"  {name}: one quote edited", file=sys.stderr, flush=True)
            results[-1] = replace(result, edit=edit_one_quote(project))
    print(f"# Benchmark\n\nMachine: {described}.\n")
    print(report(results, cli, views, zensical))
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"\nWhole run: {time.perf_counter() - started:.0f} s; load average {load:.1f} at the end.")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Synthetic roadmaps for the benchmarks are deterministic, keep the real themes first, validate, and fit the limits."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from benchmark import DEFAULT_SIZES
from r2p_roadmap.build import Project
from r2p_roadmap.load import MAX_BYTES, MAX_LINE_CHARS, MAX_VALUES
from r2p_roadmap.validate import load_roadmap
from synthetic import count_values, make_synthetic, synthesize

ROOT = Path(__file__).resolve().parents[1]


def _base() -> tuple[dict[str, Any], str]:
    data: dict[str, Any] = yaml.safe_load((ROOT / "roadmap.yaml").read_text(encoding="utf-8"))
    return data, (ROOT / data["source"]["text_of_record"]).read_text(encoding="utf-8")


@pytest.mark.slow
def test_synthetic_roadmaps_are_deterministic() -> None:
    base, record = _base()
    first, again, other = synthesize(base, record, 20), synthesize(base, record, 20), synthesize(base, record, 20, 7)
    assert first == again
    assert first.roadmap_yaml != other.roadmap_yaml


def test_a_synthetic_roadmap_keeps_the_real_themes_first_and_validates(project: Project) -> None:
    base, _ = _base()
    synthetic = make_synthetic(project, 24)
    roadmap = load_roadmap(project.roadmap)
    assert len(roadmap.themes) == synthetic.themes == 24
    assert [t.id for t in roadmap.themes[: len(base["themes"])]] == [t["id"] for t in base["themes"]]
    quotes = sum(len(p.quotes) for t in roadmap.themes for p in t.priorities) + len(roadmap.progress)
    assert (sum(len(t.priorities) for t in roadmap.themes), quotes) == (synthetic.priorities, synthetic.quotes)
    # Every support level of the scale is used, each backed by a quote (validation checked the backing).
    assert {p.support for t in roadmap.themes for p in t.priorities} >= {"many", "one", "unattributed", "consensus"}


def test_a_synthetic_roadmap_needs_the_real_themes() -> None:
    base, record = _base()
    with pytest.raises(ValueError, match=f"at least the {len(base['themes'])} real themes, not 3"):
        synthesize(base, record, 3)


def test_values_are_counted_as_the_loader_counts_them() -> None:
    # The mapping, two keys, a list of two and a mapping of one pair: every node counts.
    assert count_values("a: [1, 2]\nb: {c: d}\n") == 9


@pytest.mark.slow
def test_the_benchmark_sizes_stay_well_under_the_loader_limits() -> None:
    base, record = _base()
    largest = synthesize(base, record, max(DEFAULT_SIZES))
    longest = max(len(line) for line in largest.roadmap_yaml.splitlines())
    # A quarter of each limit to spare, so that small changes to the real roadmap keep the benchmark running.
    assert largest.size <= MAX_BYTES * 3 // 4
    assert largest.values <= MAX_VALUES * 3 // 4
    assert longest <= MAX_LINE_CHARS * 3 // 4

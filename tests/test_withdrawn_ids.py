"""Withdrawn ids and earlier ids in roadmap.yaml: every mistake is named with its line and its fix."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from r2p_roadmap.errors import RoadmapError
from r2p_roadmap.load import load_document
from r2p_roadmap.model import Roadmap
from r2p_roadmap.validate import validate_document

from .conftest import ROOT

REAL = (ROOT / "roadmap.yaml").read_text(encoding="utf-8")


def _validate(text: str) -> Roadmap:
    return validate_document(load_document(text.encode("utf-8")), ROOT)


def _problems(text: str) -> list[tuple[int, str, str, str]]:
    with pytest.raises(RoadmapError) as caught:
        _validate(text)
    return [(p.line, p.path, p.message, p.hint) for p in caught.value.problems]


def _line(text: str, fragment: str) -> int:
    """1-based number of the first line holding `fragment`."""
    return next(n for n, line in enumerate(text.splitlines(), start=1) if fragment in line)


def _with_alias(text: str, theme_id: str, alias: str) -> str:
    return text.replace(f"  - id: {theme_id}\n", f"  - id: {theme_id}\n    aliases: [{alias}]\n", 1)


def _withdraw(text: str, *entries: str) -> str:
    return text.rstrip("\n") + "\n\nwithdrawn:\n" + "".join(entries)


def _entry(id_: str, see: str, was: str = "priority", reason: str = "Merged into another priority.") -> str:
    return f"  - id: {id_}\n    was: {was}\n    reason: {reason}\n    see: {see}\n"


def test_a_withdrawn_id_is_valid_and_kept_in_the_roadmap() -> None:
    roadmap = _validate(_withdraw(REAL, _entry("old-priority", "p5-withhold-veto")))
    assert [(w.id, w.was, w.see) for w in roadmap.withdrawn] == [("old-priority", "priority", "p5-withhold-veto")]


def test_quote_aliases_are_kept_in_the_roadmap() -> None:
    text = REAL.replace(
        "          - id: p5-withhold-veto-core\n",
        "          - id: p5-withhold-veto-core\n            aliases: [veto-core-quote]\n",
    )
    quote = next(q for t in _validate(text).themes for p in t.priorities for q in p.quotes if q.aliases)
    assert (quote.id, quote.aliases) == ("p5-withhold-veto-core", ("veto-core-quote",))


CASES = [
    pytest.param(
        lambda: _withdraw(REAL, _entry("p5-withhold-veto", "veto-restraint")),
        lambda text: [
            (
                _line(text, "withdrawn:") + 1,
                "withdrawn[1].id",
                f"'p5-withhold-veto' is still in use on line {_line(text, '- id: p5-withhold-veto')}, "
                "so it cannot be withdrawn",
                f"a withdrawn id is never used again: give the item on line {_line(text, '- id: p5-withhold-veto')} "
                "another id, or delete this entry if it was added by mistake",
            )
        ],
        id="id-still-in-use",
    ),
    pytest.param(
        lambda: _withdraw(_with_alias(REAL, "veto-restraint", "old-veto"), _entry("old-veto", "veto-restraint")),
        lambda text: [
            (
                _line(text, "withdrawn:") + 1,
                "withdrawn[1].id",
                f"'old-veto' is still in use on line {_line(text, 'aliases: [old-veto]')}, so it cannot be withdrawn",
                f"a withdrawn id is never used again: give the item on line {_line(text, 'aliases: [old-veto]')} "
                "another id, or delete this entry if it was added by mistake",
            )
        ],
        id="id-still-an-alias",
    ),
    pytest.param(
        lambda: _withdraw(REAL, _entry("old-priority", "p5-withhold-veto"), _entry("old-priority", "veto-restraint")),
        lambda text: [
            (
                _line(text, "withdrawn:") + 5,
                "withdrawn[2].id",
                f"'old-priority' is already withdrawn on line {_line(text, 'withdrawn:') + 1}",
                "remove this entry",
            )
        ],
        id="withdrawn-twice",
    ),
    pytest.param(
        lambda: _withdraw(REAL, _entry("old-priority", "p5-withold-veto")),
        lambda text: [
            (
                _line(text, "withdrawn:") + 4,
                "withdrawn[1].see",
                "unknown id 'p5-withold-veto'",
                "did you mean 'p5-withhold-veto'? see: names the theme, priority, quote or actor nearest to what "
                "was withdrawn",
            )
        ],
        id="see-misspelt",
    ),
    pytest.param(
        lambda: _withdraw(_with_alias(REAL, "veto-restraint", "old-veto"), _entry("old-priority", "old-veto")),
        lambda text: [
            (
                _line(text, "withdrawn:") + 4,
                "withdrawn[1].see",
                "'old-veto' is an earlier id of 'veto-restraint'",
                "write see: veto-restraint",
            )
        ],
        id="see-an-alias",
    ),
    pytest.param(
        lambda: _withdraw(REAL, _entry("old-priority", "p5-withhold-veto"), _entry("older-priority", "old-priority")),
        lambda text: [
            (
                _line(text, "withdrawn:") + 8,
                "withdrawn[2].see",
                "'old-priority' is withdrawn too",
                "point see: at a theme, priority, quote or actor that is still in use",
            )
        ],
        id="see-withdrawn",
    ),
    pytest.param(
        lambda: _withdraw(REAL, _entry("old-priority", "p5-withhold-veto", was="themes")),
        lambda text: [
            (
                _line(text, "withdrawn:") + 2,
                "withdrawn[1].was",
                "'themes' is not a valid value",
                "did you mean 'theme'? valid values: theme, priority, quote, actor",
            )
        ],
        id="was-unknown",
    ),
    pytest.param(
        lambda: _withdraw(REAL, "  - id: old-priority\n    was: priority\n    see: p5-withhold-veto\n"),
        lambda text: [
            (
                _line(text, "withdrawn:") + 1,
                "withdrawn[1]",
                "missing required field 'reason'",
                "add it to this entry, for example: reason: Merged into the priority on veto restraint.",
            )
        ],
        id="reason-missing",
    ),
    pytest.param(
        lambda: REAL.replace(
            "          - id: p5-withhold-veto-core\n",
            "          - id: p5-withhold-veto-core\n            aliases: [p5-withhold-veto]\n",
        ),
        lambda text: [
            (
                _line(text, "aliases: [p5-withhold-veto]"),
                "themes[4].priorities[1].quotes[2].aliases[1]",
                f"duplicate id 'p5-withhold-veto': already used on line {_line(text, '- id: p5-withhold-veto')}",
                "ids must be unique across the whole roadmap; choose another",
            )
        ],
        id="quote-alias-taken",
    ),
]


@pytest.mark.parametrize(("make", "expected"), CASES)
def test_mistakes_in_withdrawn_and_aliases_are_named(
    make: Callable[[], str], expected: Callable[[str], list[tuple[int, str, str, str]]]
) -> None:
    text = make()
    assert _problems(text) == expected(text)

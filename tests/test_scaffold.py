"""`r2p-roadmap new priority|quote`: the skeleton goes in after the last entry, indented like it, and no
other byte of the file changes; its placeholders fail `validate` until filled, and then it passes."""

from __future__ import annotations

import re

import pytest

from r2p_roadmap.build import Project
from r2p_roadmap.cli import main
from r2p_roadmap.model import Roadmap
from r2p_roadmap.scaffold import add_priority, add_quote


def _run(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], project: Project, *args: str
) -> tuple[int, str, str]:
    monkeypatch.chdir(project.root)
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def _entry_end(lines: list[bytes], start: int, indent: int) -> int:
    """The number of the last line of the list entry starting at line `start` (1-based) whose '-'
    is at `indent`: the test's own reading of where an entry ends."""
    end = start
    for number in range(start + 1, len(lines) + 1):
        text = lines[number - 1].rstrip(b"\r\n")
        if text.strip() and len(text) - len(text.lstrip(b" ")) <= indent:
            break
        if text.strip():
            end = number
    return end


def _line_of(lines: list[bytes], text: str, after: int = 0) -> int:
    return next(n for n, line in enumerate(lines, start=1) if n > after and line.rstrip(b"\r\n") == text.encode())


def _inserted(before: bytes, after: bytes) -> tuple[int, list[bytes]]:
    """Where the new lines start (1-based) and the new lines, checking every other line is unchanged."""
    old, new = before.splitlines(keepends=True), after.splitlines(keepends=True)
    start = next((n for n, (a, b) in enumerate(zip(old, new, strict=False)) if a != b), len(old))
    count = len(new) - len(old)
    assert new[:start] + new[start + count :] == old
    return start + 1, new[start : start + count]


@pytest.mark.parametrize("number", range(1, 9))
def test_new_priority_goes_after_the_themes_last_priority_and_changes_nothing_else(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], project: Project, roadmap: Roadmap, number: int
) -> None:
    theme = roadmap.themes[number - 1]
    before = project.roadmap.read_bytes()
    lines = before.splitlines(keepends=True)
    last = _line_of(lines, f"      - id: {theme.priorities[-1].id}")
    code, out, err = _run(monkeypatch, capsys, project, "new", "priority", "--theme", str(number))
    assert (code, err) == (0, "")
    start, new = _inserted(before, project.roadmap.read_bytes())
    assert start == _entry_end(lines, last, 6) + 1
    assert [line.decode() for line in new] == [
        "      # New priority: fill in each value, then run `r2p-roadmap validate`.\n",
        "      - id: NEW-PRIORITY-ID   # the priority's permanent id: lowercase words joined by hyphens\n",
        '        title: ""             # a short heading in plain words\n',
        '        text: ""              # what is to be done, in plain words\n',
        "        support: FILL-IN      # all, consensus, many, several, some, few, one or unattributed\n",
        "        actors: []            # ids from the actors: list, such as [ministers], or []\n",
        "        quotes:\n",
        '          # `r2p-roadmap quote "some words"` prints a quote ready to paste here.\n',
        "          - id: NEW-QUOTE-ID  # the quote's permanent id: lowercase words joined by hyphens\n",
        '            text: ""          # the exact words of the text of record\n',
        "            paragraph: 0      # the [N] number of the paragraph that holds them\n",
    ]
    n = start
    assert out == (
        f"roadmap.yaml: a new priority is on lines {n}–{n + 10}, at the end of theme {number}, "
        f"“{theme.short_title}”. Fill in:\n"
        f"  line {n + 1}, id: the priority's permanent id: lowercase words joined by hyphens\n"
        f"  line {n + 2}, title: a short heading in plain words\n"
        f"  line {n + 3}, text: what is to be done, in plain words\n"
        f"  line {n + 4}, support: all, consensus, many, several, some, few, one or unattributed\n"
        f"  line {n + 5}, actors: ids from the actors: list, such as [ministers], or []\n"
        f"  line {n + 8}, id: the quote's permanent id: lowercase words joined by hyphens\n"
        f"  line {n + 9}, text: the exact words of the text of record\n"
        f"  line {n + 10}, paragraph: the [N] number of the paragraph that holds them\n"
        "Then run `r2p-roadmap validate`: it names each value still to fill in. "
        "Once the file is valid, run `r2p-roadmap links update` to record the new links.\n"
    )


def test_new_quote_goes_after_each_priority_s_last_quote_and_changes_nothing_else(
    project: Project, roadmap: Roadmap
) -> None:
    for theme in roadmap.themes:
        for priority in theme.priorities:
            before = project.roadmap.read_bytes()
            lines = before.splitlines(keepends=True)
            last = _line_of(lines, f"          - id: {priority.quotes[-1].id}")
            added = add_quote(project.roadmap, priority.id)
            start, new = _inserted(before, project.roadmap.read_bytes())
            assert (added.first_line, added.last_line) == (start, start + 3)
            assert start == _entry_end(lines, last, 10) + 1, priority.id
            assert [line.decode() for line in new] == [
                '          # New quote: `r2p-roadmap quote "some words"` prints a quote ready to paste here.\n',
                "          - id: NEW-QUOTE-ID  # the quote's permanent id: lowercase words joined by hyphens\n",
                '            text: ""          # the exact words of the text of record\n',
                "            paragraph: 0      # the [N] number of the paragraph that holds them\n",
            ]


def test_placeholders_fail_validate_line_by_line(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], project: Project
) -> None:
    added = add_priority(project.roadmap, "2")
    code, out, err = _run(monkeypatch, capsys, project, "validate")
    lines = {key + str(number): line for number, (line, key, _) in enumerate(added.to_fill)}
    path = "themes[2].priorities[4]"
    assert (code, out) == (1, "")
    assert err == (
        f"roadmap.yaml:{lines['id0']}:13: {path}.id: 'NEW-PRIORITY-ID' is not a valid id\n"
        "    hint: use lowercase letters, digits and single hyphens, such as 'new-priority-id'\n"
        f"roadmap.yaml:{lines['title1']}:16: {path}.title: must not be empty\n"
        "    hint: write some text\n"
        f"roadmap.yaml:{lines['text2']}:15: {path}.text: must not be empty\n"
        "    hint: write some text\n"
        f"roadmap.yaml:{lines['support3']}:18: {path}.support: 'FILL-IN' is not a valid value\n"
        "    hint: valid values: all, consensus, many, several, some, few, one, unattributed\n"
        f"roadmap.yaml:{lines['id5']}:17: {path}.quotes[1].id: 'NEW-QUOTE-ID' is not a valid id\n"
        "    hint: use lowercase letters, digits and single hyphens, such as 'new-quote-id'\n"
        f"roadmap.yaml:{lines['text6']}:19: {path}.quotes[1].text: must not be empty\n"
        "    hint: write some text\n"
        f"roadmap.yaml:{lines['paragraph7']}:24: {path}.quotes[1].paragraph: "
        "0 is too small; the smallest allowed is 1\n"
        "    hint: numbers here start at 1\n"
        "7 errors found; nothing was written.\n"
    )


def _fill(project: Project, values: dict[int, str]) -> None:
    """Put `values` (by line number) after the key of each line, where the placeholder was."""
    lines = project.roadmap.read_text(encoding="utf-8").split("\n")
    for number, value in values.items():
        key = re.match(r"^ *(?:- )?\w+:", lines[number - 1])
        assert key is not None
        lines[number - 1] = f"{key.group(0)} {value}"
    project.roadmap.write_text("\n".join(lines), encoding="utf-8")


def test_filled_in_skeletons_validate(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], project: Project, roadmap: Roadmap
) -> None:
    paragraph = roadmap.document.paragraph(2)
    assert paragraph is not None and "participant" not in paragraph.text
    priority = add_priority(project.roadmap, "norm-through-practice")
    values = ["aspects-of-a-roadmap", "Take up the aspects", "Take up the aspects of the roadmap.", "unattributed"]
    values += ["[]", "aspects-emerged", paragraph.text, str(paragraph.number)]
    _fill(project, {line: value for (line, _, _), value in zip(priority.to_fill, values, strict=True)})
    quote = add_quote(project.roadmap, "aspects-of-a-roadmap")
    words = "On 25 September 2009, a group of ministers and senior government officials met"
    _fill(project, {quote.to_fill[0][0]: "aspects-opening", quote.to_fill[1][0]: words, quote.to_fill[2][0]: "1"})
    code, out, err = _run(monkeypatch, capsys, project, "validate")
    quotes = sum(len(p.quotes) for t in roadmap.themes for p in t.priorities) + len(roadmap.progress) + 2
    priorities = sum(len(t.priorities) for t in roadmap.themes) + 1
    assert (code, err) == (0, "")
    assert out == (
        f"roadmap.yaml is valid: 8 themes, {priorities} priorities, {quotes} quotes "
        "checked against the text of record.\n"
    )


def test_line_ends_are_kept_and_a_missing_last_line_end_is_added(project: Project, roadmap: Roadmap) -> None:
    text = project.roadmap.read_text(encoding="utf-8")
    project.roadmap.write_bytes(text.rstrip("\n").replace("\n", "\r\n").encode())
    before = project.roadmap.read_bytes()
    add_priority(project.roadmap, "8")
    after = project.roadmap.read_bytes()
    assert after.startswith(before + b"\r\n      # New priority:")
    assert after.endswith(b"            paragraph: 0      # the [N] number of the paragraph that holds them\r\n")
    assert b"\n" not in after.replace(b"\r\n", b"")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ("priority", "--theme", "9"),
            "roadmap.yaml:129:1: themes: there is no theme '9'\n    hint: give a theme's number (1 to 8) or id",
        ),
        (
            ("priority", "--theme", "veto-restrain"),
            "roadmap.yaml:129:1: themes: there is no theme 'veto-restrain'\n"
            "    hint: did you mean 'veto-restraint'? give a theme's number (1 to 8) or id",
        ),
        (
            ("quote", "--priority", "p5-withold-veto"),
            "roadmap.yaml:129:1: themes: there is no priority 'p5-withold-veto'\n"
            "    hint: did you mean 'p5-withhold-veto'? give the id of a priority, as its '- id:' line has it",
        ),
    ],
)
def test_an_unknown_theme_or_priority_is_refused_with_the_closest_match(
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    project: Project,
    args: tuple[str, ...],
    message: str,
) -> None:
    before = project.roadmap.read_bytes()
    line = before.split(b"\n").index(b"themes:") + 1
    code, out, err = _run(monkeypatch, capsys, project, "new", *args)
    assert (code, out, err) == (
        1,
        "",
        message.replace(":129:", f":{line}:") + "\n1 error found; nothing was written.\n",
    )
    assert project.roadmap.read_bytes() == before


def test_an_earlier_id_is_refused_with_the_id_to_use(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], project: Project
) -> None:
    text = project.roadmap.read_text(encoding="utf-8")
    project.roadmap.write_text(
        text.replace("      - id: ongoing-outreach\n", "      - id: ongoing-outreach\n        aliases: [outreach]\n"),
        encoding="utf-8",
    )
    line = project.roadmap.read_text(encoding="utf-8").split("\n").index("      - id: ongoing-outreach") + 1
    code, out, err = _run(monkeypatch, capsys, project, "new", "quote", "--priority", "outreach")
    assert (code, out, err) == (
        1,
        "",
        f"roadmap.yaml:{line}:9: themes[2].priorities[2].id: 'outreach' is an earlier id of the priority "
        "'ongoing-outreach'\n    hint: use --priority ongoing-outreach\n1 error found; nothing was written.\n",
    )


def test_a_list_in_brackets_is_refused(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], project: Project
) -> None:
    text = project.roadmap.read_text(encoding="utf-8")
    block = re.search(r"        quotes:\n          - id: region-to-region-learning-benefits\n.*\n.*\n", text)
    assert block is not None
    flow = (
        "        quotes: [{id: region-to-region-learning-benefits, "
        "text: Some noted the benefits of region-to-region learning., paragraph: 22}]\n"
    )
    project.roadmap.write_text(text.replace(block.group(0), flow), encoding="utf-8")
    line = project.roadmap.read_text(encoding="utf-8").split("\n").index(flow.rstrip("\n")) + 1
    code, out, err = _run(monkeypatch, capsys, project, "new", "quote", "--priority", "region-to-region-learning")
    assert (code, out, err) == (
        1,
        "",
        f"roadmap.yaml:{line}:9: themes[8].priorities[3].quotes: "
        "the quotes of the priority 'region-to-region-learning' are not written as a list of '- ' entries\n"
        "    hint: start each entry on a line of its own with '- ', as the rest of the file does\n"
        "1 error found; nothing was written.\n",
    )


def test_a_file_that_does_not_load_is_left_alone(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], project: Project
) -> None:
    text = project.roadmap.read_text(encoding="utf-8")
    project.roadmap.write_text(text.replace("version: ", "version:\t", 1), encoding="utf-8")
    before = project.roadmap.read_bytes()
    line = before.split(b"\n").index(b'version:\t"1.0.0"') + 1
    code, out, err = _run(monkeypatch, capsys, project, "new", "priority", "--theme", "1")
    assert (code, out, err) == (
        1,
        "",
        f"roadmap.yaml:{line}:9: a tab character; roadmap.yaml uses spaces only\n"
        "    hint: replace the tab with spaces (YAML does not allow tabs for indentation)\n"
        "1 error found; nothing was written.\n",
    )
    assert project.roadmap.read_bytes() == before

"""The editing guide cannot drift: its messages are what the validator prints, its examples load
and their quotes are verbatim, and its table of support levels is the scale the validator uses."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from r2p_roadmap import support
from r2p_roadmap.cli import main
from r2p_roadmap.load import load_document
from r2p_roadmap.schema import schema
from r2p_roadmap.source import find_span, load_source

from .bad_input.cases import CASES, write_case
from .conftest import ROOT
from .diff_history import make_history

GUIDE = ROOT / "docs" / "editing.md"
FENCE = re.compile(r"^```(?P<language>\w*)\n(?P<body>.*?)^```$", re.MULTILINE | re.DOTALL)
MESSAGE = re.compile(r"^roadmap\.yaml:\d+:\d+: ")


def _blocks(language: str, text: str | None = None) -> list[str]:
    source = GUIDE.read_text(encoding="utf-8") if text is None else text
    return [m["body"].rstrip("\n") for m in FENCE.finditer(source) if m["language"] == language]


def _messages(text: str | None = None) -> list[str]:
    return [block for block in _blocks("text", text) if MESSAGE.match(block)]


def _section(title: str) -> str:
    text = GUIDE.read_text(encoding="utf-8")
    start = text.index(f"\n## {title}\n")
    end = text.find("\n## ", start + 1)
    return text[start : end if end >= 0 else len(text)]


def test_guide_lists_the_ten_most_common_errors_each_with_a_message() -> None:
    section = _section("The ten most common errors")
    headings = re.findall(r"^### (\d+)\. ", section, re.MULTILINE)
    assert headings == [str(n) for n in range(1, 11)]
    for number, part in enumerate(re.split(r"^### \d+\. ", section, flags=re.MULTILINE)[1:], start=1):
        assert _messages(part), f"error {number} shows no message"
        assert "Fix:" in part, f"error {number} gives no fix"


@pytest.mark.parametrize("message", _messages(), ids=lambda message: message.split("\n")[0][:60])
def test_message_in_the_guide_is_what_validate_prints(
    message: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    matching = [case for case in CASES if case.expected == message]
    assert matching, "the guide quotes a message that no case of the bad-input corpus expects"
    write_case(matching[0], tmp_path)
    monkeypatch.chdir(tmp_path)
    assert main(["validate", "roadmap.yaml"]) == 1
    assert capsys.readouterr().err == message + "\n"


def test_success_message_in_the_guide_has_the_validators_form(capsys: pytest.CaptureFixture[str]) -> None:
    form = re.compile(
        r"roadmap\.yaml is valid: \d+ themes, \d+ priorities, \d+ quotes checked against the text of record\."
        r"( translations/\w+\.yaml( and translations/\w+\.yaml)? (is|are) complete and up to date\.)?"
    )
    shown = [block for block in _blocks("text") if "is valid" in block]
    assert len(shown) == 1 and form.fullmatch(shown[0])
    assert main(["validate", str(ROOT / "roadmap.yaml")]) == 0
    assert form.fullmatch(capsys.readouterr().out.strip())


def _mappings(value: Any) -> list[dict[str, Any]]:
    if isinstance(value, dict):
        return [value, *(m for item in value.values() for m in _mappings(item))]
    if isinstance(value, list):
        return [m for item in value for m in _mappings(item)]
    return []


def test_yaml_examples_load_and_their_quotes_are_verbatim() -> None:
    document = load_source(ROOT / "source" / "r2p-roadmap-2009-09-25.md", "text of record")
    definitions = schema()["$defs"]
    checked = {"quote": 0, "priority": 0}
    for block in _blocks("yaml"):
        if all(line.startswith("#") for line in block.split("\n")):
            continue  # the schema line, shown on its own
        data = load_document(block.encode(), "docs/editing.md").data
        for mapping in _mappings(data):
            if {"text", "paragraph"} <= set(mapping):
                paragraph = document.paragraph(mapping["paragraph"])
                assert paragraph is not None and find_span(paragraph.text, mapping["text"]), mapping
                jsonschema.validate(mapping, {**definitions["quote"], "$defs": definitions})
                checked["quote"] += 1
            if "support" in mapping:
                jsonschema.validate(mapping, {**definitions["priority"], "$defs": definitions})
                quotes = " ".join(quote["text"] for quote in mapping["quotes"])
                assert support.find_phrase(mapping["support"], quotes), mapping
                checked["priority"] += 1
    assert checked["quote"] >= 2 and checked["priority"] >= 1


def test_schema_line_in_the_guide_is_the_first_line_of_roadmap_yaml() -> None:
    first_line = (ROOT / "roadmap.yaml").read_text(encoding="utf-8").split("\n", 1)[0]
    assert first_line in _blocks("yaml")


def test_support_table_in_the_guide_is_the_validators_scale() -> None:
    rows = re.findall(r"^\| `(\w+)` \| (.*) \|$", _section("Change a support level"), re.MULTILINE)
    assert [level for level, _ in rows] == list(support.LEVEL_IDS)
    for level, words in rows:
        shown = re.findall(r"“([^”]+)”", words)
        phrases = support.BY_ID[level].phrases
        assert shown and set(shown) <= set(phrases), level
        if level != "unattributed":  # its list is long; the guide names two and says "and the like"
            assert tuple(shown) == phrases, level


def test_change_summary_in_the_guide_is_what_diff_prints(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    shown = [block for block in _blocks("markdown", _section("See what a change does")) if block.startswith("Changes")]
    assert len(shown) == 1
    make_history(tmp_path / "repo", monkeypatch)
    assert main(["diff"]) == 0
    printed = capsys.readouterr().out
    # The guide cannot know the commit of a history made anew for each run; everything else must match.
    commit = re.compile(r"\(([0-9a-f]{7})\):$", re.MULTILINE)
    assert commit.sub("(…):", shown[0] + "\n") == commit.sub("(…):", printed)


def test_json_keys_in_the_guide_are_those_diff_prints(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    section = _section("See what a change does")
    documented = re.findall(r"^\| `(\w+)` \| ", section, re.MULTILINE)
    make_history(tmp_path / "repo", monkeypatch)
    assert main(["diff", "--format", "json"]) == 0
    changes = json.loads(capsys.readouterr().out)["changes"]
    assert documented == list(changes[0])
    effects = {link["effect"] for change in changes for link in change["links"]}
    assert effects and all(f"`{effect}`" in section for effect in effects)


@pytest.mark.parametrize(
    "annotations", [block for block in _blocks("text") if block.startswith("::")], ids=lambda block: block[:60]
)
def test_annotation_in_the_guide_is_what_validate_prints_for_github(
    annotations: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    for case in CASES:
        write_case(case, tmp_path)
        main(["validate", "--format", "github"])
        if capsys.readouterr().out == annotations + "\n":
            return
    pytest.fail("no case of the bad-input corpus gives these annotations")


def test_the_guide_shows_annotations_in_the_browser_section() -> None:
    assert any(block.startswith("::error ") for block in _blocks("text", _section("Edit in your browser")))

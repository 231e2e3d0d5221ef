"""The downloads: roadmap.json validates against the published schema and round-trips to the same model;
quotes.csv has one row per quote and opens as UTF-8; the text of record is published; the Data page
links them all and describes every field in the schema's own words."""

from __future__ import annotations

import csv
import dataclasses
import io
import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml

from r2p_roadmap.load import Document
from r2p_roadmap.model import Quote, Roadmap
from r2p_roadmap.render import render_site
from r2p_roadmap.render.data_files import render_quotes_csv, schema_version
from r2p_roadmap.render.markup import one_line
from r2p_roadmap.schema import schema
from r2p_roadmap.source import parse_source
from r2p_roadmap.validate import validate_document

from .conftest import ROOT
from .htmltree import parse_page, resolve

DATA_PAGE = "data/index.html"
DOWNLOADS = ["data/roadmap.json", "data/quotes.csv", "data/roadmap.schema.json", "data/r2p-roadmap-2009-09-25.txt"]


def _yaml() -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load((ROOT / "roadmap.yaml").read_text(encoding="utf-8"))
    return data


def test_roadmap_json_validates_against_the_published_schema(site_dir: Path) -> None:
    published = json.loads((site_dir / "data" / "roadmap.schema.json").read_text(encoding="utf-8"))
    data = json.loads((site_dir / "data" / "roadmap.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(published)
    errors = [error.message for error in jsonschema.Draft202012Validator(published).iter_errors(data)]
    assert errors == []
    assert data["schema_version"] == published["properties"]["schema_version"]["enum"][0] == schema_version()
    assert (data["version"], data["updated"]) == (_yaml()["version"], _yaml()["updated"])


def test_roadmap_json_round_trips_to_the_same_model(site_dir: Path, roadmap: Roadmap) -> None:
    data = json.loads((site_dir / "data" / "roadmap.json").read_text(encoding="utf-8"))
    # Paths in roadmap.json are relative to roadmap.yaml, as in the repository.
    again = validate_document(Document(data=data, file="roadmap.json"), ROOT)
    assert again == roadmap
    assert render_site(again).pages["data/roadmap.json"] == (site_dir / "data" / "roadmap.json").read_text("utf-8")


def test_schema_version_is_refused_when_not_the_schema_s(roadmap: Roadmap) -> None:
    data = json.loads(render_site(roadmap).pages["data/roadmap.json"])
    data["schema_version"] = "0.9.0"
    errors = list(jsonschema.Draft202012Validator(schema()).iter_errors(data))
    assert [list(error.absolute_path) for error in errors] == [["schema_version"]]


def _quotes_from_yaml() -> list[dict[str, Any]]:
    data = _yaml()
    rows = [
        {"quote_id": q["id"], "paragraph": q["paragraph"], "theme": None, "priority": None}
        for q in data["meeting"]["progress"]
    ]
    for theme in data["themes"]:
        for priority in theme["priorities"]:
            rows += [
                {"quote_id": q["id"], "paragraph": q["paragraph"], "theme": theme, "priority": priority}
                for q in priority["quotes"]
            ]
    return rows


def test_quotes_csv_has_one_row_per_quote(site_dir: Path, roadmap: Roadmap) -> None:
    raw = (site_dir / "data" / "quotes.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # byte-order mark: Excel then reads the file as UTF-8
    text = raw.decode("utf-8-sig")
    assert "\r\n" in text and "\n" not in text.replace("\r\n", "")
    rows = list(csv.DictReader(io.StringIO(text, newline="")))
    expected = _quotes_from_yaml()
    assert [row["quote_id"] for row in rows] == [quote["quote_id"] for quote in expected]
    spans = {q.id: q.text for q in roadmap.progress} | {
        q.id: q.text for t in roadmap.themes for p in t.priorities for q in p.quotes
    }
    for row, quote in zip(rows, expected, strict=True):
        theme, priority = quote["theme"], quote["priority"]
        assert row["paragraph"] == str(quote["paragraph"])
        assert row["text"] == spans[row["quote_id"]]
        if theme is None:
            assert [row[k] for k in ("theme_number", "theme_id", "priority_id", "support", "actors")] == [""] * 5
        else:
            assert row["theme_number"] == str(theme["number"]) and row["theme_id"] == theme["id"]
            assert row["priority_id"] == priority["id"] and row["support"] == priority["support"]
            assert row["actors"].split() == priority["actors"]


@pytest.mark.parametrize(
    "text",
    [
        'He said "yes", then left.',
        "A line\nand another",
        "Commas, commas, commas",
        "Curly \u2018quotes\u2019 \u2013 and dashes",
    ],
)
def test_quotes_csv_quotes_fields_so_that_they_read_back_unchanged(roadmap: Roadmap, text: str) -> None:
    first = roadmap.themes[0]
    priority = dataclasses.replace(first.priorities[0], quotes=(Quote("odd-quote", text, 3),))
    theme = dataclasses.replace(first, priorities=(priority,))
    changed = dataclasses.replace(roadmap, progress=(), themes=(theme,), languages=("en",), translations={})
    rows = list(csv.reader(io.StringIO(render_quotes_csv(changed).removeprefix("\ufeff"), newline="")))
    assert rows[1][0] == "odd-quote" and rows[1][-1] == text and len(rows) == 2


@pytest.mark.parametrize(
    ("text", "cell"),
    [
        ('=HYPERLINK("https://example.org")', '\'=HYPERLINK("https://example.org")'),
        ("+1 and more", "'+1 and more"),
        ("-2 or less", "'-2 or less"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tcmd", "'\tcmd"),
        ("\rcmd", "'\rcmd"),
        ("a = b + c", "a = b + c"),
        ("\u2013 an en dash is text", "\u2013 an en dash is text"),
    ],
)
def test_quotes_csv_writes_formula_like_cells_as_text(roadmap: Roadmap, text: str, cell: str) -> None:
    first = roadmap.themes[0]
    priority = dataclasses.replace(first.priorities[0], quotes=(Quote("odd-quote", text, 3),))
    theme = dataclasses.replace(first, priorities=(priority,))
    changed = dataclasses.replace(roadmap, progress=(), themes=(theme,), languages=("en",), translations={})
    rows = list(csv.reader(io.StringIO(render_quotes_csv(changed).removeprefix("\ufeff"), newline="")))
    assert rows[1][-1] == cell


def test_text_of_record_is_published_with_the_same_paragraphs(site_dir: Path, roadmap: Roadmap) -> None:
    published = (site_dir / "data" / "r2p-roadmap-2009-09-25.txt").read_text(encoding="utf-8")
    original = (ROOT / roadmap.source.text_of_record).read_text(encoding="utf-8")
    assert parse_source(published, "published") == parse_source(original, "original") == roadmap.document


def test_data_page_links_every_download(site_dir: Path) -> None:
    links = [
        a.attrs["href"] for a in parse_page(site_dir, DATA_PAGE).find("article").find_all("a") if "href" in a.attrs
    ]
    targets = {resolve(DATA_PAGE, href)[0] for href in links}
    assert set(DOWNLOADS) <= targets
    assert all((site_dir / path).is_file() for path in DOWNLOADS)


def _descriptions(node: Any) -> list[str]:
    if isinstance(node, dict):
        found = [node["description"]] if isinstance(node.get("description"), str) else []
        return found + [d for key, value in node.items() if key != "examples" for d in _descriptions(value)]
    if isinstance(node, list):
        return [d for item in node for d in _descriptions(item)]
    return []


def test_data_page_describes_every_field_in_the_schema_s_words(site_dir: Path) -> None:
    text = parse_page(site_dir, DATA_PAGE).find("article").text()
    missing = [d for d in _descriptions(schema()) if one_line(d) not in text]
    assert missing == []


def test_every_page_links_to_the_data_page(site_dir: Path) -> None:
    for page in ("index.html", "editing/index.html", "themes/veto-restraint/index.html"):
        aside = parse_page(site_dir, page).find("p", "r2p-band__data")
        assert resolve(page, aside.find("a").attrs["href"])[0] == DATA_PAGE

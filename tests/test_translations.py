"""Translations: translations/<code>.yaml is checked against roadmap.yaml with exact messages (missing,
out of date with the fingerprint to write, unknown id, a field the English lacks, empty, straight marks,
not UTF-8, not YAML, too large), `languages:` is checked, localise() keeps every verbatim text in
English, and roadmap.json and quotes.csv carry the translations."""

from __future__ import annotations

import csv
import dataclasses
import hashlib
import io
import json
import re
import shutil
import textwrap
from pathlib import Path

import jsonschema
import pytest
from hypothesis import given
from hypothesis import strategies as st

from r2p_roadmap.cli import main
from r2p_roadmap.errors import RoadmapError
from r2p_roadmap.load import MAX_BYTES, Document, load_document
from r2p_roadmap.model import Actor, PriorityText, Roadmap, Term, ThemeText, Translation
from r2p_roadmap.render.data_files import render_quotes_csv, render_roadmap_json
from r2p_roadmap.render.data_page import render_data_page
from r2p_roadmap.schema import schema
from r2p_roadmap.translations import fingerprint, localise
from r2p_roadmap.validate import load_roadmap, validate_document
from r2p_roadmap.validate.translations import english_entries, page_fingerprint

from .conftest import ROOT, rename

MINI = ROOT / "tests" / "fixtures" / "mini"
FRENCH = (MINI / "translations" / "fr.yaml").read_text(encoding="utf-8")
ENGLISH = (MINI / "roadmap.yaml").read_text(encoding="utf-8")
LANGUAGES = 'updated: "2010-01-02"\nlanguages: [en, fr]\n'
NNBSP = "\u202f"


def translated(folder: Path, english: str = ENGLISH, french: str | None = FRENCH) -> Path:
    """The mini roadmap published in English and French, in `folder`; returns its roadmap.yaml."""
    shutil.copytree(MINI / "source", folder / "source")
    (folder / "translations").mkdir()
    if french is not None:
        (folder / "translations" / "fr.yaml").write_text(french, encoding="utf-8")
    path = folder / "roadmap.yaml"
    path.write_text(english.replace('updated: "2010-01-02"\n', LANGUAGES, 1), encoding="utf-8")
    return path


def errors(path: Path) -> str:
    with pytest.raises(RoadmapError) as raised:
        load_roadmap(path)
    return raised.value.format()


def replaced(text: str, old: str, new: str) -> str:
    assert text.count(old) == 1, old
    return text.replace(old, new)


def line_of(text: str, snippet: str) -> int:
    return text[: text.index(snippet)].count("\n") + 1


def sha(*values: str) -> str:
    """The spec's fingerprint, written out: SHA-256 of the values joined by U+001F, first 8 hex digits."""
    return hashlib.sha256("\x1f".join(values).encode("utf-8")).hexdigest()[:8]


@pytest.fixture
def french_roadmap(tmp_path: Path) -> Roadmap:
    return load_roadmap(translated(tmp_path))


def test_the_fixture_translation_is_valid_and_validate_says_so(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = translated(tmp_path)
    assert main(["validate", str(path)]) == 0
    assert capsys.readouterr().out == (
        "roadmap.yaml is valid: 2 themes, 3 priorities, 5 quotes checked against the text of record. "
        "translations/fr.yaml is complete and up to date.\n"
    )


def test_fingerprint_is_the_spec_s_sha_256_of_the_fields_as_loaded() -> None:
    assert fingerprint("Nobody", "", "") == sha("Nobody", "", "")
    assert fingerprint("  Cafe\u0301 ") == sha("Café")  # stripped and composed, as the loader does
    # A quote's fingerprint is of its text as roadmap.yaml writes it, straight marks included.
    assert "from: " + sha('Many participants stressed that small things are "easy" to test.') in FRENCH


def test_a_missing_entry_is_reported_with_the_fingerprint_to_write(tmp_path: Path) -> None:
    french = replaced(FRENCH, "  nobody:\n    from: 8842b019\n    name: Personne\n", "")
    path = translated(tmp_path, french=french)
    assert errors(path) == (
        f"translations/fr.yaml:{line_of(french, 'actors:')}:1: actors: no translation of the actor 'nobody' "
        f"(roadmap.yaml line {line_of(ENGLISH, '- id: nobody') + 1})\n"
        f"    hint: add 'nobody:' after 'testers', with from: \"{sha('Nobody', '', '')}\" and name:\n"
        "1 error found; nothing was written."
    )


def test_a_translation_of_changed_english_is_out_of_date_and_names_both_lines(tmp_path: Path) -> None:
    english = replaced(ENGLISH, "summary: Say only what the source says.", "summary: Say only what the source says.!")
    path = translated(tmp_path, english=english)
    english_line = line_of(english, "- id: keep-honest") + 1  # one line added for languages:
    new = sha("Keep it honest", "Honest", "Say only what the source says.!")
    assert errors(path) == (
        f"translations/fr.yaml:{line_of(FRENCH, 'from: 0a16d1b5')}:11: themes.keep-honest.from: out of date: "
        f"the English theme on roadmap.yaml line {english_line} has changed since this was translated "
        "(from 0a16d1b5)\n"
        f"    hint: check that the translation says what the English on roadmap.yaml line {english_line} now "
        f'says and correct it, then write from: "{new}"\n'
        "1 error found; nothing was written."
    )


def test_status_counts_missing_and_out_of_date_entries(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    english = replaced(ENGLISH, "summary: Say only what the source says.", "summary: Say what the source says.")
    french = replaced(FRENCH, "  nobody:\n    from: 8842b019\n    name: Personne\n", "")
    translated(tmp_path, english=english, french=french)
    (tmp_path / "mkdocs.yml").write_text("site_name: x\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert main(["translations"]) == 1
    assert capsys.readouterr().out == (
        "translations/fr.yaml: 15 entries, 1 missing, 1 out of date, 0 other problems\n"
        "Run `r2p-roadmap validate` for each problem, with its line and the fingerprint to write.\n"
    )
    (tmp_path / "translations" / "fr.yaml").write_text(FRENCH, encoding="utf-8")
    (tmp_path / "roadmap.yaml").write_text(ENGLISH.replace('updated: "2010-01-02"\n', LANGUAGES), encoding="utf-8")
    assert main(["translations"]) == 0
    assert capsys.readouterr().out == "translations/fr.yaml: 15 entries, 0 missing, 0 out of date, 0 other problems\n"


# The English lines the messages name, in the roadmap.yaml that `translated` writes (one line longer).
ENGLISH_LINES = {
    "nobody": line_of(ENGLISH, "- id: nobody") + 1,
    "quote": line_of(ENGLISH, "- term: quote") + 1,
    "tags": line_of(ENGLISH, "text: One participant noted") + 1,
}


@pytest.mark.parametrize(
    ("old", "new", "at", "expected"),
    [
        pytest.param(
            "  check-quotes:\n",
            "  check-quote:\n",
            "  check-quote:",
            "3: priorities.check-quote: unknown priority id 'check-quote': roadmap.yaml has no priority "
            "with this id\n    hint: did you mean 'check-quotes'?",
            id="unknown-id",
        ),
        pytest.param(
            "  progress-useful:\n",
            "  check-quotes-item:\n    from: 4d287d94\n    text: Une autre.\n  progress-useful:\n",
            "  check-quotes-item:\n    from: 4d287d94\n    text: Une",
            "3: progress.check-quotes-item: unknown progress sentence id 'check-quotes-item': roadmap.yaml "
            "has no progress sentence with this id\n    hint: 'check-quotes-item' is a quote: move the entry under "
            "'quotes:'",
            id="id-in-the-wrong-section",
        ),
        pytest.param(
            "  quote:\n",
            "  Quote:\n",
            "  Quote:",
            "3: glossary.Quote: 'Quote' is not a term of the glossary of roadmap.yaml\n    hint: did you mean "
            "'quote'?; glossary entries are keyed by the English term exactly as roadmap.yaml writes it",
            id="unknown-glossary-term",
        ),
        pytest.param(
            "    name: Personne\n",
            "    name: Personne\n    description: Personne du tout.\n",
            "    description: Personne du tout.",
            "5: actors.nobody.description: the English actor on roadmap.yaml line {nobody} has no description, "
            "so its translation has none\n    hint: remove 'description:'",
            id="field-the-english-lacks",
        ),
        pytest.param(
            "    expansion: un passage du document\n",
            "",
            "  quote:",
            "3: glossary.quote: missing 'expansion': the English glossary term on roadmap.yaml line {quote} has "
            "one\n    hint: add 'expansion:' with its translation",
            id="field-the-english-has",
        ),
        pytest.param(
            "    text: Le balisage de la source reste littéral.\n",
            '    text: ""\n',
            '    text: ""',
            "11: priorities.literal-markup.text: must not be empty\n    hint: write some text",
            id="empty-text",
        ),
        pytest.param(
            "    text: Le balisage de la source reste littéral.\n",
            "    text: Le balisage de la source reste 'littéral'.\n",
            "reste 'littéral'",
            "42: priorities.literal-markup.text: straight quote mark, apostrophe or hyphen for a dash: "
            "'littéral'.\n    hint: write ‘littéral’. (the site’s own text uses “ ” for quotes, ‘ ’ inside them, "
            "’ for an apostrophe and – for a dash)",
            id="straight-marks",
        ),
        pytest.param(
            "    text: Un participant a fait observer",
            '    text: Un "participant" a fait observer',
            'Un "participant"',
            "14: quotes.literal-markup-tags.text: straight quote mark, apostrophe or hyphen for a dash: "
            '"participant"\n    hint: write “participant” (the site’s own text uses “ ” for quotes, ‘ ’ inside '
            "them, ’ for an apostrophe and – for a dash)",
            id="straight-marks-in-a-quote-s-translation",
        ),
        pytest.param(
            "    term: citation\n",
            "    term: <citation>\n",
            "term: <citation>",
            "11: glossary.quote.term: '<citation>' is not a term as the pages write it\n    hint: a term has no "
            '< > & " [ ] or \\ and no space at either end; write it as the translated text does',
            id="term-with-markup",
        ),
        pytest.param(
            "    from: def3a67d\n",
            "    from: 12345678\n",
            "from: 12345678",
            "11: quotes.literal-markup-tags.from: out of date: the English quote on roadmap.yaml line {tags} has "
            "changed since this was translated (from 12345678)\n    hint: check that the translation says what the "
            'English on roadmap.yaml line {tags} now says and correct it, then write from: "def3a67d"',
            id="fingerprint-read-as-a-number",
        ),
        pytest.param(
            "language: fr\n",
            "language: es\n",
            "language: es",
            "11: language: 'es' is not the language of this file\n    hint: the file is "
            "translations/fr.yaml: write language: fr",
            id="wrong-language",
        ),
        pytest.param(
            "    from: def3a67d\n",
            "",
            "  literal-markup-tags:",
            "3: quotes.literal-markup-tags: missing 'from:', the fingerprint of the English this was "
            "translated from\n    hint: check the translation against the English on roadmap.yaml line {tags}, "
            'then add from: "def3a67d"',
            id="no-fingerprint",
        ),
    ],
)
def test_each_mistake_in_a_translation_has_its_message(
    tmp_path: Path, old: str, new: str, at: str, expected: str
) -> None:
    french = replaced(FRENCH, old, new)
    where = f"translations/fr.yaml:{line_of(french, at)}:"
    assert errors(translated(tmp_path, french=french)) == (
        where + expected.format(**ENGLISH_LINES) + "\n1 error found; nothing was written."
    )


def test_a_file_that_is_not_utf_8_names_its_line_and_column(tmp_path: Path) -> None:
    path = translated(tmp_path)
    (tmp_path / "translations" / "fr.yaml").write_bytes(FRENCH.encode("utf-8").replace(b"Personne", b"P\xe9"))
    assert errors(path) == (
        f"translations/fr.yaml:{line_of(FRENCH, 'Personnes')}:19: byte 0xe9 is not valid UTF-8\n"
        "    hint: save the file as UTF-8; retype the character at this position\n"
        "1 error found; nothing was written."
    )


def test_bad_yaml_gets_the_loader_s_message_in_the_translation_s_words(tmp_path: Path) -> None:
    path = translated(tmp_path, french=FRENCH.replace("name: Français\n", "name: &name Français\n"))
    assert errors(path) == (
        "translations/fr.yaml:4:7: the anchor '&name' is not allowed\n"
        "    hint: fr.yaml does not use YAML anchors, aliases or merge keys: write the value out in full; text that "
        "starts with '&' or '*' must be in quotes\n"
        "1 error found; nothing was written."
    )
    (tmp_path / "translations" / "fr.yaml").write_text("language: fr\nname: [Français\n", encoding="utf-8")
    assert errors(path) == (
        "translations/fr.yaml:2:7: YAML syntax error: the list that opens with '[' here is not closed\n"
        "    hint: end it with ']' on the same line, with items separated by ', '; put an item in quotes if it "
        "contains ':' or ','\n"
        "1 error found; nothing was written."
    )


def test_a_huge_translation_is_refused_before_it_is_read(tmp_path: Path) -> None:
    path = translated(tmp_path)
    with (tmp_path / "translations" / "fr.yaml").open("wb") as stream:
        stream.truncate(2 * 1024**3)  # 2 GiB of nothing, which the disk does not hold
    assert errors(path) == (
        f"translations/fr.yaml:1:1: the file is {2 * 1024**3:,} bytes; the limit is {MAX_BYTES:,} bytes (512 KiB)\n"
        "    hint: a translation is far smaller than this: check that this is the right file, and remove what was "
        "pasted by mistake\n"
        "1 error found; nothing was written."
    )


def test_json_output_names_the_translation_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = translated(tmp_path, french=replaced(FRENCH, "  check-quotes:\n", "  check-quote:\n"))
    assert main(["validate", str(path), "--format", "json"]) == 1
    [problem] = json.loads(capsys.readouterr().err)["errors"]
    assert (problem["file"], problem["line"], problem["path"]) == (
        "translations/fr.yaml",
        line_of(FRENCH, "  check-quotes:\n"),
        "priorities.check-quote",
    )


@pytest.mark.parametrize(
    ("languages", "column", "expected"),
    [
        pytest.param(
            "[fr, en]",
            13,
            "languages[1]: English must come first: the English of roadmap.yaml is the text of record\n"
            "    hint: write languages: [en, fr]",
            id="english-not-first",
        ),
        pytest.param(
            "[en, FR]",
            17,
            "languages[2]: 'FR' is not a language code\n"
            "    hint: write the language’s two-letter ISO 639-1 code in lowercase, such as fr or es",
            id="not-lowercase",
        ),
        pytest.param(
            "[en, qq]",
            17,
            "languages[2]: 'qq' is not an ISO 639-1 language code\n"
            "    hint: write the language’s two-letter code, such as fr for French or es for Spanish",
            id="no-such-language",
        ),
        pytest.param(
            "[en, fr, fr]",
            12,
            "languages: lists the same entry twice\n    hint: remove the repeated entry",
            id="repeated",
        ),
        pytest.param(
            "[en, fr, de]",
            21,
            "languages[3]: no translation into German: translations/de.yaml does not exist\n"
            "    hint: add translations/de.yaml (see the editing guide, Translations), or remove de from languages",
            id="no-translation-file",
        ),
    ],
)
def test_languages_are_checked(tmp_path: Path, languages: str, column: int, expected: str) -> None:
    path = translated(tmp_path)
    path.write_text(replaced(path.read_text("utf-8"), "languages: [en, fr]", f"languages: {languages}"), "utf-8")
    assert errors(path) == f"roadmap.yaml:3:{column}: {expected}\n1 error found; nothing was written."


def test_every_language_code_is_a_reserved_id(tmp_path: Path) -> None:
    path = translated(tmp_path, english=replaced(ENGLISH, "  - id: keep-honest\n", "  - id: fr\n"))
    assert errors(path) == (
        f"roadmap.yaml:{line_of(ENGLISH, '- id: keep-honest') + 1}:9: themes[2].id: 'fr' is a language code of "
        "the site, which names the folder of its pages in that language\n"
        "    hint: choose another id; every code of 'languages:' is reserved\n"
        "1 error found; nothing was written."
    )


def test_localise_keeps_verbatim_texts_in_english_and_fills_their_translations(french_roadmap: Roadmap) -> None:
    french = localise(french_roadmap, "fr")
    assert (french.language, french.languages) == ("fr", ("en", "fr"))
    small, honest = french.themes
    assert (small.title, small.title_translation, small.short_title) == ("Keep it small", "Rester petit", "Petit")
    assert honest.summary == "Ne dire que ce que dit la source."
    quote = small.priorities[0].quotes[0]
    assert quote.text == french_roadmap.themes[0].priorities[0].quotes[0].text  # the exact span, in English
    assert (
        quote.translation
        == f"De nombreux participants ont souligné que les petites choses sont «{NNBSP}faciles{NNBSP}» à tester."
    )
    assert [q.text for q in french.progress] == ["All participants agreed that the small record is useful."]
    assert [q.translation for q in french.progress] == [
        "Tous les participants sont convenus que le petit document est utile."
    ]
    assert small.priorities[0].title == "Tester les petites choses {: .evil }"
    assert small.priorities[0].support == "many"
    assert small.keywords == ("taille",) and honest.keywords == ()
    assert french.actor("testers").name == "Testeurs & <Relecteurs>"
    assert french.actor("nobody").abbr == "" and french.actor("testers").keywords == ("vérification",)
    assert [(t.term, t.expansion) for t in french.glossary] == [
        ("petit document", ""),
        ("citation", "un passage du document"),
    ]
    assert french.meeting_summary == "Une petite réunion qui sert à tester le rendu."
    # Everything but the translated texts is the English roadmap's.
    assert [t.id for t in french.themes] == [t.id for t in french_roadmap.themes]
    assert french.naming.keys() == french_roadmap.naming.keys()
    with pytest.raises(ValueError, match="no translation into 'es'"):
        localise(french_roadmap, "es")


MINI_ROADMAP = load_roadmap(MINI / "roadmap.yaml")
WORDS = st.text(st.characters(codec="utf-8", categories=["L", "N", "P", "Zs"]), min_size=1, max_size=20)


@given(st.data())
def test_localise_keeps_english_as_it_is_and_only_replaces_the_site_s_own_texts(data: st.DataObject) -> None:
    roadmap = MINI_ROADMAP
    priorities = [p for t in roadmap.themes for p in t.priorities]
    quotes = [q for p in priorities for q in p.quotes]

    def draw() -> str:
        text: str = data.draw(WORDS)
        return text

    translation = Translation(
        "fr",
        "Français",
        draw(),
        {q.id: draw() for q in roadmap.progress},
        {a.id: Actor(a.id, draw(), draw() if a.abbr else "", draw() if a.description else "") for a in roadmap.actors},
        {t.term: Term(draw(), draw(), draw() if t.expansion else "") for t in roadmap.glossary},
        {t.id: ThemeText(draw(), draw(), draw(), (draw(),)) for t in roadmap.themes},
        {p.id: PriorityText(draw(), draw()) for p in priorities},
        {q.id: draw() for q in quotes},
    )
    both = dataclasses.replace(roadmap, languages=("en", "fr"), translations={"fr": translation})
    assert localise(both, "en") is both  # English is the roadmap itself, whatever the translations hold
    french = localise(both, "fr")
    # The verbatim texts stay English, exactly; their translations stand beside them.
    assert [t.title for t in french.themes] == [t.title for t in roadmap.themes]
    assert [t.title_translation for t in french.themes] == [translation.themes[t.id].title for t in roadmap.themes]
    french_quotes = [q for t in french.themes for p in t.priorities for q in p.quotes]
    assert [(q.id, q.text, q.paragraph) for q in french_quotes] == [(q.id, q.text, q.paragraph) for q in quotes]
    assert [q.translation for q in french_quotes] == [translation.quotes[q.id] for q in quotes]
    assert [q.text for q in french.progress] == [q.text for q in roadmap.progress]
    # The site's own texts are the translation's; ids, numbers, support levels and actors stay.
    assert [(p.id, p.support, p.actors, p.title) for t in french.themes for p in t.priorities] == [
        (p.id, p.support, p.actors, translation.priorities[p.id].title) for p in priorities
    ]
    assert [t.short_title for t in french.themes] == [translation.themes[t.id].short_title for t in roadmap.themes]
    assert list(french.actors) == [translation.actors[a.id] for a in roadmap.actors]
    assert list(french.glossary) == [translation.glossary[t.term] for t in roadmap.glossary]
    assert (french.meeting_summary, french.source, french.document) == (
        translation.meeting_summary,
        roadmap.source,
        roadmap.document,
    )


def test_roadmap_json_carries_the_translations_and_validates_against_the_published_schema(
    tmp_path: Path, french_roadmap: Roadmap
) -> None:
    data = json.loads(render_roadmap_json(french_roadmap))
    assert [error.message for error in jsonschema.Draft202012Validator(schema()).iter_errors(data)] == []
    assert data["languages"] == ["en", "fr"]
    french = data["translations"]["fr"]
    sections = ["meeting", "progress", "actors", "glossary", "themes", "priorities", "quotes"]
    assert list(french) == ["language", "name", *sections]
    # Each `from` is the fingerprint of the English as roadmap.json gives it: the quote's exact span.
    assert french["quotes"]["small-things-easy"] == {
        "from": sha("Many participants stressed that small things are “easy” to test."),
        "text": f"De nombreux participants ont souligné que les petites choses sont «{NNBSP}faciles{NNBSP}» à tester.",
    }
    assert french["actors"]["nobody"] == {"from": sha("Nobody", "", ""), "name": "Personne"}
    again = validate_document(Document(data=data, file="roadmap.json"), tmp_path)
    assert again == french_roadmap


def test_a_translation_file_validates_against_the_published_schema_s_translation() -> None:
    import yaml

    root = schema()
    validator = jsonschema.Draft202012Validator({"$ref": "#/$defs/translation", "$defs": root["$defs"]})
    assert [error.message for error in validator.iter_errors(yaml.safe_load(FRENCH))] == []


def test_quotes_csv_has_a_column_of_translations_per_language(french_roadmap: Roadmap) -> None:
    rows = list(csv.DictReader(io.StringIO(render_quotes_csv(french_roadmap).removeprefix("\ufeff"))))
    assert len(rows) == 5
    assert [row["text"] for row in rows][:2] == [
        "All participants agreed that the small record is useful.",
        "Many participants stressed that small things are “easy” to test.",
    ]
    assert rows[-1]["translation_fr"] == f"La vérification de chaque citation{NNBSP};"
    assert list(rows[0]) == [
        *("quote_id", "theme_number", "theme_id", "priority_id", "support", "actors", "paragraph", "text"),
        "translation_fr",
    ]


def placeholder_translation(english: Path, code: str) -> str:
    """A translation file of `english` in which every entry is present and current, each text a placeholder."""
    entries = english_entries(load_document(english.read_bytes()))
    lines = [f"language: {code}", "name: Français"]
    section = ""
    for entry in entries:
        if entry.section != section:
            section = entry.section
            lines.append(f"{section}:")
        indent = "  " if section == "meeting" else "    "
        if section != "meeting":
            lines.append(f"  {json.dumps(entry.key, ensure_ascii=False)}:")
        lines.append(f'{indent}from: "{entry.fingerprint}"')
        lines += [f"{indent}{name}: Texte." for name in entry.values]
    return "\n".join(lines) + "\n"


def _guide_section(title: str) -> str:
    text = (ROOT / "docs" / "editing.md").read_text(encoding="utf-8")
    start = text.index(f"\n## {title}\n")
    end = text.find("\n## ", start + 1)
    return text[start:end]


def test_the_guide_s_out_of_date_message_is_what_validate_prints(tmp_path: Path) -> None:
    shutil.copytree(ROOT / "source", tmp_path / "source")
    english = (
        (ROOT / "roadmap.yaml").read_text(encoding="utf-8").replace("languages: [en, fr, es]", "languages: [en, fr]")
    )
    (tmp_path / "roadmap.yaml").write_text(english, encoding="utf-8")
    (tmp_path / "translations").mkdir()
    (tmp_path / "translations" / "fr.yaml").write_text(placeholder_translation(tmp_path / "roadmap.yaml", "fr"))
    load_roadmap(tmp_path / "roadmap.yaml")  # complete and current
    # The guide's example: a word of theme 1's summary changes after it was translated.
    changed = replaced(english, "explain clearly what it is\n", "explain plainly what it is\n")
    (tmp_path / "roadmap.yaml").write_text(changed, encoding="utf-8")
    [block] = [
        body
        for body in re.findall(r"```text\n(.*?)```", _guide_section("Translations"), re.DOTALL)
        if "out of date" in body and "translations/fr.yaml" in body
    ]
    # Line numbers follow the placeholder file, not the real one; the rest is exact, fingerprints included.
    lines = re.compile(r"(?<=yaml:)\d+:\d+|(?<=line )\d+")
    assert lines.sub("N", errors(tmp_path / "roadmap.yaml") + "\n") == lines.sub("N", block)


def test_the_data_page_describes_each_translation_column(french_roadmap: Roadmap) -> None:
    page = render_data_page(french_roadmap)
    assert "and its unofficial translations into French; opens in spreadsheet programs" in page
    assert "| `translation_fr` | In French: the unofficial translation of the quote’s text" in page
    assert "translation_" not in render_data_page(load_roadmap(MINI / "roadmap.yaml"))


def test_status_of_the_real_translations(
    roadmap: Roadmap, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(ROOT)
    assert main(["translations"]) == 0
    entries = 1 + len(roadmap.progress) + len(roadmap.actors) + len(roadmap.glossary) + len(roadmap.themes)
    entries += sum(len(t.priorities) + sum(len(p.quotes) for p in t.priorities) for t in roadmap.themes)
    assert capsys.readouterr().out == "".join(
        f"translations/{code}.yaml: {entries} entries, 0 missing, 0 out of date, 0 other problems\n"
        for code in roadmap.languages[1:]
    )


def test_github_annotations_name_the_translation_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = translated(tmp_path, french=replaced(FRENCH, "  check-quotes:\n", "  check-quote:\n"))
    assert main(["validate", str(path), "--format", "github"]) == 1
    line = line_of(FRENCH, "  check-quotes:\n")
    assert capsys.readouterr().out.startswith(
        f"::error file={(tmp_path / 'translations' / 'fr.yaml').as_posix()},line={line},col=3,"
        "title=priorities.check-quote::unknown priority id 'check-quote': "
    )


def test_a_right_fingerprint_that_yaml_reads_as_a_number_is_to_be_quoted(tmp_path: Path) -> None:
    # The first name of the form "Nobody N" whose fingerprint is digits with one 'e', a number to YAML.
    name = next(f"Nobody {n}" for n in range(100_000) if re.fullmatch(r"[0-9]+e[0-9]+", sha(f"Nobody {n}", "", "")))
    number = sha(name, "", "")
    english = replaced(ENGLISH, "    name: Nobody\n", f"    name: {name}\n")
    french = replaced(FRENCH, "    from: 8842b019\n", f"    from: {number}\n")
    assert errors(translated(tmp_path, english=english, french=french)) == (
        f"translations/fr.yaml:{line_of(french, number)}:11: actors.nobody.from: YAML reads the unquoted "
        f"fingerprint {number} as a number\n"
        f'    hint: put it in quotes: from: "{number}"\n'
        "1 error found; nothing was written."
    )
    quoted = replaced(french, f"from: {number}", f'from: "{number}"')
    load_roadmap(translated(tmp_path / "quoted", english=english, french=quoted))


def test_an_entry_under_a_renamed_id_is_told_the_new_id(tmp_path: Path) -> None:
    shutil.copytree(ROOT / "source", tmp_path / "source")
    shutil.copytree(ROOT / "translations", tmp_path / "translations")
    shutil.copytree(ROOT / "docs", tmp_path / "docs")
    english = (ROOT / "roadmap.yaml").read_text(encoding="utf-8")
    english = rename(english, "veto-restraint", "veto-pledge", alias=True, indent="  ")
    (tmp_path / "roadmap.yaml").write_text(english, encoding="utf-8")
    found = errors(tmp_path / "roadmap.yaml")
    hint = "roadmap.yaml renamed 'veto-restraint' to 'veto-pledge' (the old id is among its aliases): rename the entry"
    assert found.count(f"    hint: {hint}\n") == 2  # once in each language, and no "missing" besides
    assert "no translation of the theme 'veto-pledge'" not in found
    assert found.endswith("2 errors found; nothing was written.")


def _translated_page(folder: Path, english_page: str, french_page: str) -> Path:
    """The mini roadmap in English and French with one hand-written page and its French translation."""
    path = translated(folder)
    (folder / "docs").mkdir()
    (folder / "docs" / "background.md").write_text(english_page, encoding="utf-8")
    (folder / "translations" / "pages" / "fr").mkdir(parents=True)
    (folder / "translations" / "pages" / "fr" / "background.md").write_text(french_page, encoding="utf-8")
    return path


BACKGROUND = "---\ntitle: Background\n---\n\n# Background {#background}\n\nWhat it is.\n"


def _french(fingerprint: str) -> str:
    return (
        f'---\ntitle: Contexte\ntranslated_from: "{fingerprint}"\n---\n\n# Contexte {{#background}}\n\nCe que c’est.\n'
    )


def test_a_translated_page_names_the_english_it_was_made_from_and_is_out_of_date_when_it_changes(
    tmp_path: Path,
) -> None:
    current = page_fingerprint(BACKGROUND)
    path = _translated_page(tmp_path, BACKGROUND, _french(current))
    load_roadmap(path)  # made from the English as it is
    changed = BACKGROUND.replace("What it is.", "What it is, and is not.")
    (tmp_path / "docs" / "background.md").write_text(changed, encoding="utf-8")
    assert errors(path) == (
        "translations/pages/fr/background.md:3:1: translated_from: out of date: docs/background.md has changed "
        "since this page was translated\n"
        "    hint: bring it up to date with docs/background.md, then set translated_from: "
        f'"{page_fingerprint(changed)}"\n'
        "1 error found; nothing was written."
    )
    # The editing guide shows the same message for its own page.
    blocks = re.findall(r"```text\n(.*?)```", _guide_section("Translations"), re.DOTALL)
    [block] = [textwrap.dedent(body) for body in blocks if "pages/" in body]
    assert re.sub(r'"[0-9a-f]{8}"', '"…"', block) == (
        "translations/pages/fr/what-is-r2p.md:4:1: translated_from: out of date: docs/what-is-r2p.md has changed "
        "since this page was translated\n"
        '    hint: bring it up to date with docs/what-is-r2p.md, then set translated_from: "…"\n'
    )


def test_a_translated_page_without_its_fingerprint_or_its_english_page_is_an_error(tmp_path: Path) -> None:
    untagged = _french("").replace('translated_from: ""\n', "")
    path = _translated_page(tmp_path, BACKGROUND, untagged)
    (tmp_path / "translations" / "pages" / "fr" / "gone.md").write_text(_french("00000000"), encoding="utf-8")
    assert errors(path) == (
        "translations/pages/fr/background.md:1:1: translated_from: the page does not say which English text of "
        "docs/background.md it was translated from\n"
        "    hint: check it against docs/background.md, then add to it translated_from: "
        f'"{page_fingerprint(BACKGROUND)}"\n'
        "translations/pages/fr/gone.md:1:1: docs/gone.md does not exist, so this translation is never shown\n"
        "    hint: name the file as its English page in docs/ is named, or delete it\n"
        "2 errors found; nothing was written."
    )


def test_the_real_translated_pages_are_made_from_the_english_as_it_is() -> None:
    english = (ROOT / "docs" / "what-is-r2p.md").read_text(encoding="utf-8")
    for code in ("fr", "es"):
        page = (ROOT / "translations" / "pages" / code / "what-is-r2p.md").read_text(encoding="utf-8")
        assert f'translated_from: "{page_fingerprint(english)}"' in page

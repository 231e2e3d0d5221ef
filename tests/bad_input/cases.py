# ruff: noqa: E501 - the expected messages are quoted whole, one output line per source line
"""The corpus: each case breaks a copy of `base.yaml` in one way and gives the exact output of
`r2p-roadmap validate` for it. Edits are (old, new) replacements that must each match once, so a
change to base.yaml cannot silently turn a case into a valid file."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

BASE_FILE = Path(__file__).with_name("base.yaml")
ROOT = Path(__file__).resolve().parents[2]

Maker = Callable[[str], bytes]


@dataclass(frozen=True)
class Case:
    """One broken roadmap: what is wrong with it, how to make it from the base, the exact output."""

    name: str
    what: str
    make: Maker
    expected: str


def edit(*replacements: tuple[str, str]) -> Maker:
    """A maker applying each (old, new) replacement to the base text; each `old` must occur once."""

    def make(base: str) -> bytes:
        for old, new in replacements:
            if base.count(old) != 1:
                raise ValueError(f"{old!r} occurs {base.count(old)} times in base.yaml, not once")
            base = base.replace(old, new)
        return base.encode("utf-8")

    return make


def base_text() -> str:
    """The small valid roadmap every case starts from."""
    return BASE_FILE.read_text(encoding="utf-8")


def write_case(case: Case, folder: Path) -> Path:
    """Write the case as `folder/roadmap.yaml` beside a copy of the real text of record; return the file."""
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / "roadmap.yaml"
    target.write_bytes(case.make(base_text()))
    if not (folder / "source").exists():
        shutil.copytree(ROOT / "source", folder / "source")
    return target


# Ten levels of ten aliases: fully expanded, 10**10 strings. It must fail at once, in little memory.
BILLION_LAUGHS = (
    "lol0: &lol0 lol\n"
    + "".join(f"lol{level}: &lol{level} [{', '.join([f'*lol{level - 1}'] * 10)}]\n" for level in range(1, 11))
).encode()

CASES: tuple[Case, ...] = (
    Case(
        "syntax-key-indented-too-far",
        "a key indented one space further than the key above",
        edit(("    short_title: Political leadership\n", "     short_title: Political leadership\n")),
        (
            "roadmap.yaml:36:6: YAML syntax error: 'short_title:' is indented more than 'title:' on line 35, so YAML reads it as more text of the value above\n"
            "    hint: start 'short_title:' in column 5, like 'title:'\n"
            "1 error found; nothing was written."
        ),
    ),
    Case(
        "syntax-key-indented-too-little",
        "a key of a priority indented two spaces less than its neighbours",
        edit(("        support: one\n", "      support: one\n")),
        (
            "roadmap.yaml:42:7: YAML syntax error: this line is not lined up with the lines above it\n"
            "    hint: start it in column 9, like 'text:' on line 41\n"
            "1 error found; nothing was written."
        ),
    ),
    Case(
        "syntax-list-item-misaligned",
        "a list item one space left of the items above it",
        edit(("      - id: support-civil-society\n", "     - id: support-civil-society\n")),
        (
            "roadmap.yaml:51:6: YAML syntax error: this line is not lined up with the lines above it\n"
            "    hint: start it in column 7, like '- id:' on line 39\n"
            "1 error found; nothing was written."
        ),
    ),
    Case(
        "syntax-tab-indentation",
        "a tab used to indent a key",
        edit(("    short_title: Political leadership\n", "\tshort_title: Political leadership\n")),
        (
            "roadmap.yaml:36:1: a tab character; roadmap.yaml uses spaces only\n"
            "    hint: replace the tab with spaces (YAML does not allow tabs for indentation)\n"
            "1 error found; nothing was written."
        ),
    ),
    Case(
        "syntax-tabs-on-two-lines",
        "tabs on two lines are both reported",
        edit(("        support: one\n", "        support:\tone\n"), ("    number: 2\n", "    number:\t2\n")),
        (
            "roadmap.yaml:42:17: a tab character; roadmap.yaml uses spaces only\n"
            "    hint: replace the tab with spaces (YAML does not allow tabs for indentation)\n"
            "roadmap.yaml:64:12: a tab character; roadmap.yaml uses spaces only\n"
            "    hint: replace the tab with spaces (YAML does not allow tabs for indentation)\n"
            "2 errors found; nothing was written."
        ),
    ),
    Case(
        "syntax-unclosed-double-quote",
        "a double quote that is never closed",
        edit(('date: "2009-09-25"', 'date: "2009-09-25')),
        (
            'roadmap.yaml:10:9: YAML syntax error: the quote mark " that opens this value is never closed\n'
            '    hint: add the closing " at the end of the value\n'
            "1 error found; nothing was written."
        ),
    ),
    Case(
        "syntax-unclosed-single-quote",
        "a single quote that is never closed",
        edit(("short_title: Political leadership", "short_title: 'Political leadership")),
        (
            "roadmap.yaml:36:18: YAML syntax error: the quote mark ' that opens this value is never closed\n"
            "    hint: add the closing ' at the end of the value\n"
            "1 error found; nothing was written."
        ),
    ),
    Case(
        "syntax-quote-closed-lines-later",
        "an open quote that a quote mark further down closes",
        edit(
            ("short_title: Political leadership", 'short_title: "Political leadership'),
            ("title: Deepen support through sustained advocacy", 'title: "Deepen" support'),
        ),
        (
            'roadmap.yaml:36:18: YAML syntax error: the quote mark " that opens this value is not closed on its line\n'
            '    hint: add the closing " at the end of the value; YAML reads on to the next " in the file\n'
            "1 error found; nothing was written."
        ),
    ),
    Case(
        "syntax-stray-colon",
        "a ': ' inside an unquoted value",
        edit(("title: Deepen support through sustained advocacy", "title: Deepen support: sustained advocacy")),
        (
            "roadmap.yaml:40:30: YAML syntax error: the value of 'title' contains ': ', which YAML reads as the start of another key\n"
            '    hint: put the whole value in quotes: title: "Deepen support: sustained advocacy"\n'
            "1 error found; nothing was written."
        ),
    ),
    Case(
        "syntax-colon-in-text-below-key",
        "a ': ' in text written on the line below its key",
        edit(
            (
                "        text: Recognise the role of NGOs and support civil society initiatives.\n",
                "        text:\n          Recognise the role of NGOs: support civil society initiatives\n          and promote R2P.\n",
            )
        ),
        (
            "roadmap.yaml:54:37: YAML syntax error: ': ' inside text, which YAML reads as the start of a key\n"
            "    hint: put the whole value in quotes, or write '>-' after the key and the text on the lines below it\n"
            "1 error found; nothing was written."
        ),
    ),
    Case(
        "syntax-missing-colon",
        "a key without its ':'",
        edit(("    short_title: Political leadership", "    short_title Political leadership")),
        (
            "roadmap.yaml:36:5: YAML syntax error: 'short_title' needs a ':' after it\n"
            "    hint: write 'short_title: Political leadership' (a ':' and a space)\n"
            "1 error found; nothing was written."
        ),
    ),
    Case(
        "syntax-text-not-indented-under-key",
        "the second line of a text starts in the key's column",
        edit(
            (
                "    summary: Ministers should keep championing R2P and support the NGOs that advance it.\n",
                "    summary: Ministers should keep championing R2P\n    and support the NGOs that advance it.\n",
            )
        ),
        (
            "roadmap.yaml:38:5: YAML syntax error: this line is not a 'key: value' line\n"
            "    hint: if it continues the text above, indent it further than that text's key; otherwise add ':' after the key\n"
            "1 error found; nothing was written."
        ),
    ),
    Case(
        "syntax-text-after-closing-quote",
        "text after the closing quote of a value",
        edit(('date: "2009-09-25"', 'date: "2009"-09-25')),
        (
            "roadmap.yaml:10:15: YAML syntax error: text follows the closing quote of the value of 'date'\n"
            "    hint: a quoted value ends at its closing quote; quote the whole value: date: '\"2009\"-09-25'\n"
            "1 error found; nothing was written."
        ),
    ),
    Case(
        "syntax-value-starts-with-bracket",
        "a value that starts with '[' but is not a list",
        edit(("short_title: Political leadership", "short_title: [Draft] Political leadership")),
        (
            "roadmap.yaml:36:18: YAML syntax error: a value that starts with '[' must be in quotes\n"
            "    hint: YAML reads '[' as the start of a list; write short_title: \"[Draft] Political leadership\"\n"
            "1 error found; nothing was written."
        ),
    ),
    Case(
        "syntax-value-starts-with-at",
        "a value that starts with '@'",
        edit(("short_title: Political leadership", "short_title: @R2P leadership")),
        (
            "roadmap.yaml:36:18: YAML syntax error: a value cannot start with '@' unless it is in quotes\n"
            '    hint: write short_title: "@R2P leadership"\n'
            "1 error found; nothing was written."
        ),
    ),
    Case(
        "syntax-unclosed-bracket",
        "a list whose ']' is missing",
        edit(("actors: [general-assembly]", "actors: [general-assembly")),
        (
            "roadmap.yaml:43:17: YAML syntax error: the list that opens with '[' here is not closed\n"
            "    hint: end it with ']' on the same line, with items separated by ', '; put an item in quotes if it contains ':' or ','\n"
            "1 error found; nothing was written."
        ),
    ),
    Case(
        "syntax-dash-without-space",
        "a list item without a space after '-'",
        edit(("      - id: support-civil-society\n", "      -id: support-civil-society\n")),
        (
            "roadmap.yaml:51:7: YAML syntax error: a list item needs a space after '-'\n"
            "    hint: write '- id: support-civil-society'\n"
            "1 error found; nothing was written."
        ),
    ),
    Case(
        "syntax-text-after-block-indicator",
        "text on the same line as '>-'",
        edit(
            (
                "            text: >-\n              Many noted",
                "            text: >- Many noted\n              Many noted",
            )
        ),
        (
            "roadmap.yaml:58:19: YAML syntax error: text follows '>-' on the same line\n"
            "    hint: '>-' starts text on the lines below: move the text to the next line, indented under the key, or remove '>-'\n"
            "1 error found; nothing was written."
        ),
    ),
    Case(
        "syntax-bad-escape",
        "a backslash inside double quotes",
        edit(("    name: NGOs and civil society", '    name: "NGOs and civil society (see C:\\Docs)"')),
        (
            "roadmap.yaml:30:42: YAML syntax error: '\\D' is not allowed inside double quotes\n"
            "    hint: a backslash inside double quotes starts an escape: write \\\\ for one backslash, or use single quotes around the value\n"
            "1 error found; nothing was written."
        ),
    ),
    Case(
        "duplicate-key",
        "the same key twice in one priority (YAML would keep the last silently)",
        edit(("        support: one\n", "        support: one\n        support: many\n")),
        (
            "roadmap.yaml:43:9: duplicate key 'support': it is already set on line 42\n"
            "    hint: keep one of the two; YAML would silently drop the first\n"
            "1 error found; nothing was written."
        ),
    ),
    Case(
        "duplicate-key-top-level",
        "a second 'themes:' at the top",
        lambda base: (base + "themes: []\n").encode(),
        (
            "roadmap.yaml:87:1: duplicate key 'themes': it is already set on line 32\n"
            "    hint: keep one of the two; YAML would silently drop the first\n"
            "1 error found; nothing was written."
        ),
    ),
    Case(
        "empty-file",
        "an empty file",
        lambda base: b"",
        (
            "roadmap.yaml:1:1: the file is empty\n"
            "    hint: start from the roadmap.yaml in the repository; see the editing guide\n"
            "1 error found; nothing was written."
        ),
    ),
    Case(
        "only-comments",
        "a file of comments only",
        lambda base: b"# roadmap\n\n# to do\n",
        (
            "roadmap.yaml:1:1: the file is empty\n"
            "    hint: start from the roadmap.yaml in the repository; see the editing guide\n"
            "1 error found; nothing was written."
        ),
    ),
    Case(
        "root-is-a-list",
        "a list instead of fields",
        lambda base: b"- themes\n- actors\n",
        (
            "roadmap.yaml:1:1: the file must consist of fields such as 'version:' and 'themes:', not a list\n"
            "    hint: start from the roadmap.yaml in the repository; see the editing guide\n"
            "1 error found; nothing was written."
        ),
    ),
    Case(
        "root-is-text",
        "a line of text instead of fields",
        lambda base: b"The R2P roadmap\n",
        (
            "roadmap.yaml:1:1: the file must consist of fields such as 'version:' and 'themes:', not text\n"
            "    hint: start from the roadmap.yaml in the repository; see the editing guide\n"
            "1 error found; nothing was written."
        ),
    ),
    Case(
        "two-documents",
        "a second YAML document after '---'",
        lambda base: (base + "---\nthemes: []\n").encode(),
        (
            "roadmap.yaml:88:1: the file holds more than one YAML document\n"
            "    hint: remove the '---' line and everything after it that is not roadmap\n"
            "1 error found; nothing was written."
        ),
    ),
    Case(
        "missing-required-field",
        "a priority without its support level",
        edit(("        support: one\n", "")),
        (
            "roadmap.yaml:39:9: themes[1].priorities[1]: missing required field 'support'\n"
            "    hint: add it to this entry, for example: support: many\n"
            "1 error found; nothing was written."
        ),
    ),
    Case(
        "missing-field-swallowed-by-text",
        "'paragraph:' indented as part of the folded quote above it",
        edit(("            paragraph: 4\n", "              paragraph: 4\n")),
        (
            "roadmap.yaml:45:13: themes[1].priorities[1].quotes[1]: missing required field 'paragraph'\n"
            "    hint: 'paragraph:' is indented further than 'text:', so it became part of the text of 'text'; line it up\n"
            "1 error found; nothing was written."
        ),
    ),
    Case(
        "unknown-field-typo",
        "a misspelt field name",
        edit(("        quotes:\n          - id: sustained", "        qoutes:\n          - id: sustained")),
        (
            "roadmap.yaml:44:9: themes[1].priorities[1].qoutes: unknown field 'qoutes'\n"
            "    hint: did you mean 'quotes'?\n"
            "1 error found; nothing was written."
        ),
    ),
    Case(
        "unknown-field",
        "a field the schema does not have",
        edit(("    abbr: GA\n", "    abbr: GA\n    website: https://www.un.org/en/ga/\n")),
        (
            "roadmap.yaml:27:5: actors[1].website: unknown field 'website'\n"
            "    hint: allowed fields: abbr, description, id, keywords, name\n"
            "1 error found; nothing was written."
        ),
    ),
    Case(
        "wrong-type-text-for-number",
        "a paragraph number written as a word",
        edit(("paragraph: 8", "paragraph: eight")),
        (
            "roadmap.yaml:77:24: themes[2].priorities[1].quotes[1].paragraph: expected a whole number, found text\n"
            "    hint: write a whole number here, for example: 11\n"
            "1 error found; nothing was written."
        ),
    ),
    Case(
        "wrong-type-quoted-number",
        "a paragraph number in quotes",
        edit(("paragraph: 8", 'paragraph: "8"')),
        (
            "roadmap.yaml:77:24: themes[2].priorities[1].quotes[1].paragraph: expected a whole number, found text\n"
            "    hint: remove the quotes: paragraph: 8\n"
            "1 error found; nothing was written."
        ),
    ),
    Case(
        "wrong-type-text-for-list",
        "actors given as one name instead of a list",
        edit(("actors: [general-assembly]", "actors: general-assembly")),
        (
            "roadmap.yaml:43:17: themes[1].priorities[1].actors: expected a list, found text\n"
            "    hint: write a list here, for example: [un-security-council, p5]\n"
            "1 error found; nothing was written."
        ),
    ),
    Case(
        "wrong-type-fields-for-text",
        "a text given as fields",
        edit(
            (
                "        text: Recognise the role of NGOs and support civil society initiatives.\n",
                "        text:\n          en: Recognise the role of NGOs\n",
            )
        ),
        (
            "roadmap.yaml:54:11: themes[1].priorities[2].text: expected text, found a group of fields (key: value lines)\n"
            "    hint: write text here\n"
            "1 error found; nothing was written."
        ),
    ),
    Case(
        "short-title-markup",
        "a short title with & and straight double quotes, which would name the page",
        edit(("short_title: Political leadership", 'short_title: Politics & "leadership"')),
        (
            "roadmap.yaml:36:18: themes[1].short_title: '\"' and '&' cannot be used here\n"
            "    hint: short titles name pages in the browser and the navigation: write 'and' instead of '&', use curly quotes “ ” instead of \", and leave out < and >\n"
            "1 error found; nothing was written."
        ),
    ),
    Case(
        "empty-value",
        "a field with nothing after its ':'",
        edit(("    name: NGOs and civil society", "    name:")),
        (
            "roadmap.yaml:30:10: actors[3].name: expected text, found nothing\n"
            "    hint: write the value after 'name:', for example: name: African Union\n"
            "1 error found; nothing was written."
        ),
    ),
    Case(
        "value-starting-with-hash",
        "an unquoted value that starts with '#', which YAML reads as a comment",
        edit(("short_title: Political leadership", "short_title: #1 Political leadership")),
        (
            "roadmap.yaml:36:17: themes[1].short_title: expected text, found nothing\n"
            '    hint: YAML reads everything after # as a comment; put the value in quotes: short_title: "#1 Political leadership"\n'
            "1 error found; nothing was written."
        ),
    ),
    Case(
        "blank-text",
        "a text of spaces only",
        edit(("    name: NGOs and civil society", '    name: "   "')),
        (
            "roadmap.yaml:30:11: actors[3].name: must not be empty\n"
            "    hint: write some text\n"
            "1 error found; nothing was written."
        ),
    ),
    Case(
        "support-level-typo",
        "a misspelt support level",
        edit(("        support: one", "        support: sevral")),
        (
            "roadmap.yaml:42:18: themes[1].priorities[1].support: 'sevral' is not a valid value\n"
            "    hint: did you mean 'several'? valid values: all, consensus, many, several, some, few, one, unattributed\n"
            "1 error found; nothing was written."
        ),
    ),
    Case(
        "empty-list",
        "a theme with no priorities",
        lambda base: (base.split("    priorities:\n      - id: ongoing-outreach")[0] + "    priorities: []\n").encode(),
        (
            "roadmap.yaml:68:17: themes[2].priorities: must not be empty\n"
            "    hint: add at least one entry\n"
            "1 error found; nothing was written."
        ),
    ),
    Case(
        "title-too-long",
        "a priority title over 120 characters",
        edit(
            (
                "        title: Support NGOs and civil society",
                "        title: " + "Support NGOs and civil society, " * 4 + "and more",
            )
        ),
        (
            "roadmap.yaml:52:16: themes[1].priorities[2].title: is 136 characters long; the limit is 120\n"
            "    hint: shorten it\n"
            "1 error found; nothing was written."
        ),
    ),
    Case(
        "actor-listed-twice",
        "the same actor twice in a priority",
        edit(("actors: [general-assembly, ministers]", "actors: [general-assembly, general-assembly]")),
        (
            "roadmap.yaml:73:17: themes[2].priorities[1].actors: lists the same entry twice\n"
            "    hint: remove the repeated entry\n"
            "1 error found; nothing was written."
        ),
    ),
    Case(
        "paragraph-zero",
        "paragraph 0",
        edit(("paragraph: 8", "paragraph: 0")),
        (
            "roadmap.yaml:77:24: themes[2].priorities[1].quotes[1].paragraph: 0 is too small; the smallest allowed is 1\n"
            "    hint: numbers here start at 1\n"
            "1 error found; nothing was written."
        ),
    ),
    Case(
        "text-of-record-missing",
        "a text of record that does not exist",
        edit(("text_of_record: source/r2p-roadmap-2009-09-25.md", "text_of_record: source/roadmap.md")),
        (
            "roadmap.yaml:13:19: source.text_of_record: file 'source/roadmap.md' does not exist\n"
            "    hint: give the path relative to roadmap.yaml\n"
            "1 error found; nothing was written."
        ),
    ),
    Case(
        "duplicate-id",
        "a quote id that a priority already uses",
        edit(("          - id: ongoing-outreach-emphasis", "          - id: sustained-advocacy")),
        (
            "roadmap.yaml:75:17: themes[2].priorities[1].quotes[1].id: duplicate id 'sustained-advocacy': already used on line 39\n"
            "    hint: ids must be unique across the whole roadmap; choose another\n"
            "1 error found; nothing was written."
        ),
    ),
    Case(
        "id-not-a-slug",
        "an id with capitals, an underscore and a space",
        edit(("  - id: norm-through-practice", "  - id: Norm_Through Practice")),
        (
            "roadmap.yaml:63:9: themes[2].id: 'Norm_Through Practice' is not a valid id\n"
            "    hint: use lowercase letters, digits and single hyphens, such as 'norm-through-practice'\n"
            "1 error found; nothing was written."
        ),
    ),
    Case(
        "unknown-actor-close-match",
        "an actor id with a letter missing",
        edit(("actors: [general-assembly, ministers]", "actors: [general-assembly, minister]")),
        (
            "roadmap.yaml:73:36: themes[2].priorities[1].actors[2]: unknown actor 'minister'\n"
            "    hint: did you mean 'ministers'? actor ids are listed under 'actors:' on line 23\n"
            "1 error found; nothing was written."
        ),
    ),
    Case(
        "unknown-actor",
        "an actor id that is not in the actors list",
        edit(("actors: [general-assembly, ministers]", "actors: [general-assembly, security-council]")),
        (
            "roadmap.yaml:73:36: themes[2].priorities[1].actors[2]: unknown actor 'security-council'\n"
            "    hint: actor ids are listed under 'actors:' on line 23\n"
            "1 error found; nothing was written."
        ),
    ),
    Case(
        "theme-number-gap",
        "themes numbered 1 and 3",
        edit(("    number: 2", "    number: 3")),
        (
            "roadmap.yaml:64:13: themes[2].number: theme number 3 is out of sequence\n"
            "    hint: themes are numbered 1, 2, 3 … in the order listed, without gaps: this one is 2\n"
            "1 error found; nothing was written."
        ),
    ),
    Case(
        "misquote",
        "one word of a quote changed",
        edit(
            (
                "Rather, emphasis was put on the need for ongoing outreach.",
                "Rather, emphasis was put on the need for continued outreach.",
            )
        ),
        (
            "roadmap.yaml:76:19: themes[2].priorities[1].quotes[1].text: the quote is not in the text of record ('continued' where the source has 'ongoing')\n"
            "    hint: closest passage, paragraph 8: “Rather, emphasis was put on the need for ongoing outreach.”; copy the words exactly\n"
            "1 error found; nothing was written."
        ),
    ),
    Case(
        "misquote-words-missing",
        "a quote with words left out",
        edit(
            (
                "Rather, emphasis was put on the need for ongoing outreach.",
                "Rather, emphasis was put on ongoing outreach.",
            )
        ),
        (
            "roadmap.yaml:76:19: themes[2].priorities[1].quotes[1].text: the quote is not in the text of record (the source has 'the need for' after 'on')\n"
            "    hint: closest passage, paragraph 8: “Rather, emphasis was put on the need for ongoing outreach.”; copy the words exactly\n"
            "1 error found; nothing was written."
        ),
    ),
    Case(
        "quote-wrong-paragraph",
        "a verbatim quote with the number of the next paragraph",
        edit(("            paragraph: 8", "            paragraph: 9")),
        (
            "roadmap.yaml:77:24: themes[2].priorities[1].quotes[1].paragraph: the quote is in paragraph 8, not 9\n"
            "    hint: set paragraph: 8\n"
            "1 error found; nothing was written."
        ),
    ),
    Case(
        "quote-paragraph-does-not-exist",
        "a paragraph number past the end of the text of record",
        edit(("            paragraph: 8", "            paragraph: 99")),
        (
            "roadmap.yaml:77:24: themes[2].priorities[1].quotes[1].paragraph: the quote is in paragraph 8, and paragraph 99 does not exist\n"
            "    hint: set paragraph: 8\n"
            "1 error found; nothing was written."
        ),
    ),
    Case(
        "support-not-backed",
        "support 'many' on a priority whose quote says 'One participant'",
        edit(("        support: one", "        support: many")),
        (
            "roadmap.yaml:42:18: themes[1].priorities[1].support: support 'many' is not backed by a quote: none contains 'many participants', 'many noted', 'many stressed'\n"
            "    hint: its quotes say “One participant” (one); set support to that level, or add a quote that states 'many'\n"
            "1 error found; nothing was written."
        ),
    ),
    Case(
        "support-not-backed-unattributed",
        "support 'consensus' on a priority whose quote names no one",
        edit(("        support: unattributed", "        support: consensus")),
        (
            "roadmap.yaml:72:18: themes[2].priorities[1].support: support 'consensus' is not backed by a quote: none contains 'something of a consensus', 'widespread agreement'\n"
            "    hint: add the quote that states how many participants made the point, or use 'unattributed'\n"
            "1 error found; nothing was written."
        ),
    ),
    Case(
        "anchor",
        "an anchor on an actor id",
        edit(("  - id: ministers\n", "  - id: &m ministers\n")),
        (
            "roadmap.yaml:27:9: the anchor '&m' is not allowed\n"
            "    hint: roadmap.yaml does not use YAML anchors, aliases or merge keys: write the value out in full; text that starts with '&' or '*' must be in quotes\n"
            "1 error found; nothing was written."
        ),
    ),
    Case(
        "alias",
        "an alias used as an actor reference",
        edit(("actors: [general-assembly, ministers]", "actors: [general-assembly, *m]")),
        (
            "roadmap.yaml:73:36: the alias '*m' is not allowed\n"
            "    hint: roadmap.yaml does not use YAML anchors, aliases or merge keys: write the value out in full; text that starts with '&' or '*' must be in quotes\n"
            "1 error found; nothing was written."
        ),
    ),
    Case(
        "merge-key",
        "a merge key in an actor",
        edit(("  - id: ngos-civil-society\n", "  - <<: {abbr: NGOs}\n    id: ngos-civil-society\n")),
        (
            "roadmap.yaml:29:5: the merge key '<<' is not allowed\n"
            "    hint: roadmap.yaml does not use YAML anchors, aliases or merge keys: write the value out in full; text that starts with '&' or '*' must be in quotes\n"
            "1 error found; nothing was written."
        ),
    ),
    Case(
        "billion-laughs",
        "ten levels of ten aliases that would expand to ten billion strings",
        lambda base: BILLION_LAUGHS,
        (
            "roadmap.yaml:1:7: the anchor '&lol0' is not allowed\n"
            "    hint: roadmap.yaml does not use YAML anchors, aliases or merge keys: write the value out in full; text that starts with '&' or '*' must be in quotes\n"
            "1 error found; nothing was written."
        ),
    ),
    Case(
        "yaml-tag",
        "a Python object tag",
        edit(("    abbr: GA", "    abbr: !!python/object/apply:os.system [ls]")),
        (
            "roadmap.yaml:26:11: the YAML tag '!!python/object/apply:os.system' is not allowed\n"
            "    hint: remove it: roadmap.yaml needs no tags; text that starts with '!' must be in quotes\n"
            "1 error found; nothing was written."
        ),
    ),
    Case(
        "deep-nesting",
        "lists nested 200 deep",
        lambda base: ("themes: " + "[" * 200 + "]" * 200 + "\n").encode(),
        (
            "roadmap.yaml:1:40: the values are nested more than 32 levels deep\n"
            "    hint: the roadmap needs at most seven levels; check the indentation and the [ ] and { } brackets\n"
            "1 error found; nothing was written."
        ),
    ),
    Case(
        "trap-no",
        "the abbreviation 'no' unquoted",
        edit(("    abbr: GA", "    abbr: no")),
        (
            "roadmap.yaml:26:11: actors[1].abbr: expected text, found false (yes/no)\n"
            '    hint: YAML reads the unquoted no as false (yes/no); put it in quotes: "no"\n'
            "1 error found; nothing was written."
        ),
    ),
    Case(
        "trap-on",
        "the word 'on' unquoted",
        edit(("short_title: Political leadership", "short_title: on")),
        (
            "roadmap.yaml:36:18: themes[1].short_title: expected text, found true (yes/no)\n"
            '    hint: YAML reads the unquoted on as true (yes/no); put it in quotes: "on"\n'
            "1 error found; nothing was written."
        ),
    ),
    Case(
        "trap-date",
        "an unquoted date",
        edit(('updated: "2026-11-26"', "updated: 2026-11-26")),
        (
            "roadmap.yaml:5:10: updated: expected text, found the date 2026-11-26\n"
            '    hint: YAML reads the unquoted 2026-11-26 as the date 2026-11-26; put it in quotes: "2026-11-26"\n'
            "1 error found; nothing was written."
        ),
    ),
    Case(
        "trap-1e3",
        "1e3, which YAML 1.2 tools read as the number 1000",
        edit(("    abbr: GA", "    abbr: 1e3")),
        (
            "roadmap.yaml:26:11: actors[1].abbr: expected text, found the number 1000.0\n"
            '    hint: YAML reads the unquoted 1e3 as the number 1000.0; put it in quotes: "1e3"\n'
            "1 error found; nothing was written."
        ),
    ),
    Case(
        "trap-version-number",
        "an unquoted version, read as a number",
        edit(('version: "1.0.0"', "version: 1.0")),
        (
            "roadmap.yaml:4:10: version: expected text, found the number 1.0\n"
            '    hint: YAML reads the unquoted 1.0 as the number 1.0; put it in quotes: "1.0"\n'
            "1 error found; nothing was written."
        ),
    ),
    Case(
        "byte-order-mark",
        "a UTF-8 byte-order mark",
        lambda base: b"\xef\xbb\xbf" + base.encode(),
        (
            "roadmap.yaml:1:1: the file starts with a byte-order mark (BOM)\n"
            "    hint: save the file as UTF-8 without BOM (in VS Code: 'Save with Encoding' > 'UTF-8')\n"
            "1 error found; nothing was written."
        ),
    ),
    Case(
        "not-utf8",
        "a Latin-1 é",
        lambda base: base.encode().replace(b"civil society", b"soci\xe9t\xe9 civile"),
        (
            "roadmap.yaml:30:24: byte 0xe9 is not valid UTF-8\n"
            "    hint: save the file as UTF-8; retype the character at this position\n"
            "1 error found; nothing was written."
        ),
    ),
    Case(
        "too-large",
        "a file over 512 KiB",
        lambda base: base.encode() + (b"# " + b"padding " * 200 + b"\n") * 400,
        (
            "roadmap.yaml:1:1: the file is 644,758 bytes; the limit is 524,288 bytes (512 KiB)\n"
            "    hint: the roadmap is far smaller than this: check that this is the right file, and remove what was pasted by mistake\n"
            "1 error found; nothing was written."
        ),
    ),
    Case(
        "too-many-values",
        "a list of 20,001 values",
        lambda base: ("themes:\n" + "- x\n" * 20_001).encode(),
        (
            "roadmap.yaml:19999:3: the file holds more than 20,000 values\n"
            "    hint: the roadmap needs far fewer: check that this is the right file, and remove what was pasted by mistake\n"
            "1 error found; nothing was written."
        ),
    ),
    Case(
        "control-character",
        "a backspace character inside a name",
        edit(("    name: NGOs and civil society", "    name: NGOs and\b civil society")),
        (
            "roadmap.yaml:30:19: an invisible control character (U+0008) is not allowed\n"
            "    hint: delete it: most editors do not show it, so delete and retype the text around this position\n"
            "1 error found; nothing was written."
        ),
    ),
    Case(
        "line-separator",
        "a Unicode line separator pasted into a summary",
        edit(("rather than by rhetoric.", "rather than by rhetoric.\u2028")),
        (
            "roadmap.yaml:67:82: the invisible character LINE SEPARATOR (U+2028) is not allowed\n"
            "    hint: delete it: most editors do not show it, so delete and retype the text around this position\n"
            "1 error found; nothing was written."
        ),
    ),
    Case(
        "noncharacter",
        "the noncharacter U+FFFE, which YAML cannot read",
        edit(("    abbr: GA", "    abbr: G\ufffeA")),
        (
            "roadmap.yaml:26:12: the character U+FFFE, which is not text, is not allowed\n"
            "    hint: delete it: most editors do not show it, so delete and retype the text around this position\n"
            "1 error found; nothing was written."
        ),
    ),
    Case(
        "line-too-long",
        "a line of 6,000 characters",
        edit(("    name: NGOs and civil society", "    name: NGOs and civil society" + " and more" * 663)),
        (
            "roadmap.yaml:30:2001: the line is 5,999 characters long; the limit is 2,000\n"
            "    hint: write long text on several lines: put '>-' after the key and the text on the lines below it, indented\n"
            "1 error found; nothing was written."
        ),
    ),
    Case(
        "many-errors-sorted-by-line",
        "four mistakes found by different checks, reported in line order",
        edit(
            ("  - id: ministers\n    name: Ministers", "  - id: ministers\n    nam: Ministers"),
            ("        support: one", "        support: many"),
            ("actors: [general-assembly, ministers]", "actors: [general-assembly, minister]"),
            (
                "Rather, emphasis was put on the need for ongoing outreach.",
                "Rather, emphasis was put on the need for continued outreach.",
            ),
        ),
        (
            "roadmap.yaml:28:5: actors[2].nam: unknown field 'nam'\n"
            "    hint: did you mean 'name'?\n"
            "roadmap.yaml:42:18: themes[1].priorities[1].support: support 'many' is not backed by a quote: none contains 'many participants', 'many noted', 'many stressed'\n"
            "    hint: its quotes say “One participant” (one); set support to that level, or add a quote that states 'many'\n"
            "roadmap.yaml:73:36: themes[2].priorities[1].actors[2]: unknown actor 'minister'\n"
            "    hint: did you mean 'ministers'? actor ids are listed under 'actors:' on line 23\n"
            "roadmap.yaml:76:19: themes[2].priorities[1].quotes[1].text: the quote is not in the text of record ('continued' where the source has 'ongoing')\n"
            "    hint: closest passage, paragraph 8: “Rather, emphasis was put on the need for ongoing outreach.”; copy the words exactly\n"
            "4 errors found; nothing was written."
        ),
    ),
    Case(
        "paragraph-not-whole",
        "a paragraph number written with a decimal point",
        edit(("            paragraph: 4\n", "            paragraph: 4.0\n")),
        (
            "roadmap.yaml:50:24: themes[1].priorities[1].quotes[1].paragraph: expected a whole number, found the number 4.0\n"
            "    hint: write it as a whole number, without a decimal point or exponent: paragraph: 4\n"
            "1 error found; nothing was written."
        ),
    ),
    Case(
        "paragraph-exponent",
        "a paragraph number written as 1e0",
        edit(("      paragraph: 1\n", "      paragraph: 1e0\n")),
        (
            "roadmap.yaml:21:18: meeting.progress[1].paragraph: expected a whole number, found the number 1.0\n"
            "    hint: write it as a whole number, without a decimal point or exponent: paragraph: 1\n"
            "1 error found; nothing was written."
        ),
    ),
    Case(
        "lone-surrogate",
        "an escape for half of a character",
        edit(("    name: NGOs and civil society", '    name: "NGOs \\ud800 and civil society"')),
        (
            "roadmap.yaml:30:11: the character U+D800, which is not text, is not allowed\n"
            "    hint: delete it: most editors do not show it, so delete and retype the text around this position\n"
            "1 error found; nothing was written."
        ),
    ),
    Case(
        "escaped-nul",
        "an escape for the NUL character",
        edit(("    name: NGOs and civil society", '    name: "NGOs\\0 and civil society"')),
        (
            "roadmap.yaml:30:11: an invisible control character (U+0000) is not allowed\n"
            "    hint: delete it: most editors do not show it, so delete and retype the text around this position\n"
            "1 error found; nothing was written."
        ),
    ),
    Case(
        "bidi-override",
        "a right-to-left override in a summary",
        edit(("Ministers met to agree", "Ministers \u202emet to agree")),
        (
            "roadmap.yaml:17:22: the invisible character RIGHT-TO-LEFT OVERRIDE (U+202E) is not allowed\n"
            "    hint: delete it: most editors do not show it, so delete and retype the text around this position\n"
            "1 error found; nothing was written."
        ),
    ),
    Case(
        "id-trailing-newline",
        "an id that ends in a line break",
        edit(("  - id: ministers\n", '  - id: "ministers\\n"\n')),
        (
            "roadmap.yaml:27:9: actors[2].id: 'ministers\\n' has a space or line break before or after it\n"
            "    hint: write it without them: ministers\n"
            "1 error found; nothing was written."
        ),
    ),
    Case(
        "id-trailing-space",
        "an id that ends in a space",
        edit(("      - id: sustained-advocacy\n", '      - id: "sustained-advocacy "\n')),
        (
            "roadmap.yaml:39:13: themes[1].priorities[1].id: 'sustained-advocacy ' has a space or line break before or after it\n"
            "    hint: write it without them: sustained-advocacy\n"
            "1 error found; nothing was written."
        ),
    ),
    Case(
        "impossible-date",
        "a date the calendar does not have",
        edit(('updated: "2026-11-26"', "updated: 2026-02-30")),
        (
            "roadmap.yaml:5:10: updated: '2026-02-30' is not a real date\n"
            "    hint: write a date of the calendar as YYYY-MM-DD\n"
            "1 error found; nothing was written."
        ),
    ),
    Case(
        "reserved-id",
        "a theme id the site uses for a page of its own",
        edit(("  - id: political-leadership\n", "  - id: actors\n")),
        (
            "roadmap.yaml:33:9: themes[1].id: 'actors' is a name the site itself uses for a page, a folder or an anchor\n"
            "    hint: choose another id; the site uses 404, about, actors, assets, briefing, briefing-pack, cite, columns, consensus, consensus-map, data, derivation, document, downloads, editing, fields, glossary, home, index, levels, performance, progress, provenance, quote-explorer, quotes, search, site, sitemap, source, support-levels, table, themes, use, what-is-r2p, withdrawn, and ids of the forms section-3, fields-…, consensus-map-… and r2p-qx-…\n"
            "1 error found; nothing was written."
        ),
    ),
    Case(
        "path-out-of-repository",
        "a text of record outside the repository",
        edit(
            (
                "  text_of_record: source/r2p-roadmap-2009-09-25.md",
                "  text_of_record: ../source/r2p-roadmap-2009-09-25.md",
            )
        ),
        (
            "roadmap.yaml:13:19: source.text_of_record: '../source/r2p-roadmap-2009-09-25.md' is not a path inside the repository\n"
            "    hint: give a path relative to roadmap.yaml, inside the repository, such as source/record.md\n"
            "1 error found; nothing was written."
        ),
    ),
    Case(
        "absolute-path",
        "an absolute path to the raw extraction",
        edit(("  raw_extraction: source/raw/r2p-roadmap-roundtable-2009-09-25.txt", "  raw_extraction: /etc/passwd")),
        (
            "roadmap.yaml:14:19: source.raw_extraction: '/etc/passwd' is not a path inside the repository\n"
            "    hint: give a path relative to roadmap.yaml, inside the repository, such as source/record.md\n"
            "1 error found; nothing was written."
        ),
    ),
    Case(
        "path-with-space",
        "a file name with a space",
        edit(("  text_of_record: source/r2p-roadmap-2009-09-25.md", "  text_of_record: source/r2p roadmap.md")),
        (
            "roadmap.yaml:13:19: source.text_of_record: 'source/r2p roadmap.md' has a character that a file name here cannot have\n"
            "    hint: use letters, digits, '-', '_' and '.' in file names, and '/' between folders (no spaces)\n"
            "1 error found; nothing was written."
        ),
    ),
    Case(
        "quote-too-long",
        "a quote longer than any paragraph",
        edit(
            (
                "      text: This offered a solid footing",
                "      text: >-\n"
                + "        word word word word word word word word word word word word word word word\n" * 30
                + "        This offered a solid footing",
            )
        ),
        (
            "roadmap.yaml:20:13: meeting.progress[1].text: is 2,351 characters long; the limit is 2,000\n"
            "    hint: shorten it\n"
            "1 error found; nothing was written."
        ),
    ),
    Case(
        "glossary-duplicate-term",
        "a glossary term listed twice",
        edit(("  - term: 2005 commitment\n", "  - term: R2P\n")),
        (
            "roadmap.yaml:85:11: glossary[2].term: duplicate term 'R2P': already listed on line 80\n"
            "    hint: remove one of the two\n"
            "1 error found; nothing was written."
        ),
    ),
    Case(
        "glossary-actor-abbreviation",
        "a glossary term that is already an actor's abbreviation",
        edit(("  - term: 2005 commitment\n", "  - term: GA\n")),
        (
            "roadmap.yaml:85:11: glossary[2].term: 'GA' is the abbreviation of the actor on line 26\n"
            "    hint: remove this entry: the actor’s name and description explain it on the pages and the Glossary page\n"
            "1 error found; nothing was written."
        ),
    ),
    Case(
        "glossary-term-unused",
        "a glossary term that no page uses",
        edit(("  - term: 2005 commitment\n", "  - term: ICISS\n")),
        (
            "roadmap.yaml:85:11: glossary[2].term: 'ICISS' is used on no page: neither the text of roadmap.yaml nor the text of record has it\n"
            "    hint: write the term as the pages do, capitals included, or remove the entry\n"
            "1 error found; nothing was written."
        ),
    ),
    Case(
        "glossary-term-wrong-capitals",
        "a glossary term written with capitals the pages do not use",
        edit(("  - term: 2005 commitment\n", "  - term: 2005 Commitment\n")),
        (
            "roadmap.yaml:85:11: glossary[2].term: '2005 Commitment' is used on no page: neither the text of roadmap.yaml nor the text of record has it\n"
            "    hint: the pages write '2005 commitment': write the term as they do, capitals included\n"
            "1 error found; nothing was written."
        ),
    ),
    Case(
        "glossary-definition-missing",
        "a glossary term without its definition",
        edit(("    definition: The commitment to R2P made at the 2005 World Summit.\n", "")),
        (
            "roadmap.yaml:85:5: glossary[2]: missing required field 'definition'\n"
            "    hint: add 'definition:' to this entry; see the editing guide for an example\n"
            "1 error found; nothing was written."
        ),
    ),
    Case(
        "glossary-term-markup",
        "a glossary term with a bracket",
        edit(("  - term: 2005 commitment\n", '  - term: "[2005] commitment"\n')),
        (
            "roadmap.yaml:85:11: glossary[2].term: '[2005] commitment' is not a term as the pages write it\n"
            '    hint: a term starts and ends with a letter or digit and has no < > & " [ ] or \\; write it as the text does\n'
            "1 error found; nothing was written."
        ),
    ),
    Case(
        "straight-apostrophe",
        "a straight apostrophe in a theme summary",
        edit(("support the NGOs that advance it.", "support the NGOs' work.")),
        (
            "roadmap.yaml:37:72: themes[1].summary: straight quote mark, apostrophe or hyphen for a dash: NGOs'\n"
            "    hint: write NGOs’ (the site’s own text uses “ ” for quotes, ‘ ’ inside them, ’ for an apostrophe and – for a dash)\n"
            "1 error found; nothing was written."
        ),
    ),
    Case(
        "straight-double-quotes-folded",
        "straight double quotes on the second line of a glossary definition",
        edit(("      the international community helps and,", '      the "international community" helps and,')),
        (
            'roadmap.yaml:84:11: glossary[1].definition: straight quote mark, apostrophe or hyphen for a dash: "international community"\n'
            "    hint: write “international community” (the site’s own text uses “ ” for quotes, ‘ ’ inside them, ’ for an apostrophe and – for a dash)\n"
            "1 error found; nothing was written."
        ),
    ),
    Case(
        "hyphen-for-dash",
        "a spaced hyphen for a dash in a priority text",
        edit(("so advocacy must be sustained.", "so advocacy - sustained advocacy - is needed.")),
        (
            "roadmap.yaml:41:71: themes[1].priorities[1].text: straight quote mark, apostrophe or hyphen for a dash: advocacy - sustained; advocacy - is\n"
            "    hint: write advocacy – sustained; advocacy – is (the site’s own text uses “ ” for quotes, ‘ ’ inside them, ’ for an apostrophe and – for a dash)\n"
            "1 error found; nothing was written."
        ),
    ),
)

"""Check translations/<code>.yaml against roadmap.yaml: an entry for every text, none for what does not
exist, none translated from English that has changed since, no field the English lacks, and the
typographic marks of the site's own text. The translated hand-written pages (translations/pages/<code>/)
are checked the same way against their English page in docs/: each names the fingerprint of the English
it was translated from in its front matter (`translated_from:`)."""

from __future__ import annotations

import difflib
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from ..errors import Problem, RoadmapError
from ..load import Document, Path_, decode_utf8, load_document, read_file
from ..model import Actor, PriorityText, Term, ThemeText, Translation
from ..schema import schema
from ..translations import FINGERPRINTED, fingerprint
from .schema_messages import describe_schema_error
from .structure import Validator, format_path
from .wording import EDITORIAL_FIELDS, marks_problem, strings

FOLDER = "translations"
# The hand-written pages of docs/ translated, in a folder per language (translations/pages/fr/what-is-r2p.md).
PAGES_FOLDER = f"{FOLDER}/pages"
DOCS_FOLDER = "docs"
# The front-matter line of a translated page that names the English it was made from.
_TRANSLATED_FROM = re.compile(r"^translated_from:[ \t]*(.*?)[ \t]*$", re.MULTILINE)
# What each section of a translation file holds, for messages.
KINDS = {
    "meeting": "meeting summary",
    "progress": "progress sentence",
    "actors": "actor",
    "glossary": "glossary term",
    "themes": "theme",
    "priorities": "priority",
    "quotes": "quote",
}
# Fields a translated entry has exactly when its English has them; its other FINGERPRINTED fields are required.
_OPTIONAL = {"abbr", "description", "expansion"}


def translation_file(code: str) -> str:
    """The translation file of a language, relative to roadmap.yaml's folder, as messages name it."""
    return f"{FOLDER}/{code}.yaml"


def as_typed(value: str) -> str:
    """`from: <value>` as an editor should type it: always in quotes, so that YAML never reads one that
    is made of digits (12345678, 1234e567) as a number."""
    return f'"{value}"'


@dataclass(frozen=True)
class English:
    """One English entry that every translation must have, and where roadmap.yaml has it."""

    section: str
    key: str  # the id, the English term of a glossary entry, or "" for the meeting summary
    values: dict[str, str]
    line: int
    aliases: tuple[str, ...] = ()  # earlier ids: a translation keyed by one is told to rename it

    @property
    def fingerprint(self) -> str:
        return fingerprint(*(self.values.get(name, "") for name in FINGERPRINTED[self.section]))

    @property
    def kind(self) -> str:
        return KINDS[self.section]


def english_entries(document: Document) -> list[English]:
    """Every entry a translation needs, in the order of roadmap.yaml (which has passed its checks)."""
    data = document.data

    def entry(section: str, key: str, item: dict[str, Any], path: Path_) -> English:
        values = {name: item[name] for name in FINGERPRINTED[section] if isinstance(item.get(name), str)}
        aliases = tuple(alias for alias in item.get("aliases", ()) if isinstance(alias, str))
        return English(section, key, values, document.key_mark(path)[0], aliases)

    found = [entry("meeting", "", data["meeting"], ("meeting", "summary"))]
    for index, quote in enumerate(data["meeting"]["progress"]):
        found.append(entry("progress", quote["id"], quote, ("meeting", "progress", index, "text")))
    for index, actor in enumerate(data["actors"]):
        found.append(entry("actors", actor["id"], actor, ("actors", index, "id")))
    for index, term in enumerate(data.get("glossary", ())):
        found.append(entry("glossary", term["term"], term, ("glossary", index, "term")))
    for t_index, theme in enumerate(data["themes"]):
        found.append(entry("themes", theme["id"], theme, ("themes", t_index, "id")))
    for t_index, theme in enumerate(data["themes"]):
        for p_index, priority in enumerate(theme["priorities"]):
            found.append(
                entry("priorities", priority["id"], priority, ("themes", t_index, "priorities", p_index, "id"))
            )
    for t_index, theme in enumerate(data["themes"]):
        for p_index, priority in enumerate(theme["priorities"]):
            for q_index, quote in enumerate(priority["quotes"]):
                path = ("themes", t_index, "priorities", p_index, "quotes", q_index, "text")
                found.append(entry("quotes", quote["id"], quote, path))
    return found


@cache
def _validator() -> Any:
    return Validator({"$ref": "#/$defs/translation", "$defs": schema()["$defs"]})


@dataclass
class Checked:
    """The outcome of checking one translation file: its problems, how many entries are missing or out
    of date, and the translation when there is no problem."""

    code: str
    problems: list[Problem] = field(default_factory=list)
    counts: Counter[str] = field(default_factory=Counter)
    translation: Translation | None = None


class _TranslationChecker:
    def __init__(self, document: Document, code: str, english: list[English], english_file: str) -> None:
        self.document, self.code, self.english, self.english_file = document, code, english, english_file
        self.checked = Checked(code)

    def add(self, path: Path_, message: str, hint: str, *, kind: str = "other", at_key: bool = False) -> None:
        line, column = self.document.key_mark(path) if at_key else self.document.mark(path)
        self.checked.problems.append(Problem(line, column, format_path(path), message, hint, self.document.file))
        self.checked.counts[kind] += 1

    def entries(self, section: str) -> dict[str, tuple[Path_, Any]]:
        """The entries of a section of the file, by key, with their paths."""
        value = self.document.data.get(section)
        if section == "meeting":
            return {"": ((section,), value)} if value is not None else {}
        return {key: ((section, key), item) for key, item in value.items()} if isinstance(value, dict) else {}

    def check(self) -> Checked:
        data = self.document.data
        if not isinstance(data, dict):
            self.add(
                (),
                "the file must consist of fields such as 'language:' and 'quotes:'",
                "see the editing guide, Translations, for how a translation file is written",
            )
            return self.checked
        self.check_schema()
        if data.get("language") != self.code and isinstance(data.get("language"), str):
            self.add(
                ("language",),
                f"'{data['language']}' is not the language of this file",
                f"the file is {translation_file(self.code)}: write language: {self.code}",
            )
        by_section: dict[str, list[English]] = {}
        for entry in self.english:
            by_section.setdefault(entry.section, []).append(entry)
        for section in KINDS:
            self.check_section(section, by_section.get(section, []))
        self.check_marks()
        if not self.checked.problems:
            self.checked.translation = _build(self.code, data)
        return self.checked

    def check_schema(self) -> None:
        for error in _validator().iter_errors(self.document.data):
            for path, message, hint, at_key in describe_schema_error(error, self.document, schema()):
                # A missing or malformed 'from:' is reported by the fingerprint check, with the right value.
                if path[-1:] == ("from",) or message == "missing required field 'from'":
                    continue
                self.add(path, message, hint, at_key=at_key)

    def check_section(self, section: str, english: list[English]) -> None:
        entries = self.entries(section)
        known = [entry.key for entry in english]
        # An entry whose id is a typo is reported once, as unknown, with "did you mean" the missing id.
        meant = set()
        for key, (path, _) in entries.items():
            if key not in known:
                meant.update(self.unknown(section, key, path, known))
        previous = ""
        for entry in english:
            if entry.key in entries:
                path, item = entries[entry.key]
                if isinstance(item, dict):
                    self.check_entry(entry, path, item)
                previous = entry.key
            elif entry.key not in meant:
                self.missing(section, entry, previous)

    def missing(self, section: str, entry: English, previous: str) -> None:
        fields = [name for name in FINGERPRINTED[section] if name not in _OPTIONAL or entry.values.get(name)]
        what = f"the {entry.kind}" if section == "meeting" else f"the {entry.kind} '{entry.key}'"
        key = section if section == "meeting" else entry.key
        after = f" after '{previous}'" if previous else (f" under '{section}:'" if section != "meeting" else "")
        self.add(
            (section,),
            f"no translation of {what} ({self.english_file} line {entry.line})",
            f"add '{key}:'{after}, with from: {as_typed(entry.fingerprint)} and "
            + ", ".join(f"{name}:" for name in fields),
            kind="missing",
            at_key=True,
        )

    def unknown(self, section: str, key: str, path: Path_, known: list[str]) -> list[str]:
        """Report an entry for an id roadmap.yaml does not have; return the id it was probably meant to be."""
        kind = KINDS[section]
        elsewhere = next((e.section for e in self.english if e.key == key and e.section != section), None)
        missing = [other for other in known if other not in self.entries(section)]
        close = difflib.get_close_matches(key, missing, n=1, cutoff=0.6)
        renamed = next((e.key for e in self.english if e.section == section and key in e.aliases), None)
        if renamed is not None:
            close = [renamed]
            hint = f"roadmap.yaml renamed '{key}' to '{renamed}' (the old id is among its aliases): rename the entry"
        elif elsewhere is not None:
            hint = f"'{key}' is a {KINDS[elsewhere]}: move the entry under '{elsewhere}:'"
        elif close:
            hint = f"did you mean '{close[0]}'?"
        else:
            hint = "remove the entry, or write the id as roadmap.yaml does"
        if section == "glossary":
            message = f"'{key}' is not a term of the glossary of {self.english_file}"
            hint += "; glossary entries are keyed by the English term exactly as roadmap.yaml writes it"
        else:
            message = f"unknown {kind} id '{key}': {self.english_file} has no {kind} with this id"
        self.add(path, message, hint, at_key=True)
        return close if elsewhere is None else []

    def check_entry(self, entry: English, path: Path_, item: dict[str, Any]) -> None:
        given, expected = item.get("from"), entry.fingerprint
        where = f"the English on {self.english_file} line {entry.line}"
        if "from" not in item:
            self.add(
                path,
                "missing 'from:', the fingerprint of the English this was translated from",
                f"check the translation against {where}, then add from: {as_typed(expected)}",
                kind="stale",
                at_key=True,
            )
        elif self.document.plain_non_strings.get((*path, "from")) == expected:
            self.add(
                (*path, "from"),
                f"YAML reads the unquoted fingerprint {expected} as a number",
                f'put it in quotes: from: "{expected}"',
            )
        elif given != expected:  # a number too: YAML reads an unquoted 12345678 as one
            self.add(
                (*path, "from"),
                f"out of date: the English {entry.kind} on {self.english_file} line {entry.line} has changed "
                f"since this was translated (from {self.document.plain_non_strings.get((*path, 'from'), given)})",
                f"check that the translation says what {where} now says and correct it, "
                f"then write from: {as_typed(expected)}",
                kind="stale",
            )
        for name in _OPTIONAL & set(FINGERPRINTED[entry.section]):
            if name in item and not entry.values.get(name):
                self.add(
                    (*path, name),
                    f"the English {entry.kind} on {self.english_file} line {entry.line} has no {name}, "
                    "so its translation has none",
                    f"remove '{name}:'",
                    at_key=True,
                )
            elif name not in item and entry.values.get(name):
                self.add(
                    path,
                    f"missing '{name}': the English {entry.kind} on {self.english_file} line {entry.line} has one",
                    f"add '{name}:' with its translation",
                    kind="missing",
                    at_key=True,
                )

    def check_marks(self) -> None:
        """The translations are the site's own text, so they take its typographic marks."""
        reported = {problem.path for problem in self.checked.problems}
        for path, text in strings(self.document.data):
            if path[-1] in EDITORIAL_FIELDS and path[0] != "name":
                problem = marks_problem(self.document, path, text)
                if problem is not None and problem.path not in reported:
                    self.checked.problems.append(problem)
                    self.checked.counts["other"] += 1


def check_translation(document: Document, code: str, english: list[English], english_file: str) -> Checked:
    """Check one translation document against the English entries of roadmap.yaml."""
    return _TranslationChecker(document, code, english, english_file).check()


def read_translation(base_dir: Path, code: str) -> Document:
    """translations/<code>.yaml next to roadmap.yaml, read within the same bounds as roadmap.yaml."""
    name = translation_file(code)
    return load_document(read_file(base_dir / FOLDER / f"{code}.yaml", name), name)


def embedded_translation(document: Document, code: str) -> Document:
    """The translation into `code` that roadmap.json carries under 'translations', as a document of its own."""
    prefix = ("translations", code)
    marks = {path[2:]: mark for path, mark in document.marks.items() if path[:2] == prefix}
    key_marks = {path[2:]: mark for path, mark in document.key_marks.items() if path[:2] == prefix}
    data = document.data["translations"][code]
    return Document(data=data, file=document.file, marks=marks, key_marks=key_marks, lines=document.lines)


def check_all(
    documents: dict[str, Document | RoadmapError], english: Document
) -> tuple[dict[str, Translation], list[Problem]]:
    """Check every translation; return the translations and every problem found."""
    entries = english_entries(english)
    translations: dict[str, Translation] = {}
    problems: list[Problem] = []
    for code, document in documents.items():
        if isinstance(document, RoadmapError):
            problems.extend(document.problems)
            continue
        checked = check_translation(document, code, entries, english.file)
        problems.extend(checked.problems)
        if checked.translation is not None:
            translations[code] = checked.translation
    return translations, problems


def _keywords(item: dict[str, Any]) -> tuple[str, ...]:
    return tuple(item.get("keywords", ()))


def _build(code: str, data: dict[str, Any]) -> Translation:
    def section(name: str) -> dict[str, Any]:
        value: dict[str, Any] = data.get(name) or {}
        return value

    return Translation(
        language=code,
        name=data["name"],
        meeting_summary=data["meeting"]["summary"],
        progress={key: item["text"] for key, item in section("progress").items()},
        actors={
            key: Actor(key, a["name"], a.get("abbr", ""), a.get("description", ""), _keywords(a))
            for key, a in section("actors").items()
        },
        glossary={
            key: Term(t["term"], t["definition"], t.get("expansion", "")) for key, t in section("glossary").items()
        },
        themes={
            key: ThemeText(t["title"], t["short_title"], t["summary"], _keywords(t))
            for key, t in section("themes").items()
        },
        priorities={key: PriorityText(p["title"], p["text"], _keywords(p)) for key, p in section("priorities").items()},
        quotes={key: item["text"] for key, item in section("quotes").items()},
    )


@dataclass(frozen=True)
class Status:
    """How complete one language's translation is: entries in all, missing, out of date, other problems."""

    code: str
    entries: int
    missing: int
    stale: int
    other: int

    def describe(self) -> str:
        """One line for `r2p-roadmap translations`."""
        return (
            f"{translation_file(self.code)}: {self.entries} entries, {self.missing} missing, "
            f"{self.stale} out of date, {self.other} other problem{'s' if self.other != 1 else ''}"
        )


def translation_status(english: Document, languages: tuple[str, ...], base_dir: Path) -> list[Status]:
    """The status of each language other than English, from a roadmap.yaml that has passed its checks."""
    entries = english_entries(english)
    found = []
    for code in languages[1:]:
        try:
            counts = check_translation(read_translation(base_dir, code), code, entries, english.file).counts
        except RoadmapError as error:  # the file cannot be read as YAML: nothing in it counts
            counts = Counter(missing=len(entries), other=len(error.problems))
        found.append(Status(code, len(entries), counts["missing"], counts["stale"], counts["other"]))
    return found


def page_fingerprint(english: str) -> str:
    """What a translated page's `translated_from:` must be: the fingerprint of its English page's text."""
    return fingerprint(english.replace("\r\n", "\n"))


def check_pages(base_dir: Path, code: str) -> list[Problem]:
    """The translated hand-written pages of `code`: each must be the translation of a page of docs/, and
    say, with the English page's fingerprint, that it was made from the English as it is now."""
    folder = base_dir / PAGES_FOLDER / code
    problems: list[Problem] = []
    for page in sorted(folder.rglob("*.md")) if folder.is_dir() else ():
        name = page.relative_to(folder).as_posix()
        file, english_file = f"{PAGES_FOLDER}/{code}/{name}", f"{DOCS_FOLDER}/{name}"
        english_page = base_dir / DOCS_FOLDER / name
        if not english_page.is_file():
            problems.append(
                Problem(
                    1,
                    1,
                    "",
                    f"{english_file} does not exist, so this translation is never shown",
                    ("name the file as its English page in docs/ is named, or delete it"),
                    file,
                )
            )
            continue
        try:
            text = decode_utf8(read_file(page, file), file)
            expected = page_fingerprint(decode_utf8(read_file(english_page, english_file), english_file))
        except RoadmapError as error:
            problems.extend(error.problems)
            continue
        front = text.split("\n---", 1)[0] if text.startswith("---") else ""
        found = _TRANSLATED_FROM.search(front)
        if found is None:
            problems.append(
                Problem(
                    1,
                    1,
                    "translated_from",
                    f"the page does not say which English text of {english_file} it was translated from",
                    f"check it against {english_file}, then add to it translated_from: {as_typed(expected)}",
                    file,
                )
            )
        elif found.group(1).strip("\"'") != expected:
            line = front.count("\n", 0, found.start()) + 1
            problems.append(
                Problem(
                    line,
                    1,
                    "translated_from",
                    f"out of date: {english_file} has changed since this page was translated",
                    f"bring it up to date with {english_file}, then set translated_from: {as_typed(expected)}",
                    file,
                )
            )
    return problems

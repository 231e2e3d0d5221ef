"""Check a loaded roadmap: JSON Schema for structure, then the checks a schema cannot express."""

from __future__ import annotations

import dataclasses
import datetime
import difflib
import re
from collections.abc import Iterable, Iterator
from pathlib import Path, PurePosixPath
from typing import Any

import babel
import babel.localedata

from .. import support
from ..errors import Problem, RoadmapError
from ..load import Document, Path_, load_document, read_file
from ..model import Actor, Priority, Quote, Roadmap, Source, Term, Theme, Withdrawal, term_forms
from ..paths import RESERVED_IDS, is_reserved
from ..schema import schema
from ..source import SourceDocument, closest_passage, find_span, first_difference, load_source, normalise
from ..translations import ENGLISH
from .schema_messages import describe_schema_error
from .structure import Validator
from .structure import format_path as format_path  # scaffold names places as validate does
from .translations import FOLDER, check_all, check_pages, embedded_translation, read_translation, translation_file
from .wording import is_editorial, marks_problem, shown_text, strings

# The longest quote the schema allows; longer text cannot be a span of one paragraph.
MAX_QUOTE_CHARS: int = schema()["$defs"]["quote"]["properties"]["text"]["maxLength"]


# Fields whose values are ids or names from a fixed list: written exactly, never normalised.
_EXACT_FIELDS = {"id", "see", "support", "was", "aliases", "actors"}


class _Checker:
    """Collects problems for one document; each check appends and never raises."""

    def __init__(self, document: Document) -> None:
        self.document = document
        self.problems: list[Problem] = []

    def add(self, path: Path_, message: str, hint: str = "", *, at_key: bool = False) -> None:
        line, column = self.document.key_mark(path) if at_key else self.document.mark(path)
        self.problems.append(Problem(line, column, format_path(path), message, hint, self.document.file))

    # --- structure -------------------------------------------------------------------------

    def check_schema(self) -> None:
        for error in Validator(schema()).iter_errors(self.document.data):
            for path, message, hint, at_key in describe_schema_error(error, self.document, schema()):
                self.add(path, message, hint, at_key=at_key)

    # --- cross-checks ----------------------------------------------------------------------

    def check_exact(self) -> None:
        """Ids and fixed names are compared exactly, so a space or line break around one is a mistake."""
        for path, typed in self.document.as_typed.items():
            field = next((part for part in reversed(path) if isinstance(part, str)), "")
            if field in _EXACT_FIELDS:
                self.add(
                    path,
                    f"{typed!r} has a space or line break before or after it",
                    f"write it without them: {typed.strip()}",
                )

    def check_ids(self) -> None:
        seen: dict[str, Path_] = {}
        for path, value in self._ids():
            if value in self.languages():
                self.add(
                    path,
                    f"'{value}' is a language code of the site, which names the folder of its pages in that language",
                    "choose another id; every code of 'languages:' is reserved",
                )
            elif is_reserved(value):
                self.add(
                    path,
                    f"'{value}' is a name the site itself uses for a page, a folder or an anchor",
                    "choose another id; the site uses " + ", ".join(sorted(RESERVED_IDS)) + ", and ids of the "
                    "forms section-3, fields-…, consensus-map-… and r2p-qx-…",
                )
            elif value in seen:
                first_line, _ = self.document.mark(seen[value])
                self.add(
                    path,
                    f"duplicate id '{value}': already used on line {first_line}",
                    "ids must be unique across the whole roadmap; choose another",
                )
            else:
                seen[value] = path

    def languages(self) -> list[str]:
        """The language codes of `languages:` (the folders /fr/, /es/ of the site), English when left out."""
        listed = self.document.data.get("languages", [ENGLISH])
        return [code for code in listed if isinstance(code, str)] if isinstance(listed, list) else [ENGLISH]

    def check_languages(self, base_dir: Path) -> None:
        """English first, each code a language the site can be published in, each other one with its file."""
        listed = self.document.data.get("languages")
        if not isinstance(listed, list) or not listed:
            return  # left out (English only), or refused by the schema
        codes = self.languages()
        if listed[0] != ENGLISH:
            others = dict.fromkeys(code for code in codes if code != ENGLISH and re.fullmatch("[a-z]{2}", code))
            self.add(
                ("languages", 0),
                "English must come first: the English of roadmap.yaml is the text of record",
                f"write languages: [{', '.join([ENGLISH, *others])}]",
            )
        for index, code in enumerate(listed):
            if not isinstance(code, str) or not re.fullmatch("[a-z]{2}", code) or code in listed[:index]:
                continue  # the schema check has reported it
            if not babel.localedata.exists(code):
                self.add(
                    ("languages", index),
                    f"'{code}' is not an ISO 639-1 language code",
                    "write the language’s two-letter code, such as fr for French or es for Spanish",
                )
            elif code != ENGLISH and not (base_dir / FOLDER / f"{code}.yaml").is_file():
                name = babel.Locale.parse(code).get_display_name(ENGLISH)
                self.add(
                    ("languages", index),
                    f"no translation into {name}: {translation_file(code)} does not exist",
                    f"add {translation_file(code)} (see the editing guide, Translations), or remove {code} from "
                    "languages",
                )
        if "translations" in self.document.data and self.document.file.endswith((".yaml", ".yml")):
            self.add(
                ("translations",),
                "roadmap.yaml keeps no translations: each language has its own file, translations/<code>.yaml",
                "move each language’s entries to its file and remove 'translations:' here",
                at_key=True,
            )

    def _ids(self) -> Iterator[tuple[Path_, str]]:
        data = self.document.data
        for path, item in _items(data, ("actors",)):
            yield from _id_of(path, item)
        for path, quote in _items(data.get("meeting") if isinstance(data.get("meeting"), dict) else {}, ("progress",)):
            yield from _id_of(("meeting", *path), quote)
        for theme_path, theme in _items(data, ("themes",)):
            yield from _id_of(theme_path, theme, aliases=True)
            for priority_path, priority in _items(theme, ("priorities",), theme_path):
                yield from _id_of(priority_path, priority, aliases=True)
                for quote_path, quote in _items(priority, ("quotes",), priority_path):
                    yield from _id_of(quote_path, quote, aliases=True)

    def check_withdrawn(self) -> None:
        """Withdrawn ids are used by nothing, listed once, and point `see:` at an id still in use."""
        ids = list(self._ids())
        used = {value: path for path, value in reversed(ids)}
        live = [value for path, value in ids if path[-1] == "id"]
        owners = {value: _value_at(self.document.data, (*path[:-2], "id")) for path, value in ids if path[-1] != "id"}
        withdrawn = [(path, entry) for path, entry in _items(self.document.data, ("withdrawn",))]
        seen: dict[str, Path_] = {}
        for path, entry in withdrawn:
            value = entry.get("id")
            if not isinstance(value, str):
                continue
            if value in used:
                line, _ = self.document.mark(used[value])
                self.add(
                    (*path, "id"),
                    f"'{value}' is still in use on line {line}, so it cannot be withdrawn",
                    f"a withdrawn id is never used again: give the item on line {line} another id, "
                    "or delete this entry if it was added by mistake",
                )
            elif value in seen:
                first_line, _ = self.document.mark(seen[value])
                self.add((*path, "id"), f"'{value}' is already withdrawn on line {first_line}", "remove this entry")
            else:
                seen[value] = (*path, "id")
        for path, entry in withdrawn:
            see = entry.get("see")
            if not isinstance(see, str) or see in live:
                continue
            if isinstance(owners.get(see), str):
                self.add((*path, "see"), f"'{see}' is an earlier id of '{owners[see]}'", f"write see: {owners[see]}")
            elif see in seen:
                self.add(
                    (*path, "see"),
                    f"'{see}' is withdrawn too",
                    "point see: at a theme, priority, quote or actor that is still in use",
                )
            else:
                close = difflib.get_close_matches(see, live, n=1, cutoff=0.6)
                self.add(
                    (*path, "see"),
                    f"unknown id '{see}'",
                    (f"did you mean '{close[0]}'? " if close else "")
                    + "see: names the theme, priority, quote or actor nearest to what was withdrawn",
                )

    def check_numbers(self) -> None:
        themes = [(p, t) for p, t in _items(self.document.data, ("themes",)) if isinstance(t.get("number"), int)]
        for position, (path, theme) in enumerate(themes, start=1):
            if theme["number"] != position and not isinstance(theme["number"], bool):
                self.add(
                    (*path, "number"),
                    f"theme number {theme['number']} is out of sequence",
                    f"themes are numbered 1, 2, 3 … in the order listed, without gaps: this one is {position}",
                )

    def check_actor_references(self) -> None:
        data = self.document.data
        known = [a["id"] for _, a in _items(data, ("actors",)) if isinstance(a.get("id"), str)]
        known_ids = set(known)  # a list lookup per reference grows with actors times priorities
        actors_line, _ = self.document.key_mark(("actors",))
        for theme_path, theme in _items(data, ("themes",)):
            for priority_path, priority in _items(theme, ("priorities",), theme_path):
                refs = priority.get("actors")
                for index, ref in enumerate(refs if isinstance(refs, list) else []):
                    if isinstance(ref, str) and ref not in known_ids:
                        close = difflib.get_close_matches(ref, known, n=1, cutoff=0.5)
                        hint = (f"did you mean '{close[0]}'? " if close else "") + (
                            f"actor ids are listed under 'actors:' on line {actors_line}"
                        )
                        self.add((*priority_path, "actors", index), f"unknown actor '{ref}'", hint)

    def check_marks(self) -> None:
        """The site's own wording uses typographic quote marks, apostrophes and dashes (quotes keep the source's)."""
        reported = {problem.path for problem in self.problems}  # such as a short title's '"', refused by the schema
        for path, text in strings(self.document.data):
            problem = marks_problem(self.document, path, text) if is_editorial(path) else None
            if problem is not None and problem.path not in reported:
                self.problems.append(problem)

    def check_glossary(self, source: SourceDocument | None) -> None:
        """Each term is listed once, is not an actor's abbreviation, and appears on the pages."""
        data = self.document.data
        abbrs = {actor["abbr"]: path for path, actor in _items(data, ("actors",)) if isinstance(actor.get("abbr"), str)}
        text = shown_text(data, source) if source else None
        reported = {problem.path for problem in self.problems}
        seen: dict[str, Path_] = {}
        for entry_path, entry in _items(data, ("glossary",)):
            term, path = entry.get("term"), (*entry_path, "term")
            if not isinstance(term, str) or not term or format_path(path) in reported:
                continue
            earlier = next((seen[v] for v in term_forms(term) if v in seen), None)
            if earlier is not None:
                line, _ = self.document.mark(earlier)
                self.add(path, f"duplicate term '{term}': already listed on line {line}", "remove one of the two")
            elif term in abbrs:
                line, _ = self.document.mark((*abbrs[term], "abbr"))
                self.add(
                    path,
                    f"'{term}' is the abbreviation of the actor on line {line}",
                    "remove this entry: the actor’s name and description explain it on the pages and the Glossary page",
                )
            elif text is not None and not re.search(_whole_words(term_forms(term)), text):
                other = re.search(_whole_words([term]), text, re.IGNORECASE)
                self.add(
                    path,
                    f"'{term}' is used on no page: neither the text of roadmap.yaml nor the text of record has it",
                    f"the pages write '{other.group(0)}': write the term as they do, capitals included"
                    if other
                    else "write the term as the pages do, capitals included, or remove the entry",
                )
            for variant in term_forms(term):
                seen.setdefault(variant, path)

    def check_source_metadata(self, document: SourceDocument) -> None:
        source = self.document.data.get("source")
        if not isinstance(source, dict):
            return
        for key in ("title", "subtitle"):
            if isinstance(source.get(key), str) and normalise(source[key]) != normalise(getattr(document, key)):
                self.add(
                    ("source", key),
                    f"does not match the text of record's {key}",
                    f"the text of record has: {getattr(document, key)}",
                )
        date = _real_date(source.get("date"))
        if date is not None:
            printed = f"{date.day} {date:%B %Y}"
            if printed != document.date:
                self.add(
                    ("source", "date"),
                    f"{printed} does not match the text of record's date",
                    f"the text of record has: {document.date}",
                )

    def check_dates(self) -> None:
        for path in (("updated",), ("source", "date")):
            value = _value_at(self.document.data, path) if _has(self.document.data, path) else None
            if isinstance(value, str) and re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", value) and not _real_date(value):
                self.add(path, f"'{value}' is not a real date", "write a date of the calendar as YYYY-MM-DD")

    def source_file(self, key: str, base_dir: Path) -> Path | None:
        """The file named by source.<key>, when it is a path inside the repository that exists."""
        source = self.document.data.get("source")
        name = source.get(key) if isinstance(source, dict) else None
        if not isinstance(name, str):
            return None
        parts = PurePosixPath(name).parts
        hint = "give a path relative to roadmap.yaml, inside the repository, such as source/record.md"
        if name.startswith(("/", "\\")) or re.match(r"[A-Za-z]:", name) or ".." in parts or "\\" in name:
            self.add(("source", key), f"'{name}' is not a path inside the repository", hint)
            return None
        if not re.fullmatch(r"[A-Za-z0-9._-]+(?:/[A-Za-z0-9._-]+)*", name):
            self.add(
                ("source", key),
                f"'{name}' has a character that a file name here cannot have",
                "use letters, digits, '-', '_' and '.' in file names, and '/' between folders (no spaces)",
            )
            return None
        path = base_dir / name
        if not path.resolve().is_relative_to(base_dir.resolve()):
            self.add(("source", key), f"'{name}' leads out of the repository through a link", hint)
            return None
        if not path.is_file():
            self.add(("source", key), f"file '{name}' does not exist", "give the path relative to roadmap.yaml")
            return None
        return path

    def check_quote(self, path: Path_, quote: dict[str, Any], document: SourceDocument) -> str | None:
        """Return the quote's exact span of the text of record, or None after adding a problem."""
        text, number = quote.get("text"), quote.get("paragraph")
        if not isinstance(text, str) or not isinstance(number, int) or isinstance(number, bool):
            return None
        if number < 1 or len(text) > MAX_QUOTE_CHARS:
            return None  # the schema check has reported it
        count = len(document.paragraphs)
        paragraph = document.paragraph(number)
        if paragraph is not None:
            span = find_span(paragraph.text, text)
            if span:
                return paragraph.text[span[0] : span[1]]
        for other in document.paragraphs:
            if find_span(other.text, text):
                where = f"not {number}" if paragraph else f"and paragraph {number} does not exist"
                self.add(
                    (*path, "paragraph"),
                    f"the quote is in paragraph {other.number}, {where}",
                    f"set paragraph: {other.number}",
                )
                return None
        if paragraph is None:
            self.add(
                (*path, "paragraph"),
                f"paragraph {number} does not exist",
                f"the text of record has paragraphs 1 to {count}",
            )
        number_found, passage = closest_passage(text, document)
        difference = first_difference(text, passage)
        self.add(
            (*path, "text"),
            "the quote is not in the text of record" + (f" ({difference})" if difference else ""),
            f"closest passage, paragraph {number_found}: “{passage}”; copy the words exactly",
        )
        return None

    def check_support(self, path: Path_, priority: dict[str, Any], spans: list[str]) -> str | None:
        """Return the phrase that backs the priority's support level, or None after adding a problem."""
        level = priority.get("support")
        if level not in support.BY_ID or not spans:
            return None
        for span in spans:
            phrase = support.find_phrase(level, span)
            if phrase:
                return phrase
        stated = [found for span in spans for found in support.levels_stated(span) if found[0] != "unattributed"]
        if level == "unattributed" and not stated:
            return ""
        phrases = ", ".join(f"'{p}'" for p in support.BY_ID[level].phrases)
        if stated:
            said = ", ".join(f"“{phrase}” ({lid})" for lid, phrase in dict.fromkeys(stated))
            hint = f"its quotes say {said}; set support to that level, or add a quote that states '{level}'"
        else:
            hint = "add the quote that states how many participants made the point, or use 'unattributed'"
        self.add((*path, "support"), f"support '{level}' is not backed by a quote: none contains {phrases}", hint)
        return None


def _whole_words(words: Iterable[str]) -> str:
    """A pattern matching any of `words` as whole words."""
    return rf"\b(?:{'|'.join(map(re.escape, words))})\b"


def _items(container: Any, key: tuple[str], prefix: Path_ = ()) -> Iterator[tuple[Path_, dict[str, Any]]]:
    """(path, item) for each mapping in container[key] when that is a list; skips malformed parts."""
    if not isinstance(container, dict):
        return
    items = container.get(key[0])
    if isinstance(items, list):
        for index, item in enumerate(items):
            if isinstance(item, dict):
                yield (*prefix, key[0], index), item


def _real_date(value: Any) -> datetime.date | None:
    """The date a YYYY-MM-DD text names, or None when it names none (2009-02-30) or is not such a text."""
    try:
        return datetime.date.fromisoformat(value) if isinstance(value, str) and len(value) == 10 else None
    except ValueError:
        return None


def _has(data: Any, path: Path_) -> bool:
    for part in path:
        if not isinstance(data, dict) or part not in data:
            return False
        data = data[part]
    return True


def _value_at(data: Any, path: Path_) -> Any:
    """The value at `path` in nested lists and mappings (paths from `_ids` always exist)."""
    for part in path:
        data = data[part]
    return data


def _id_of(path: Path_, item: dict[str, Any], *, aliases: bool = False) -> Iterator[tuple[Path_, str]]:
    if isinstance(item.get("id"), str):
        yield (*path, "id"), item["id"]
    if aliases and isinstance(item.get("aliases"), list):
        for index, alias in enumerate(item["aliases"]):
            if isinstance(alias, str):
                yield (*path, "aliases", index), alias


def validate_document(document: Document, base_dir: Path, *, translations: bool = True) -> Roadmap:
    """Check `document` completely, and the translations of its languages unless `translations` is false,
    and return the Roadmap; raise RoadmapError listing every problem."""
    checker = _Checker(document)
    data = document.data
    if not isinstance(data, dict):
        checker.check_schema()
        raise RoadmapError(checker.problems)
    checker.check_schema()
    checker.check_exact()
    checker.check_ids()
    checker.check_dates()
    checker.check_withdrawn()
    checker.check_numbers()
    checker.check_actor_references()
    checker.check_marks()
    checker.check_languages(base_dir)

    source_doc: SourceDocument | None = None
    record = checker.source_file("text_of_record", base_dir)
    if record is not None:
        try:
            source_doc = load_source(record, data["source"]["text_of_record"])
        except RoadmapError as error:
            checker.problems.extend(error.problems)
    checker.source_file("raw_extraction", base_dir)

    spans: dict[Path_, str] = {}
    phrases: dict[Path_, str] = {}
    checker.check_glossary(source_doc)
    if source_doc is not None:
        checker.check_source_metadata(source_doc)
        meeting = data.get("meeting")
        for quote_path, quote in _items(meeting, ("progress",), ("meeting",)):
            span = checker.check_quote(quote_path, quote, source_doc)
            if span is not None:
                spans[quote_path] = span
        for theme_path, theme in _items(data, ("themes",)):
            for priority_path, priority in _items(theme, ("priorities",), theme_path):
                found = []
                for quote_path, quote in _items(priority, ("quotes",), priority_path):
                    span = checker.check_quote(quote_path, quote, source_doc)
                    if span is not None:
                        spans[quote_path] = span
                        found.append(span)
                phrase = checker.check_support(priority_path, priority, found)
                if phrase is not None:
                    phrases[priority_path] = phrase

    if checker.problems or source_doc is None:
        raise RoadmapError(checker.problems)
    roadmap = _build(data, spans, phrases, source_doc, document)
    if len(roadmap.languages) == 1 or not translations:
        return roadmap
    documents = {code: _translation_document(document, base_dir, code) for code in roadmap.languages[1:]}
    checked, problems = check_all(documents, document)
    problems += [problem for code in roadmap.languages[1:] for problem in check_pages(base_dir, code)]
    if problems:
        raise RoadmapError(problems)
    return dataclasses.replace(roadmap, translations=checked)


def _translation_document(document: Document, base_dir: Path, code: str) -> Document | RoadmapError:
    """The translation into `code`: embedded in roadmap.json, else its file next to roadmap.yaml; or the
    error that reading the file raised."""
    embedded = document.data.get("translations")
    if isinstance(embedded, dict) and not document.file.endswith((".yaml", ".yml")):
        if code in embedded:
            return embedded_translation(document, code)
        return RoadmapError([Problem(1, 1, "translations", f"no translation into '{code}'", "", document.file)])
    try:
        return read_translation(base_dir, code)
    except RoadmapError as error:
        return error


def _quotes(items: list[dict[str, Any]], path: Path_, spans: dict[Path_, str]) -> tuple[Quote, ...]:
    return tuple(
        Quote(q["id"], spans[(*path, i)], q["paragraph"], tuple(q.get("aliases", ()))) for i, q in enumerate(items)
    )


def _build(
    data: dict[str, Any], spans: dict[Path_, str], phrases: dict[Path_, str], doc: SourceDocument, document: Document
) -> Roadmap:
    themes = []
    for t_index, theme in enumerate(data["themes"]):
        priorities = []
        for p_index, p in enumerate(theme["priorities"]):
            path: Path_ = ("themes", t_index, "priorities", p_index)
            priorities.append(
                Priority(
                    id=p["id"],
                    title=p["title"],
                    text=p["text"],
                    support=p["support"],
                    support_phrase=phrases[path],
                    actors=tuple(p["actors"]),
                    quotes=_quotes(p["quotes"], (*path, "quotes"), spans),
                    keywords=tuple(p.get("keywords", ())),
                    aliases=tuple(p.get("aliases", ())),
                )
            )
        themes.append(
            Theme(
                id=theme["id"],
                number=theme["number"],
                title=theme["title"],
                short_title=theme["short_title"],
                summary=theme["summary"],
                priorities=tuple(priorities),
                keywords=tuple(theme.get("keywords", ())),
                aliases=tuple(theme.get("aliases", ())),
                line=document.key_mark(("themes", t_index, "id"))[0],
            )
        )
    actors = tuple(
        Actor(a["id"], a["name"], a.get("abbr", ""), a.get("description", ""), tuple(a.get("keywords", ())))
        for a in data["actors"]
    )
    return Roadmap(
        version=data["version"],
        updated=data["updated"],
        source=Source(**data["source"]),
        meeting_summary=data["meeting"]["summary"],
        progress=_quotes(data["meeting"]["progress"], ("meeting", "progress"), spans),
        actors=actors,
        themes=tuple(themes),
        document=doc,
        withdrawn=tuple(Withdrawal(**entry) for entry in data.get("withdrawn", ())),
        glossary=tuple(Term(t["term"], t["definition"], t.get("expansion", "")) for t in data.get("glossary", ())),
        languages=tuple(data.get("languages", (ENGLISH,))),
    )


def load_roadmap(path: Path, display_name: str | None = None) -> Roadmap:
    """Read, parse and validate the roadmap file at `path`."""
    name = display_name or path.name
    return validate_document(load_document(read_file(path, name), name), path.parent)

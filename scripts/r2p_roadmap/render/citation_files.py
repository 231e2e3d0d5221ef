"""The citation files for reference managers: RIS, BibTeX and CSL-JSON for the source document and for
each theme, priority and quote (data/cite/<id>.ris, .bib, .json). Each holds the source document as a
report, then, for an item, its page of this site."""

from __future__ import annotations

import json

from babel import Locale

from ..model import Roadmap
from .citations import (
    DOCUMENT_KEY,
    Cited,
    cited_items,
    data_version,
    document_item,
    document_title,
    file_path,
    page_item,
    site_name,
)
from .markup import one_line


def _ris_record(fields: list[tuple[str, str]]) -> str:
    return "".join(f"{tag}  - {value}\r\n" for tag, value in fields) + "ER  - \r\n"


def render_ris(roadmap: Roadmap, cited: Cited | None) -> str:
    """RIS: the source document as a report (RPRT), then the page of this site (ELEC)."""
    source = roadmap.source
    records = [
        _ris_record(
            [
                ("TY", "RPRT"),
                ("AU", source.publisher),
                ("TI", document_title(roadmap)),
                ("PY", source.date[:4]),
                ("DA", source.date.replace("-", "/")),
                ("PB", source.publisher),
                ("UR", source.url),
                ("LA", "en"),
            ]
        )
    ]
    if cited is not None:
        item = page_item(roadmap, cited)
        edition = data_version(cited.language, roadmap.version)
        records.append(
            _ris_record(
                [
                    ("TY", "ELEC"),
                    ("AU", site_name(cited.language)),
                    ("TI", cited.title),
                    ("T2", site_name(cited.language)),
                    ("ET", edition[:1].upper() + edition[1:]),
                    ("UR", cited.url),
                    ("N1", item["note"]),
                    ("LA", cited.language),
                ]
            )
        )
    return "\r\n".join(records)


_BIBTEX_SPECIALS = {char: "\\" + char for char in "&%$#_{}"} | {
    "~": "\\textasciitilde{}",
    "^": "\\^{}",
    "\\": "\\textbackslash{}",
}


def _bib(text: str) -> str:
    return "".join(_BIBTEX_SPECIALS.get(char, char) for char in one_line(text))


def _bib_entry(kind: str, key: str, fields: list[tuple[str, str]]) -> str:
    body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields)
    return f"@{kind}{{{key},\n{body}\n}}\n"


def render_bibtex(roadmap: Roadmap, cited: Cited | None) -> str:
    """BibTeX (UTF-8): the source document as @techreport, then the page of this site as @misc."""
    source = roadmap.source
    year, month, _ = source.date.split("-")
    entries = [
        _bib_entry(
            "techreport",
            "globalr2p" + year,
            [
                # Double braces: a corporate author, and a title whose capitals are as written.
                ("author", "{" + _bib(source.publisher) + "}"),
                ("title", "{" + _bib(document_title(roadmap)) + "}"),
                ("institution", _bib(source.publisher)),
                ("year", year),
                ("month", month.lstrip("0")),
                ("date", source.date),
                ("url", source.url),
                ("langid", "english"),
            ],
        )
    ]
    if cited is not None:
        item = page_item(roadmap, cited)
        entries.append(
            _bib_entry(
                "misc",
                f"r2proadmap-{cited.key}",
                [
                    ("author", "{" + _bib(site_name(cited.language)) + "}"),
                    ("title", "{" + _bib(cited.title) + "}"),
                    ("howpublished", _bib(site_name(cited.language))),
                    ("version", _bib(roadmap.version)),
                    ("url", cited.url),
                    ("note", _bib(item["note"])),
                    # biblatex's name of the page's language: english, french, spanish.
                    ("langid", str(Locale.parse(cited.language).english_name).lower()),
                ],
            )
        )
    return "\n".join(entries)


def render_csl_json(roadmap: Roadmap, cited: Cited | None) -> str:
    """CSL-JSON: a list of CSL items, the source document first."""
    items = [document_item(roadmap)] + ([page_item(roadmap, cited)] if cited is not None else [])
    return json.dumps(items, ensure_ascii=False, indent=2) + "\n"


def render_citation_files(roadmap: Roadmap, site_url: str) -> dict[str, str]:
    """Every citation file: RIS, BibTeX and CSL-JSON for the document and each theme, priority and quote,
    under the item's id and each of its earlier ids, so that a link to one keeps working, and under each
    withdrawn id."""
    files = {}
    # A withdrawn item's files stay, citing what remains true of it: the source document.
    for withdrawal in roadmap.withdrawn:
        texts = {
            "ris": render_ris(roadmap, None),
            "bib": render_bibtex(roadmap, None),
            "json": render_csl_json(roadmap, None),
        }
        files.update({file_path(withdrawal.id, extension): text for extension, text in texts.items()})
    for keys, cited in cited_items(roadmap, site_url):
        item = None if cited.key == DOCUMENT_KEY else cited
        texts = {
            "ris": render_ris(roadmap, item),
            "bib": render_bibtex(roadmap, item),
            "json": render_csl_json(roadmap, item),
        }
        for key in keys:
            for extension, text in texts.items():
                files[file_path(key, extension)] = text
    return files

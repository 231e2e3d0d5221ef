"""The site's own interface words in the page's language, from translations/interface.yaml.

The file is keyed by the English text, with each language's text beside it; placeholders such as
{number} are filled in after the lookup. A string a page asks for that the file lacks for the page's
language stops the build with a message naming it, so no page mixes languages by accident.
"""

from __future__ import annotations

import datetime
import functools
import re
from pathlib import Path

import yaml
from babel import Locale
from babel.dates import format_date

from ..errors import Problem, RoadmapError
from ..load import decode_utf8, read_file

INTERFACE_FILE = Path(__file__).resolve().parents[3] / "translations" / "interface.yaml"
FILE_NAME = "translations/interface.yaml"
ENGLISH = "en"
_PLACEHOLDER = re.compile(r"\{(\w+)\}")


def _problem(message: str, hint: str) -> RoadmapError:
    return RoadmapError([Problem(1, 1, "", message, hint, FILE_NAME)])


@functools.cache
def strings() -> dict[str, dict[str, str]]:
    """The interface strings: for each English text, its text in each other language."""
    text = decode_utf8(read_file(INTERFACE_FILE, FILE_NAME), FILE_NAME)
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as error:
        raise _problem(f"{FILE_NAME} is not valid YAML: {error}", "undo the last change to the file") from None
    if not isinstance(data, dict) or not all(
        isinstance(key, str) and isinstance(value, dict) and all(isinstance(v, str) for v in value.values())
        for key, value in data.items()
    ):
        raise _problem(
            'each entry must be an English text with its text in each language, such as fr: "…"',
            "compare the entry with the ones around it",
        )
    for english, texts in data.items():
        for language, translated in texts.items():
            if set(_PLACEHOLDER.findall(translated)) != set(_PLACEHOLDER.findall(english)):
                raise _problem(
                    f"the {language} text of {english!r} does not have the placeholders of the English",
                    "keep every word in braces, such as {number}, exactly as the English writes it",
                )
    return data


def text(language: str, english: str, /, **values: object) -> str:
    """`english` in `language`, with its {placeholders} filled in from `values`."""
    template = english
    if language != ENGLISH:
        found = strings().get(english, {}).get(language)
        if found is None:
            raise _problem(
                f"the interface string {english!r} has no {language} text",
                f'add it to {FILE_NAME}, under the English text, as {language}: "…"',
            )
        template = found
    return template.format(**values) if values else template


def count(language: str, number: int, one: str, other: str) -> str:
    """`one` or `other` (each with a {count} placeholder) as the language's plural rules choose for `number`."""
    form = Locale.parse(language).plural_form(number)
    return text(language, one if form == "one" else other, count=number)


def long_date(language: str, day: datetime.date) -> str:
    """A date as the language writes it in running text: '25 September 2009', '25 septembre 2009',
    '25 de septiembre de 2009' (CLDR's long pattern; British English's puts the day first, as the source does)."""
    return format_date(day, "long", locale="en_GB" if language == ENGLISH else language)

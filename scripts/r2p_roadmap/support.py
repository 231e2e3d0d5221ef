"""The ordered scale of support levels, taken from the source document's own quantifiers."""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class SupportLevel:
    """One step of the scale: its id, a label for readers, and the phrases that state it."""

    id: str
    label: str
    description: str
    phrases: tuple[str, ...]


# Broadest first. Phrases are matched case-insensitively on word boundaries inside a quote.
LEVELS: tuple[SupportLevel, ...] = (
    SupportLevel("all", "All participants", "The source says all participants agreed.", ("all participants",)),
    SupportLevel(
        "consensus",
        "Consensus",
        "The source reports a consensus or widespread agreement.",
        ("something of a consensus", "widespread agreement"),
    ),
    SupportLevel(
        "many",
        "Many participants",
        "The source says many participants made the point.",
        ("many participants", "many noted", "many stressed"),
    ),
    SupportLevel(
        "several",
        "Several participants",
        "The source says several participants or speakers made the point.",
        ("several participants", "several speakers"),
    ),
    SupportLevel(
        "some",
        "Some participants",
        "The source says some participants, or others, made the point.",
        ("some noted", "some noting", "others noted"),
    ),
    SupportLevel(
        "few",
        "A few participants",
        "The source says a couple of participants or a smaller number made the point.",
        ("a couple of participants", "a smaller number"),
    ),
    SupportLevel(
        "one",
        "One participant",
        "The source says one participant or one minister made the point.",
        ("one participant", "one minister"),
    ),
    SupportLevel(
        "unattributed",
        "Not attributed",
        "The source states the point without saying how many participants made it.",
        (
            "it was noted",
            "was noted as",
            "emphasis was put",
            "was also emphasized",
            "was cited",
            "emerged as priorities",
            "are also considered",
            "there is also a need",
        ),
    ),
)

LEVEL_IDS: tuple[str, ...] = tuple(level.id for level in LEVELS)
BY_ID: dict[str, SupportLevel] = {level.id: level for level in LEVELS}


def _pattern(phrase: str) -> re.Pattern[str]:
    return re.compile(r"\b" + r"\s+".join(map(re.escape, phrase.split())) + r"\b", re.IGNORECASE)


_PATTERNS: dict[str, tuple[re.Pattern[str], ...]] = {
    level.id: tuple(_pattern(p) for p in level.phrases) for level in LEVELS
}


def find_phrase(level_id: str, text: str) -> str | None:
    """Return the first phrase of the level as it is written in `text`, or None."""
    for pattern in _PATTERNS[level_id]:
        match = pattern.search(text)
        if match:
            return match.group(0)
    return None


def levels_stated(text: str) -> list[tuple[str, str]]:
    """Every (level id, phrase as written) that `text` states, broadest level first."""
    found = []
    for level in LEVELS:
        phrase = find_phrase(level.id, text)
        if phrase:
            found.append((level.id, phrase))
    return found

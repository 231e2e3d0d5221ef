"""A larger roadmap for measuring scale: the real content followed by generated themes.

The generated themes are word soup from a fixed vocabulary, made deterministically from a seed. Each
theme adds a section to the text of record, and every generated quote is a sentence of that text, so
the result passes the same validation as the real roadmap. Keeping the real themes first means every
hand-written link to them (the editing guide, for example) still resolves in a synthetic build.
The benchmarks write it into a scratch copy of the project, made here too, so the checkout is left alone.
"""

from __future__ import annotations

import copy
import random
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from r2p_roadmap import support
from r2p_roadmap.build import Project
from r2p_roadmap.source import parse_source


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


# Plain words that form none of the source's quantifier phrases (see support.LEVELS), so a generated
# quote states a support level only where a phrase is put on purpose.
_NOUNS = _words(
    """council assembly mandate mediation prevention capacity framework dialogue mission treaty protection
    commission report review funding training monitoring response warning mechanism network partnership
    strategy policy reform office envoy resolution budget deployment observer court justice tribunal
    refugees border election governance institution secretariat programme standards guidance practice
    research analysis data evidence lessons experts panel summit forum delegation government ministry
    agency donor roster police peacekeeping ceasefire settlement accountability sanctions consultation
    coordination coherence outreach advocacy education media communities leaders women youth victims
    survivors witnesses archives records benchmarks indicators timelines atrocities populations region"""
)
_ADJECTIVES = _words(
    """regional national early timely joint annual regular clear practical local global shared independent
    effective stronger wider faster civilian political legal military public judicial diplomatic
    preventive sustained coherent collective"""
)
_VERBS = _words(
    """strengthen support build expand improve share fund train deploy monitor publish convene coordinate
    engage sustain protect prevent develop adopt implement review reform"""
)
_LINKS = _words("and for with in on to through across within by")
# How each level is introduced in a generated quote; each opening holds one of the level's phrases.
_OPENINGS = {
    "all": "All participants agreed that",
    "consensus": "Something of a consensus emerged that",
    "many": "Many participants stressed that",
    "several": "Several participants argued that",
    "some": "Some noted that",
    "few": "A couple of participants argued that",
    "one": "One participant stressed that",
    "unattributed": "It was noted that",
}


@dataclass(frozen=True)
class Synthetic:
    """The texts of a synthetic roadmap and its text of record, and what they hold."""

    roadmap_yaml: str
    text_of_record: str
    themes: int
    priorities: int
    quotes: int
    values: int

    @property
    def size(self) -> int:
        """Bytes of the roadmap.yaml, as the loader's size limit counts them."""
        return len(self.roadmap_yaml.encode("utf-8"))


class _NoAliases(yaml.SafeDumper):
    """roadmap.yaml refuses YAML aliases, so never write one, even for repeated values."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


class _Writer:
    """Draws words, sentences and ids from one seeded random generator."""

    def __init__(self, seed: int) -> None:
        self.random = random.Random(seed)

    def words(self, low: int, high: int) -> list[str]:
        count = self.random.randint(low, high)
        pools = (_ADJECTIVES, _NOUNS, _VERBS, _LINKS, _NOUNS)
        return [self.random.choice(pools[index % len(pools)]) for index in range(count)]

    def clause(self) -> str:
        return " ".join(self.words(10, 24))

    def sentence(self) -> str:
        text = self.clause()
        return text[0].upper() + text[1:] + "."

    def title(self, low: int, high: int) -> str:
        text = " ".join(self.words(low, high))
        return text[0].upper() + text[1:]


def dump_roadmap(data: dict[str, Any]) -> str:
    """Roadmap data as the text of a roadmap.yaml (without the comments of a hand-written one)."""
    return yaml.dump(data, Dumper=_NoAliases, allow_unicode=True, sort_keys=False, width=100)


def count_values(text: str) -> int:
    """The YAML nodes of `text` (every key, value and collection), as the loader counts them against its limit."""
    root = yaml.compose(text, Loader=yaml.SafeLoader)
    pending: list[yaml.Node] = [root] if root is not None else []
    count = 0
    while pending:
        node = pending.pop()
        count += 1
        if isinstance(node, yaml.MappingNode):
            pending += [part for pair in node.value for part in pair]
        elif isinstance(node, yaml.SequenceNode):
            pending += node.value
    return count


def synthesize(base: dict[str, Any], record: str, themes: int, seed: int = 2009) -> Synthetic:
    """Extend roadmap data `base` (as loaded from YAML) and its text of record to `themes` themes.

    About 12.5 quotes and 200 YAML values are added per theme, about 5.5 KB of roadmap.yaml.
    """
    data = copy.deepcopy(base)
    # English only: the generated themes have no translations; the real roadmap is measured in every language.
    data["languages"] = ["en"]
    existing = len(data["themes"])
    if themes < existing:
        raise ValueError(f"a synthetic roadmap needs at least the {existing} real themes, not {themes}")
    writer = _Writer(seed)
    paragraph = len(parse_source(record, "text of record").paragraphs)
    actors = [actor["id"] for actor in data["actors"]]
    for index in range(themes // 10):
        actor_id = f"actor-{index + 1}-{writer.words(1, 1)[0]}"
        data["actors"].append({"id": actor_id, "name": writer.title(2, 4) + " Office", "abbr": f"A{index + 1}"})
        actors.append(actor_id)

    sections: list[str] = []
    for number in range(existing + 1, themes + 1):
        title = writer.title(5, 12)
        theme_id = f"theme-{number}-" + "-".join(writer.words(2, 2))
        priorities = []
        sections.append(f"## {number}. {title}")
        for p_number in range(1, writer.random.randint(3, 7) + 1):
            level = writer.random.choice(support.LEVEL_IDS)
            paragraph += 1
            quotes, sentences = [], []
            for q_number in range(1, writer.random.randint(1, 4) + 1):
                quote = writer.sentence()
                if q_number == 1:
                    quote = f"{_OPENINGS[level]} {writer.clause()}."
                sentences.append(quote)
                if writer.random.random() < 0.5:
                    sentences.append(writer.sentence())  # text between quotes that no one quotes
                quotes.append({"id": f"t{number}-p{p_number}-q{q_number}", "text": quote, "paragraph": paragraph})
            sections.append(f"[{paragraph}] " + " ".join(sentences))
            priorities.append(
                {
                    "id": f"t{number}-p{p_number}-" + writer.words(1, 1)[0],
                    "title": writer.title(5, 9),
                    "text": writer.sentence() + " " + writer.sentence(),
                    "support": level,
                    "actors": sorted(set(writer.random.sample(actors, writer.random.randint(0, 3)))),
                    "keywords": list(dict.fromkeys(writer.words(0, 2))),
                    "quotes": quotes,
                }
            )
        data["themes"].append(
            {
                "id": theme_id,
                "number": number,
                "title": title,
                "short_title": title[:40].rsplit(" ", 1)[0] if len(title) > 40 else title,
                "summary": writer.sentence(),
                "keywords": list(dict.fromkeys(writer.words(1, 3))),
                "priorities": priorities,
            }
        )
    text = dump_roadmap(data)
    return Synthetic(
        roadmap_yaml=text,
        text_of_record=record.rstrip("\n") + "\n\n" + "\n\n".join(sections) + "\n" if sections else record,
        themes=len(data["themes"]),
        priorities=sum(len(t["priorities"]) for t in data["themes"]),
        quotes=sum(len(p["quotes"]) for t in data["themes"] for p in t["priorities"])
        + len(data["meeting"]["progress"]),
        values=count_values(text),
    )


def make_synthetic(project: Project, themes: int) -> Synthetic:
    """Replace the roadmap and text of record of `project` (a scratch copy) by a synthetic one of `themes` themes."""
    base = yaml.safe_load(project.roadmap.read_text(encoding="utf-8"))
    record = project.root / base["source"]["text_of_record"]
    synthetic = synthesize(base, record.read_text(encoding="utf-8"), themes)
    project.roadmap.write_text(synthetic.roadmap_yaml, encoding="utf-8")
    record.write_text(synthetic.text_of_record, encoding="utf-8")
    # An English-only site publishes none of the other languages' links: the copy's contract leaves them out.
    contract = project.root / "published-links.txt"
    folders = tuple(f"/{code}/" for code in base.get("languages", ["en"])[1:])
    if folders and contract.is_file():
        lines = contract.read_text(encoding="utf-8").splitlines(keepends=True)
        contract.write_text("".join(line for line in lines if not line.startswith(folders)), encoding="utf-8")
    return synthetic


def copy_project(destination: Path) -> Project:
    """A scratch copy of what a build reads from the checkout, to measure without touching the checkout."""
    root = Path(__file__).resolve().parents[1]
    for name in ("roadmap.yaml", "mkdocs.yml", "published-links.txt", "docs", "themes", "source", "translations"):
        if (root / name).is_dir():
            shutil.copytree(root / name, destination / name)
        else:
            (destination / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(root / name, destination / name)
    return Project(destination)

"""The glossary: the Glossary page, and the explanation each abbreviation or term carries wherever a
page uses it (Python-Markdown's `abbr` extension, given to the site build as its glossary)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import Roadmap, term_forms
from ..paths import ACTORS_PAGE, GLOSSARY_PAGE, WHAT_IS_R2P_PAGE, relative
from .interface import text
from .markup import front_matter, md, one_line
from .search import UNSEARCHED


@dataclass(frozen=True)
class Entry:
    """One line of the glossary: a term of `glossary:`, or an actor's abbreviation."""

    term: str
    stands_for: str
    definition: str
    actor: str = ""  # the actor's id, for an actor's abbreviation

    @property
    def explanation(self) -> str:
        """What a reader sees on pointing at the term: what it stands for, then what it is."""
        stands_for = self.stands_for[:1].upper() + self.stands_for[1:]
        return one_line(
            f"{stands_for}. {self.definition}" if stands_for and self.definition else stands_for or self.definition
        )


def glossary_entries(roadmap: Roadmap) -> list[Entry]:
    """The glossary's terms and the actors' abbreviations, A to Z."""
    entries = [Entry(term.term, term.expansion, term.definition) for term in roadmap.glossary]
    entries += [Entry(a.abbr, a.name, a.description, a.id) for a in roadmap.actors if a.abbr]
    return sorted(entries, key=lambda entry: (entry.term.casefold(), entry.term))


# The `abbr` extension finds a term between word boundaries, so only a term that starts and ends with a
# letter or digit can be found (the schema asks it of glossary terms; an actor's abbreviation may differ).
_FINDABLE = re.compile(r"\w(?:.*\w)?", re.DOTALL)


def abbreviations(roadmap: Roadmap) -> dict[str, str]:
    """Every way a page writes a term, mapped to its explanation: the `abbr` extension's glossary."""
    return {
        form: entry.explanation
        for entry in glossary_entries(roadmap)
        for form in term_forms(entry.term)
        if _FINDABLE.fullmatch(form)
    }


def render_glossary_page(roadmap: Roadmap) -> str:
    """The Markdown of the Glossary page: each term, what it stands for and what it means."""
    language = roadmap.language
    lines = []
    for entry in glossary_entries(roadmap):
        stands_for = f' <span class="r2p-glossary__for">{md(entry.stands_for)}</span>' if entry.stands_for else ""
        # No anchors: a term may be removed from the glossary, and a published anchor could never be.
        lines.append(f'<dt markdown="span">{md(entry.term)}{stands_for}</dt>')
        actor = (
            f" [{text(language, 'Named in the roadmap as an actor')}]"
            f"({relative(GLOSSARY_PAGE, ACTORS_PAGE, entry.actor)})."
            if entry.actor
            else ""
        )
        lines.append(f'<dd markdown="span">{md(entry.definition)}{actor}</dd>')
    return "\n".join(
        [
            front_matter(
                title=text(language, "Glossary"),
                description=text(
                    language,
                    "The abbreviations and terms of the 2009 R2P roadmap and this site, and what each means.",
                ),
                search=UNSEARCHED,  # an aggregate page: a search for a term should land where it is used
            ),
            f"# {text(language, 'Glossary')} {{#glossary}}\n",
            '<p class="r2p-summary" markdown="span">'
            + text(
                language,
                "The abbreviations and terms that the roadmap and its source use, A to Z. Wherever one of them "
                "appears on the site, point at it or tap it to see what it means. {what} explains the commitment "
                "itself.",
                what=f"[{text(language, 'What is R2P?')}]({relative(GLOSSARY_PAGE, WHAT_IS_R2P_PAGE)})",
            )
            + "</p>\n",
            '<dl class="r2p-glossary" markdown="1">',
            *lines,
            "</dl>\n",
        ]
    )

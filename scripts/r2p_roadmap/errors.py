"""The project's one error type: a list of problems, each naming where, what and how to fix."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import asdict, dataclass


@dataclass(frozen=True, order=True)
class Problem:
    """One mistake in a content file, with its position (1-based) and a hint for fixing it."""

    line: int
    column: int
    path: str
    message: str
    hint: str = ""
    file: str = "roadmap.yaml"

    def format(self) -> str:
        """Return the one-line form `file:LINE:COL: path: message` plus an indented hint line."""
        where = f"{self.file}:{self.line}:{self.column}: "
        what = f"{self.path}: " if self.path else ""
        text = f"{where}{what}{self.message}"
        if self.hint:
            text += f"\n    hint: {self.hint}"
        return text


class RoadmapError(Exception):
    """Raised for bad content; carries every problem found, sorted by position."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = sorted(set(problems), key=lambda p: (p.file, p.line, p.column, p.path, p.message))
        super().__init__(self.format())

    def format(self) -> str:
        """All problems as text, one block per problem, and a count at the end."""
        blocks = [p.format() for p in self.problems]
        count = len(self.problems)
        blocks.append(f"{count} error{'s' if count != 1 else ''} found; nothing was written.")
        return "\n".join(blocks)

    def to_json(self) -> str:
        """All problems as a JSON document for machines."""
        return json.dumps({"errors": [asdict(p) for p in self.problems]}, ensure_ascii=False, indent=2)

"""`r2p-roadmap diff [BASE]`: what a change does to the roadmap and its published links, from git.

The earlier version is roadmap.yaml at BASE, by default the merge base of HEAD with main (or with
origin/main, as a pull request's checkout has it). The text form is Markdown, for a terminal and for
a job summary; `--format json` gives the same changes for programs (the editing guide describes it).
"""

from __future__ import annotations

import json
import subprocess
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from .build import Project
from .diff import Change, compare, index_roadmap
from .errors import Problem, RoadmapError
from .load import load_document

DEFAULT_BRANCHES = ("main", "origin/main")
# Values short enough to show as "from A to B" on one line; other text is shown as was/now.
_INLINE = {"support", "paragraph", "number", "version", "updated", "date"}
_LINK_WORDS = {"new": "(new link)", "broken": "breaks"}


@dataclass(frozen=True)
class Base:
    """The revision compared with: as named, the commit it is, and whether it is a merge base."""

    revision: str
    commit: str
    merge_base: bool

    def describe(self) -> str:
        """'the merge base of HEAD and main (1a2b3c4)' or 'v1.0 (1a2b3c4)'."""
        short = self.commit[:7]
        return (
            f"the merge base of HEAD and {self.revision} ({short})" if self.merge_base else f"{self.revision} ({short})"
        )


def _error(message: str, hint: str) -> RoadmapError:
    return RoadmapError([Problem(1, 1, "", message, hint, "git")])


def _git(root: Path, *args: str) -> subprocess.CompletedProcess[bytes]:
    try:
        return subprocess.run(["git", *args], cwd=root, capture_output=True, check=False)
    except FileNotFoundError:
        raise _error(
            "git is not installed; diff reads the earlier version of roadmap.yaml from git",
            "install git (on Debian: apt-get install git), then run r2p-roadmap diff again",
        ) from None


def find_base(root: Path, revision: str | None) -> Base:
    """The commit to compare with: `revision`, or the merge base of HEAD with main or origin/main."""
    inside = _git(root, "rev-parse", "--is-inside-work-tree")
    if inside.returncode != 0:
        raise _error(
            "this folder is not in a git checkout, so there is no earlier version to compare with",
            "run r2p-roadmap diff inside a clone of the repository",
        )
    if revision is not None:
        commit = _commit(root, revision)
        if commit is None:
            raise _error(
                f"git knows no revision '{revision}'", "name a branch, tag or commit, such as main or origin/main"
            )
        return Base(revision, commit, merge_base=False)
    branches = [branch for branch in DEFAULT_BRANCHES if _commit(root, branch) is not None]
    for branch in branches:
        found = _git(root, "merge-base", "HEAD", branch)
        if found.returncode == 0:
            return Base(branch, found.stdout.decode().strip(), merge_base=True)
    hint = "name the revision to compare with: r2p-roadmap diff BASE"
    if branches:
        raise _error(f"HEAD has no commit in common with {branches[0]}", hint)
    raise _error(
        "there is neither a main nor an origin/main branch to compare with",
        f"{hint}; a clone made with --depth needs the history of main first (git fetch origin main)",
    )


def _commit(root: Path, revision: str) -> str | None:
    found = _git(root, "rev-parse", "--verify", "--quiet", "--end-of-options", f"{revision}^{{commit}}")
    return found.stdout.decode().strip() if found.returncode == 0 else None


def read_at(root: Path, base: Base, name: str) -> bytes:
    """The bytes of the file `name` (relative to `root`) at the base commit."""
    found = _git(root, "cat-file", "blob", f"{base.commit}:./{name}")
    if found.returncode != 0:
        raise _error(f"{name} does not exist at {base.describe()}", "compare with a revision that has it")
    return found.stdout


def _inline(value: Any) -> str:
    if value is None:
        return "(none)"
    if isinstance(value, list):
        return ", ".join(f"`{entry}`" for entry in value) or "(none)"
    return " ".join(str(value).split())


def _subject(change: Change, item_id: str | None = None) -> str:
    shown = item_id or change.id
    if change.kind == "roadmap":
        return f"`{change.field}`"
    if change.kind == "meeting":
        return f"`meeting.{change.field}`"
    if change.kind == "quote" and change.priority:
        return f"Quote `{shown}` of priority `{change.priority}`"
    return f"{change.kind.capitalize()} `{shown}`"


def _list_change(old: Any, new: Any) -> str | None:
    if not (isinstance(old, list | None) and isinstance(new, list | None)):
        return None
    before, after = old or [], new or []
    added = [f"`{entry}`" for entry in after if entry not in before]
    removed = [f"`{entry}`" for entry in before if entry not in after]
    parts = ([f"added {', '.join(added)}"] if added else []) + ([f"removed {', '.join(removed)}"] if removed else [])
    return "; ".join(parts) if parts else "reordered"


def _lines(change: Change) -> Iterator[str]:
    """The bullet of one change, then its details and links as indented bullets."""
    subject = _subject(change)
    details: list[str] = []
    if change.change == "added":
        text = f"{subject} added."
    elif change.change == "removed":
        text = (
            f"{subject} removed; it is listed under `withdrawn:`."
            if change.withdrawn
            else f"{subject} removed without an entry under `withdrawn:`, so its published link breaks."
        )
    elif change.change == "renamed":
        text = f"{subject} renamed from `{change.old_id}`; the old id is kept under `aliases:`."
    elif change.change == "merged":
        text = f"{_subject(change, change.old_id)} merged into `{change.id}`, which keeps its id under `aliases:`."
    elif change.change == "moved":
        text = f"{subject} moved from {change.field} `{change.old}` to {change.field} `{change.new}`."
    else:
        what = subject if change.kind in ("roadmap", "meeting") else f"{subject}: {change.field}"
        listed = _list_change(change.old, change.new) if change.field in ("actors", "keywords") else None
        if listed is not None:
            text = f"{what} changed: {listed}."
        elif change.field in _INLINE:
            text = f"{what} changed from {_inline(change.old)} to {_inline(change.new)}."
        else:
            text = f"{what} changed."
            details = [f"was: {_inline(change.old)}", f"now: {_inline(change.new)}"]
    yield f"- {text}"
    for detail in details:
        yield f"  - {detail}"
    for link in change.links:
        effect = f"now leads to `{link.to}`" if link.to else _LINK_WORDS.get(link.effect, "")
        yield f"  - `{link.address}`" + (f" {effect}" if effect else "")


def _group(change: Change) -> str:
    if change.kind == "roadmap":
        return "### Data version and source"
    if change.kind == "meeting" or (change.kind == "quote" and change.theme is None):
        return "### Home page: meeting summary and progress"
    if change.kind == "actor":
        return "### Actors"
    return f"theme:{change.theme}"


def theme_headings(old: Any, new: Any) -> dict[str, str]:
    """The heading of each theme group, from the working copy or, for a theme that is gone, the base."""
    headings: dict[str, str] = {}
    for index in (index_roadmap(new), index_roadmap(old)):
        for item in index.items.values():
            if item.kind == "theme":
                name = item.fields.get("short_title") or item.fields.get("title") or item.id
                number = item.fields.get("number")
                label = f"Theme {number}: {_inline(name)}" if number is not None else f"Theme: {_inline(name)}"
                headings.setdefault(f"theme:{item.id}", f"### {label} (`{item.id}`)")
    return headings


def format_text(changes: list[Change], base: Base, name: str, headings: dict[str, str]) -> str:
    """The change summary as Markdown: a heading per theme, a bullet per change, its links below it."""
    if not changes:
        return f"No content changes in {name} since {base.describe()}."
    lines = [f"Changes to {name} since {base.describe()}:"]
    current = None
    for change in changes:
        group = _group(change)
        if group != current:
            lines += ["", headings.get(group, group), ""]
            current = group
        lines.extend(_lines(change))
    count, breaking = len(changes), sum(change.breaks_links for change in changes)
    total = f"{count} change{'s' if count != 1 else ''}"
    if breaking:
        lines += [
            "",
            f"{total}; {breaking} of them break{'s' if breaking == 1 else ''} a published link: list each removed "
            "id under `withdrawn:`, or keep it under the `aliases:` of what replaces it.",
        ]
    else:
        lines += ["", f"{total}; no published link breaks."]
    return "\n".join(lines)


def format_json(changes: list[Change], base: Base, name: str) -> str:
    """The change summary as one JSON document (its structure is described in the editing guide)."""
    document = {
        "file": name,
        "base": asdict(base),
        "changes": [{**asdict(change), "breaks_links": change.breaks_links} for change in changes],
        "breaking": sum(change.breaks_links for change in changes),
    }
    return json.dumps(document, ensure_ascii=False, indent=2, default=str)


def run_diff_command(project: Project, revision: str | None, output_format: str) -> int:
    """Print the changes from roadmap.yaml at the base to the working copy; return 0 (changes or none)."""
    name = project.roadmap.name
    new = load_document(project.roadmap.read_bytes(), name).data  # a broken working copy: the usual messages
    base = find_base(project.root, revision)
    old = load_document(read_at(project.root, base, name), f"{base.revision}:{name}").data
    changes = compare(old, new)
    if output_format == "json":
        print(format_json(changes, base, name))
    else:
        print(format_text(changes, base, name, theme_headings(old, new)))
    return 0

"""A small git history of roadmap.yaml for the change summary. main holds an earlier state of the
bad-input corpus's base file, in which one support level differs; the branch `edit` renames a priority
(keeping an alias), withdraws one, sets the support level the quote states and shortens a quote, one
commit each, and ends valid."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from .bad_input.cases import base_text, edit

RENAME = edit(
    ("      - id: sustained-advocacy\n", "      - id: deepen-advocacy\n        aliases: [sustained-advocacy]\n")
)
WITHDRAW = edit(
    (
        """      - id: ongoing-outreach
        title: Prefer ongoing outreach to pressing the General Assembly
        text: Rather than pushing the General Assembly to consolidate the norm soon, keep up outreach.
        support: unattributed
        actors: [general-assembly, ministers]
        quotes:
          - id: ongoing-outreach-emphasis
            text: Rather, emphasis was put on the need for ongoing outreach.
            paragraph: 8
""",
        """      - id: consolidate-through-practice
        title: Consolidate R2P through practice
        text: Make the norm real through action that saves lives.
        support: consensus
        actors: []
        quotes:
          - id: consolidate-through-practice-consensus
            text: >-
              Something of a consensus emerged on the need to consolidate the responsibility to
              protect through practice
            paragraph: 7

withdrawn:
  - id: ongoing-outreach
    was: priority
    reason: The theme’s new priority says the same in the source’s own words.
    see: consolidate-through-practice
  - id: ongoing-outreach-emphasis
    was: quote
    reason: It belonged to the withdrawn priority.
    see: consolidate-through-practice-consensus
""",
    )
)
EARLIER = edit(("        support: many\n", "        support: several\n"))
SUPPORT = edit(("        support: several\n", "        support: many\n"))
QUOTE = edit(
    (
        """              support for R2P was “broad rather than deep,” thus highlighting the importance of
              sustained advocacy on R2P.""",
        """              support for R2P was “broad rather than deep,”""",
    )
)


def git(repo: Path, *args: str) -> str:
    """Run git in `repo`; return its output without the final newline."""
    done = subprocess.run(["git", *args], cwd=repo, capture_output=True, text=True, check=True)
    return done.stdout.rstrip("\n")


def final_text() -> str:
    """roadmap.yaml as the last commit of `edit` leaves it."""
    return QUOTE(WITHDRAW(RENAME(base_text()).decode("utf-8")).decode("utf-8")).decode("utf-8")


def isolate_git(monkeypatch: pytest.MonkeyPatch) -> None:
    """Let git see neither the machine's nor the user's settings, and give commits an author."""
    for name, value in {
        "GIT_CONFIG_GLOBAL": "/dev/null",
        "GIT_CONFIG_NOSYSTEM": "1",
        "GIT_AUTHOR_NAME": "Editor",
        "GIT_AUTHOR_EMAIL": "editor@example.org",
        "GIT_COMMITTER_NAME": "Editor",
        "GIT_COMMITTER_EMAIL": "editor@example.org",
    }.items():
        monkeypatch.setenv(name, value)


def make_history(repo: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The repository, with `edit` checked out."""
    isolate_git(monkeypatch)
    repo.mkdir()
    git(repo, "init", "--quiet", "--initial-branch=main")
    (repo / "mkdocs.yml").write_text("site_name: test\n", encoding="utf-8")
    git(repo, "add", "mkdocs.yml")
    git(repo, "commit", "--quiet", "-m", "Site settings, before there was a roadmap")
    git(repo, "tag", "before-roadmap")
    text = EARLIER(base_text()).decode("utf-8")
    (repo / "roadmap.yaml").write_text(text, encoding="utf-8")
    git(repo, "add", "roadmap.yaml")
    git(repo, "commit", "--quiet", "-m", "The roadmap")
    git(repo, "switch", "--quiet", "-c", "edit")
    for message, make in (
        ("Rename a priority", RENAME),
        ("Withdraw a priority", WITHDRAW),
        ("Change a support level", SUPPORT),
        ("Shorten a quote", QUOTE),
    ):
        text = make(text).decode("utf-8")
        (repo / "roadmap.yaml").write_text(text, encoding="utf-8")
        git(repo, "commit", "--quiet", "-am", message)
    monkeypatch.chdir(repo)
    return repo

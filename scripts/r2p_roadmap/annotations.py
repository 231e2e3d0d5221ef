"""`validate --format github`: each problem as a GitHub Actions workflow command, so it shows on its line.

The format is GitHub's `::error file=…,line=…,col=…,title=…::message`; values are escaped as the
Actions toolkit escapes them (a property value may not hold ':' or ',', and no value a line break).
"""

from __future__ import annotations

from pathlib import Path

from .errors import RoadmapError


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def _command(name: str, properties: dict[str, str], message: str) -> str:
    shown = ",".join(f"{key}={_escape_property(value)}" for key, value in properties.items())
    return f"::{name} {shown}::{_escape_data(message)}"


def repository_path(file: Path, root: Path) -> str:
    """`file` relative to the repository root, as GitHub names files in annotations; as given when outside."""
    try:
        return file.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return file.as_posix()


def github_errors(error: RoadmapError, roadmap: Path, shown_as: str, root: Path) -> str:
    """One `::error` command per problem. Problems name `roadmap` as `shown_as`; any other file they
    name (the text of record) is relative to the roadmap's folder."""
    commands = []
    for problem in error.problems:
        file = roadmap if problem.file == shown_as else roadmap.parent / problem.file
        message = f"{problem.message} — hint: {problem.hint}" if problem.hint else problem.message
        where = {
            "file": repository_path(file, root),
            "line": str(problem.line),
            "col": str(problem.column),
            "title": problem.path or problem.file,
        }
        commands.append(_command("error", where, message))
    return "\n".join(commands)


def github_notice(roadmap: Path, root: Path, sentence: str) -> str:
    """The `::notice` command that says the file is valid."""
    return _command("notice", {"file": repository_path(roadmap, root), "title": "No mistakes found"}, sentence)

"""The `r2p-roadmap` command: validate, build and serve. The only place errors become exit codes."""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path

from .annotations import github_errors, github_notice
from .build import ENGINES, Project, build
from .diff_command import run_diff_command
from .errors import RoadmapError
from .links_command import run_links_command
from .load import load_document, read_file
from .quote_finder import quote_blocks
from .scaffold import add_priority, add_quote, describe_added
from .validate import load_roadmap, validate_document
from .validate.translations import translation_file, translation_status

EXIT_OK, EXIT_CONTENT, EXIT_USAGE = 0, 1, 2


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="r2p-roadmap",
        description="Validate roadmap.yaml and build or serve the R2P roadmap site.",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    validate = commands.add_parser("validate", help="check roadmap.yaml only (exit 0 valid, 1 content errors)")
    validate.add_argument("file", nargs="?", type=Path, help="the file to check (default: ./roadmap.yaml)")
    validate.add_argument(
        "--format",
        choices=("text", "json", "github"),
        default="text",
        help="output format: text, json, or github (GitHub Actions annotations on the lines of the file)",
    )
    build_command = commands.add_parser("build", help="validate, render the pages and build the site into site/")
    build_command.add_argument(
        "--engine", choices=ENGINES, default="mkdocs", help="site generator: mkdocs (default) or zensical"
    )
    serve = commands.add_parser("serve", help="build and serve the site with live reload")
    serve.add_argument("--host", default="127.0.0.1", help="address to listen on (default: 127.0.0.1)")
    serve.add_argument("--port", type=int, default=8000, help="port to listen on (default: 8000)")
    diff = commands.add_parser("diff", help="list what changed in roadmap.yaml since a git revision, with its links")
    diff.add_argument("base", nargs="?", help="the revision to compare with (default: the merge base with main)")
    diff.add_argument("--format", choices=("text", "json"), default="text", help="output format")
    links = commands.add_parser("links", help="keep published links working (the link contract)")
    links.add_argument(
        "action",
        choices=("update", "check"),
        help="update: build and append newly published links to published-links.txt; "
        "check: build and fail if the contract misses a published link",
    )
    commands.add_parser(
        "translations",
        help="list, for each language, how many entries of its translation are missing or out of date",
    )
    quote = commands.add_parser("quote", help="find the paragraph of a passage and print it as a quote to paste")
    quote.add_argument("words", nargs="+", help="some words of the passage, in quotes")
    new = commands.add_parser("new", help="add a commented skeleton of a priority or a quote to roadmap.yaml")
    kinds = new.add_subparsers(dest="kind", required=True, metavar="WHAT")
    new_priority = kinds.add_parser("priority", help="add a priority at the end of a theme's priorities")
    new_priority.add_argument("--theme", required=True, metavar="N", help="the theme's number (or its id)")
    new_quote = kinds.add_parser("quote", help="add a quote at the end of a priority's quotes")
    new_quote.add_argument("--priority", required=True, metavar="ID", help="the priority's id")
    return parser


def _report(error: RoadmapError, output_format: str = "text") -> int:
    print(error.to_json() if output_format == "json" else error.format(), file=sys.stderr)
    return EXIT_CONTENT


def _validate(file: Path | None, output_format: str) -> int:
    project = Project.find()
    path = file or project.roadmap
    if not path.is_file():
        print(f"r2p-roadmap: error: no such file: {path}", file=sys.stderr)
        return EXIT_USAGE
    shown_as = str(file) if file else path.name
    try:
        roadmap = load_roadmap(path, shown_as)
    except RoadmapError as error:
        if output_format == "github":  # workflow commands are read from standard output
            print(github_errors(error, path, shown_as, project.root))
            return EXIT_CONTENT
        return _report(error, output_format)
    priorities = sum(len(theme.priorities) for theme in roadmap.themes)
    quotes = sum(len(p.quotes) for theme in roadmap.themes for p in theme.priorities) + len(roadmap.progress)
    sentence = (
        f"{path.name} is valid: {len(roadmap.themes)} themes, {priorities} priorities, "
        f"{quotes} quotes checked against the text of record."
    )
    if len(roadmap.languages) > 1:
        names = [translation_file(code) for code in roadmap.languages[1:]]
        listed = ", ".join(names[:-1]) + " and " + names[-1] if len(names) > 1 else names[0]
        sentence += f" {listed} {'are' if len(names) > 1 else 'is'} complete and up to date."
    if output_format == "json":
        print('{"errors": []}')
    else:
        print(github_notice(path, project.root, sentence) if output_format == "github" else sentence)
    return EXIT_OK


def _translations(project: Project) -> int:
    name = project.roadmap.name
    try:
        document = load_document(read_file(project.roadmap, name), name)
        roadmap = validate_document(document, project.root, translations=False)
    except RoadmapError as error:
        return _report(error)
    if len(roadmap.languages) == 1:
        print(f"{name} lists no language but English (languages: [en]); see the editing guide, Translations.")
        return EXIT_OK
    found = translation_status(document, roadmap.languages, project.root)
    print("\n".join(status.describe() for status in found))
    if any(status.missing or status.stale or status.other for status in found):
        print("Run `r2p-roadmap validate` for each problem, with its line and the fingerprint to write.")
        return EXIT_CONTENT
    return EXIT_OK


def _build(project: Project, engine: str = "mkdocs") -> int:
    try:
        report = build(project, engine=engine)
    except RoadmapError as error:
        return _report(error)
    pages = sum(path.endswith(".md") for path in report.site.pages)  # not the data and citation files
    print(f"Built site/ in {report.seconds:.1f} s: {len(report.roadmap.themes)} themes, {pages} generated pages.")
    return EXIT_OK


def _quote(project: Project, words: str) -> int:
    if not words.strip():
        print('r2p-roadmap: error: give some words of the passage, such as: quote "ongoing outreach"', file=sys.stderr)
        return EXIT_USAGE
    try:
        found = quote_blocks(project.roadmap, words)
    except RoadmapError as error:
        return _report(error)
    if len(found) > 1:
        numbers = [str(number) for number, _ in found]
        listed = ", ".join(numbers[:-1]) + " and " + numbers[-1]
        print(f"These words are in paragraphs {listed}: keep the block of the one you mean.", file=sys.stderr)
    print("\n".join(block for _, block in found))
    return EXIT_OK


def _new(project: Project, kind: str, target: str) -> int:
    try:
        added = add_priority(project.roadmap, target) if kind == "priority" else add_quote(project.roadmap, target)
    except RoadmapError as error:
        return _report(error)
    print(describe_added(added, project.roadmap.name))
    return EXIT_OK


def _serve(project: Project, host: str, port: int) -> int:
    from .preview import serve_project  # MkDocs' live-reload server is needed only here

    return serve_project(project, host, port)


def main(argv: list[str] | None = None) -> int:
    """Run the command line; return the exit code."""
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s: %(message)s")
    args = _parser().parse_args(argv)
    project = Project.find()
    if args.command == "validate":
        return _validate(args.file, args.format)
    if not project.roadmap.is_file() or not project.config_file.is_file():
        print(
            "r2p-roadmap: error: run this inside the repository (no roadmap.yaml and mkdocs.yml here)", file=sys.stderr
        )
        return EXIT_USAGE
    if args.command == "build":
        return _build(project, args.engine)
    if args.command == "diff":
        try:
            return run_diff_command(project, args.base, args.format)
        except RoadmapError as error:
            return _report(error)
    if args.command == "translations":
        return _translations(project)
    if args.command == "quote":
        return _quote(project, " ".join(args.words))
    if args.command == "new":
        return _new(project, args.kind, args.theme if args.kind == "priority" else args.priority)
    if args.command == "links":
        try:
            return run_links_command(project, args.action)
        except RoadmapError as error:
            return _report(error)
    return _serve(project, args.host, args.port)


if __name__ == "__main__":
    sys.exit(main())

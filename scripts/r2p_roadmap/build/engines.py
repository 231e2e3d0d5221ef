"""The two site generators a build can run on its private folder: MkDocs (with Material for MkDocs),
in this process, and Zensical, its successor, as a command. Both read the same derived configuration;
their warnings become problems, since the build is strict."""

from __future__ import annotations

import logging
import re
import subprocess
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import jinja2
from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort, ConfigurationError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import Files

from ..errors import Problem, RoadmapError

_HINT = "generated pages come from roadmap.yaml; fix the page or setting named here"
# Zensical colours its messages for a terminal; they are passed on as plain text.
_ANSI = re.compile(r"\x1b\[[0-9;]*m")
# A warning, and the line after it that says where: "Warning: page does not exist" / "╭─[ about.md:39:10 ]".
_WARNING = re.compile(r"^\s*(?:Warning|Error):\s*(?P<message>.+?)\s*$")
_WHERE = re.compile(r"\[\s*(?P<file>[^\]\s]+):(?P<line>\d+):(?P<column>\d+)\s*\]")


class _Collect(logging.Handler):
    """Keeps MkDocs' warnings so they can be reported as problems."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


class _CompiledTemplates(jinja2.BytecodeCache):
    """Jinja's compiled templates, kept for the life of the process. Each MkDocs build makes a new
    template environment, which would compile Material's templates again: a build makes the site and
    then its offline copy from the same templates, and the preview builds again at every save. Jinja
    checks each template's source against its checksum before it reuses the code."""

    def __init__(self) -> None:
        self._code: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        code = self._code.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self._code[bucket.key] = bucket.bytecode_to_string()


_TEMPLATES = _CompiledTemplates()


class _NoSettings(Config):  # type: ignore[no-untyped-call]  # MkDocs' __init_subclass__
    """The settings of a plugin that has none."""


class _ReuseTemplates(BasePlugin[_NoSettings]):  # type: ignore[no-untyped-call]
    """Gives each build's template environment the process's compiled templates."""

    def on_env(self, env: jinja2.Environment, /, *, config: MkDocsConfig, files: Files) -> jinja2.Environment:
        env.bytecode_cache = _TEMPLATES
        return env


@contextmanager
def _mkdocs_warnings() -> Iterator[_Collect]:
    handler = _Collect()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(handler)
    try:
        yield handler
    finally:
        logger.removeHandler(handler)


def run_mkdocs(config_file: Path, site_dir: Path, adjust: Callable[[MkDocsConfig], None] | None = None) -> None:
    """`mkdocs build --strict` of the configuration at `config_file` into `site_dir`; RoadmapError on failure.

    `adjust` may change the loaded configuration first (the offline copy turns a plugin on)."""
    docs = str(config_file.parent / "docs")
    with _mkdocs_warnings() as warnings:
        try:
            config = load_config(config_file=str(config_file), site_dir=str(site_dir), strict=True)
            config.plugins["r2p/compiled-templates"] = _ReuseTemplates()
            if adjust:
                adjust(config)
            mkdocs_build(config)
        except (Abort, ConfigurationError) as error:
            messages = warnings.messages or [str(error)]
            raise RoadmapError(
                Problem(1, 1, "", message.replace(docs, "docs"), _HINT, "mkdocs build") for message in messages
            ) from None


def run_zensical(config_file: Path) -> None:
    """`zensical build --strict` of the configuration at `config_file`, into the folder it names."""
    # --clean: a build from a fresh private folder gains nothing from a cache of an earlier one.
    result = subprocess.run(
        [sys.executable, "-m", "zensical", "build", "--strict", "--clean", "--config-file", config_file.name],
        cwd=config_file.parent,
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        output = _ANSI.sub("", result.stdout + result.stderr).replace(str(config_file.parent / "docs"), "docs")
        raise RoadmapError(_problems(output))


def _problems(output: str) -> list[Problem]:
    """Zensical's warnings as problems, each at the page, line and column that its report points to."""
    hint = _HINT
    if "No module named zensical" in output:
        return [
            Problem(1, 1, "", "Zensical is not installed", "install the development tools: pip install -e '.[dev]'")
        ]
    problems = []
    lines = output.splitlines()
    for index, line in enumerate(lines):
        warning = _WARNING.match(line)
        if not warning:
            continue
        where = next((m for later in lines[index + 1 : index + 3] if (m := _WHERE.search(later))), None)
        if where:
            problems.append(
                Problem(int(where["line"]), int(where["column"]), "", warning["message"], hint, f"docs/{where['file']}")
            )
        else:
            problems.append(Problem(1, 1, "", warning["message"], hint, "zensical build"))
    last = output.strip().splitlines()[-1:] or ["zensical build failed"]
    return problems or [Problem(1, 1, "", last[0], hint, "zensical build")]

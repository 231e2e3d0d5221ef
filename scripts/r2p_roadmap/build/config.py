"""The site configuration a build runs on: mkdocs.yml as committed, plus what only the build knows.

mkdocs.yml is read, never written. Its nav holds the entry `- Themes: themes/`, which each build
replaces with the numbered list of themes from roadmap.yaml; the build also sets the folders of its
private copy, the data version shown on every page and, for a preview, the address it is served at.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import urljoin

import yaml

from ..errors import Problem, RoadmapError
from ..load import decode_utf8, read_file

CONFIG_NAME = "mkdocs.yml"
# The nav entry that stands for the list of themes, which comes from roadmap.yaml.
THEMES_ENTRY = "themes/"


def _problem(message: str, hint: str, line: int = 1, column: int = 1, path: str = "") -> RoadmapError:
    return RoadmapError([Problem(line, column, path, message, hint, CONFIG_NAME)])


def read_config(config_file: Path) -> dict[str, Any]:
    """mkdocs.yml as data; RoadmapError naming the line of anything the build cannot use."""
    text = decode_utf8(read_file(config_file, CONFIG_NAME), CONFIG_NAME)
    try:
        data = yaml.safe_load(text)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        raise _problem(
            f"mkdocs.yml is not valid YAML: {error.problem or error.context}",
            "undo the last change to mkdocs.yml; the YAML tags of MkDocs (such as !ENV) are not used here",
            line,
            column,
        ) from None
    except yaml.YAMLError as error:
        raise _problem(f"mkdocs.yml is not valid YAML: {error}", "undo the last change to mkdocs.yml") from None
    if not isinstance(data, dict):
        raise _problem("mkdocs.yml must hold settings such as site_name:", "restore mkdocs.yml from the repository")
    site_url(data)
    _themes_entry(data, text)
    return data


def site_url(config: dict[str, Any]) -> str:
    """The site_url of the configuration, ending in '/': the base of every permanent link."""
    url = config.get("site_url")
    if not isinstance(url, str) or not url.startswith(("https://", "http://")):
        raise _problem(
            "site_url is missing or is not a web address",
            "set site_url: to the address the site is published at, such as https://r2p-roadmap.github.io/; "
            "permanent links are built from it",
            path="site_url",
        )
    return url.rstrip("/") + "/"


def roadmap_edit_url(config: dict[str, Any]) -> str:
    """roadmap.yaml in the repository's web editor, from `edit_uri` (MkDocs' convention: the editor's
    address of the docs folder, such as https://github.com/o/r/edit/main/docs/), or '' without it."""
    edit_uri = config.get("edit_uri")
    repo_url = config.get("repo_url")
    if not isinstance(edit_uri, str) or not edit_uri:
        return ""
    base = urljoin(repo_url.rstrip("/") + "/", edit_uri) if isinstance(repo_url, str) else edit_uri
    if not base.startswith(("https://", "http://")):
        return ""
    docs = str(config.get("docs_dir", "docs")).strip("/")
    folder = base.rstrip("/").removesuffix("/" + docs) if docs else base.rstrip("/")
    return folder + "/roadmap.yaml"


def repository_url(config: dict[str, Any]) -> str:
    """The repository's web address, from `repo_url` or the `edit_uri` that names its web editor
    (https://github.com/o/r/edit/main/docs/ → https://github.com/o/r), or '' without either."""
    edit_url = roadmap_edit_url(config)
    repo_url = config.get("repo_url")
    if isinstance(repo_url, str) and repo_url.startswith(("https://", "http://")):
        return repo_url.rstrip("/")
    return edit_url.split("/edit/")[0] if "/edit/" in edit_url else ""


def configured_site_url(config_file: Path) -> str:
    """The site_url of the mkdocs.yml at `config_file`."""
    return site_url(read_config(config_file))


def _themes_entry(config: dict[str, Any], text: str) -> int:
    """The index in the nav of the entry that stands for the themes; RoadmapError when there is none."""
    nav = config.get("nav")
    for index, entry in enumerate(nav if isinstance(nav, list) else []):
        if isinstance(entry, dict) and len(entry) == 1 and next(iter(entry.values())) == THEMES_ENTRY:
            return index
    line = next((n for n, typed in enumerate(text.splitlines(), start=1) if typed.startswith("nav:")), 1)
    raise _problem(
        f"the nav has no entry '{THEMES_ENTRY}' for the list of themes",
        f"put the line '  - Themes: {THEMES_ENTRY}' under nav: where the themes belong; "
        "the build fills it from roadmap.yaml",
        line,
        path="nav",
    )


def derive_config(
    config: dict[str, Any],
    themes: list[dict[str, str]],
    extra: dict[str, Any],
    url: str | None = None,
    abbreviations: dict[str, str] | None = None,
) -> dict[str, Any]:
    """The configuration of one build's private copy: folders `docs` and `site` beside it, the themes in
    the nav, `extra` values for the templates, the glossary of the `abbr` extension (which explains each
    abbreviation and term wherever a page uses it) and, when given, another site address."""
    derived = dict(config)
    if abbreviations:
        extensions = [
            entry
            for entry in config.get("markdown_extensions", [])
            if entry != "abbr" and not (isinstance(entry, dict) and "abbr" in entry)
        ]
        derived["markdown_extensions"] = [*extensions, {"abbr": {"glossary": abbreviations}}]
    nav = list(config["nav"])
    index = _themes_entry(config, "")
    label = next(iter(nav[index]))
    nav[index] = {label: themes}
    derived.update(nav=nav, docs_dir="docs", site_dir="site", extra={**config.get("extra", {}), **extra})
    if url:
        derived["site_url"] = url
    return derived

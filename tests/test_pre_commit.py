"""The pre-commit hook: its manifest and the documented configurations pass pre-commit's own validators,
it runs only for roadmap.yaml and its translations, and it stops a commit that breaks the file."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from .bad_input.cases import CASES, ROOT, write_case
from .diff_history import git, isolate_git
from .test_editing_guide import _blocks, _section

MANIFEST = ROOT / ".pre-commit-hooks.yaml"
CONFIG = ROOT / ".pre-commit-config.yaml"
HOOK = "r2p-roadmap-validate"
# What a commit may touch besides roadmap.yaml; none of it is the roadmap.
OTHER_FILES = [
    "docs/roadmap.yaml",
    "tests/bad_input/base.yaml",
    "roadmap.yaml.orig",
    "old-roadmap.yaml",
    "roadmap.yml",
    "roadmapXyaml",
    "mkdocs.yml",
    "published-links.txt",
]


def _pre_commit(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "pre_commit", *args], cwd=cwd, capture_output=True, text=True, check=False
    )


def _documented_configs() -> list[dict[str, Any]]:
    blocks = [yaml.safe_load(block) for block in _blocks("yaml", _section("Check before each commit"))]
    return [block for block in blocks if isinstance(block, dict) and "repos" in block]


def _documented_local_config() -> dict[str, Any]:
    (config,) = (config for config in _documented_configs() if config["repos"][0]["repo"] == "local")
    return config


def _hooks(config: dict[str, Any]) -> list[dict[str, Any]]:
    return [hook for repo in config["repos"] for hook in repo["hooks"]]


@pytest.mark.slow
def test_the_manifest_is_valid_for_pre_commit() -> None:
    result = _pre_commit("validate-manifest", str(MANIFEST))
    assert (result.returncode, result.stdout, result.stderr) == (0, "", "")


def test_the_manifest_installs_the_package_and_runs_its_command() -> None:
    (hook,) = yaml.safe_load(MANIFEST.read_text(encoding="utf-8"))
    assert hook["id"] == HOOK
    assert (hook["language"], hook["entry"], hook["pass_filenames"]) == ("python", "r2p-roadmap validate", False)
    assert 'r2p-roadmap = "r2p_roadmap.cli:main"' in (ROOT / "pyproject.toml").read_text(encoding="utf-8")


@pytest.mark.slow
def test_the_documented_configurations_are_valid(tmp_path: Path) -> None:
    configs = _documented_configs()
    assert sorted(config["repos"][0]["repo"] == "local" for config in configs) == [False, True]
    for number, config in enumerate(configs):
        file = tmp_path / f"config-{number}.yaml"
        file.write_text(yaml.safe_dump(config), encoding="utf-8")
        result = _pre_commit("validate-config", str(file))
        assert (result.returncode, result.stdout, result.stderr) == (0, "", ""), config
        assert [hook["id"] for hook in _hooks(config)] == [HOOK]


@pytest.mark.slow
def test_the_repository_has_the_documented_local_configuration() -> None:
    assert yaml.safe_load(CONFIG.read_text(encoding="utf-8")) == _documented_local_config()
    result = _pre_commit("validate-config", str(CONFIG))
    assert (result.returncode, result.stdout, result.stderr) == (0, "", "")


@pytest.mark.parametrize("source", ["manifest", "local configuration"])
def test_the_hook_runs_for_roadmap_yaml_and_its_translations_only(source: str) -> None:
    if source == "manifest":
        (hook,) = yaml.safe_load(MANIFEST.read_text(encoding="utf-8"))
    else:
        (hook,) = _hooks(_documented_local_config())
    files = re.compile(hook["files"])  # pre-commit searches each path relative to the repository root
    assert files.search("roadmap.yaml")
    assert files.search("translations/fr.yaml")
    assert [name for name in OTHER_FILES if files.search(name)] == []
    assert not files.search("translations/interface.yaml")  # the interface strings, which validate does not read


def _commit(repo: Path, message: str) -> subprocess.CompletedProcess[str]:
    """Commit what is staged; the output of the hook comes back as `stdout`."""
    return subprocess.run(
        ["git", "commit", "--quiet", "-m", message],
        cwd=repo,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        check=False,
    )


@pytest.mark.slow
def test_the_installed_hook_stops_a_commit_that_breaks_roadmap_yaml(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    isolate_git(monkeypatch)
    monkeypatch.setenv("PRE_COMMIT_HOME", str(tmp_path / "pre-commit-home"))
    repo = tmp_path / "clone"
    case = next(case for case in CASES if case.name == "missing-required-field")
    roadmap = write_case(case, repo)  # also links source/, the text of record
    broken = roadmap.read_bytes()
    roadmap.write_bytes((ROOT / "tests" / "bad_input" / "base.yaml").read_bytes())
    (repo / ".venv").symlink_to(Path(sys.prefix))  # the checkout's .venv, as `make setup` leaves it
    (repo / ".gitignore").write_text(".venv\n", encoding="utf-8")
    (repo / ".pre-commit-config.yaml").write_bytes(CONFIG.read_bytes())
    (repo / "notes.txt").write_text("first\n", encoding="utf-8")
    git(repo, "init", "--quiet", "--initial-branch=main")
    install = _pre_commit("install", cwd=repo)
    assert install.returncode == 0, install.stdout + install.stderr
    git(repo, "add", ".")
    first = _commit(repo, "A valid roadmap")
    assert (first.returncode, first.stdout) == (0, "Check roadmap.yaml (r2p-roadmap validate)" + "." * 32 + "Passed\n")

    roadmap.write_bytes(broken)
    git(repo, "add", "roadmap.yaml")
    refused = _commit(repo, "A priority without its support level")
    assert refused.returncode == 1
    assert refused.stdout.endswith(f"- exit code: 1\n\n{case.expected}\n\n")
    assert git(repo, "log", "--format=%s") == "A valid roadmap"

    # With the broken file left out of the commit, a change to another file goes through unchecked.
    git(repo, "restore", "--staged", "roadmap.yaml")
    (repo / "notes.txt").write_text("second\n", encoding="utf-8")
    git(repo, "add", "notes.txt")
    other = _commit(repo, "Notes only")
    assert other.returncode == 0, other.stdout + other.stderr
    assert "Check roadmap.yaml (r2p-roadmap validate)" + "." * 12 + "(no files to check)Skipped" in other.stdout.split(
        "\n"
    )
    assert roadmap.read_bytes() == broken  # pre-commit put the unstaged change back

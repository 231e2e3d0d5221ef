"""The publishing workflow is valid GitHub Actions and runs only the project's own commands."""

from __future__ import annotations

import subprocess
import sys
from typing import Any

import pytest
import yaml

from .conftest import ROOT

WORKFLOW = ROOT / ".github" / "workflows" / "publish.yml"

# The commands of the README and Makefile: install the browser, set up and test, then build.
PROJECT_COMMANDS = ["make chromium", "make test", ".venv/bin/r2p-roadmap build"]
# GitHub's own actions, one job each: check out, keep the zip, publish to Pages.
OFFICIAL_ACTIONS = {
    "actions/checkout",
    "actions/upload-artifact",
    "actions/configure-pages",
    "actions/upload-pages-artifact",
    "actions/deploy-pages",
}


@pytest.fixture(scope="module")
def workflow() -> dict[Any, Any]:
    data: dict[Any, Any] = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    return data


def _steps(workflow: dict[Any, Any], job: str) -> list[dict[str, Any]]:
    steps: list[dict[str, Any]] = workflow["jobs"][job]["steps"]
    return steps


def test_the_workflow_matches_github_actions_schema() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "check_jsonschema", "--builtin-schema", "vendor.github-workflows", str(WORKFLOW)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_it_runs_on_every_push_to_main(workflow: dict[Any, Any]) -> None:
    triggers: dict[str, Any] = workflow["on"] if "on" in workflow else workflow[True]  # YAML 1.1: `on` is true
    assert triggers["push"]["branches"] == ["main"]


def test_it_runs_only_the_projects_own_commands_in_order(workflow: dict[Any, Any]) -> None:
    commands = [step["run"].strip() for job in workflow["jobs"] for step in _steps(workflow, job) if "run" in step]
    assert commands == PROJECT_COMMANDS


def test_it_uses_only_official_actions_at_a_major_version(workflow: dict[Any, Any]) -> None:
    used = [step["uses"] for job in workflow["jobs"] for step in _steps(workflow, job) if "uses" in step]
    assert {action.split("@")[0] for action in used} == OFFICIAL_ACTIONS
    assert all(action.split("@")[1].startswith("v") for action in used)


def test_tests_run_on_debian_with_python(workflow: dict[Any, Any]) -> None:
    image = workflow["jobs"]["build"]["container"]
    assert image.startswith("python:3.11") and "bookworm" in image


def test_it_keeps_the_offline_zip_and_deploys_site_to_pages(workflow: dict[Any, Any]) -> None:
    steps = {step["uses"].split("@")[0]: step for step in _steps(workflow, "build") if "uses" in step}
    assert steps["actions/upload-artifact"]["with"]["path"] == "site/**/*.zip"
    assert steps["actions/upload-pages-artifact"]["with"]["path"] == "site/"
    deploy = workflow["jobs"]["deploy"]
    assert deploy["needs"] == "build"
    assert deploy["environment"]["name"] == "github-pages"
    assert workflow["permissions"] == {"contents": "read", "pages": "write", "id-token": "write"}


def test_the_commands_exist_in_the_project() -> None:
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert "\ntest:" in makefile and "\nchromium:" in makefile
    assert (ROOT / "pyproject.toml").read_text(encoding="utf-8").count('r2p-roadmap = "r2p_roadmap.cli:main"') == 1

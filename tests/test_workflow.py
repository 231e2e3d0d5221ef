# ruff: noqa: E501 - the expected job summaries are quoted whole, one line each
"""The workflows are valid GitHub Actions and run only the project's own commands: the publishing one
on every push to main, the checks on every pull request."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from .conftest import ROOT

WORKFLOW = ROOT / ".github" / "workflows" / "publish.yml"
CHECK = ROOT / ".github" / "workflows" / "check.yml"

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


@pytest.mark.slow
@pytest.mark.parametrize("file", [WORKFLOW, CHECK], ids=lambda file: file.name)
def test_the_workflow_matches_github_actions_schema(file: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "check_jsonschema", "--builtin-schema", "vendor.github-workflows", str(file)],
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
    assert "\ntest:" in makefile and "\nchromium:" in makefile and "\nsetup:" in makefile
    assert (ROOT / "pyproject.toml").read_text(encoding="utf-8").count('r2p-roadmap = "r2p_roadmap.cli:main"') == 1


# --- the checks of a pull request ------------------------------------------------------------------

# A validate that fails as the real one does: messages on standard error, the count on the last line.
FAILING_VALIDATE = "roadmap.yaml:42:18: themes[1].priorities[1].support: a mistake\n    hint: a fix\n2 errors found; nothing was written."


@pytest.fixture(scope="module")
def check() -> dict[Any, Any]:
    data: dict[Any, Any] = yaml.safe_load(CHECK.read_text(encoding="utf-8"))
    return data


def _check_steps(check: dict[Any, Any]) -> dict[str, dict[str, Any]]:
    return {step["name"]: step for step in _steps(check, "check")}


def _run_step(script: str, folder: Path, **env: str) -> tuple[list[str], str]:
    """Run a step's script with bash as GitHub does, where the only programs are stand-ins for make and
    .venv/bin/r2p-roadmap that record how they were called; return the calls and the job summary."""
    programs = folder / "bin"
    (folder / ".venv" / "bin").mkdir(parents=True, exist_ok=True)
    programs.mkdir(exist_ok=True)
    calls, summary = folder / "calls.txt", folder / "summary.md"
    for path, name in (
        (programs / "make", "make"),
        (folder / ".venv" / "bin" / "r2p-roadmap", ".venv/bin/r2p-roadmap"),
    ):
        path.write_text(
            "#!/bin/sh\n"
            f'printf "%s\\n" "{name} $*" >> "$CALLS"\n'
            'if [ "$1 $2" = "validate " ] && [ -n "$FAIL_VALIDATE" ]; then\n'
            f"  printf '%s\\n' '{FAILING_VALIDATE}' >&2; exit 1\n"
            "fi\n"
            'if [ "$1" = diff ]; then printf "%s\\n" "No content changes in roadmap.yaml since $2 (1234567)."; fi\n',
            encoding="utf-8",
        )
        path.chmod(0o755)
    calls.write_text("", encoding="utf-8")
    summary.write_text("", encoding="utf-8")
    variables = {
        "PATH": str(programs),
        "CALLS": str(calls),
        "GITHUB_STEP_SUMMARY": str(summary),
        "GITHUB_BASE_REF": "main",
    }
    done = subprocess.run(
        ["/bin/bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", script],
        cwd=folder,
        env={**variables, **env},
        capture_output=True,
        text=True,
        check=False,
    )
    assert (done.returncode, done.stderr) == (0, ""), "a step called a program other than make and r2p-roadmap"
    return calls.read_text(encoding="utf-8").splitlines(), summary.read_text(encoding="utf-8")


def test_checks_run_on_every_pull_request(check: dict[Any, Any]) -> None:
    triggers: dict[str, Any] = check["on"] if "on" in check else check[True]  # YAML 1.1: `on` is true
    assert triggers == {"pull_request": None}
    assert check["permissions"] == {"contents": "read"}


def test_checks_run_in_the_same_container_as_publishing(check: dict[Any, Any], workflow: dict[Any, Any]) -> None:
    assert check["jobs"]["check"]["container"] == workflow["jobs"]["build"]["container"]
    assert check["defaults"]["run"]["shell"] == "bash"


def test_checks_run_only_the_projects_own_commands_in_order(check: dict[Any, Any], tmp_path: Path) -> None:
    called = []
    for step in _steps(check, "check"):
        if "run" in step:
            calls, _ = _run_step(step["run"], tmp_path, VALIDATE="success", BUILD="success", TEST="success")
            called += calls
    assert called == [
        "make setup",
        ".venv/bin/r2p-roadmap validate --format github",
        ".venv/bin/r2p-roadmap diff origin/main",
        ".venv/bin/r2p-roadmap build",
        "make chromium",
        "make test",
    ]


def test_checks_use_only_githubs_own_actions(check: dict[Any, Any]) -> None:
    used = [step["uses"] for step in _steps(check, "check") if "uses" in step]
    assert [action.split("@")[0] for action in used] == ["actions/checkout", "actions/upload-artifact"]
    assert all(action.split("@")[1].startswith("v") for action in used)


def test_checks_annotate_every_mistake_on_its_line(check: dict[Any, Any]) -> None:
    assert _check_steps(check)["Check roadmap.yaml"]["run"] == ".venv/bin/r2p-roadmap validate --format github"


def test_the_change_summary_goes_into_the_job_summary(check: dict[Any, Any], tmp_path: Path) -> None:
    steps = _check_steps(check)
    # The merge base with the branch a pull request is proposed for needs the whole history.
    assert steps["Check out the proposed change, with the history it is compared with"]["with"] == {"fetch-depth": 0}
    step = steps["Summarise what the change does to the roadmap"]
    assert "!cancelled()" in step["if"]  # also when roadmap.yaml has mistakes
    _, summary = _run_step(step["run"], tmp_path)
    assert summary == (
        "## What this change does to the roadmap\n\nNo content changes in roadmap.yaml since origin/main (1234567).\n"
    )


def test_the_built_site_is_kept_as_the_preview(check: dict[Any, Any]) -> None:
    upload = _check_steps(check)["Keep the built site as the preview"]
    assert upload["uses"].startswith("actions/upload-artifact@")
    assert upload["with"]["name"] == "site-preview" and upload["with"]["path"] == "site/"
    assert upload["if"] == "${{ !cancelled() && steps.build.outcome == 'success' }}"


def test_the_job_summary_says_in_plain_words_what_the_checks_found(check: dict[Any, Any], tmp_path: Path) -> None:
    step = _check_steps(check)["Say what the checks found"]
    assert step["if"] == "${{ !cancelled() }}"
    assert step["env"]["PREVIEW"] == "${{ steps.preview.outputs.artifact-url }}"
    calls, summary = _run_step(
        step["run"], tmp_path, VALIDATE="failure", BUILD="skipped", TEST="failure", PREVIEW="", FAIL_VALIDATE="1"
    )
    assert calls == [".venv/bin/r2p-roadmap validate"]
    assert summary.split("\n") == [
        "## What the checks found",
        "",
        '- **roadmap.yaml has mistakes: 2 errors found.** Each is marked on its line in the pull request\'s "Files changed" tab, with a hint for the fix (GitHub marks the first ten); all of them are listed below.',
        "- **The site was not built**, because roadmap.yaml did not pass its check.",
        '- **Some tests failed**: see the log of the step "Run ruff, mypy and every test".',
        "- **No preview**, because the site was not built.",
        "",
        "### The mistakes in roadmap.yaml",
        "",
        "```text",
        *FAILING_VALIDATE.split("\n"),
        "```",
        "",
    ]
    _, summary = _run_step(
        step["run"],
        tmp_path / "valid",
        VALIDATE="success",
        BUILD="success",
        TEST="success",
        PREVIEW="https://example.org/a/1",
    )
    assert summary.split("\n") == [
        "## What the checks found",
        "",
        "- **roadmap.yaml is valid**: every field and every quote passed.",
        "- **The site was built.**",
        "- **All tests passed.**",
        '- **Preview**: download [site-preview](https://example.org/a/1), also listed under "Artifacts" at the bottom of this page. Unzip it, unzip `downloads/r2p-roadmap-offline.zip` from it, and open `r2p-roadmap/index.html` in your browser.',
        "",
    ]

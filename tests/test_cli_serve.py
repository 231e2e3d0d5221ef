"""`r2p-roadmap serve` serves the built site and rebuilds it when roadmap.yaml is saved."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable

from r2p_roadmap.build import Project


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def wait_for(condition: Callable[[], bool], seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.2)
    return False


def fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return str(response.read().decode("utf-8"))
    except OSError:
        return ""


def test_serve_rebuilds_when_roadmap_is_saved(project: Project) -> None:
    port = free_port()
    url = f"http://127.0.0.1:{port}/themes/veto-restraint/"
    log = project.root.parent / "serve.log"
    with (
        log.open("w") as output,
        subprocess.Popen(
            [sys.executable, "-m", "r2p_roadmap.cli", "serve", "--port", str(port)],
            cwd=project.root,
            stdout=output,
            stderr=subprocess.STDOUT,
            env={**os.environ, "PYTHONUNBUFFERED": "1"},
        ) as server,
    ):
        try:
            assert wait_for(lambda: "Veto restraint" in fetch(url), 60), log.read_text()
            text = project.roadmap.read_text(encoding="utf-8")
            project.roadmap.write_text(text.replace("short_title: Veto restraint", "short_title: Veto held back"))
            assert wait_for(lambda: "Veto held back" in fetch(url), 30), log.read_text()
        finally:  # a server that does not stop when asked is stopped, so no test leaves one running
            server.terminate()
            try:
                server.wait(timeout=20)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait()

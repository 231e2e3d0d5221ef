"""Live preview for `r2p-roadmap serve`: rebuild on every save, keep serving the last good site when
a save is invalid, and show the errors in a banner on every page until the file is fixed.

The banner exists only in the preview server's responses: it is added to each HTML page as it is
served, never written into the site, so a production build neither contains nor requests it.
"""

from __future__ import annotations

import html
import re
import shutil
import signal
import socket
import sys
import tempfile
import threading
from pathlib import Path
from types import FrameType

from mkdocs.livereload import LiveReloadServer

from .build import Project, build
from .errors import RoadmapError

BANNER_ID = "r2p-preview-errors"
# Inline styles: the banner must not depend on the site's stylesheets, which may be what is broken.
_BANNER_STYLE = (
    "position:fixed;left:0;right:0;bottom:0;z-index:1000;max-height:45vh;overflow:auto;margin:0;"
    "padding:12px 16px;background:#9b0000;color:#fff;font:15px/1.5 system-ui,sans-serif;"
    "box-shadow:0 -2px 8px rgba(0,0,0,.4);border-top:4px solid #ffd54f"
)
_CODE_STYLE = "font-family:ui-monospace,monospace;white-space:pre-wrap;color:#fff;background:none"
_BODY = re.compile(rb"<body\b[^>]*>")


def render_error_banner(error: RoadmapError) -> str:
    """The HTML of the banner listing every problem of a failed rebuild, with its hint."""
    count = len(error.problems)
    items = []
    for problem in error.problems:
        where = f"{problem.file}:{problem.line}:{problem.column}"
        what = f"{problem.path}: {problem.message}" if problem.path else problem.message
        hint = f'<br><span style="opacity:.9">hint: {html.escape(problem.hint)}</span>' if problem.hint else ""
        items.append(
            f'<li style="margin:.25em 0"><code style="{_CODE_STYLE}">{html.escape(where)}</code> '
            f"{html.escape(what)}{hint}</li>"
        )
    return (
        f'<section id="{BANNER_ID}" role="alert" aria-labelledby="{BANNER_ID}-title" tabindex="0" '
        f'style="{_BANNER_STYLE}">'
        f'<h2 id="{BANNER_ID}-title" style="margin:0 0 .25em;font-size:17px;color:#fff">'
        f"roadmap.yaml has {count} error{'s' if count != 1 else ''}: this preview still shows the last good "
        "version</h2>"
        '<p style="margin:0 0 .25em">Fix the file and save it; the page updates by itself.</p>'
        f'<ul style="margin:0;padding-left:1.25em">{"".join(items)}</ul></section>'
    )


class PreviewServer(LiveReloadServer):
    """MkDocs' live-reload server that also adds the error banner to every page while a save is invalid."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self._banner_lock = threading.Lock()
        self._banner = b""

    def show_errors(self, error: RoadmapError | None) -> None:
        """Show the banner for `error` on every page served from now on, or remove it (None)."""
        with self._banner_lock:
            self._banner = render_error_banner(error).encode() if error else b""

    def _inject_js_into_html(self, content: bytes, epoch: int) -> bytes:
        content = super()._inject_js_into_html(content, epoch)  # type: ignore[no-untyped-call]
        with self._banner_lock:
            banner = self._banner
        body = _BODY.search(content)
        if not banner or body is None:
            return content
        # First in the body, so that screen readers and keyboard users meet it first; it can take the
        # focus because a long list scrolls.
        return content[: body.end()] + banner + content[body.end() :]


def _stop(signum: int, frame: FrameType | None) -> None:
    raise KeyboardInterrupt


def _port_problem(host: str, port: int) -> str | None:
    """Why the server could not listen on host:port, or None if it can."""
    try:
        with socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET) as probe:
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            probe.bind((host, port))
    except OSError as error:
        return f"cannot listen on {host}:{port} ({error.strerror}); choose another port with --port"
    return None


def serve_project(project: Project, host: str, port: int) -> int:
    """Build and serve the site on host:port, rebuilding on every save; return the exit code."""
    folder = Path(tempfile.mkdtemp(prefix="r2p-serve-"))
    site_dir = folder / "site"
    url = f"http://{host}:{port}/"
    server: PreviewServer | None = None

    def rebuild() -> None:
        try:
            report = build(project, site_dir=site_dir, site_url=url)
        except RoadmapError as error:
            print(error.format(), file=sys.stderr)
            print("Still serving the last good build; save a fix to update it.", file=sys.stderr, flush=True)
            if server is not None:
                server.show_errors(error)
            return
        if server is not None:
            server.show_errors(None)
        print(f"Rebuilt in {report.seconds:.1f} s; serving {url}", flush=True)

    problem = _port_problem(host, port)
    if problem:
        print(f"r2p-roadmap: error: {problem}", file=sys.stderr)
        return 2
    signal.signal(signal.SIGTERM, _stop)
    try:
        rebuild()
        if not site_dir.is_dir():
            return 1
        # Checking the files four times a second keeps a save within two seconds of the page.
        server = PreviewServer(builder=rebuild, host=host, port=port, root=str(site_dir), polling_interval=0.25)
        for path in (
            project.roadmap,
            project.config_file,
            project.docs_dir,
            project.root / "themes",
            project.root / "source",
            project.root / "translations",
        ):
            if path.exists():
                server.watch(str(path))
        try:
            server.serve()  # type: ignore[no-untyped-call]
        except KeyboardInterrupt:
            pass
        finally:
            server.shutdown()
        return 0
    finally:
        shutil.rmtree(folder, ignore_errors=True)

"""Lighthouse's mobile profile on a built site served with gzip: performance score and paint times.

    .venv/bin/r2p-roadmap build
    npm install --prefix /tmp/lighthouse lighthouse@12      # once; Lighthouse is a Node program
    .venv/bin/python benchmarks/lighthouse.py --lighthouse /tmp/lighthouse/node_modules/.bin/lighthouse

The site is served from 127.0.0.1 with gzip, as a static host serves it; Lighthouse drives Debian's
Chromium with its default mobile settings (simulated slow 4G and a four-times slower CPU), so the
figures are comparable from one machine to the next. Each page is measured --runs times and the
median run is printed, since one run on a busy machine can be off by a tenth of a second.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import json
import os
import subprocess
import sys
import tempfile
import threading
from pathlib import Path
from typing import Any

from transfer import GZIP_LEVEL

ROOT = Path(__file__).resolve().parents[1]
PAGES = ("themes/veto-restraint/", "", "consensus/")
COMPRESSED = {".html", ".css", ".js", ".json", ".svg", ".xml", ".txt"}
CHROME_FLAGS = "--headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update"


class GzipHandler(http.server.SimpleHTTPRequestHandler):
    """Serves files as a static host does: text compressed with gzip when the browser accepts it."""

    def log_message(self, format: str, *args: object) -> None:
        pass

    def send_head(self) -> Any:
        path = Path(self.translate_path(self.path))
        if path.is_dir() and self.path.split("?")[0].endswith("/"):
            path = path / "index.html"
        accepts = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (accepts and path.suffix in COMPRESSED and path.is_file()):
            return super().send_head()  # other files, and the redirect of a folder's address without its "/"
        body = gzip.compress(path.read_bytes(), GZIP_LEVEL)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)
        return None


def serve(site: Path) -> tuple[http.server.ThreadingHTTPServer, str]:
    """`site` served with gzip on a free port of 127.0.0.1; the server and its root URL."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(GzipHandler, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


def measure(lighthouse: str, url: str, chromium: str) -> dict[str, float]:
    """One Lighthouse run of `url` (mobile, performance only): score and the paint times in seconds."""
    with tempfile.TemporaryDirectory() as folder:
        report = Path(folder) / "report.json"
        subprocess.run(
            [
                lighthouse,
                url,
                "--only-categories=performance",
                "--output=json",
                f"--output-path={report}",
                f"--chrome-flags={CHROME_FLAGS}",
                "--quiet",
            ],
            check=True,
            env={**os.environ, "CHROME_PATH": chromium},
        )
        data = json.loads(report.read_text(encoding="utf-8"))
    audits = data["audits"]
    return {
        "score": data["categories"]["performance"]["score"],
        "fcp": audits["first-contentful-paint"]["numericValue"] / 1000,
        "lcp": audits["largest-contentful-paint"]["numericValue"] / 1000,
        "tbt": audits["total-blocking-time"]["numericValue"] / 1000,
        "cls": audits["cumulative-layout-shift"]["numericValue"],
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lighthouse", default="lighthouse", help="the lighthouse command (default: on PATH)")
    parser.add_argument("--chromium", default=os.environ.get("CHROMIUM", "/usr/bin/chromium"))
    parser.add_argument("--site", type=Path, default=ROOT / "site", help="the built site (default: site/)")
    parser.add_argument("--runs", type=int, default=3, help="runs per page; the median is printed (default 3)")
    args = parser.parse_args(argv)
    server, root = serve(args.site.resolve())
    try:
        print("| page | performance | first contentful paint | largest contentful paint | blocking | layout shift |")
        print("| --- | --- | --- | --- | --- | --- |")
        for page in PAGES:
            runs = [measure(args.lighthouse, root + page, args.chromium) for _ in range(args.runs)]
            median = sorted(runs, key=lambda run: run["fcp"])[len(runs) // 2]
            spread = f"{min(r['fcp'] for r in runs):.2f}–{max(r['fcp'] for r in runs):.2f}"
            print(
                f"| /{page} | {median['score']:.2f} | {median['fcp']:.2f} s ({spread}) | {median['lcp']:.2f} s "
                f"| {median['tbt'] * 1000:.0f} ms | {median['cls']:.3f} |"
            )
        print(f"\nThe run with the median first contentful paint of {args.runs}; the spread of all runs in brackets.")
    finally:
        server.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main())

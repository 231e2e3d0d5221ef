"""Which generated files show a quote: the measure of what an edit of that quote may rewrite."""

from __future__ import annotations

import html
import json

from .render.markup import md, one_line


def find_pages_showing(pages: dict[str, str], quote_id: str, text: str) -> list[str]:
    """Paths of `pages` that hold the quote's id, or its text as any kind of page writes it.

    A page may write the text as Markdown (escaped), HTML, JSON or CSV, so each of those forms counts.
    """
    plain = one_line(text)
    forms = {quote_id, plain, md(plain), html.escape(plain, quote=False), html.escape(plain)}
    forms |= {json.dumps(plain, ensure_ascii=False)[1:-1], json.dumps(plain)[1:-1], plain.replace('"', '""')}
    return sorted(path for path, page in pages.items() if any(form in page for form in forms))

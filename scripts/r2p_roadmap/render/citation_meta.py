"""Citation metadata of every page: Highwire Press `citation_*` and Dublin Core tags describing the
source document, and schema.org JSON-LD for the document and each theme, as values for the head template
(themes/partials/citation-meta.html reads them from config.extra)."""

from __future__ import annotations

import html
import json
from typing import Any

from ..model import Roadmap, Theme
from ..paths import absolute_url, page_url, theme_path
from .citations import document_title
from .markup import one_line

EXTRA_KEY = "r2p_cite"


def _json_ld(data: dict[str, Any]) -> str:
    # Inside <script>: no '<', '>' or '&' that could end it early or be read as markup.
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def document_json_ld(roadmap: Roadmap) -> dict[str, Any]:
    """schema.org: the source document as a Report by the Global Centre."""
    source = roadmap.source
    organisation = {"@type": "Organization", "name": source.publisher}
    return {
        "@context": "https://schema.org",
        "@type": "Report",
        "@id": source.url,
        "name": document_title(roadmap),
        "headline": source.title,
        "alternativeHeadline": source.subtitle,
        "author": organisation,
        "publisher": organisation,
        "datePublished": source.date,
        "url": source.url,
        "inLanguage": "en",
    }


def theme_json_ld(roadmap: Roadmap, theme: Theme, site_url: str) -> dict[str, Any]:
    """schema.org: a theme of the document, as a part of the Report, on its page of this site."""
    return {
        "@context": "https://schema.org",
        "@type": "CreativeWork",
        "@id": absolute_url(site_url, theme_path(theme)),
        "name": f"Theme {theme.number}: {one_line(theme.title)}",
        "alternateName": theme.short_title,
        "position": theme.number,
        "description": one_line(theme.summary),
        "url": absolute_url(site_url, theme_path(theme)),
        "isPartOf": {"@id": roadmap.source.url},
        "inLanguage": "en",
        "version": roadmap.version,
        "dateModified": roadmap.updated,
    }


def _meta(name: str, content: str) -> str:
    return f'<meta name="{name}" content="{html.escape(one_line(content), quote=True)}">'


def head_meta(roadmap: Roadmap) -> str:
    """Highwire Press and Dublin Core tags describing the source document, the same on every page;
    the page's own address is added by the template (themes/partials/citation-meta.html)."""
    source = roadmap.source
    tags = [
        ("citation_title", document_title(roadmap)),
        ("citation_author", source.publisher),
        ("citation_publication_date", source.date.replace("-", "/")),
        ("citation_date", source.date.replace("-", "/")),
        ("citation_publisher", source.publisher),
        ("citation_technical_report_institution", source.publisher),
        ("citation_language", "en"),
        ("DC.title", document_title(roadmap)),
        ("DC.creator", source.publisher),
        ("DC.publisher", source.publisher),
        ("DC.date", source.date),
        ("DC.type", "Text"),
        ("DC.language", "en"),
        ("DC.source", source.url),
    ]
    return "\n".join(_meta(name, content) for name, content in tags)


def template_values(roadmap: Roadmap, site_url: str) -> dict[str, dict[str, Any]]:
    """What the head template prints on every page: the tags, the document's JSON-LD and each theme's."""
    return {
        EXTRA_KEY: {
            "meta": head_meta(roadmap),
            "json_ld": _json_ld(document_json_ld(roadmap)),
            # Keyed by the page's address as MkDocs and Zensical name it: a folder, or a file in the offline copy.
            "themes": {
                address: _json_ld(theme_json_ld(roadmap, theme, site_url))
                for theme in roadmap.themes
                for address in (page_url(theme_path(theme)), page_url(theme_path(theme)).removesuffix("/") + ".html")
            },
        }
    }

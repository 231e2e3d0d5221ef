"""Pure functions from a validated Roadmap to the text of every generated file; no I/O here."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..model import Roadmap
from ..paths import (
    ABOUT_PAGE,
    ACTORS_PAGE,
    BRIEFING_PAGE,
    CONSENSUS_PAGE,
    CSV_PATH,
    DATA_PAGE,
    DEFAULT_SITE_URL,
    GLOSSARY_PAGE,
    HOME_PAGE,
    JSON_PATH,
    LINK_MAP_PATH,
    PACK_PAGE,
    QUOTES_PAGE,
    SCHEMA_PATH,
    SOURCE_PAGE,
    WITHDRAWN_PAGE,
    text_of_record_path,
    theme_path,
)
from ..schema import schema_text
from .about import render_about_page
from .actors import render_actors_page
from .briefing import render_briefing_page
from .citation_files import render_citation_files
from .consensus import render_consensus_page
from .data_files import render_quotes_csv, render_roadmap_json, render_text_of_record
from .data_page import render_data_page
from .glossary import abbreviations, render_glossary_page
from .home import render_home_page
from .nav import render_nav
from .pack import render_pack_page
from .permalinks import render_link_map
from .quote_explorer import render_quote_explorer_page
from .redirects import render_redirects
from .source_page import render_source_page
from .theme import render_theme_page
from .withdrawn_page import render_withdrawn_page


@dataclass(frozen=True)
class Site:
    """Generated files keyed by path relative to docs/, the navigation entries of the themes, and the
    explanation of each abbreviation and term, which the build gives the `abbr` extension."""

    pages: dict[str, str]
    nav: list[dict[str, str]]
    abbreviations: dict[str, str] = field(default_factory=dict)


def render_site(
    roadmap: Roadmap, site_url: str = DEFAULT_SITE_URL, edit_url: str = "", english: Roadmap | None = None
) -> Site:
    """Render every generated page of the site; permanent links are absolute URLs under `site_url`.
    For a language other than English, `english` is the roadmap before `localise`: the open data
    (roadmap.json, quotes.csv) is the same in every language, the English with its translations."""
    data = english or roadmap
    pages = {
        HOME_PAGE: render_home_page(roadmap, site_url),
        SOURCE_PAGE: render_source_page(roadmap),
        ACTORS_PAGE: render_actors_page(roadmap),
        ABOUT_PAGE: render_about_page(roadmap),
        GLOSSARY_PAGE: render_glossary_page(roadmap),
    }
    for theme in roadmap.themes:
        pages[theme_path(theme)] = render_theme_page(roadmap, theme, site_url, edit_url)
    # Permanent links: redirect pages, the id map for old anchors, withdrawn links, briefings.
    pages.update(render_redirects(roadmap, site_url))
    pages[LINK_MAP_PATH] = render_link_map(roadmap)
    pages[WITHDRAWN_PAGE] = render_withdrawn_page(roadmap)
    pages[BRIEFING_PAGE] = render_briefing_page(roadmap, site_url)
    pages[PACK_PAGE] = render_pack_page(roadmap, site_url)
    # Published so editors' tools and data users can fetch the structure from the site itself.
    pages[SCHEMA_PATH] = schema_text()
    # The consensus map, quote explorer and open data (Data page and the files it lists).
    pages[CONSENSUS_PAGE] = render_consensus_page(roadmap)
    pages[QUOTES_PAGE] = render_quote_explorer_page(roadmap)
    pages[DATA_PAGE] = render_data_page(roadmap)
    pages[JSON_PATH] = render_roadmap_json(data)
    pages[CSV_PATH] = render_quotes_csv(data)
    pages[text_of_record_path(roadmap)] = render_text_of_record(roadmap.document)
    # RIS, BibTeX and CSL-JSON for the document and each theme, priority and quote (data/cite/).
    pages.update(render_citation_files(roadmap, site_url))
    return Site(pages=pages, nav=render_nav(roadmap), abbreviations=abbreviations(roadmap))

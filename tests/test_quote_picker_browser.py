"""The quote picker of the Source page in headless Chromium: the YAML it copies is what
`r2p-roadmap quote` prints and validates once pasted into a priority; a selection beyond one
paragraph copies nothing and says why; keyboard, accessibility, other pages and the offline copy."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, Page

from r2p_roadmap.build import Project
from r2p_roadmap.cli import main
from r2p_roadmap.load import load_document
from r2p_roadmap.model import Roadmap
from r2p_roadmap.quote_finder import quote_block, quote_blocks, suggest_id, used_ids
from r2p_roadmap.scaffold import add_quote

from .browser_support import DESKTOP, describe, run_axe
from .conftest import CHROMIUM, CHROMIUM_ARGS

pytestmark = pytest.mark.browser

ACROSS = "One paragraph at a time: each quote names the one paragraph it comes from."
OUTSIDE = "Select words of a numbered paragraph: each quote names the paragraph it comes from."
UNTOUCHED = "nothing copied yet"

# Installs select(n, start, m, end): selects with the Selection API from the start of the words
# `start` in paragraph n to the end of the words `end` in paragraph m (both found in the paragraph's
# words, its number left out).
_SELECT = """() => { window.select = (n, start, m, end) => {
  const words = number => {
    const p = document.querySelector(`#p${number} > p`);
    const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
    const nodes = [];
    let text = "";
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (node.parentNode.closest(".r2p-pn, .r2p-picker")) continue;
      nodes.push([node, text.length]);
      text += node.data;
    }
    const at = offset => {
      const [node, begins] = nodes.filter(([node, begins]) => begins <= offset).pop();
      return [node, offset - begins];
    };
    return {text, at};
  };
  const first = words(n), last = words(m);
  const [a, ao] = first.at(first.text.indexOf(start));
  const [b, bo] = last.at(last.text.indexOf(end) + end.length);
  getSelection().setBaseAndExtent(a, ao, b, bo);
}; }"""

_WHOLE = """n => {
  const range = document.createRange();
  range.selectNodeContents(document.querySelector(`#p${n} > p`));
  getSelection().removeAllRanges();
  getSelection().addRange(range);
}"""


@pytest.fixture
def clipboard_context(browser: Browser) -> Iterator[BrowserContext]:
    context = browser.new_context(viewport=DESKTOP, permissions=["clipboard-read", "clipboard-write"])
    yield context
    context.close()


def _source(context: BrowserContext, url: str) -> Page:
    """The Source page at `url`, with select() installed and the clipboard holding UNTOUCHED."""
    page = context.new_page()
    page.goto(url)
    page.evaluate(_SELECT)
    page.evaluate("text => navigator.clipboard.writeText(text)", UNTOUCHED)
    return page


def _announced(page: Page, message: str) -> None:
    page.wait_for_function("m => document.querySelector('.r2p-live').textContent === m", arg=message)


def _copy(page: Page) -> str:
    """Press the shown button, wait for the copy to be announced and return the clipboard."""
    page.locator(".r2p-picker__copy").click()
    page.wait_for_function("document.querySelector('.r2p-live').textContent.startsWith('Quote of paragraph')")
    clipboard: str = page.evaluate("navigator.clipboard.readText()")
    return clipboard


def _command_block(project: Project, words: str, paragraph: int) -> str:
    """What `r2p-roadmap quote` prints for these words, for the block of that paragraph."""
    return dict(quote_blocks(project.roadmap, words))[paragraph] + "\n"


def test_copy_as_quote_gives_the_command_s_yaml_which_validates_in_a_priority(
    clipboard_context: BrowserContext,
    site_url: str,
    built_project: Project,
    project: Project,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    page = _source(clipboard_context, site_url + "source/")
    page.evaluate("select(8, 'mphasis was put', 8, 'on the ne')")  # starts and ends inside words
    page.locator(".r2p-picker__copy").wait_for(state="visible")
    copied = _copy(page)
    assert copied == _command_block(built_project, "emphasis was put on the need", 8)
    assert page.locator(".r2p-live").text_content() == (
        "Quote of paragraph 8 copied, with the id emphasis-put-need: "
        "paste it under a priority's quotes in roadmap.yaml."
    )
    added = add_quote(project.roadmap, "ongoing-outreach")
    lines = project.roadmap.read_text(encoding="utf-8").split("\n")
    lines[added.first_line - 1 : added.last_line] = copied.rstrip("\n").split("\n")
    project.roadmap.write_text("\n".join(lines), encoding="utf-8")
    monkeypatch.chdir(project.root)
    assert main(["validate"]) == 0
    assert "is valid" in capsys.readouterr().out


def test_each_paragraph_copies_as_the_command_prints_it(
    clipboard_context: BrowserContext, site_url: str, built_project: Project, roadmap: Roadmap
) -> None:
    page = _source(clipboard_context, site_url + "source/")
    for paragraph in roadmap.document.paragraphs:
        page.evaluate(_WHOLE, paragraph.number)
        page.locator(".r2p-picker__copy").wait_for(state="visible")
        expected = _command_block(built_project, paragraph.text, paragraph.number)
        assert _copy(page) == expected, paragraph.number
        page.evaluate("getSelection().removeAllRanges()")
        page.locator(".r2p-picker").wait_for(state="hidden")


def test_the_script_and_the_command_agree_on_every_id_and_block(
    page: Page, site_url: str, built_project: Project, roadmap: Roadmap
) -> None:
    page.goto(site_url + "source/")
    used = used_ids(load_document(built_project.roadmap.read_bytes()).data)
    assert set(page.evaluate("Object.keys(window.r2pLinkMap)")) == used
    quotes = [q for t in roadmap.themes for p in t.priorities for q in p.quotes]
    texts = [(q.text, q.paragraph) for q in [*roadmap.progress, *quotes]]
    texts += [(p.text, p.number) for p in roadmap.document.paragraphs]
    texts += [
        (text, 1)
        for text in (
            "Élysée talks on R2P’s “status”",
            "2005 summit",
            "No.",
            "of the",
            "–",
            "x" * 70,
            "supercalifragilistic " * 4 + "end",
            "two  spaces kept — and a dash",
        )
    ]
    script = page.evaluate(
        """texts => texts.map(([text, n]) => [
            window.r2pQuotePicker.block(window.r2pQuotePicker.suggestId(text, window.r2pLinkMap), text, n),
            window.r2pQuotePicker.suggestId(text, {})])""",
        texts,
    )
    assert script == [[quote_block(suggest_id(text, used), text, n), suggest_id(text, ())] for text, n in texts]


_TWO_PARAGRAPHS = "() => select(8, 'Rather, emphasis', 9, 'speakers referred')"
_INTO_HEADING = """() => {
    const words = document.querySelector('#p11 a.r2p-quoted').firstChild;
    const heading = document.querySelector('#p11').previousElementSibling.firstChild;
    getSelection().setBaseAndExtent(words, 20, heading, 3);
}"""
_HEADING = "() => { const h = document.querySelector('h2').firstChild; getSelection().setBaseAndExtent(h, 0, h, 5); }"


@pytest.mark.parametrize(
    ("selecting", "message"),
    [(_TWO_PARAGRAPHS, ACROSS), (_INTO_HEADING, ACROSS), (_HEADING, OUTSIDE)],
    ids=["two paragraphs", "a paragraph and a heading", "a heading"],
)
def test_a_selection_beyond_one_paragraph_says_why_and_copies_nothing(
    clipboard_context: BrowserContext, site_url: str, selecting: str, message: str
) -> None:
    page = _source(clipboard_context, site_url + "source/")
    page.evaluate(selecting)
    page.locator(".r2p-picker__note").wait_for(state="visible")
    assert page.locator(".r2p-picker__note").text_content() == message
    assert page.locator(".r2p-picker__copy").is_hidden()
    _announced(page, message)
    assert page.evaluate("navigator.clipboard.readText()") == UNTOUCHED


def test_dragging_on_a_quoted_passage_selects_words_and_a_click_still_follows_it(
    clipboard_context: BrowserContext, site_url: str
) -> None:
    page = _source(clipboard_context, site_url + "source/")
    page.evaluate("document.getElementById('p9').scrollIntoView({block: 'center'})")
    start, end = page.evaluate(
        """() => {
            const text = document.querySelector('#p9 a.r2p-quoted').firstChild;
            const box = (from, to) => {
                const r = document.createRange();
                r.setStart(text, from);
                r.setEnd(text, to);
                const b = r.getBoundingClientRect();
                return [b.left + 1, b.top + b.height / 2];
            };
            const at = text.data.indexOf('several');
            return [box(at, at + 1), box(at + 14, at + 15)];
        }"""
    )
    page.mouse.move(*start)
    page.mouse.down()
    page.mouse.move(*end, steps=5)
    page.mouse.up()
    assert page.evaluate("getSelection().toString()") == "several speake"
    page.locator(".r2p-picker__copy").wait_for(state="visible")
    assert page.url == site_url + "source/"
    page.evaluate("getSelection().removeAllRanges()")
    page.mouse.click(*start)
    page.wait_for_url(site_url + "themes/norm-through-practice/#norm-not-concept-agreement")


def test_caret_browsing_selects_and_tab_reaches_the_button(
    browser: Browser, site_url: str, built_project: Project
) -> None:
    """Caret browsing (F7 in Chrome, Edge and Firefox), switched on from the start here."""
    caret = browser.browser_type.launch(executable_path=CHROMIUM, args=[*CHROMIUM_ARGS, "--enable-caret-browsing"])
    try:
        context = caret.new_context(viewport=DESKTOP, permissions=["clipboard-read", "clipboard-write"])
        page = _source(context, site_url + "source/")
        page.focus("#p6 a.r2p-pn")
        for _ in range(3):  # the caret past the number, into the words: "M|any noted"
            page.keyboard.press("ArrowRight")
        page.wait_for_function("document.activeElement.classList.contains('r2p-quoted')")
        for _ in range(8):
            page.keyboard.press("Shift+ArrowRight")
        # Selection changes are handled a moment after the keys: wait until the button stands
        # right after the focused passage, with the whole selection made.
        page.wait_for_function(
            """() => {
                const picker = document.querySelector('.r2p-picker');
                return getSelection().toString() === 'any note' && picker && !picker.hidden
                    && picker.previousSibling === document.activeElement;
            }"""
        )
        page.keyboard.press("Tab")
        assert page.evaluate("document.activeElement.classList.contains('r2p-picker__copy')")
        page.keyboard.press("Enter")
        page.wait_for_function("document.querySelector('.r2p-live').textContent.startsWith('Quote of paragraph 6')")
        assert page.evaluate("navigator.clipboard.readText()") == _command_block(built_project, "Many noted", 6)
        page.keyboard.press("Escape")
        assert page.locator(".r2p-picker").is_hidden()
    finally:
        caret.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_nothing_with_the_picker_shown(browser: Browser, site_url: str, scheme: str) -> None:
    context = browser.new_context(viewport=DESKTOP, color_scheme=scheme)  # type: ignore[arg-type]
    page = context.new_page()
    page.goto(site_url + "source/")
    page.evaluate(_SELECT)
    page.evaluate("select(8, 'Rather, emphasis', 8, 'outreach.')")
    page.locator(".r2p-picker__copy").wait_for(state="visible")
    assert describe(run_axe(page)) == []
    page.evaluate(_TWO_PARAGRAPHS)
    page.locator(".r2p-picker__note").wait_for(state="visible")
    assert describe(run_axe(page)) == []
    context.close()


def test_the_offline_copy_copies_the_same_yaml(
    clipboard_context: BrowserContext, offline_root: Path, built_project: Project
) -> None:
    page = _source(clipboard_context, (offline_root / "source.html").as_uri())
    page.evaluate("select(8, 'Rather, emphasis', 8, 'outreach.')")
    page.locator(".r2p-picker__copy").wait_for(state="visible")
    words = "Rather, emphasis was put on the need for ongoing outreach."
    assert _copy(page) == _command_block(built_project, words, 8)

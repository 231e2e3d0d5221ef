"""Accessibility in the real browser: axe-core on every page type in both palettes and at 375 px,
and the keyboard and structure checks axe cannot make alone. With R2P_SCREENSHOTS=1, a full-page
screenshot of each page type in each mode is written to test-artifacts/screenshots/ for review."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, ViewportSize

from r2p_roadmap.render.interface import text

from .browser_support import (
    DESKTOP,
    MOBILE,
    MODES,
    SCREENSHOTS,
    TAKE_SCREENSHOTS,
    Mode,
    describe,
    language_sample,
    new_context,
    page_types,
    run_axe,
    stop_motion,
)

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("mode", MODES, ids=[mode.name for mode in MODES])
def test_every_page_type_has_no_axe_violations(browser: Browser, site_url: str, site_dir: Path, mode: Mode) -> None:
    context = new_context(browser, mode)
    page = context.new_page()
    found = {}
    for kind, path in page_types(site_dir).items():
        page.goto(site_url + path)
        stop_motion(page)
        if TAKE_SCREENSHOTS:
            SCREENSHOTS.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=SCREENSHOTS / f"{kind}-{mode.name}.png", full_page=True)
        violations = run_axe(page)
        if violations:
            found[kind] = describe(violations)
    context.close()
    assert found == {}, "\n".join(f"{kind}: {line}" for kind, lines in found.items() for line in lines)


@pytest.mark.parametrize("mode", [MODES[0], MODES[-1]], ids=[MODES[0].name, MODES[-1].name])
def test_a_sample_of_the_other_languages_pages_has_no_axe_violations(
    browser: Browser, site_url: str, site_dir: Path, mode: Mode
) -> None:
    context = new_context(browser, mode)
    page = context.new_page()
    found = {}
    sample = language_sample(site_dir)
    assert len(sample) >= 14
    for path in sample:
        page.goto(site_url + path)
        stop_motion(page)
        violations = run_axe(page)
        if violations:
            found[path] = describe(violations)
    context.close()
    assert found == {}, "\n".join(f"{path}: {line}" for path, lines in found.items() for line in lines)


# Every mode in English; in each other language, one of each palette and width (a phone in dark mode).
SEARCH_MODES = [("en", mode) for mode in MODES] + [
    (code, mode) for code in ("fr", "es") for mode in (MODES[0], MODES[-1])
]


@pytest.mark.parametrize(("code", "mode"), SEARCH_MODES, ids=[f"{code}-{mode.name}" for code, mode in SEARCH_MODES])
def test_open_search_and_drawer_have_no_axe_violations(browser: Browser, site_url: str, code: str, mode: Mode) -> None:
    context = new_context(browser, mode)
    page = context.new_page()
    page.goto(site_url + ("" if code == "en" else f"{code}/"))
    stop_motion(page)  # axe measures contrast as the results fade in otherwise
    opener = page.locator("label.md-header__button[for=__search]")  # the search box is folded on small screens
    if opener.is_visible():
        opener.click()
    page.locator("input.md-search__input").press_sequentially("veto")
    page.locator(".md-search-result__item").first.wait_for()
    found = {"search": describe(run_axe(page))}
    page.keyboard.press("Escape")
    if mode.viewport == MOBILE:
        page.get_by_role("button", name=text(code, "Navigation")).click()
        page.locator(".md-sidebar--primary .md-nav__link").first.wait_for(state="visible")
        found["drawer"] = describe(run_axe(page))
    context.close()
    assert found == {key: [] for key in found}, "\n".join(f"{key}: {line}" for key, v in found.items() for line in v)


def test_skip_link_is_first_and_moves_to_the_content(page: Page, site_url: str) -> None:
    page.goto(site_url + "themes/veto-restraint/")
    page.keyboard.press("Tab")
    skip = page.locator("a.md-skip")
    assert page.evaluate("document.activeElement.matches('a.md-skip')")
    assert skip.is_visible() and skip.inner_text() == "Skip to content"
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") == "#veto-restraint"
    page.keyboard.press("Tab")
    in_content = "document.activeElement.closest('.md-content') !== null"
    assert page.evaluate(in_content), "Tab after the skip link should land in the page's content"


# Where the focused element is drawn, and its focus ring, once the page has reacted to the focus
# (Material opens the search box a moment after its input is focused); null past the last stop.
# A visually hidden control (the palette switch) shows its ring on the label that follows it.
_FOCUS = """async () => {
  await new Promise(resolve => setTimeout(() => requestAnimationFrame(resolve), 50));
  let element = document.activeElement;
  if (element === document.body) return null;
  const hidden = element.getBoundingClientRect().width < 2 || getComputedStyle(element).opacity === "0";
  if (hidden && element.nextElementSibling?.tagName === "LABEL") element = element.nextElementSibling;
  const box = element.getBoundingClientRect();
  const style = getComputedStyle(element);
  return {
    name: `${element.tagName.toLowerCase()}.${element.className} "${(element.textContent || "").trim().slice(0, 30)}"`,
    seen: element.checkVisibility({opacityProperty: true, visibilityProperty: true}) && box.width > 0
      && box.bottom > 0 && box.top < innerHeight && box.right > 0 && box.left < innerWidth,
    ring: style.outlineStyle !== "none" && parseFloat(style.outlineWidth) >= 2,
  };
}"""


@pytest.mark.parametrize("viewport", [DESKTOP, MOBILE], ids=["desktop", "mobile"])
def test_keyboard_focus_is_always_visible(browser: Browser, site_url: str, viewport: ViewportSize) -> None:
    context = browser.new_context(viewport=viewport)
    page = context.new_page()
    page.goto(site_url + "themes/veto-restraint/")
    stop_motion(page)  # judge where focus ends up, not the animation on the way there
    unseen = []
    for _ in range(40):
        page.keyboard.press("Tab")
        focus = page.evaluate(_FOCUS)
        if focus is None:
            break
        if not (focus["seen"] and focus["ring"]):
            unseen.append(focus)
    context.close()
    assert unseen == [], "\n".join(map(str, unseen))


def test_menu_button_opens_the_drawer_by_keyboard(browser: Browser, site_url: str) -> None:
    context = browser.new_context(viewport=MOBILE)
    page = context.new_page()
    page.goto(site_url)
    menu = page.get_by_role("button", name="Navigation")
    assert menu.get_attribute("aria-expanded") == "false"
    menu.focus()
    page.keyboard.press("Enter")
    assert menu.get_attribute("aria-expanded") == "true"
    page.get_by_role("link", name="Source document").wait_for(state="visible")
    context.close()

"""A 375-pixel-wide phone: the navigation drawer works, nothing is wider than the screen or cut
off, and wide tables scroll inside their own box."""

from __future__ import annotations

from typing import Any

import pytest

from tests.browser.conftest import PHONE, heading
from tests.browser.pages import PAGES, SECTIONS, page_id

pytestmark = pytest.mark.browser

WIDTH = PHONE["width"]

# Every visible element of the page content, header and footer that sticks out of the screen or
# is clipped, unless it lies inside a box that scrolls sideways (a wide table's wrapper).
# The drawer (primary sidebar) is off-canvas on purpose and has its own test.
CUT_OFF = """
width => {
  const scrolls = el => {
    for (let up = el.parentElement; up && up !== document.body; up = up.parentElement) {
      if (['auto', 'scroll'].includes(getComputedStyle(up).overflowX)) return true;
    }
    return false;
  };
  const name = el => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') +
    (el.className && typeof el.className === 'string' ? '.' + el.className.trim()
      .split(/\\s+/).join('.') : '');
  const problems = [];
  const roots = document.querySelectorAll('.md-content, .md-header, .md-footer, .md-tabs');
  for (const root of roots) {
    for (const el of root.querySelectorAll('*')) {
      if (!el.checkVisibility({opacityProperty: true, visibilityProperty: true})) continue;
      const box = el.getBoundingClientRect();
      if (box.width === 0 || box.height === 0 || scrolls(el)) continue;
      if (box.left < -1 || box.right > width + 1) {
        problems.push(`${name(el)} reaches ${Math.round(box.left)}..${Math.round(box.right)}`);
      }
      const style = getComputedStyle(el);
      if (['hidden', 'clip'].includes(style.overflowX) && style.textOverflow !== 'ellipsis'
          && el.scrollWidth > el.clientWidth + 1) {
        problems.push(`${name(el)} clips ${el.scrollWidth - el.clientWidth}px of its content`);
      }
    }
  }
  return problems;
}
"""


@pytest.mark.parametrize("path", PAGES, ids=page_id)
def test_page_fits_the_phone(phone: Any, site_url: str, path: str) -> None:
    phone.goto(site_url + path)
    assert phone.evaluate("window.innerWidth") == WIDTH
    assert phone.evaluate("document.documentElement.scrollWidth") <= WIDTH
    assert phone.evaluate(CUT_OFF, WIDTH) == []


@pytest.mark.parametrize("path", ["bijdragen/velden/"])
def test_wide_markdown_table_scrolls_in_a_box_the_keyboard_reaches(
    phone: Any, site_url: str, path: str
) -> None:
    """A Markdown table (the guide's, an editor's) sits in a box of its own that scrolls
    sideways and takes the keyboard focus; the page itself stays put."""
    phone.goto(site_url + path)
    boxes = phone.locator(".kb-inhoudstabel")
    wide = [
        i
        for i in range(boxes.count())
        if boxes.nth(i).evaluate("box => box.scrollWidth > box.clientWidth")
    ]
    assert wide, "no table here is wider than the phone: the test would prove nothing"
    for i in wide:
        box = boxes.nth(i)
        assert box.get_attribute("role") == "region" and box.get_attribute("aria-label")
        assert box.evaluate("box => box.getBoundingClientRect().right") <= WIDTH
        # Nothing inside scrolls by itself, out of the keyboard's reach.
        assert box.evaluate(
            """box => [...box.querySelectorAll('*')].every(el =>
                el.scrollWidth <= el.clientWidth
                || !['auto', 'scroll'].includes(getComputedStyle(el).overflowX))"""
        )
        box.focus()
        phone.keyboard.press("ArrowRight")
        phone.wait_for_function("box => box.scrollLeft > 0", arg=box.element_handle())
    assert phone.evaluate("window.scrollX") == 0
    assert phone.evaluate("document.documentElement.scrollWidth") <= WIDTH


@pytest.mark.parametrize(
    ("path", "back"),
    [("", False), ("over/", True)],
    ids=["home", "over-one-level-down"],
)
def test_drawer_shows_every_section(phone: Any, site_url: str, path: str, back: bool) -> None:
    phone.goto(site_url + path)
    nav = phone.locator(".md-sidebar--primary .md-nav--primary")
    first = nav.locator("a[href$='praktijken/']").first
    assert not _on_screen(first), "the drawer is open before it is asked for"
    phone.locator(".md-header label[for='__drawer']").tap()
    phone.wait_for_function("document.getElementById('__drawer').checked")
    phone.wait_for_timeout(400)  # the drawer slides in
    site_name = nav.locator("label.md-nav__title[for='__drawer']")
    assert site_name.evaluate("name => name.scrollWidth <= name.clientWidth"), "name cut off"
    if back:
        # Material opens the drawer at the page's own section, with a back arrow to the top.
        assert not _on_screen(first)
        # The back arrow is the title of the page's own section (others are nested too).
        titles = nav.locator("label.md-nav__title[for^='__nav_']").locator("visible=true")
        titles.filter(has_text="Over de kennisbank").first.tap()
        phone.wait_for_timeout(400)
    for href, label in SECTIONS.items():
        link = nav.locator(f"a[href$='{href}']").first
        assert _on_screen(link), f"{label} is not visible in the open drawer"
        assert link.inner_text().strip() == label
    first.tap()
    phone.wait_for_url("**/praktijken/")
    assert heading(phone) == "Praktijken"


def _on_screen(link: Any) -> bool:
    """Visible inside the phone's screen and not covered by anything else."""
    box = link.bounding_box()
    if box is None or box["width"] == 0:
        return False
    x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
    if not (0 <= x < WIDTH and 0 <= y < PHONE["height"]):
        return False
    return bool(link.evaluate("(a, [x, y]) => a.contains(document.elementFromPoint(x, y))", [x, y]))


def test_wide_progress_tables_scroll_by_keyboard(phone: Any, site_url: str) -> None:
    """The progress page's tables scroll inside boxes that take the keyboard focus, so they
    can be read without a mouse or a touch screen (WCAG 2.1.1)."""
    phone.goto(site_url + "voortgang/")
    boxes = phone.locator(".kb-tabelvak")
    wide = [
        i
        for i in range(boxes.count())
        if boxes.nth(i).evaluate("box => box.scrollWidth > box.clientWidth")
    ]
    assert wide, "no table here is wider than the phone: the test would prove nothing"
    for i in wide:
        box = boxes.nth(i)
        assert box.get_attribute("tabindex") == "0" and box.get_attribute("role") == "region"
        box.focus()
        assert box.evaluate("box => document.activeElement === box")
        phone.keyboard.press("ArrowRight")
        phone.wait_for_function("box => box.scrollLeft > 0", arg=box.element_handle())
    assert phone.evaluate("window.scrollX") == 0
    assert phone.evaluate("document.documentElement.scrollWidth") <= WIDTH

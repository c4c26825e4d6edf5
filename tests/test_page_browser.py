"""The review page driven in a real headless Chromium (Debian's, through Playwright).

In CI (CI=true) a missing browser fails these tests; elsewhere they are skipped with a hint.
"""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import in_ci
from pages import SAMPLES, render_both

CHROMIUM = next((p for p in ("/usr/bin/chromium", shutil.which("chromium") or "", shutil.which("chromium-browser") or "") if p and Path(p).exists()), None)
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"]


@pytest.fixture(scope="module")
def browser():
    if CHROMIUM is None:
        if in_ci():
            pytest.fail("Chromium is missing in CI: .ci/run must install Debian's chromium")
        pytest.skip("no Chromium here: apt-get install chromium (Debian/Ubuntu) to run the page tests")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        if in_ci():
            raise
        pytest.skip("playwright is not installed: pip install '.[test]'")
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


@pytest.fixture
def open_page(browser, tmp_path):
    """Open an article's page; record console errors and every network request."""
    opened = []

    def _open(article: Path, **context_args):
        page_file, doc = render_both(article, tmp_path)
        context = browser.new_context(**context_args)
        page = context.new_page()
        errors, requests = [], []
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.on("request", lambda r: requests.append(r.url))
        page.goto(page_file.as_uri())
        opened.append(context)
        return page, doc, errors, requests, page_file

    yield _open
    for c in opened:
        c.close()


@pytest.mark.parametrize("article", SAMPLES, ids=lambda p: p.name)
def test_summary_matches_json_and_nothing_is_fetched(open_page, article):
    page, doc, errors, requests, page_file = open_page(article)
    s = doc["summary"]
    assert page.inner_text("#count-claims") == str(s["claims"])
    assert page.inner_text("#count-linked") == str(s["linked"])
    assert page.inner_text("#count-review") == str(s["review"])
    assert page.locator("mark.claim[id^=claim-]").count() == len(doc["claims"])
    # Each ban in the summary jumps to its section, which links back to its claims.
    for ban in s["bans"]:
        assert page.locator(f'.ban-index a[href="#ban-{ban}"]').count() == 1
        assert page.locator(f"#ban-{ban} .claims-of a").count() == s["bans"][ban]
    assert errors == []
    assert requests == [page_file.as_uri()], requests


def test_keyboard_reaches_each_claim_and_shows_its_ban(open_page):
    page, doc, errors, _, _ = open_page(SAMPLES[0])
    assert doc["claims"], "the sample must hold claims"
    page.focus("a.skip")
    seen = []
    for _ in range(200):
        page.keyboard.press("Tab")
        focused = page.evaluate("document.activeElement.id")
        if focused.startswith("claim-"):
            n = focused.split("-")[1]
            tip = page.locator(f"#tip-{n}")
            assert tip.is_visible(), f"tooltip of claim {n} hidden on focus"
            first_ban = doc["claims"][int(n) - 1]["bans"][0]
            assert first_ban["title"] in tip.inner_text()
            seen.append(n)
        if len(seen) == len(doc["claims"]):
            break
    assert seen == [str(i) for i in range(1, len(doc["claims"]) + 1)]
    assert errors == []


def test_hover_shows_the_tooltip_with_citation_and_official_link(open_page):
    page, doc, _, _, _ = open_page(SAMPLES[0])
    claim = page.locator("#claim-1")
    tip = page.locator("#tip-1")
    assert not tip.is_visible()
    claim.hover()
    assert tip.is_visible()
    text = tip.inner_text()
    src = doc["claims"][0]["bans"][0]["sources"][0]
    assert f"resolution {src['resolution']}" in text
    assert tip.locator('a[href^="https://undocs.org/S/RES/"]').count() >= 1


def test_note_reference_and_back_link(open_page):
    page, doc, _, _, _ = open_page(SAMPLES[1])
    n = len(doc["claims"])
    page.click(f'a.noteref[href="#note-{n}"]')
    assert page.evaluate("location.hash") == f"#note-{n}"
    note = page.locator(f"#note-{n}")
    assert note.is_visible() and doc["claims"][n - 1]["text"][:40] in note.inner_text()
    note.locator("a.back").click()
    assert page.evaluate("location.hash") == f"#claim-{n}"
    box = page.locator(f"#claim-{n}").bounding_box()
    assert box is not None and 0 <= box["y"] < page.viewport_size["height"]


def test_stance_is_labelled_not_only_coloured(open_page):
    page, doc, _, _, _ = open_page(SAMPLES[2])
    for i, claim in enumerate(doc["claims"], 1):
        label = page.evaluate(f"getComputedStyle(document.getElementById('claim-{i}'), '::before').content")
        assert claim["stance"] in label


def test_dark_scheme_and_print(open_page):
    light, _, _, _, _ = open_page(SAMPLES[0], color_scheme="light")
    dark, _, _, _, _ = open_page(SAMPLES[0], color_scheme="dark")
    bg = "getComputedStyle(document.body).backgroundColor"
    assert light.evaluate(bg) != dark.evaluate(bg)
    dark.emulate_media(media="print")
    assert dark.evaluate("getComputedStyle(document.querySelector('.tip')).display") == "none"
    assert dark.evaluate(bg) in ("rgb(255, 255, 255)", "rgba(0, 0, 0, 0)")


CONTRAST = """
() => {
  const lum = (rgb) => {
    const [r, g, b] = rgb.match(/[\\d.]+/g).slice(0, 3).map(Number).map(v => {
      v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const ratio = (a, b) => { const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p); return (x + 0.05) / (y + 0.05); };
  return [...document.querySelectorAll('.legend mark.claim, main mark.claim[id]')].map(m => {
    const s = getComputedStyle(m);
    return [m.className, ratio(s.color, s.backgroundColor)];
  });
}
"""


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_highlight_contrast_meets_wcag_aa(open_page, scheme):
    page, _, _, _, _ = open_page(SAMPLES[1], color_scheme=scheme)
    ratios = page.evaluate(CONTRAST)
    assert ratios, "no highlighted claim to measure"
    for cls, ratio in ratios:
        assert ratio >= 4.5, f"{cls}: contrast {ratio:.2f} in the {scheme} scheme"

"""The review page as HTML: valid HTML5, escaped, inert, self-contained."""
from __future__ import annotations

import json
import re

import html5lib
import pytest
from click.testing import CliRunner

from annotate.cli import main
from pages import SAMPLES, render_both


def parse_strict(html: str):
    return html5lib.HTMLParser(strict=True, namespaceHTMLElements=False).parse(html)


@pytest.mark.parametrize("article", SAMPLES, ids=lambda p: p.name)
def test_page_is_valid_html5_and_self_contained(article, tmp_path):
    page, doc = render_both(article, tmp_path)
    html = page.read_text(encoding="utf-8")
    tree = parse_strict(html)
    assert tree.find(".//script") is None
    # Nothing is fetched when the page opens: no external stylesheet, image, font or frame.
    assert not re.search(r'<(link|img|iframe|object|embed|video|audio|source)\b', html)
    assert "url(" not in html
    # Every link out of the page is https; the others are anchors within it.
    for href in re.findall(r'href="([^"]*)"', html):
        assert href.startswith(("#", "https://")), href
    # Every claim is marked, with its note and back-link.
    n = len(doc["claims"])
    for i in range(1, n + 1):
        assert f'id="claim-{i}"' in html and f'id="note-{i}"' in html and f'href="#claim-{i}"' in html
    assert html.count('class="noteref"') == n


def test_summary_counts_match_the_json(tmp_path):
    page, doc = render_both(SAMPLES[0], tmp_path)
    html = page.read_text(encoding="utf-8")
    s = doc["summary"]
    assert f'<dd id="count-claims">{s["claims"]}</dd>' in html
    assert f'<dd id="count-linked">{s["linked"]}</dd>' in html
    assert f'<dd id="count-review">{s["review"]}</dd>' in html


def test_markdown_is_rendered_inert(tmp_path):
    md = tmp_path / "evil.md"
    md.write_text(
        "# Title <script>alert(1)</script>\n\n"
        "<script>alert(2)</script>\n\n"
        '<img src="https://example.org/x.png" onerror="alert(3)">\n\n'
        "[click](javascript:alert(4)) and ![pic](https://example.org/pic.png) and [data](data:text/html,hi)\n\n"
        "North Korea fired a ballistic missile in violation of **UN Security Council** resolutions.\n",
        encoding="utf-8",
    )
    out = tmp_path / "evil.html"
    assert CliRunner().invoke(main, ["render", str(md), "-o", str(out)]).exit_code == 0
    html = out.read_text(encoding="utf-8")
    tree = parse_strict(html)
    assert tree.find(".//script") is None and tree.find(".//img") is None
    for el in tree.iter():
        for name, value in el.attrib.items():
            assert not name.lower().startswith("on"), (el.tag, name)
            if name in ("href", "src"):
                assert not value.lower().startswith(("javascript:", "data:")), value
    assert "[image: pic]" in html
    assert "&lt;script&gt;alert(2)&lt;/script&gt;" in html
    # The claim crosses the bold text and stays well nested (the strict parse above passed).
    assert 'id="claim-1"' in html


def test_reference_text_is_escaped(tmp_path):
    refs = tmp_path / "refs.yaml"
    refs.write_text(
        "regime: dprk\nbans:\n  - id: test-markup\n    title: \"<b onclick=x>Bold</b> widgets\"\n"
        "    summary: \"<script>alert(1)</script> summary\"\n    sources:\n      - resolution: 1718\n"
        "        paragraphs: [\"8\"]\n    phrases: [purple widgets]\n",
        encoding="utf-8",
    )
    art = tmp_path / "a.txt"
    art.write_text("Selling purple widgets to North Korea violates UN sanctions.\n", encoding="utf-8")
    out = tmp_path / "a.html"
    r = CliRunner().invoke(main, ["render", str(art), "-o", str(out), "--refs", str(refs)])
    assert r.exit_code == 0, r.output
    html = out.read_text(encoding="utf-8")
    assert "<b onclick" not in html and "<script>alert" not in html
    assert "&lt;b onclick=x&gt;Bold&lt;/b&gt; widgets" in html
    parse_strict(html)


def test_a_call_is_not_shown_as_a_ban(tmp_path):
    art = tmp_path / "a.txt"
    art.write_text("Exporting those parts breaches the catch-all provision of the UN sanctions on North Korea.\n", encoding="utf-8")
    out = tmp_path / "a.html"
    assert CliRunner().invoke(main, ["render", str(art), "-o", str(out)]).exit_code == 0
    html = out.read_text(encoding="utf-8")
    assert "call, not a ban" in html or "not a binding ban" in html


def test_a_claim_starting_inside_a_link_stays_valid(tmp_path):
    md = tmp_path / "link.md"
    md.write_text("[Reports came in. North Korea fired](https://example.org/r) a missile in violation of UN resolutions.\n",
                  encoding="utf-8")
    out = tmp_path / "link.html"
    assert CliRunner().invoke(main, ["render", str(md), "-o", str(out)]).exit_code == 0
    html = out.read_text(encoding="utf-8")
    tree = parse_strict(html)  # no link inside a link
    anchors = tree.findall(".//main//a")
    assert all(a.find(".//a") is None for a in anchors)
    assert tree.find(".//main//a[@class='noteref']") is not None


def test_single_crlf_does_not_split_a_paragraph(tmp_path):
    article = tmp_path / "crlf.txt"
    article.write_bytes(b"Headline\r\n\r\nFirst line of a paragraph\r\nwrapped onto a second line.\r\n\r\nLast one.\r\n")
    out = tmp_path / "crlf.html"
    result = CliRunner().invoke(main, ["render", str(article), "-o", str(out)])
    assert result.exit_code == 0, result.output
    body = parse_strict(out.read_text(encoding="utf-8")).find(".//main")
    paragraphs = ["".join(p.itertext()).split() for p in body.iter("p")]
    assert ["First", "line", "of", "a", "paragraph", "wrapped", "onto", "a", "second", "line."] in paragraphs
    assert len(paragraphs) == 3


def test_notes_quote_a_markdown_claim_as_read_and_json_keeps_the_source(tmp_path):
    md = tmp_path / "a.md"
    md.write_text("The tanker's delivery would breach the [UN cap on refined petroleum](https://example.org/cap) "
                  "set for **North Korea**.\n", encoding="utf-8")
    page, doc = tmp_path / "a.html", tmp_path / "a.json"
    assert CliRunner().invoke(main, ["render", str(md), "-o", str(page)]).exit_code == 0
    assert CliRunner().invoke(main, ["render", str(md), "--format", "json", "-o", str(doc)]).exit_code == 0
    note = parse_strict(page.read_text(encoding="utf-8")).find(".//section[@class='notes']//blockquote")
    assert note.text == "The tanker's delivery would breach the UN cap on refined petroleum set for North Korea."
    (claim,) = json.loads(doc.read_text(encoding="utf-8"))["claims"]
    assert "](https://example.org/cap)" in claim["text"] and "**North Korea**" in claim["text"]


def test_the_review_flag_says_why(tmp_path):
    # One claim names an event whose weapon only the lede names; one names nothing at all.
    art = tmp_path / "a.txt"
    art.write_text(
        "North Korea fired two short-range ballistic missiles into the sea on Friday.\n\n"
        "The missiles flew far.\n\nJapan protested.\n\nMarkets were calm.\n\n"
        "The launch was a clear violation of UN Security Council resolutions, Seoul said.\n\n"
        "It was also a breach of UN sanctions, Tokyo said.\n",
        encoding="utf-8",
    )
    out = tmp_path / "a.html"
    assert CliRunner().invoke(main, ["render", str(art), "-o", str(out)]).exit_code == 0
    flags = re.findall(r'<span class="review-flag">([^<]*)</span>', out.read_text(encoding="utf-8"))
    assert flags == ["needs review: ban read from an earlier paragraph", "needs review: no specific ban found"]

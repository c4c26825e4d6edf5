"""Properties that hold for any input, checked with Hypothesis.

The default profile runs a few hundred examples per property; a long fuzz run:
    HYPOTHESIS_PROFILE=fuzz python -m pytest tests/test_properties.py -x
"""
from __future__ import annotations

import re
import signal
from contextlib import contextmanager

import html5lib
import pytest
from hypothesis import given
from hypothesis import strategies as st

from annotate import find_claims, load_references
from annotate.articles import Article
from annotate.marks import FORBIDDEN
from annotate.markdown_view import markdown_view
from annotate.page import render_page
from annotate.sentences import PARAGRAPH_BREAK, split_sentences
from annotate.textfold import fold

REFS = load_references()

# Pieces that make claims likely, mixed with punctuation, odd Unicode and line breaks.
PIECES = [
    "North Korea", "Pyongyang", "fired a ballistic missile", "in violation of", "UN Security Council resolutions",
    "U.N.", "sanctions", "breach", "would", "denied", "not", "resolution 2270", "paragraph 8 of resolution 1718",
    "S/RES/2375 (2017)", "such launches", "the resolutions", "They", "coal", "Iran", "U.S. Treasury",
    "the UN fuel cap", "United Nations", "ban", "legal under", "the council", "the world body", "no UN rule",
    ".", ". ", ", ", "\n", "\n\n", "\r\n", "\r", " ", "\u00a0", "\u2019", "\u201c", "\u201d", "\u2014", "-",
    "İ", "ß", "e\u0301", "\u200f", "\u202e", "\ufeff", "\x00", "\ufdd0", "\ufdd1", "<script>", "&amp;", "**", "_",
    "[x](javascript:alert(1))", "![i](https://e.org/i.png)", "[", "](https://e.org/a)", "[a link](https://e.org/b)", "# ", "- ", "1. ", "> ", "`", "<b onclick=x>",
]
texts = st.one_of(
    st.text(max_size=300),
    st.lists(st.sampled_from(PIECES) | st.text(max_size=8), max_size=60).map("".join),
)


def check_claims(text: str, markdown: bool) -> list:
    claims = find_claims(text, REFS, markdown=markdown)
    last_end = -1
    for c in claims:
        assert text[c.start : c.end] == c.text
        assert c.start >= last_end, "claims overlap or are out of order"
        assert c.stance in ("asserted", "hypothetical", "denied")
        assert c.bans
        for h in c.evidence:
            assert 0 <= h.start < h.end <= len(text)
        last_end = c.end
    return claims


def visible_article_text(html: str) -> str:
    doc = html5lib.parse(html, namespaceHTMLElements=False)
    main = doc.find(".//main")
    for parent in main.iter():
        for child in list(parent):
            if child.get("class") == "tip":  # the tooltip shows only on hover or focus
                tail = child.tail
                parent.remove(child)
                if tail:
                    parent.text = (parent.text or "") + tail  # keep the text after it
    return "".join(main.itertext())


def normalise(s: str) -> str:
    return " ".join(FORBIDDEN.sub("\ufffd", s).replace("\ufeff", " ").split())


# Phrases whose words are joined by any white space, and put together with other white space and
# paragraph breaks: what the scanner's squeezing and its one pass over paragraphs must get right.
PHRASES = ["UN Security Council resolutions", "in violation of", "the UN fuel cap", "North Korea", "would not",
           "ship-to-ship transfers", "coal", "U.N. sanctions"]
GAPS = [" ", "  ", " \n ", "\u00a0", "\n", "\t ", "\n\n", "\r\n\r\n", ". "]


def _spaced(phrase: str) -> st.SearchStrategy[str]:
    words = phrase.split(" ")
    return st.lists(st.sampled_from(GAPS[:6]), min_size=len(words) - 1, max_size=len(words) - 1).map(
        lambda gaps: "".join(w + g for w, g in zip(words, gaps + [""])))


soups = st.lists(st.sampled_from(PHRASES).flatmap(_spaced) | st.sampled_from(GAPS), max_size=20).map("".join)


@given(st.one_of(texts, soups))
def test_scanning_paragraphs_together_finds_what_scanning_each_finds(text):
    """scan_pieces runs the automaton once over neighbouring paragraphs (a blank line folds to
    spaces no phrase holds); that must find exactly the hits of one scan per paragraph."""
    folded = fold(text)
    breaks = [m.span() for m in PARAGRAPH_BREAK.finditer(text)]
    pieces = list(zip([0] + [e for _, e in breaks], [s for s, _ in breaks] + [len(text)]))
    # All the paragraphs, and every other one (the paragraphs outside the windows of find_claims
    # are such a selection: pieces with text between them must never be scanned as one).
    for chosen in (pieces, pieces[::2], pieces[1::2]):
        for index in (REFS.index, REFS.modifier_index, REFS.violation_index):
            one_by_one = [h for start, end in chosen for h in index.scan_folded(folded, start, end)]
            assert index.scan_pieces(folded, chosen) == one_by_one


@given(texts)
def test_plain_text_claims_page_and_visible_text(text):
    claims = check_claims(text, markdown=False)
    html = render_page(Article("t.txt", text, False, "t"), claims, REFS.resolutions)
    tree = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False).parse(html)
    assert tree.find(".//script") is None
    for el in tree.iter():
        assert not any(k.lower().startswith("on") for k in el.attrib), el.tag
    assert normalise(visible_article_text(html)) == normalise(text)


@given(texts)
def test_markdown_claims_and_page(text):
    claims = check_claims(text, markdown=True)
    html = render_page(Article("t.md", text, True, "t"), claims, REFS.resolutions)
    tree = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False).parse(html)
    assert tree.find(".//script") is None and tree.find(".//img") is None
    for el in tree.iter():
        for k, v in el.attrib.items():
            assert not k.lower().startswith("on")
            if k in ("href", "src"):
                assert not v.strip().lower().startswith(("javascript:", "data:", "vbscript:")), v
    assert len(markdown_view(text)) == len(text)


@given(texts)
def test_sentences_cover_the_text_in_order(text):
    last = 0
    for s in split_sentences(text, REFS.cues.abbreviations):
        assert last <= s.start < s.end <= len(text)
        assert not text[s.start].isspace() and not text[s.end - 1].isspace()
        last = s.end


CITATION_PIECES = [
    "resolution", "Resolutions", "UNSCR", "S/RES/", "Res.", "Security Council resolution", "paragraph", "paragraphs",
    "operative paragraph", "OP", "para.", "of", "in", "the", "no.", "and", "or", ",", "&", "(2017)", "(a)", "(ii)",
    "1718", "2270", "8", "12", "2375", "99999", " ", "  ", "\n", "/", "x", "top", "xoperative paragraph", "S/RES/2375", "\u017f", "K",
]


@given(st.lists(st.sampled_from(CITATION_PIECES) | st.text(max_size=3), max_size=40).map("".join))
def test_citations_are_what_a_plain_search_finds(text):
    # find_citations only tries the full pattern near citation words; it must find exactly what a
    # search with that pattern over the whole text finds.
    from annotate.citations import find_citations

    full = REFS.citation_patterns.full
    expected = [(m.start(), m.end(), m.group(0)) for m in full.finditer(text)]
    found = list(dict.fromkeys((c.start, c.end, c.text) for c in find_citations(text, REFS.citation_patterns)))
    assert found == expected


@contextmanager
def hard_cap(seconds: int):
    """Fail if the block runs for `seconds`: far above the linear cost, it only trips on blow-up."""
    def boom(signum, frame):
        raise AssertionError(f"super-linear matching: over {seconds}s")

    old = signal.signal(signal.SIGALRM, boom)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, old)


# Long runs of exactly what each regular expression repeats (see the pattern in each module).
ADVERSARIAL = {
    "sentence stops": "U.N." * 50_000 + "a" + "." * 50_000 + " x",
    "line breaks": "a\n" * 50_000 + "\r" * 50_000,
    "citations": "resolution 1718, 1718, 1718 and " * 20_000 + "paragraph 8(a)(b)(c), 8(a) and " * 10_000,
    "citation numbers": "resolutions " + "1718 (2006) and " * 30_000,
    "citation prefixes": "paragraphs 8, op, 9 of op resolution " * 20_000,
    "markdown brackets": "[" * 100_000 + "](" * 50_000 + "<a" * 50_000,
    "markdown emphasis": "*_`~" * 50_000,
    "violation words": ("violate UN sanctions " * 20_000) + ("North Korea " * 20_000),
}


@pytest.mark.parametrize("name", list(ADVERSARIAL))
def test_no_input_drives_matching_into_blow_up(name):
    text = ADVERSARIAL[name]
    with hard_cap(60):
        find_claims(text, REFS)
        find_claims(text, REFS, markdown=True)


def test_every_pattern_of_the_package_has_only_bounded_or_unnested_repetition():
    """By construction: no quantified group inside a quantified group can repeat unboundedly."""
    import annotate.citations as citations
    import annotate.markdown_view as mv
    import annotate.sentences as sentences

    patterns = [sentences._BREAK.pattern, sentences._BULLET.pattern, mv._SYNTAX.pattern, REFS.citation_patterns.full.pattern]
    nested_unbounded = re.compile(r"\((?:[^()]|\([^()]*\))*[+*]\)[+*]")
    for p in patterns:
        assert not nested_unbounded.search(p), p[:120]
    assert citations._SEP and citations._PARA  # the pieces the citation pattern is built from

"""The library API: claims from text in two lines, offsets exact."""
from __future__ import annotations

from annotate import find_claims, load_references


def test_two_line_api_finds_and_links_a_claim():
    text = "On Monday North Korea fired a ballistic missile, in violation of U.N. Security Council resolutions."
    claims = find_claims(text, load_references())
    assert len(claims) == 1
    claim = claims[0]
    assert text[claim.start : claim.end] == claim.text
    assert claim.stance == "asserted"
    assert not claim.review
    assert any(s.resolution == 1718 for b in claim.bans for s in b.sources)


def test_claim_without_activity_links_the_regime_and_asks_for_review(refs):
    text = "Japan's foreign minister warned of violations of UN resolutions by North Korea."
    (claim,) = find_claims(text, refs)
    assert claim.review
    assert [b.id for b in claim.bans] == [refs.regimes[0].id]
    assert claim.bans[0].sources[0].resolution == refs.regimes[0].founding_resolution
    assert claim.bans[0].sources[0].paragraphs == ()


def test_us_sanctions_alone_are_not_a_claim(refs):
    text = "The Treasury said the shipping firm had evaded U.S. sanctions on North Korea."
    assert find_claims(text, refs) == []


def test_markdown_offsets_index_the_source(refs):
    text = "# Launch\n\nNorth Korea **fired** a ballistic missile in violation of [UN resolutions](https://example.org/x).\n"
    (claim,) = find_claims(text, refs, markdown=True)
    assert text[claim.start : claim.end] == claim.text
    assert claim.text.startswith("North Korea **fired**")

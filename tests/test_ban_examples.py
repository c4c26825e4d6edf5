"""Every ban's example sentences, run through the real matcher: editing the YAML re-runs them."""
from __future__ import annotations

import pytest

from annotate import find_claims, load_references

_REFS = load_references()
_CASES = [
    pytest.param(ban, ex, id=f"{ban.id}-{'link' if ex.links else 'no_link'}-{i}")
    for regime in _REFS.regimes
    for ban in regime.bans
    for i, ex in enumerate(ban.examples)
]


@pytest.mark.parametrize("ban, example", _CASES)
def test_example(ban, example):
    claims = find_claims(example.text, _REFS)
    linked = {b.id for c in claims for b in c.bans}
    if example.links:
        assert claims, f"no claim found in {example.text!r} ({example.origin})"
        assert ban.id in linked, f"{example.origin}: links {sorted(linked)}, not {ban.id}"
    else:
        assert ban.id not in linked, f"{example.origin}: should not link {ban.id}"


def test_every_ban_has_examples_both_ways():
    for regime in _REFS.regimes:
        for ban in regime.bans:
            assert any(e.links for e in ban.examples), ban.id
            assert any(not e.links for e in ban.examples), ban.id


def test_every_citation_is_well_formed_and_declared():
    for regime in _REFS.regimes:
        for ban in regime.bans:
            assert ban.sources, ban.id
            for s in ban.sources:
                assert s.resolution in regime.resolutions, (ban.id, s.resolution)
                assert regime.resolutions[s.resolution].url.startswith("https://undocs.org/S/RES/")


def test_the_readme_lists_every_source_still_to_verify():
    """references/README.md is the to-do list of unverified paragraphs: it must not fall behind."""
    from pathlib import Path

    readme = (Path(__file__).resolve().parent.parent / "references" / "README.md").read_text(encoding="utf-8")
    for regime in _REFS.regimes:
        for ban in regime.bans:
            missing = [s.resolution for s in ban.sources if not s.paragraphs]
            if missing:
                row = next((line for line in readme.splitlines() if line.startswith(f"| `{ban.id}` |")), "")
                assert row, f"{ban.id} cites {missing} without a paragraph but is not listed in references/README.md"
                for number in missing:
                    assert str(number) in row, (ban.id, number)

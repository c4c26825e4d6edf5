"""What the phrase hits of a stretch of text mean once read together.

The automaton finds every cue on its own; a few cues change the meaning of others: a violation
word inside an idiom is none ("broke down"), an issuer and a measure a few words apart are an
authority ("the UN fuel cap"), a back-reference inside an authority or inside someone else's
measures is none ("sanctions" in "U.S. sanctions"). `settle` applies all of these.
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from operator import attrgetter

from .model import Cues, Hit

# What makes a sentence a claim: an act against the measures, or one said to keep to them
# ("the sales were legal under UN rules", a claim denied).
ACT_KINDS = frozenset({"violation", "ban", "compliance"})


def settle(hits: list[Hit], view: str, cues: Cues) -> list[Hit]:
    """`hits` (sorted by position) as they count for claims, still sorted."""
    hits = _with_issued_measures(_without_idioms(hits), view, cues.issuer_window)
    return _without_nested_references(hits, view)


def _without_idioms(hits: list[Hit]) -> list[Hit]:
    """Drop violation words that sit inside a phrase about something else ("broke down")."""
    idioms = [h for h in hits if h.kind == "not_violation"]
    if not idioms:
        return hits
    return [h for h in hits if h.kind != "not_violation" and not (h.kind in _CUES_OF_ACTS and _inside(h, idioms))]


_CUES_OF_ACTS = frozenset({"violation", "ban"})


def _with_issued_measures(hits: list[Hit], view: str, window: int) -> list[Hit]:
    """"the UN fuel cap", "the United Nations ban on luxury goods": an issuer word followed within
    `window` words, in the same clause, by a measure word is an authority. The issuer and measure
    hits themselves are dropped: alone they mean nothing."""
    issuers = [h for h in hits if h.kind == "issuer"]
    measures = [h for h in hits if h.kind == "measure"]
    if not issuers and not measures:
        return hits
    out = [h for h in hits if h.kind != "issuer" and h.kind != "measure"]
    named = [h for h in out if h.kind == "authority"]
    named_starts = [h.start for h in named]
    composed: list[Hit] = []
    measure_starts = [m.start for m in measures]
    for issuer in issuers:
        k = bisect_left(measure_starts, issuer.end)
        if k == len(measures):
            break
        measure = measures[k]
        between = view[issuer.end : measure.start]
        if len(between.split()) > window or any(c in between for c in ".!?;:,()"):
            continue
        # Authorities never overlap one another: only the last one starting before the measure's
        # end can cover the issuer.
        j = bisect_left(named_starts, measure.end) - 1
        if j >= 0 and named[j].end > issuer.start:
            continue  # already an authority as written ("UN ban")
        composed.append(Hit("authority", f"{issuer.phrase} {measure.phrase}", issuer.start, measure.end))
    if not composed:
        return out
    return sorted(out + composed, key=lambda h: (h.start, h.end))


def _without_nested_references(hits: list[Hit], view: str) -> list[Hit]:
    """Drop back-references that are part of an authority: "resolutions" inside "UN resolutions" or
    right after "UN Security Council" ('s). The authority says it all; the evidence shows it once.
    Drop those inside someone else's measures too ("sanctions" in "U.S. sanctions"), and any
    authority there ("unlike the UN measures, ..."); the hits of those measures stay, to say whose
    ban a sentence states."""
    others = [h for h in hits if h.kind == "other_authority"]
    if others:
        # ...and authorities inside them: "unlike the UN measures, a U.S. law bans ...".
        hits = [h for h in hits if not (h.kind in _REFERENCES_AND_AUTHORITY and _inside(h, others))]
    named = [h for h in hits if h.kind == "authority"]
    if not named:
        return hits

    def part_of_authority(h: Hit) -> bool:
        if _inside(h, named):
            return True
        j = bisect_right(named, h.start, key=_START) - 1
        return j >= 0 and named[j].end <= h.start and view[named[j].end : h.start].strip() in ("", "'s", "\u2019s")

    return [h for h in hits if h.kind not in _REFERENCES or not part_of_authority(h)]


_REFERENCES = frozenset({"back_reference", "far_reference"})
_REFERENCES_AND_AUTHORITY = _REFERENCES | {"authority"}


_START = attrgetter("start")


def _inside(hit: Hit, outer: list[Hit]) -> bool:
    """Is `hit` within one of `outer` (hits of one kind, sorted, never overlapping one another)?"""
    j = bisect_right(outer, hit.start, key=_START) - 1
    return j >= 0 and outer[j].start <= hit.start and hit.end <= outer[j].end

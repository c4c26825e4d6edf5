"""Link a claim to the bans it is about.

Rules, in order:
1. Activity phrases in the claim pick bans; a phrase nested inside a longer phrase
   of another ban gives way to it ("ballistic missile technology" beats "missile").
   When the claim names no activity, the sentences just before and after are read.
2. An explicit citation narrows those bans to the ones citing the resolution (and
   paragraph); when none does, the cited resolution itself is linked as written.
3. Nothing specific: the regime as a whole, marked for review.
"""
from __future__ import annotations

from typing import Protocol, Sequence

from .model import Ban, Citation, Hit, Regime


class _HasHits(Protocol):
    hits: list[Hit]


def most_specific(hits: Sequence[Hit]) -> list[Hit]:
    """Drop activity hits that lie inside a longer hit of another ban."""
    acts = [h for h in hits if h.kind == "activity"]
    keep = []
    for h in acts:
        inside = any(
            o is not h and o.ban != h.ban and o.start <= h.start and h.end <= o.end and (o.end - o.start) > (h.end - h.start)
            for o in acts
        )
        if not inside:
            keep.append(h)
    return keep


def link_bans(
    hits: Sequence[Hit], citations: Sequence[Citation], context: Sequence[Sequence[_HasHits]], regime: Regime
) -> tuple[list[Ban], bool, list[Hit]]:
    """(bans, review, the activity hits that decided).

    `context` is a list of tiers of sentences around the claim, nearest first: the first tier
    that names an activity decides, when the claim itself names none.
    """
    by_id = regime.bans_by_id
    activity = [h for h in most_specific(hits) if h.ban in by_id]
    for tier in context:
        if activity:
            break
        activity = [h for c in tier for h in most_specific(c.hits) if h.ban in by_id]
    picked = {h.ban: by_id[h.ban] for h in activity}  # by id: hashing a Ban is slow
    # "a Maybach and other cars": a ban named alongside one it gives way to is dropped.
    activity = [h for h in activity if picked.keys().isdisjoint(picked[h.ban].gives_way_to)]
    bans = list({h.ban: by_id[h.ban] for h in activity}.values())

    cited = [c for c in citations if c.resolution in regime.resolutions]
    if cited:
        def cites(ban: Ban) -> bool:
            return any(
                ban.cites(c.resolution, p) for c in cited for p in (c.paragraphs or (None,))
            )

        narrowed = [b for b in bans if cites(b)]
        if narrowed:
            return narrowed, False, [h for h in activity if by_id[h.ban] in narrowed]
        if not bans:
            # "paragraph 8 of resolution 1718": the bans citing that paragraph.
            by_para = [b for b in regime.bans if any(c.paragraphs for c in cited) and cites(b)]
            if by_para:
                return by_para, False, []
        whole = [regime.resolution_ban(n) for n in dict.fromkeys(c.resolution for c in cited)]
        return bans + whole, not bans, activity

    if bans:
        return bans, False, activity
    return [regime.as_ban()], True, []

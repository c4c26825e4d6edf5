"""The JSON document for pipelines (contract: shared corpus README, plus `version`)."""
from __future__ import annotations

import json
from typing import Any, Sequence

from .model import Ban, Claim, Source

SCHEMA_VERSION = "1"


def source_json(source: Source, resolutions: dict[int, Any] | None = None) -> dict[str, Any]:
    out: dict[str, Any] = {"resolution": source.resolution, "paragraphs": list(source.paragraphs)}
    if source.verb:
        out["verb"] = source.verb
    res = (resolutions or {}).get(source.resolution)
    if res is not None:
        out["year"] = res.year
        if res.url:
            out["url"] = res.url
    return out


def ban_json(ban: Ban, resolutions: dict[int, Any] | None = None) -> dict[str, Any]:
    out: dict[str, Any] = {
        "id": ban.id,
        "title": ban.title,
        "sources": [source_json(s, resolutions) for s in ban.sources],
    }
    if ban.regime_wide:
        out["regime_wide"] = True
    if ban.is_call:
        out["call"] = True  # "calls upon": an exhortation, not a binding ban
    return out


def claim_json(claim: Claim, resolutions: dict[int, Any] | None = None, text: str | None = None) -> dict[str, Any]:
    def written(start: int, end: int) -> dict[str, str]:
        return {"text": text[start:end]} if text is not None else {}

    return {
        "start": claim.start,
        "end": claim.end,
        "text": claim.text,
        "stance": claim.stance,
        "review": claim.review,
        "regime": claim.regime,
        "bans": [ban_json(b, resolutions) for b in claim.bans],
        # Why: the words that made it a claim and picked its bans, with offsets into the text.
        "evidence": [
            {"kind": h.kind, "phrase": h.phrase, **written(h.start, h.end), "start": h.start, "end": h.end,
             **({"ban": h.ban} if h.kind == "activity" else {})}
            for h in claim.evidence
        ],
        "citations": [
            {"text": c.text, "start": c.start, "end": c.end, "resolution": c.resolution, "paragraphs": list(c.paragraphs)}
            for c in claim.citations
        ],
    }


def article_json(source: str, claims: Sequence[Claim], resolutions: dict[int, Any] | None = None,
                 text: str | None = None) -> dict[str, Any]:
    return {
        "version": SCHEMA_VERSION,
        "source": source,
        "claims": [claim_json(c, resolutions, text) for c in claims],
        "summary": summary(claims),
    }


def summary(claims: Sequence[Claim]) -> dict[str, Any]:
    counts: dict[str, int] = {}
    for c in claims:
        for b in c.bans:
            if not b.regime_wide:
                counts[b.id] = counts.get(b.id, 0) + 1
    return {
        "claims": len(claims),
        "linked": sum(1 for c in claims if any(not b.regime_wide for b in c.bans)),
        "review": sum(1 for c in claims if c.review),
        "bans": counts,
    }


def dumps(doc: Any, pretty: bool = True) -> str:
    """Pretty JSON for one document; one line (for JSON Lines) otherwise. Always ends in a newline."""
    return json.dumps(doc, ensure_ascii=False, indent=2 if pretty else None) + "\n"

"""Scoring the matcher against a gold corpus (the format of shared/corpus/gold.yaml).

Rules:
- a gold claim is found when a predicted claim's [start, end) overlaps its quote;
  a predicted claim that overlaps no gold claim (optional ones included) is a false alarm;
- a found claim is linked right when one of its bans cites a paragraph that the
  activities file accepts for one of the claim's activities, compared on the
  resolution and the paragraph's leading number ("8(a)(ii)" counts as "8"); an
  accepted entry without a paragraph accepts any paragraph of that resolution;
- stance is compared where the gold gives one, against the first overlapping claim.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Sequence

from .errors import InputError
from .model import Ban, Claim, Origin, leading_number


@dataclass(frozen=True)
class GoldClaim:
    quote: str
    start: int
    end: int
    activities: tuple[str, ...]
    optional: bool = False
    stance: str | None = None


@dataclass(frozen=True)
class GoldArticle:
    file: str
    path: Path
    claims: tuple[GoldClaim, ...]


Accepted = frozenset[tuple[int, str | None]]


@dataclass
class Outcome:
    """One line of the per-claim report: what happened to a gold claim or a prediction."""

    file: str
    kind: str  # found, missed, false-alarm, wrong-link, wrong-stance
    quote: str
    detail: str = ""

    @property
    def key(self) -> str:
        return f"{self.kind}\t{self.file}\t{self.quote}"


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    linked: int = 0  # found claims with at least one right ban
    bans_right: int = 0
    bans_total: int = 0
    stance_right: int = 0
    stance_total: int = 0
    outcomes: list[Outcome] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def link_accuracy(self) -> float:
        return self.linked / self.tp if self.tp else 0.0

    @property
    def link_precision(self) -> float:
        return self.bans_right / self.bans_total if self.bans_total else 0.0

    @property
    def stance_accuracy(self) -> float:
        return self.stance_right / self.stance_total if self.stance_total else 0.0

    def figures(self) -> dict[str, float]:
        return {
            "precision": round(self.precision, 4), "recall": round(self.recall, 4), "f1": round(self.f1, 4),
            "link_accuracy": round(self.link_accuracy, 4), "link_precision": round(self.link_precision, 4),
            "stance_accuracy": round(self.stance_accuracy, 4),
        }

    def summary(self) -> str:
        f = self.figures()
        return (
            f"claims: precision={f['precision']:.3f} recall={f['recall']:.3f} f1={f['f1']:.3f} "
            f"(tp={self.tp} fp={self.fp} fn={self.fn}) | links: accuracy={f['link_accuracy']:.3f} "
            f"precision={f['link_precision']:.3f} | stance: accuracy={f['stance_accuracy']:.3f} (n={self.stance_total})"
        )

    def to_json(self) -> dict[str, Any]:
        return {"figures": self.figures(), "outcomes": [asdict(o) for o in self.outcomes]}


def parse_activities(data: Any, origin: Origin) -> dict[str, Accepted]:
    if not isinstance(data, dict):
        raise InputError(origin, "an activities file maps each activity to {accept: [RES or RES:PARA, ...]}")
    table: dict[str, Accepted] = {}
    for name, entry in data.items():
        accept = entry.get("accept") if isinstance(entry, dict) else None
        if not isinstance(accept, list):
            raise InputError(origin, f"activity {name!r} needs an accept list")
        items = set()
        for cite in accept:
            res, _, para = str(cite).partition(":")
            if not res.strip().isdigit():
                raise InputError(origin, f"activity {name!r}: {cite!r} is not RES or RES:PARA")
            items.add((int(res), leading_number(para) or None))
        table[str(name)] = frozenset(items)
    return table


def parse_gold(data: Any, gold_path: Path, activities: dict[str, Accepted], where: Any) -> list[GoldArticle]:
    """`where(path_tuple)` gives the Origin of a value, for errors."""
    if not isinstance(data, dict) or not isinstance(data.get("articles"), list):
        raise InputError(where(()), "a gold file has a top-level 'articles' list")
    out = []
    for i, art in enumerate(data["articles"]):
        if not isinstance(art, dict) or not isinstance(art.get("file"), str):
            raise InputError(where(("articles", i)), "each article needs a 'file'")
        path = (gold_path.parent / art["file"]).resolve()
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise InputError(where(("articles", i, "file")), f"cannot read article {art['file']}: {exc}") from None
        claims = []
        for j, c in enumerate(art.get("claims") or []):
            at = ("articles", i, "claims", j)
            if not isinstance(c, dict) or not isinstance(c.get("quote"), str):
                raise InputError(where(at), "each claim needs a 'quote'")
            start = text.find(c["quote"])
            if start < 0:
                raise InputError(where(at + ("quote",)), f"quote not found in {art['file']}: {c['quote'][:60]!r}")
            acts = c.get("activities") or []
            acts = [acts] if isinstance(acts, str) else list(acts)
            unknown = [a for a in acts if a not in activities]
            if unknown:
                raise InputError(where(at + ("activities",)), f"unknown activities {unknown}")
            stance = c.get("stance")
            if stance is not None and stance not in ("asserted", "hypothetical", "denied"):
                raise InputError(where(at + ("stance",)), f"stance must be asserted, hypothetical or denied, not {stance!r}")
            claims.append(GoldClaim(c["quote"], start, start + len(c["quote"]), tuple(acts), bool(c.get("optional")), stance))
        out.append(GoldArticle(art["file"], path, tuple(claims)))
    return out


def ban_is_right(ban: Ban, accepted: Accepted) -> bool:
    for s in ban.sources:
        if (s.resolution, None) in accepted:
            return True
        if any((s.resolution, leading_number(p)) in accepted for p in s.paragraphs):
            return True
    return False


def score_article(article: GoldArticle, predicted: Sequence[Claim], activities: dict[str, Accepted], score: Score) -> None:
    def overlaps(c: Claim, g: GoldClaim) -> bool:
        return c.start < g.end and g.start < c.end

    for p in predicted:
        if not any(overlaps(p, g) for g in article.claims):
            score.fp += 1
            score.outcomes.append(Outcome(article.file, "false-alarm", p.text[:200]))
    for g in article.claims:
        hits = [p for p in predicted if overlaps(p, g)]
        if g.optional:
            continue
        if not hits:
            score.fn += 1
            score.outcomes.append(Outcome(article.file, "missed", g.quote, ", ".join(g.activities)))
            continue
        score.tp += 1
        score.outcomes.append(Outcome(article.file, "found", g.quote))
        if g.stance:
            score.stance_total += 1
            if hits[0].stance == g.stance:
                score.stance_right += 1
            else:
                score.outcomes.append(Outcome(article.file, "wrong-stance", g.quote, f"{g.stance}, said {hits[0].stance}"))
        accepted: Accepted = frozenset().union(*(activities[a] for a in g.activities)) if g.activities else frozenset()
        bans = {b.id: b for p in hits for b in p.bans}.values()
        right = [b for b in bans if ban_is_right(b, accepted)]
        score.bans_total += len(bans)
        score.bans_right += len(right)
        if right:
            score.linked += 1
        else:
            score.outcomes.append(Outcome(article.file, "wrong-link", g.quote, f"{', '.join(g.activities)} -> {', '.join(b.id for b in bans)}"))


def compare(current: Score, baseline: dict[str, Any]) -> tuple[list[str], list[str]]:
    """(gained, lost): outcome lines present now but not in the baseline, and the reverse."""
    now = {o.key for o in current.outcomes}
    before = {f"{o['kind']}\t{o['file']}\t{o['quote']}" for o in baseline.get("outcomes", [])}
    good = ("found",)
    gained = sorted(k for k in now - before if k.split("\t", 1)[0] in good) + sorted(
        k for k in before - now if k.split("\t", 1)[0] not in good)
    lost = sorted(k for k in before - now if k.split("\t", 1)[0] in good) + sorted(
        k for k in now - before if k.split("\t", 1)[0] not in good)
    return gained, lost

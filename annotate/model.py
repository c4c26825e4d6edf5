"""The data the annotator works with: references (regimes, resolutions, bans) and claims.

Everything here is a plain frozen dataclass so that the core stays pure: the
loaders build these from YAML, the matcher reads them, the writers print them.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import Literal, NamedTuple

Stance = Literal["asserted", "hypothetical", "denied"]
# "calls upon" exhorts and binds no one: such a source is shown as a call, never as a ban.
CALL_VERB = "calls upon"


@dataclass(frozen=True)
class Origin:
    """Where a thing was written: file, 1-based line and column."""

    file: str
    line: int = 0
    column: int = 0

    def __str__(self) -> str:
        if self.line:
            return f"{self.file}:{self.line}:{self.column}"
        return self.file


@dataclass(frozen=True)
class Resolution:
    number: int
    year: int
    adopted: str = ""
    vote: str = ""
    chapter_vii: bool | None = None
    url: str = ""
    subject: str = ""

    @property
    def label(self) -> str:
        return f"resolution {self.number} ({self.year})"


@dataclass(frozen=True)
class Source:
    """One citation: a resolution and the operative paragraphs as the resolution writes them."""

    resolution: int
    paragraphs: tuple[str, ...] = ()
    verb: str = ""  # decides, demands, reaffirms, requires, calls upon; "" when not verified
    quote: str = ""

    @property
    def is_call(self) -> bool:
        return self.verb == CALL_VERB

    def cites(self, resolution: int, paragraph: str | None = None) -> bool:
        """True when this source cites `resolution` (and `paragraph`, compared on its leading number)."""
        if resolution != self.resolution:
            return False
        if paragraph is None:
            return True
        lead = leading_number(paragraph)
        return any(leading_number(p) == lead for p in self.paragraphs)


def leading_number(paragraph: str) -> str:
    """'8(a)(ii)' -> '8'."""
    digits = ""
    for ch in paragraph.strip():
        if ch.isdigit():
            digits += ch
        elif digits:
            break
    return digits


@dataclass(frozen=True)
class Example:
    text: str
    links: bool  # True: must link to its ban; False: must not
    origin: Origin | None = None


@dataclass(frozen=True)
class Ban:
    id: str
    title: str
    summary: str
    sources: tuple[Source, ...]
    phrases: tuple[str, ...] = ()
    bound: tuple[str, ...] = ()
    exceptions: str = ""
    examples: tuple[Example, ...] = ()
    regime: str = ""
    origin: Origin | None = None
    # A regime-wide entry stands for the regime as a whole (no specific ban found).
    regime_wide: bool = False
    # Bans this one gives way to when a claim names both: a Maybach is a car, but the luxury-goods
    # ban is the one meant.
    gives_way_to: tuple[str, ...] = ()

    @property
    def is_call(self) -> bool:
        """Every source only calls upon States: shown as a call, not a ban."""
        return bool(self.sources) and all(s.is_call for s in self.sources)

    def cites(self, resolution: int, paragraph: str | None = None) -> bool:
        return any(s.cites(resolution, paragraph) for s in self.sources)


@dataclass(frozen=True)
class Committee:
    name: str
    url: str = ""


@dataclass(frozen=True)
class Regime:
    id: str
    name: str
    names: tuple[str, ...]
    founding_resolution: int
    summary: str = ""
    committee: Committee | None = None
    panel_note: str = ""
    resolutions: dict[int, Resolution] = field(default_factory=dict)
    bans: tuple[Ban, ...] = ()
    origin: Origin | None = None

    @cached_property
    def bans_by_id(self) -> dict[str, Ban]:
        return {b.id: b for b in self.bans}

    def as_ban(self) -> Ban:
        """The regime as a whole, used when a claim names no specific ban."""
        return Ban(
            id=self.id,
            title=self.name,
            summary=self.summary,
            sources=(Source(self.founding_resolution),),
            regime=self.id,
            regime_wide=True,
        )

    def resolution_ban(self, number: int) -> Ban:
        """A whole resolution of this regime, used for an explicit citation with no matching ban."""
        res = self.resolutions[number]
        return Ban(
            id=f"{self.id}-resolution-{number}",
            title=f"Security Council {res.label}",
            summary=res.subject,
            sources=(Source(number),),
            regime=self.id,
            regime_wide=True,
        )


@dataclass(frozen=True)
class Cues:
    """Language-level word lists, from the cues file (never hard-coded in Python)."""

    violation: tuple[str, ...]
    authority: tuple[str, ...]
    back_reference: tuple[str, ...]
    pronoun: tuple[str, ...]
    hypothetical: tuple[str, ...]
    denial: tuple[str, ...]
    negation: tuple[str, ...]
    other_regimes: dict[str, tuple[str, ...]]
    abbreviations: tuple[str, ...]
    citation_words: tuple[str, ...]
    paragraph_words: tuple[str, ...]
    back_reference_window: int = 6
    hypothetical_window: int = 5
    denial_window: int = 12
    negation_window: int = 3
    # Phrases about something else that hold a violation word ("broke down", "human rights
    # violations"): a violation word inside one is no cue.
    not_violation: tuple[str, ...] = ()
    # Words that state a ban ("coal exports are banned"): a claim, but none when negated.
    ban: tuple[str, ...] = ()
    # Words that say an act keeps to the measures ("legal under UN rules"): a claim, denied.
    compliance: tuple[str, ...] = ()
    # Words that state a ban as a duty ("requires states to send home"): a claim when the sentence
    # names an activity too.
    obligation: tuple[str, ...] = ()
    # An issuer word and a measure word a few words after it make an authority ("the UN fuel cap").
    issuer: tuple[str, ...] = ()
    measure: tuple[str, ...] = ()
    issuer_window: int = 3
    # A word that, opening the sentence, makes all of it a supposition ("If reports prove true,
    # Moscow is violating ..."), however far the violation word is.
    conditional: tuple[str, ...] = ()
    # Words after a negation that carry it farther, in the same clause: "not ... any ... prohibited".
    negation_reach: tuple[str, ...] = ()
    # "accusations that X breached the resolutions were groundless": an accusation before the
    # violation word and a rebuttal after it deny the claim.
    accusation: tuple[str, ...] = ()
    rebuttal: tuple[str, ...] = ()
    # Measures of others than the UN ("U.S. sanctions"): a back-reference inside one is none.
    other_authority: tuple[str, ...] = ()
    # Others who ban things ("Japan", "the European Union"): a ban they are named with is not
    # taken for the UN's.
    other_issuer: tuple[str, ...] = ()
    # Back-references that reach any UN authority named earlier in the article ("the resolutions").
    far_reference: tuple[str, ...] = ()
    # A sentence that opens with one of these and ends with a question mark asks; it claims nothing.
    question_words: tuple[str, ...] = ()
    # Words for an event that name no weapon ("the launch"): a claim with one and no activity near
    # it takes the nearest activity earlier in the article, marked for review.
    event: tuple[str, ...] = ()


class Hit(NamedTuple):
    """A phrase found in the text: what kind, which phrase, and where (offsets into the text).

    A named tuple rather than a dataclass: an article yields tens of thousands of hits, and a
    tuple is several times cheaper to build.
    """

    kind: str  # violation, compliance, authority, back_reference, hypothetical, denial, activity, regime, ...
    phrase: str
    start: int
    end: int
    ban: str = ""  # for activity hits: the ban id; for regime hits: the regime id


@dataclass(frozen=True)
class Citation:
    """A resolution cited in the article, as written."""

    text: str
    start: int
    end: int
    resolution: int
    paragraphs: tuple[str, ...] = ()


# slots: an article of many MB yields tens of thousands of claims, and without a __dict__ each is
# one object fewer for Python's collector to visit again and again.
@dataclass(frozen=True, slots=True)
class Claim:
    start: int
    end: int
    text: str
    stance: Stance
    review: bool
    bans: tuple[Ban, ...]
    regime: str
    evidence: tuple[Hit, ...] = ()
    citations: tuple[Citation, ...] = ()

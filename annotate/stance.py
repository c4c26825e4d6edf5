"""The stance of a claim: asserted, hypothetical (a modal or a conditional governs it) or denied
(a denial or negation governs it, or the act is said to keep to the measures).

Which words are modals, denials and negations comes from the cues file; this module holds the
rules of their reach.
"""
from __future__ import annotations

from .cue_hits import ACT_KINDS
from .model import Cues, Hit, Stance


def _clause_break(between: str) -> bool:
    return "," in between or ";" in between


def decide_stance(hits: list[Hit], sentence_start: int, view: str, cues: Cues) -> tuple[Stance | None, list[Hit]]:
    """The stance of the claim whose sentence starts at `sentence_start` and holds `hits`, and the
    modal, conditional, denial or negation words that decided it (none for a plain assertion).

    denied when a denial or negation governs a violation cue, or an act is said to keep to the
    measures ("legal under UN rules"); hypothetical for a modal or a conditional one. None when
    every cue is a ban word that a negation or denial governs ("tourism itself is not prohibited
    under UN resolutions"): the sentence says what the measures leave out, and claims nothing.
    """
    acts = [h for h in hits if h.kind in ACT_KINDS]
    modifiers = [h for h in hits if h.kind in ("denial", "negation", "hypothetical")]
    subjects = [h for h in hits if h.kind in ("authority", "back_reference", "far_reference")]
    found: set[str] = set()
    why: dict[str, list[Hit]] = {"denial": [], "negation": [], "hypothetical": []}
    first = acts[0] if acts else None
    for h in hits:
        if first is not None and h.kind == "conditional" and h.end <= first.start and _opens(sentence_start, h, view):
            found.add("hypothetical")
            why["hypothetical"].append(h)
    left_out = bool(acts)  # every act a ban word that a negation or denial governs, so far
    for v in acts:
        governs: set[str] = set()
        negates_ban = False  # a negation or denial on the ban word itself, not on an act before it
        for m in modifiers:
            if m.end > v.start:
                continue
            if m.kind == "hypothetical" and first is not None and m.start > first.end and _clause_break(view[first.end : m.start]):
                # A modal after the first violation word, in another clause ("X is banned, the
                # spokesman said, adding that Seoul would respond to anything that violates them"),
                # does not make the claim hypothetical; in the same clause it does ("the illegal
                # shipments would breach UN sanctions").
                continue
            between = view[m.end : v.start]
            if m.kind == "negation" and _clause_break(between):
                continue  # "knowingly or not, risk falling foul of": the negation is done
            words = between.split()
            window = {"denial": cues.denial_window, "negation": cues.negation_window,
                      "hypothetical": cues.hypothetical_window}[m.kind]
            if len(words) <= window or (m.kind == "negation" and _negation_reaches(words, cues, m, v, subjects, view)):
                governs.add(m.kind)
                if m not in why[m.kind]:
                    why[m.kind].append(m)
                # "is not prohibited" negates the ban; "do not allow any cargo prohibited by ..."
                # negates an act on banned things, which is a denial.
                if m.kind != "hypothetical" and len(words) <= window and not _carried(words, cues):
                    negates_ban = True
        left_out = left_out and v.kind == "ban" and negates_ban
        if v.kind == "compliance":
            # "legal under UN rules" denies a violation; "not legal under UN rules" asserts one.
            if "negation" in governs:
                governs.discard("negation")
            else:
                governs.add("denial")
        found |= governs
    if acts:
        # "accusations that Chinese ports handled coal in breach of the resolutions were groundless"
        accused = [h for h in hits if h.kind == "accusation" and h.end <= acts[0].start]
        rebutted = [h for h in hits if h.kind == "rebuttal" and h.start >= acts[-1].end]
        if accused and rebutted:
            found.add("denial")
            why["denial"] += accused[:1] + rebutted[:1]
    if left_out:
        return None, why["denial"] + why["negation"]
    if found & {"denial", "negation"}:
        return "denied", why["denial"] + why["negation"]
    if "hypothetical" in found:
        return "hypothetical", why["hypothetical"]
    return "asserted", []


def _opens(sentence_start: int, hit: Hit, view: str) -> bool:
    """Does `hit` open the sentence, or a quotation in it ('the professor said, "If Russia ...')?"""
    before = view[sentence_start : hit.start]
    return not any(c.isalnum() for c in before) or before.rstrip().endswith(_QUOTE_OPENERS)


_QUOTE_OPENERS = ('"', "\u201c", "\u2018", ":")


def _carried(words: list[str], cues: Cues) -> bool:
    """Is there a word such as "any" between a negation and its violation word?"""
    return any(w.lower().strip("\"'(") in cues.negation_reach for w in words)


def _negation_reaches(words: list[str], cues: Cues, negation: Hit, act: Hit, subjects: list[Hit], view: str) -> bool:
    """A negation farther than its window still governs the violation word when a word such as
    "any" carries it ("never engaged in any trade prohibited by ..."), within the denial window,
    or when it sits on the measures named as the subject ("no UN rule has been broken")."""
    if len(words) <= cues.denial_window and _carried(words, cues):
        return True
    return _negates_subject(negation, act, subjects, view)


def _negates_subject(negation: Hit, act: Hit, subjects: list[Hit], view: str) -> bool:
    """"no UN rule has been broken": the negation sits right before the measures named as the
    subject, and the violation word follows them."""
    return any(
        negation.end <= s.start and s.end <= act.start and len(view[negation.end : s.start].split()) <= 2
        for s in subjects
    )

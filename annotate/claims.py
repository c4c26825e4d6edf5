"""Find claimed violations of UN Security Council measures in a text.

A claim is a sentence that holds a violation cue ("violates", "in defiance of",
"banned") together with a UN authority ("U.N. Security Council resolutions",
"resolution 2270"), or that refers back ("the resolutions", "such launches") to
a sentence just before that named one. The words come from the cues file; this
module holds only the rules that combine them.

    refs = load_references()
    claims = find_claims(text, refs)
"""
from __future__ import annotations

from bisect import bisect_right

from .citations import find_citations
from .context import ArticleContext, regime_counts
from .cue_hits import ACT_KINDS, settle
from .linking import link_bans
from .markdown_view import markdown_view
from .model import Citation, Claim, Hit
from .references import References
from .sentences import PARAGRAPH_BREAK, Sentence, split_sentences
from .stance import decide_stance
from .textfold import fold


# Words that can make a sentence a claim; an obligation only with a named activity (see has_act).
_CLAIM_WORDS = ACT_KINDS | {"obligation"}


class _Span:
    """One sentence with the hits and citations inside it."""

    __slots__ = ("sentence", "_hits", "citations", "end", "_kinds")

    def __init__(self, sentence: Sentence, hits: list[Hit], citations: list[Citation], end: int = -1) -> None:
        self.sentence = sentence
        self.hits = hits
        self.citations = citations
        self.end = sentence.end if end < 0 else end  # later when the claim runs on into the next sentence

    @property
    def hits(self) -> list[Hit]:
        return self._hits

    @hits.setter
    def hits(self, hits: list[Hit]) -> None:
        self._hits = hits
        self._kinds: set[str] | None = None

    def kinds(self) -> set[str]:
        if self._kinds is None:  # asked many times per sentence, so counted once
            self._kinds = {h.kind for h in self._hits}
        return self._kinds

    def has(self, kind: str) -> bool:
        return kind in self.kinds()

    @property
    def has_act(self) -> bool:
        # An obligation ("requires states to send home") states a ban only about a named activity.
        kinds = self.kinds()
        return not ACT_KINDS.isdisjoint(kinds) or ("obligation" in kinds and "activity" in kinds)

    @property
    def has_authority(self) -> bool:
        return bool(self.citations) or "authority" in self.kinds()


# Claims can only be where violation words are: the text around each one (its paragraph and the
# paragraphs before it, which back-references and context may reach) is all that is read closely.
_PARAGRAPHS_BEFORE = 2
_MARKS_BEFORE = "*_~`["
_MARKS_AFTER = "*_~`"
# How many sentences back a claim that names no activity looks for one ("The launch violated ...").
_LOOKBACK = 4


def find_claims(text: str, refs: References, markdown: bool = False) -> list[Claim]:
    """Every claim in `text`, in order, with offsets into `text` (the Markdown source if `markdown`)."""
    view = markdown_view(text) if markdown else text
    folded = fold(view)
    # Paragraph by paragraph: no phrase runs across a blank line (see PhraseIndex.scan_pieces).
    breaks = [m.span() for m in PARAGRAPH_BREAK.finditer(view)]
    starts = [0] + [end for _, end in breaks]
    ends = [start for start, _ in breaks] + [len(view)]
    # Claims can only be where violation words are: a pass with those alone finds the windows
    # (a violation word's paragraph and the few before it) that are then read closely.
    windows: list[tuple[int, int]] = []  # first and last paragraph of each window
    for v in refs.violation_index.scan_pieces(folded, zip(starts, ends)):
        p = bisect_right(starts, v.start) - 1
        first = max(0, p - _PARAGRAPHS_BEFORE)
        if windows and first <= windows[-1][1] + 1:
            windows[-1] = (windows[-1][0], p)
        else:
            windows.append((first, p))
    if not windows:
        return []
    pieces = list(zip(starts, ends))
    article = ArticleContext(refs, view, folded, pieces)
    claims: list[Claim] = []
    # One window at a time: the hits of a long article are never all held at once (they are
    # many small objects, and Python's collector visits every one it holds, again and again).
    for first, last in windows:
        hits = refs.index.scan_pieces(folded, pieces[first : last + 1])
        article.note(first, last, hits)
        we = starts[last + 1] if last + 1 < len(starts) else len(view)
        claims += _claims_in(text, view, folded, starts[first], we, hits, refs, article)
    return claims


def _claims_in(text: str, view: str, folded: str, ws: int, we: int, hits: list[Hit], refs: References,
               article: ArticleContext) -> list[Claim]:
    hits = settle(hits, view, refs.cues)
    sentences = split_sentences(view, refs.cues.abbreviations, ws, we)
    citations = find_citations(view, refs.citation_patterns, ws, we, folded)
    spans = _bucket(sentences, hits, citations)
    for span in spans:
        if span.has_act:  # modifiers only ever matter next to a violation word
            span.hits = sorted(span.hits + refs.modifier_index.scan_folded(folded, span.sentence.start, span.sentence.end),
                               key=lambda h: (h.start, h.end))
    paragraphs: dict[int, _Paragraph] = {}
    for span in spans:
        paragraphs.setdefault(span.sentence.paragraph, _Paragraph()).spans.append(span)

    claims: list[Claim] = []
    previous_claimed = False
    last_authority = -10**9  # index of the last sentence that named a UN authority
    last_reference = -10**9  # ... or that pointed back to one ("the measures" after "UN sanctions")
    window = refs.cues.back_reference_window
    skip_next = False
    for i, span in enumerate(spans):
        if skip_next:  # already part of the claim before it
            skip_next = False
            continue
        following = spans[i + 1] if i + 1 < len(spans) else None
        if span.sentence.soft_end and following is not None and _cut_at_line_break(span, following):
            # A line break that looked like a headline's end cut the sentence: read both as one.
            hits = span.hits + [h for h in following.hits if h.start >= span.sentence.end]
            span = _Span(span.sentence, hits, span.citations + following.citations, end=following.sentence.end)
            skip_next = _is_claim(span, False, False)
        # "The measures" points back to a UN authority named in the last few sentences; "the
        # resolutions" to one named anywhere earlier in the article.
        recent = i - last_authority <= window
        points_back = (span.has("back_reference") and recent) or (
            span.has("far_reference") and (recent or article.named_before(span.sentence.start)))
        # An explainer's list ("The North is barred from exporting coal"): a ban stated about a
        # named activity, in an article that has named the UN, is the UN's ban, unless the
        # sentence names another who bans ("Japan bans all trade", "EU sanctions bar ...").
        if (not points_back and not span.has_authority and span.has("activity")
                and (span.has("ban") or span.has("obligation")) and not span.has("violation")
                and not _banned_by_another(span)):
            points_back = article.named_before(span.sentence.start)
        # A pronoun follows the sentence just before: one that named the UN, made a claim, or
        # pointed back to the UN itself ("UN sanctions ... The measures were tightened ... They ban").
        just_before = previous_claimed or (i > 0 and spans[i - 1].has_authority) or last_reference == i - 1
        claimed = _is_claim(span, points_back, just_before) and not _is_question(span, view, refs.cues.question_words)
        stance, stance_words = decide_stance(span.hits, span.sentence.start, view, refs.cues) if claimed else (None, [])
        claimed = stance is not None  # None: it says what the measures leave out
        previous_claimed = claimed
        if points_back:
            last_reference = i
        if span.has_authority or claimed:
            last_authority = i
        if not claimed:
            skip_next = False
            continue
        regime_id = _regime_of(span, paragraphs[span.sentence.paragraph], article, refs)
        if regime_id is None:
            continue
        # Activity words may sit in the sentence before or after, within the same paragraph; when
        # the claim only says "the launch violated UN resolutions", in the few sentences before it.
        same_paragraph = [
            s for s in spans[max(0, i - 1) : i + 2]
            if s is not spans[i] and s.sentence.paragraph == span.sentence.paragraph
        ]
        before = list(reversed(spans[max(0, i - _LOOKBACK) : i]))
        regime = refs.regime(regime_id)
        bans, review, activity = link_bans(span.hits, span.citations, [same_paragraph, *([s] for s in before)], regime)
        if review and not activity and not span.citations and span.has("event"):
            # "The launch was a clear violation ...", paragraphs after the lede that named the
            # missile: the nearest activity before it in the article, marked for review.
            far = article.activity_before(span.sentence.start)
            if far:
                bans, _, activity = link_bans(far, [], [], regime)
        evidence = tuple(_deciding_cues(span, points_back, stance_words)) + tuple(activity)
        start, end = span.sentence.start, span.end
        if view is not text:
            # Markdown: keep the emphasis marks that open or close the sentence ("**North Korea** ...").
            floor = max(ws, claims[-1].end if claims else ws)  # never into the claim before
            while start > floor and text[start - 1] in _MARKS_BEFORE:
                start -= 1
            while end < we and text[end] in _MARKS_AFTER:
                end += 1
        claims.append(
            Claim(
                start=start,
                end=end,
                text=text[start:end],
                stance=stance,
                review=review,
                bans=tuple(bans),
                regime=regime_id,
                evidence=tuple(sorted(evidence, key=lambda h: (h.start, h.end))),
                citations=tuple(span.citations),
            )
        )
    return claims


def _banned_by_another(span: _Span) -> bool:
    """Does the sentence name another who bans ("Japan bans all trade", "barred from entering the
    United States") or someone else's measures? Anywhere in it: where it stands says too little."""
    return span.has("other_issuer") or span.has("other_authority")


def _deciding_cues(span: _Span, points_back: bool, stance_words: list[Hit]) -> list[Hit]:
    """The cue words that made the sentence a claim and set its stance, for a reviewer to check:
    the violation words and the authority; the back-reference or pronoun only when the claim
    rests on it; the modal, denial or negation only when it decided the stance."""
    used = {"violation", "ban", "compliance", "obligation", "authority"}
    if not span.has_authority:
        used |= {"back_reference", "far_reference"} if points_back else {"pronoun"}
    return [h for h in span.hits if h.kind in used] + stance_words


def _cut_at_line_break(span: _Span, following: _Span) -> bool:
    """Is this sentence, ended by a soft line break, really one with the next?

    Yes when a phrase runs across the break ("U.N. Security\nCouncil"), or when the claim needs
    both halves: the violation word in this one, the UN authority only in the next.
    """
    if any(h.end > span.sentence.end for h in span.hits):
        return True
    return (span.has_act and not span.has_authority
            and following.has_authority and not following.has_act)


def _bucket(sentences: list[Sentence], hits: list[Hit], citations: list[Citation]) -> list[_Span]:
    starts = [s.start for s in sentences]
    hits_in: list[list[Hit]] = [[] for _ in sentences]
    cited_in: list[list[Citation]] = [[] for _ in sentences]
    for hit in hits:
        i = bisect_right(starts, hit.start) - 1
        # A phrase that runs past its sentence's end belongs to it only across a soft line break.
        if i >= 0 and (hit.end <= sentences[i].end or (sentences[i].soft_end and hit.start < sentences[i].end)):
            hits_in[i].append(hit)
    for cit in citations:
        i = bisect_right(starts, cit.start) - 1
        if i >= 0 and cit.start < sentences[i].end:
            cited_in[i].append(cit)
    return [_Span(s, h, c) for s, h, c in zip(sentences, hits_in, cited_in)]


def _is_question(span: _Span, view: str, question_words: tuple[str, ...]) -> bool:
    """"What do UN sanctions on North Korea ban?", "EXPLAINER: Is the trade legal?": a question asks."""
    text = view[span.sentence.start : span.end].rstrip(" \"'\u201d\u2019)")
    if not text.endswith("?"):
        return False
    # A question word among the first few words, or the first few after a label ("EXPLAINER:
    # What ...", "But what exactly do those resolutions forbid?").
    for part in (text, text.partition(": ")[2]):
        words = part.lstrip(" \"'\u201c\u2018(").split(None, 3)[:3]
        if any(w.lower().strip(",") in question_words for w in words):
            return True
    return False


def _is_claim(span: _Span, points_back: bool, authority_just_before: bool) -> bool:
    if not span.has_act:
        return False
    if span.has_authority:
        return True
    # "Such launches are banned by the resolutions": the authority was named before.
    if points_back:
        return True
    # "They also prohibit ...": a pronoun reaches back one sentence only, and only as the one that
    # does the violating or banning, before the violation word: "broke records this summer" is not.
    if not (authority_just_before and span.has("pronoun")):
        return False
    last_violation = max(h.start for h in span.hits if h.kind in _CLAIM_WORDS)
    return any(h.kind == "pronoun" and h.start <= last_violation for h in span.hits)


class _Paragraph:
    """The sentences of one paragraph, and how often each regime is named in them (counted once)."""

    __slots__ = ("spans", "_counts")

    def __init__(self) -> None:
        self.spans: list[_Span] = []
        self._counts: dict[str, int] | None = None

    @property
    def counts(self) -> dict[str, int]:
        if self._counts is None:
            self._counts = regime_counts([h for s in self.spans for h in s.hits])
        return self._counts


def _regime_of(span: _Span, paragraph: _Paragraph, article: ArticleContext, refs: References) -> str | None:
    """The modelled regime a claim is about, or None when it is about another UN regime.

    Nearest evidence wins: a cited resolution, then names in the sentence, in its paragraph,
    and in the whole article.
    """
    for cit in span.citations:
        regime = refs.regime_of_resolution(cit.resolution)
        if regime is not None:
            return regime.id
    for counts in (regime_counts(span.hits), paragraph.counts):
        choice = _choose(counts, refs)
        if choice is not None:
            return choice or None
    choice = _choose(article.counts, refs)
    if choice is not None:
        return choice or None
    # No regime named anywhere: the claim still stands, attributed to the first regime.
    return refs.regimes[0].id


def _choose(counts: dict[str, int], refs: References) -> str | None:
    """The most named modelled regime; "" when only unmodelled regimes are named; None when none is."""
    if not counts:
        return None
    ours = {k: v for k, v in counts.items() if k in refs.regime_ids}
    if not ours:
        return ""
    return max(ours, key=lambda k: ours[k])


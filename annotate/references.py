"""Load the YAML references into the model, reporting every problem with file:line:col.

A references directory holds one file per regime (its names, resolutions and
bans) and a cues file (the words that make a sentence a claim). `load_references`
returns a `References` ready for matching; `read_references` also returns the
diagnostics, which `annotate references check` prints.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterable, Sequence

from .citations import CitationPatterns, compile_citations
from .errors import InputError
from .model import Ban, Committee, Cues, Example, Origin, Regime, Resolution, Source
from .phrases import Entry, PhraseIndex
from .textfold import fold_phrase

if TYPE_CHECKING:
    from .yamlsource import YamlDoc

BUNDLED_NAME = "references"

# The keys each kind of mapping may hold: unknown keys are errors with a did-you-mean.
REGIME_KEYS = {"id", "name", "names", "founding_resolution", "summary", "committee", "panel_of_experts"}
COMMITTEE_KEYS = {"name", "url"}
RESOLUTION_KEYS = {"number", "year", "adopted", "vote", "chapter_vii", "url", "subject"}
BAN_KEYS = {"id", "title", "summary", "bound", "exceptions", "sources", "phrases", "examples", "gives_way_to"}
SOURCE_KEYS = {"resolution", "paragraphs", "verb", "quote"}
EXAMPLE_KEYS = {"link", "no_link"}
CUE_KEYS = {
    "violation", "ban", "not_violation", "compliance", "obligation", "authority", "other_authority", "other_issuer", "issuer", "measure", "event",
    "back_reference", "far_reference", "pronoun",
    "hypothetical", "conditional", "denial", "negation", "accusation", "rebuttal",
    "negation_reach", "question_words", "other_regimes", "abbreviations", "citation_words", "paragraph_words",
    "hypothetical_window", "denial_window", "negation_window", "back_reference_window", "issuer_window",
}
VERBS = ("decides", "demands", "reaffirms", "calls upon", "requires")
_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_PARAGRAPH = re.compile(r"^\d{1,3}(?:\([a-z]{1,5}\)){0,3}$")


@dataclass(frozen=True)
class Diagnostic:
    origin: Origin
    message: str
    severity: str = "error"  # or "warning"

    def __str__(self) -> str:
        prefix = "warning: " if self.severity == "warning" else ""
        return f"{self.origin}: {prefix}{self.message}"


@dataclass
class References:
    """Everything the matcher needs, compiled once per process."""

    regimes: tuple[Regime, ...]
    cues: Cues
    files: tuple[str, ...] = ()
    bans_by_id: dict[str, Ban] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.bans_by_id = {b.id: b for r in self.regimes for b in r.bans}

    def compile(self) -> None:
        """Build every automaton and pattern now (before caching or forking workers)."""
        self.index, self.violation_index, self.regime_index, self.modifier_index  # noqa: B018
        self.citation_patterns, self.resolutions  # noqa: B018

    @cached_property
    def regime_ids(self) -> frozenset[str]:
        return frozenset(r.id for r in self.regimes)

    def regime(self, regime_id: str) -> Regime:
        return next(r for r in self.regimes if r.id == regime_id)

    def _act_entries(self) -> list[tuple[Entry, bool]]:
        """The words that can make a sentence a claim (with whether each is inflected): the
        first pass and the full index must hold the same ones, or windows miss claims."""
        c = self.cues
        return ([(Entry("violation", w), True) for w in c.violation] + [(Entry("ban", w), True) for w in c.ban]
                + [(Entry("compliance", w), False) for w in c.compliance]
                + [(Entry("obligation", w), True) for w in c.obligation])

    def _regime_entries(self) -> list[tuple[Entry, bool]]:
        entries = [(Entry("regime", n, r.id), False) for r in self.regimes for n in r.names]
        return entries + [(Entry("other_regime", n, rid), False)
                          for rid, names in self.cues.other_regimes.items() for n in names]

    @cached_property
    def violation_index(self) -> PhraseIndex:
        """Violation words alone: the cheap first pass that finds where claims can be."""
        return PhraseIndex(self._act_entries())

    @cached_property
    def regime_index(self) -> PhraseIndex:
        """The names of every regime, to count them over a whole article."""
        return PhraseIndex(self._regime_entries())

    @cached_property
    def index(self) -> PhraseIndex:
        """Every phrase: cues, regime names and ban phrases, for the text around violation words."""
        c = self.cues
        entries = self._act_entries() + self._regime_entries()
        for kind, words, inflect in (
            ("authority", c.authority, False), ("back_reference", c.back_reference, False),
            ("far_reference", c.far_reference, False), ("not_violation", c.not_violation, True),
            ("other_authority", c.other_authority, True), ("other_issuer", c.other_issuer, False),
            ("event", c.event, True), ("issuer", c.issuer, False), ("measure", c.measure, True),
        ):
            entries += [(Entry(kind, w), inflect) for w in words]
        entries += [(Entry("activity", p, b.id), True) for r in self.regimes for b in r.bans for p in b.phrases]
        return PhraseIndex(entries)

    @cached_property
    def modifier_index(self) -> PhraseIndex:
        """Common words that only matter inside a sentence with a violation word: pronouns
        ("they"), modals ("would"), denials and negations. Scanned there alone."""
        c = self.cues
        entries: list[tuple[Entry, bool]] = []
        for kind, words in (("pronoun", c.pronoun), ("hypothetical", c.hypothetical), ("conditional", c.conditional),
                            ("denial", c.denial), ("negation", c.negation), ("accusation", c.accusation),
                            ("rebuttal", c.rebuttal)):
            entries += [(Entry(kind, w), kind in ("denial", "accusation")) for w in words]
        return PhraseIndex(entries)

    @cached_property
    def citation_patterns(self) -> CitationPatterns:
        return compile_citations(self.cues.citation_words, self.cues.paragraph_words)

    @cached_property
    def resolutions(self) -> dict[int, Resolution]:
        return {n: res for r in self.regimes for n, res in r.resolutions.items()}

    def regime_of_resolution(self, number: int) -> Regime | None:
        return next((r for r in self.regimes if number in r.resolutions), None)


def bundled_references_dir() -> Path:
    """The references shipped with the package (inside the wheel, or beside it in a checkout)."""
    here = Path(__file__).resolve().parent
    for candidate in (here / BUNDLED_NAME, here.parent / BUNDLED_NAME):
        if candidate.is_dir() and any(candidate.glob("*.yaml")):
            return candidate
    raise InputError(None, f"the bundled references were not found beside {here}")


def reference_files(paths: Iterable[str | Path]) -> list[Path]:
    """Expand files and directories (their *.yaml and *.yml files, sorted) into a list of files."""
    out: list[Path] = []
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            found = sorted([*p.glob("*.yaml"), *p.glob("*.yml")])
            if not found:
                raise InputError(Origin(str(p)), "directory holds no .yaml references")
            out += found
        elif p.exists():
            out.append(p)
        else:
            raise InputError(Origin(str(p)), "no such file or directory")
    return out


def load_references(paths: Sequence[str | Path] | None = None, bundled: bool = True) -> References:
    """Load and validate references; raise InputError on the first error.

    With no paths, the bundled set. Paths are added to the bundled set unless `bundled` is False;
    an id that clashes with a bundled one is an error, never a silent merge.
    """
    from . import __version__
    from .references_cache import cached

    files: list[Path] = []
    if bundled or not paths:
        files += reference_files([bundled_references_dir()])
    if paths:
        files += reference_files(paths)

    def build() -> References:
        refs, diagnostics = read_references(paths, bundled)
        errors = sorted((d for d in diagnostics if d.severity == "error"),
                        key=lambda d: (d.origin.file, d.origin.line, d.origin.column))
        if errors:
            first = errors[0]
            more = f" (and {len(errors) - 1} more; run `annotate references check`)" if len(errors) > 1 else ""
            raise InputError(first.origin, first.message + more)
        assert refs is not None
        refs.compile()
        return refs

    return cached(files, __version__, build)


def read_references(
    paths: Sequence[str | Path] | None = None, bundled: bool = True
) -> tuple[References | None, list[Diagnostic]]:
    files: list[Path] = []
    if bundled or not paths:
        files += reference_files([bundled_references_dir()])
    if paths:
        files += reference_files(paths)
    unique: dict[Path, Path] = {}
    for f in files:  # the same file named twice is read once; errors name it as the user did
        unique.setdefault(f.resolve(), f)
    from .yamlsource import load_yaml  # PyYAML is only needed when the cache misses

    docs, parse_errors = [], []
    for f in unique.values():
        try:
            docs.append(load_yaml(f))
        except InputError as exc:
            if exc.origin is None or not exc.origin.line:
                raise  # unreadable: nothing more to say about it
            parse_errors.append(Diagnostic(exc.origin, exc.message))
    refs, diagnostics = build_references(docs)
    if parse_errors:
        return None, parse_errors + diagnostics
    return refs, diagnostics


def build_references(docs: Sequence[YamlDoc]) -> tuple[References | None, list[Diagnostic]]:
    builder = _Builder()
    for doc in docs:
        builder.add(doc)
    return builder.finish()


# --- building ----------------------------------------------------------------------------------


def _did_you_mean(key: str, allowed: Iterable[str]) -> str:
    import difflib  # only for a misspelt key

    close = difflib.get_close_matches(str(key), sorted(allowed), n=1)
    return f" (did you mean {close[0]!r}?)" if close else ""


class _Builder:
    def __init__(self) -> None:
        self.diags: list[Diagnostic] = []
        self.regimes: dict[str, dict[str, Any]] = {}
        self.cues: dict[str, Any] = {}
        self.cue_origin: Origin | None = None
        self.ban_ids: dict[str, Origin] = {}
        self.yielding: list[tuple[str, Origin]] = []  # bans with gives_way_to, checked at the end
        self.phrase_owner: dict[str, tuple[str, Origin]] = {}
        self.files: list[str] = []

    # -- helpers
    def error(self, origin: Origin, message: str) -> None:
        self.diags.append(Diagnostic(origin, message))

    def warn(self, origin: Origin, message: str) -> None:
        self.diags.append(Diagnostic(origin, message, "warning"))

    def mapping(self, doc: YamlDoc, path: tuple, value: Any, allowed: set[str], what: str) -> dict[str, Any]:
        if not isinstance(value, dict):
            self.error(doc.origin(path), f"{what} must be a mapping of keys, not {_kind(value)}")
            return {}
        for key in value:
            if key not in allowed:
                self.error(doc.key_origin(path + (key,)), f"unknown key {key!r} in {what}{_did_you_mean(key, allowed)}")
        return value

    def text(self, doc: YamlDoc, path: tuple, value: Any, what: str, required: bool = True) -> str:
        if value is None or value == "":
            if required:
                self.error(doc.origin(path), f"{what} is missing")
            return ""
        if not isinstance(value, str):
            self.error(doc.origin(path), f"{what} must be text, not {_kind(value)}")
            return ""
        return value.strip()

    def texts(self, doc: YamlDoc, path: tuple, value: Any, what: str, required: bool = False) -> tuple[str, ...]:
        if value is None:
            if required:
                self.error(doc.origin(path), f"{what} is missing")
            return ()
        if not isinstance(value, list):
            self.error(doc.origin(path), f"{what} must be a list, not {_kind(value)}")
            return ()
        out = []
        for i, item in enumerate(value):
            if not isinstance(item, str) or not item.strip():
                self.error(doc.origin(path + (i,)), f"{what} must hold non-empty text, not {_kind(item)}")
                continue
            out.append(item.strip())
        return tuple(out)

    def phrase_list(self, doc: YamlDoc, path: tuple, value: Any, what: str) -> tuple[str, ...]:
        out = []
        for i, phrase in enumerate(self.texts(doc, path, value, what)):
            if not any(ch.isalnum() for ch in fold_phrase(phrase)):
                self.error(doc.origin(path + (i,)), f"{what} {phrase!r} has no letter or digit: it would match punctuation")
                continue
            out.append(phrase)
        return tuple(out)

    def https(self, doc: YamlDoc, path: tuple, value: Any, what: str) -> str:
        url = self.text(doc, path, value, what, required=False)
        if url and not re.match(r"^https://[^\s\"'<>]+$", url):
            self.error(doc.origin(path), f"{what} must be an https:// link, not {url[:60]!r}")
            return ""
        return url

    # -- documents
    def add(self, doc: YamlDoc) -> None:
        self.files.append(doc.file)
        data = doc.data
        if data is None:
            self.error(doc.origin(), "file is empty")
            return
        if not isinstance(data, dict):
            self.error(doc.origin(), f"a references file must be a mapping, not {_kind(data)}")
            return
        if "cues" in data:
            extra = set(data) - {"cues"}
            for key in extra:
                self.error(doc.key_origin((key,)), f"unknown key {key!r} beside cues")
            self.add_cues(doc, data["cues"])
            return
        for key in data:
            if key not in ("regime", "resolutions", "bans"):
                self.error(doc.key_origin((key,)), f"unknown top-level key {key!r}{_did_you_mean(key, ['regime', 'resolutions', 'bans', 'cues'])}")
        if "regime" not in data:
            self.error(doc.origin(), "missing top-level key 'regime' (or 'cues')")
            return
        regime = self.add_regime(doc, data["regime"])
        if regime is None:
            return
        for i, res in enumerate(_list(self, doc, ("resolutions",), data.get("resolutions"), "resolutions")):
            self.add_resolution(doc, ("resolutions", i), res, regime)
        for i, ban in enumerate(_list(self, doc, ("bans",), data.get("bans"), "bans")):
            self.add_ban(doc, ("bans", i), ban, regime)

    def add_cues(self, doc: YamlDoc, value: Any) -> None:
        self.cue_origin = doc.origin(("cues",))
        cues = self.mapping(doc, ("cues",), value, CUE_KEYS, "cues")
        for key, item in cues.items():
            if key not in CUE_KEYS:
                continue
            path = ("cues", key)
            if key.endswith("_window"):
                if not isinstance(item, int) or isinstance(item, bool) or not 0 < item <= 50:
                    self.error(doc.origin(path), f"{key} must be a whole number from 1 to 50")
                    continue
                self.cues[key] = item
            elif key == "other_regimes":
                regimes = self.mapping(doc, path, item, set(item) if isinstance(item, dict) else set(), "other_regimes")
                self.cues[key] = {
                    str(k): self.phrase_list(doc, path + (k,), v, f"names of {k}") for k, v in regimes.items()
                }
            elif key in ("abbreviations", "citation_words", "paragraph_words", "negation_reach", "question_words"):
                self.cues.setdefault(key, ())
                self.cues[key] += self.texts(doc, path, item, key)
            else:
                self.cues.setdefault(key, ())
                self.cues[key] += self.phrase_list(doc, path, item, f"{key} cue")

    def add_regime(self, doc: YamlDoc, value: Any) -> dict[str, Any] | None:
        path = ("regime",)
        if isinstance(value, str):  # a file that adds bans to a regime declared elsewhere
            if value not in self.regimes:
                self.error(doc.origin(path), f"regime {value!r} is not declared in an earlier file")
                return None
            return self.regimes[value]
        data = self.mapping(doc, path, value, REGIME_KEYS, "regime")
        if not data:
            return None
        rid = self.text(doc, path + ("id",), data.get("id"), "regime id")
        if rid and not _ID.match(rid):
            self.error(doc.origin(path + ("id",)), f"regime id {rid!r} must be lower-case words joined by hyphens")
        if rid in self.regimes:
            self.error(doc.origin(path + ("id",)), f"regime {rid!r} is declared twice (first in {self.regimes[rid]['origin']})")
            return None
        founding = data.get("founding_resolution")
        if not isinstance(founding, int) or isinstance(founding, bool):
            self.error(doc.origin(path + ("founding_resolution",)), "founding_resolution must be a resolution number")
            founding = 0
        committee = None
        if data.get("committee") is not None:
            c = self.mapping(doc, path + ("committee",), data["committee"], COMMITTEE_KEYS, "committee")
            committee = Committee(
                self.text(doc, path + ("committee", "name"), c.get("name"), "committee name"),
                self.https(doc, path + ("committee", "url"), c.get("url"), "committee url"),
            )
        regime = {
            "id": rid or "?",
            "name": self.text(doc, path + ("name",), data.get("name"), "regime name"),
            "names": self.phrase_list(doc, path + ("names",), data.get("names"), "regime name"),
            "founding": founding,
            "founding_path": path + ("founding_resolution",),
            "summary": self.text(doc, path + ("summary",), data.get("summary"), "regime summary", required=False),
            "committee": committee,
            "panel": self.text(doc, path + ("panel_of_experts",), data.get("panel_of_experts"), "panel_of_experts", required=False),
            "resolutions": {},
            "bans": [],
            "origin": doc.origin(path),
            "doc": doc,
        }
        if not regime["names"]:
            self.error(doc.origin(path), "regime has no names (the words news use for it)")
        self.regimes[regime["id"]] = regime
        return regime

    def add_resolution(self, doc: YamlDoc, path: tuple, value: Any, regime: dict[str, Any]) -> None:
        data = self.mapping(doc, path, value, RESOLUTION_KEYS, "resolution")
        if not data:
            return
        number, year = data.get("number"), data.get("year")
        if not isinstance(number, int) or isinstance(number, bool) or not 1 <= number <= 9999:
            self.error(doc.origin(path + ("number",)), "resolution number must be a whole number")
            return
        if not isinstance(year, int) or isinstance(year, bool) or not 1946 <= year <= 2100:
            self.error(doc.origin(path + ("year",)), f"resolution {number}: year must be a year such as 2006")
            year = 0
        if number in regime["resolutions"]:
            self.error(doc.origin(path + ("number",)), f"resolution {number} is declared twice")
            return
        chapter = data.get("chapter_vii")
        if chapter is not None and not isinstance(chapter, bool):
            self.error(doc.origin(path + ("chapter_vii",)), "chapter_vii must be true, false or left out (unknown)")
            chapter = None
        regime["resolutions"][number] = Resolution(
            number=number,
            year=year or 0,
            adopted=str(data.get("adopted") or ""),
            vote=self.text(doc, path + ("vote",), data.get("vote"), "vote", required=False),
            chapter_vii=chapter,
            url=self.https(doc, path + ("url",), data.get("url"), "url"),
            subject=self.text(doc, path + ("subject",), data.get("subject"), "subject", required=False),
        )

    def add_ban(self, doc: YamlDoc, path: tuple, value: Any, regime: dict[str, Any]) -> None:
        data = self.mapping(doc, path, value, BAN_KEYS, "ban")
        if not data:
            return
        bid = self.text(doc, path + ("id",), data.get("id"), "ban id")
        if bid and not _ID.match(bid):
            self.error(doc.origin(path + ("id",)), f"ban id {bid!r} must be lower-case words joined by hyphens")
        duplicate = bid in self.ban_ids
        if duplicate:
            first = self.ban_ids[bid]
            if first.file != doc.file:
                self.error(doc.origin(path + ("id",)), f"ban id {bid!r} clashes with the ban of that id at {first}; choose another id")
            else:
                self.error(doc.origin(path + ("id",)), f"duplicate ban id {bid!r} (first at line {first.line})")
        if bid in self.regimes:
            self.error(doc.origin(path + ("id",)), f"ban id {bid!r} is also a regime id")
        origin = doc.origin(path)
        if bid and not duplicate:
            self.ban_ids[bid] = doc.origin(path + ("id",))
        sources = []
        for i, src in enumerate(_list(self, doc, path + ("sources",), data.get("sources"), "sources", required=True)):
            source = self.add_source(doc, path + ("sources", i), src, regime)
            if source:
                sources.append(source)
        phrases = self.phrase_list(doc, path + ("phrases",), data.get("phrases"), "phrase")
        if not phrases:
            self.error(doc.origin(path), f"ban {bid!r} has no phrases (the words news use for the activity)")
        for i, phrase in enumerate(phrases):
            key = fold_phrase(phrase)
            owner = self.phrase_owner.get(key)
            if owner and owner[0] != bid:
                self.warn(doc.origin(path + ("phrases", i)), f"phrase {phrase!r} is also a phrase of ban {owner[0]!r} ({owner[1]})")
            else:
                self.phrase_owner[key] = (bid, doc.origin(path + ("phrases", i)))
        examples: list[Example] = []
        if data.get("examples") is not None:
            ex = self.mapping(doc, path + ("examples",), data["examples"], EXAMPLE_KEYS, "examples")
            for key, links in (("link", True), ("no_link", False)):
                for i, sentence in enumerate(self.texts(doc, path + ("examples", key), ex.get(key), f"{key} example")):
                    examples.append(Example(sentence, links, doc.origin(path + ("examples", key, i))))
        title = self.text(doc, path + ("title",), data.get("title"), "title")
        summary = self.text(doc, path + ("summary",), data.get("summary"), "summary")
        if duplicate:
            return  # reported above; the first ban of that id stays
        regime["bans"].append(
            Ban(
                id=bid or "?",
                title=title,
                summary=summary,
                sources=tuple(sources),
                phrases=phrases,
                bound=self.texts(doc, path + ("bound",), data.get("bound"), "bound"),
                exceptions=self.text(doc, path + ("exceptions",), data.get("exceptions"), "exceptions", required=False),
                examples=tuple(examples),
                regime=regime["id"],
                origin=origin,
                gives_way_to=tuple(self.texts(doc, path + ("gives_way_to",), data.get("gives_way_to"), "gives_way_to")),
            )
        )
        if data.get("gives_way_to") is not None:
            self.yielding.append((bid, doc.origin(path + ("gives_way_to",))))

    def add_source(self, doc: YamlDoc, path: tuple, value: Any, regime: dict[str, Any]) -> Source | None:
        data = self.mapping(doc, path, value, SOURCE_KEYS, "source")
        if not data:
            return None
        number = data.get("resolution")
        if not isinstance(number, int) or isinstance(number, bool):
            self.error(doc.origin(path + ("resolution",)), "source resolution must be a resolution number such as 1718")
            return None
        if number not in regime["resolutions"]:
            self.error(doc.origin(path + ("resolution",)), f"resolution {number} is not declared in this regime's resolutions")
        paras_raw = data.get("paragraphs", [])
        paragraphs: list[str] = []
        if not isinstance(paras_raw, list):
            self.error(doc.origin(path + ("paragraphs",)), "paragraphs must be a list such as [\"8(a)(ii)\"] (empty: the resolution as a whole)")
        else:
            for i, p in enumerate(paras_raw):
                text = str(p).strip() if isinstance(p, (str, int)) and not isinstance(p, bool) else ""
                if not _PARAGRAPH.match(text):
                    self.error(doc.origin(path + ("paragraphs", i)), f"paragraph {p!r} is malformed: write it as the resolution does, e.g. \"8(a)(ii)\"")
                    continue
                paragraphs.append(text)
        verb = data.get("verb")
        if verb is not None and verb not in VERBS:
            # Left out means the operative verb was not verified; a wrong one is an error.
            self.error(doc.origin(path + ("verb",)), f"verb must be one of {', '.join(VERBS)} (or left out when not verified), not {verb!r}")
            verb = ""
        return Source(
            resolution=number,
            paragraphs=tuple(paragraphs),
            verb=verb or "",
            quote=self.text(doc, path + ("quote",), data.get("quote"), "quote", required=False),
        )

    # -- result
    def finish(self) -> tuple[References | None, list[Diagnostic]]:
        if not self.cues:
            self.error(Origin(self.files[0] if self.files else "references"), "no cues file among the references")
        by_id = {b.id: b for r in self.regimes.values() for b in r["bans"]}
        for bid, origin in self.yielding:
            for other in by_id[bid].gives_way_to if bid in by_id else ():
                if other not in by_id:
                    self.error(origin, f"gives_way_to names {other!r}, which is no ban id")
                elif other == bid:
                    self.error(origin, f"ban {bid!r} cannot give way to itself")
                elif bid in by_id[other].gives_way_to:
                    self.error(origin, f"bans {bid!r} and {other!r} give way to each other: a claim naming both would keep neither")
        regimes = []
        for r in self.regimes.values():
            if r["founding"] and r["founding"] not in r["resolutions"]:
                self.error(r["doc"].origin(r["founding_path"]), f"founding_resolution {r['founding']} is not among the regime's resolutions")
            regimes.append(
                Regime(
                    id=r["id"], name=r["name"], names=r["names"], founding_resolution=r["founding"],
                    summary=r["summary"], committee=r["committee"], panel_note=r["panel"],
                    resolutions=dict(r["resolutions"]), bans=tuple(r["bans"]), origin=r["origin"],
                )
            )
        if not regimes:
            self.error(Origin(self.files[0] if self.files else "references"), "no regime among the references")
        if any(d.severity == "error" for d in self.diags):
            return None, self.diags
        c = self.cues
        cues = Cues(
            violation=c.get("violation", ()), authority=c.get("authority", ()),
            back_reference=c.get("back_reference", ()), pronoun=c.get("pronoun", ()),
            back_reference_window=c.get("back_reference_window", 6), hypothetical=c.get("hypothetical", ()),
            denial=c.get("denial", ()), negation=c.get("negation", ()),
            other_regimes=c.get("other_regimes", {}),
            abbreviations=c.get("abbreviations", ()), citation_words=c.get("citation_words", ()),
            paragraph_words=c.get("paragraph_words", ()),
            hypothetical_window=c.get("hypothetical_window", 5), denial_window=c.get("denial_window", 12),
            negation_window=c.get("negation_window", 3), not_violation=c.get("not_violation", ()),
            ban=c.get("ban", ()), compliance=c.get("compliance", ()), obligation=c.get("obligation", ()),
            issuer=c.get("issuer", ()), measure=c.get("measure", ()),
            issuer_window=c.get("issuer_window", 3), conditional=c.get("conditional", ()),
            negation_reach=tuple(w.lower() for w in c.get("negation_reach", ())),
            other_authority=c.get("other_authority", ()), other_issuer=c.get("other_issuer", ()),
            accusation=c.get("accusation", ()), rebuttal=c.get("rebuttal", ()),
            event=c.get("event", ()),
            far_reference=c.get("far_reference", ()),
            question_words=tuple(w.lower() for w in c.get("question_words", ())),
        )
        return References(tuple(regimes), cues, tuple(self.files)), self.diags


def _list(builder: _Builder, doc: YamlDoc, path: tuple, value: Any, what: str, required: bool = False) -> list[Any]:
    if value is None:
        if required:
            builder.error(doc.origin(path), f"{what} is missing")
        return []
    if not isinstance(value, list):
        builder.error(doc.origin(path), f"{what} must be a list, not {_kind(value)}")
        return []
    return value


def _kind(value: Any) -> str:
    if value is None:
        return "nothing"
    if value == "":
        return "empty text"
    if isinstance(value, bool):
        return "true/false"
    return {dict: "a mapping", list: "a list", str: "text", int: "a number", float: "a number"}.get(type(value), type(value).__name__)

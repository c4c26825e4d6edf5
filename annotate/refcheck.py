"""`annotate references check`: every problem in the references at once, examples included.

The loader already reports structural problems with their positions; this adds the
one check that needs the matcher: each ban's example sentences must (or must not)
link to the ban, so an editor who changes a phrase sees at once what broke.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Sequence

from .claims import find_claims
from .model import Origin
from .references import Diagnostic, References, bundled_references_dir, read_references, reference_files


@dataclass
class CheckReport:
    diagnostics: list[Diagnostic]
    files: int

    @property
    def errors(self) -> int:
        return sum(1 for d in self.diagnostics if d.severity == "error")

    @property
    def warnings(self) -> int:
        return sum(1 for d in self.diagnostics if d.severity == "warning")


def example_diagnostics(refs: References) -> list[Diagnostic]:
    out: list[Diagnostic] = []
    for regime in refs.regimes:
        for ban in regime.bans:
            for example in ban.examples:
                claims = find_claims(example.text, refs)
                linked = {b.id for c in claims for b in c.bans}
                origin = example.origin or ban.origin or Origin("references")
                if example.links and ban.id not in linked:
                    found = (
                        f"it links {', '.join(sorted(linked))}" if linked
                        else "no claim was found in it" if not claims else "it links nothing"
                    )
                    out.append(Diagnostic(origin, f"example should link {ban.id} but {found}"))
                elif not example.links and ban.id in linked:
                    out.append(Diagnostic(origin, f"example should not link {ban.id} but does"))
    return out


def check_references(paths: Sequence[str | Path] | None = None, bundled: bool = True) -> CheckReport:
    """Check the bundled set (unless `bundled` is False) plus `paths`. Unreadable paths raise InputError (exit 2)."""
    files = len(reference_files([*([bundled_references_dir()] if bundled or not paths else []), *(paths or [])]))
    refs, diagnostics = read_references(paths or None, bundled=bundled)
    if refs is not None:
        diagnostics = diagnostics + example_diagnostics(refs)
    diagnostics.sort(key=lambda d: (d.origin.file, d.origin.line, d.origin.column))
    return CheckReport(diagnostics, files)

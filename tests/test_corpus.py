"""The team's own corpus: the matcher must stay at or above its recorded figures."""
from __future__ import annotations

import json
from pathlib import Path

import yaml
from click.testing import CliRunner

from annotate.cli import main

import pytest

CORPUS = Path(__file__).parent / "corpus"
# Corpora written later, each to try what the first lacks (phrasings, wire copy, other genres,
# eleven written blind: heldout, negatives and blind2 to blind10),
# with figures of their own; they share the first one's activities.
OTHERS = [Path(__file__).parent / f"corpus-{name}" for name in ("phrasings", "wire", "genres", "heldout", "negatives", "blind2", "blind3", "blind4", "blind5", "blind6", "blind7", "blind8", "blind9", "blind10")]


@pytest.mark.parametrize("corpus", [CORPUS, *OTHERS], ids=lambda p: p.name)
def test_corpus_scores_at_least_the_recorded_figures(tmp_path, corpus):
    floor = yaml.safe_load((corpus / "thresholds.yaml").read_text(encoding="utf-8"))
    saved = tmp_path / "score.json"
    result = CliRunner().invoke(main, ["evaluate", str(corpus / "gold.yaml"), "--activities",
                                       str(CORPUS / "activities.yaml"), "--save", str(saved), "-v"])
    assert result.exit_code == 0, result.output
    figures = json.loads(saved.read_text(encoding="utf-8"))["figures"]
    for name, minimum in floor.items():
        assert figures[name] >= minimum, f"{name} {figures[name]} < {minimum}\n{result.output}"


def test_corpus_is_large_and_varied_enough():
    gold = yaml.safe_load((CORPUS / "gold.yaml").read_text(encoding="utf-8"))
    articles = gold["articles"]
    assert len(articles) >= 30
    stances = {c.get("stance") for a in articles for c in a.get("claims") or []}
    assert {"asserted", "hypothetical", "denied"} <= stances
    assert sum(1 for a in articles if not a.get("claims")) >= 5, "negatives of every kind"
    assert any(a["file"].endswith(".md") for a in articles)


def test_shared_corpus_when_present():
    """The development corpus beside the project, when this checkout has it."""
    shared = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "gold.yaml"
    if not shared.exists():
        pytest.skip("../shared/corpus is not beside this checkout")
    result = CliRunner().invoke(main, ["evaluate", str(shared), "--min-precision", "1", "--min-recall", "1", "--min-link", "1"])
    assert result.exit_code == 0, result.output

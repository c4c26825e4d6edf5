"""`annotate evaluate GOLD.yaml`: score the matcher on a gold corpus, and compare with a baseline."""
from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from .articles import read_article
from .cli import get_references, main, refs_options
from .errors import InputError
from .model import Origin
from .output import write_atomic
from .render import claims_of


@main.command("evaluate")
@click.argument("gold", type=click.Path(path_type=Path))
@click.option("--activities", type=click.Path(path_type=Path), help="Activities file. [default: activities.yaml beside GOLD]")
@click.option("-v", "--verbose", is_flag=True, help="List each miss, false alarm, wrong link and wrong stance.")
@click.option("--save", type=click.Path(path_type=Path), help="Write the per-claim results as JSON, to use as a --baseline later.")
@click.option("--baseline", type=click.Path(path_type=Path), help="A file written by --save: list what changed, claim by claim.")
@click.option("--min-precision", type=float, default=0.0, help="Exit 1 below this claim precision.")
@click.option("--min-recall", type=float, default=0.0, help="Exit 1 below this claim recall.")
@click.option("--min-link", type=float, default=0.0, help="Exit 1 below this link accuracy.")
@refs_options
def evaluate_cmd(gold: Path, activities: Path | None, verbose: bool, save: Path | None, baseline: Path | None,
                 min_precision: float, min_recall: float, min_link: float,
                 refs_paths: tuple[str, ...], no_bundled: bool) -> None:
    """Score the matcher on GOLD.yaml: claim precision, recall and F1, link accuracy, stance.

    The gold format is that of the project's corpus: a list of articles, each with the
    claims a person marked (quote, activities, stance, optional). Run it after every
    edit of the references.

    \b
    Examples:
      annotate evaluate tests/corpus/gold.yaml -v
      annotate evaluate tests/corpus/gold.yaml --save before.json
      annotate evaluate tests/corpus/gold.yaml --baseline before.json
    """
    # Loaded here, not at start-up: `annotate render` never needs them.
    from .evaluate import Score, compare, parse_activities, parse_gold, score_article
    from .yamlsource import load_yaml

    refs = get_references(refs_paths, no_bundled)
    act_path = activities or gold.parent / "activities.yaml"
    act_doc = load_yaml(act_path)
    table = parse_activities(act_doc.data, act_doc.origin())
    gold_doc = load_yaml(gold)
    articles = parse_gold(gold_doc.data, gold, table, gold_doc.origin)
    score = Score()
    for art in articles:
        article = read_article(str(art.path))
        score_article(art, claims_of(article, refs), table, score)
    if verbose:
        for o in score.outcomes:
            if o.kind != "found":
                click.echo(f"  {o.kind:<12} {o.file}: {o.quote[:100]!r}" + (f" [{o.detail}]" if o.detail else ""))
    if baseline is not None:
        try:
            before = json.loads(baseline.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise InputError(Origin(str(baseline)), f"cannot read the baseline: {exc}") from None
        gained, lost = compare(score, before)
        for k in gained:
            kind, file, quote = k.split("\t", 2)
            click.echo(f"  + {kind:<12} {file}: {quote[:100]!r}")
        for k in lost:
            kind, file, quote = k.split("\t", 2)
            click.echo(f"  - {kind:<12} {file}: {quote[:100]!r}")
        old = before.get("figures", {})
        changes = ", ".join(f"{k} {old[k]:.3f} -> {v:.3f}" for k, v in score.figures().items() if k in old and old[k] != v)
        click.echo(f"  changed: {changes or 'nothing'}; {len(gained)} gained, {len(lost)} lost")
    if save is not None:
        write_atomic(save, json.dumps(score.to_json(), ensure_ascii=False, indent=2) + "\n")
    click.echo(score.summary() + f" | articles={len(articles)}")
    ok = score.precision >= min_precision and score.recall >= min_recall and score.link_accuracy >= min_link
    sys.exit(0 if ok else 1)

"""The scoring rules of `annotate evaluate`, on tiny hand-made corpora."""
from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from annotate.cli import main

ACTIVITIES = """\
missile-launch:
  accept: ["1718:2", "2270:2"]
coal:
  accept: ["2371:9"]
"""


def corpus(tmp: Path, text: str, gold: str) -> Path:
    (tmp / "articles").mkdir()
    (tmp / "articles" / "a.txt").write_text(text, encoding="utf-8")
    (tmp / "activities.yaml").write_text(ACTIVITIES, encoding="utf-8")
    g = tmp / "gold.yaml"
    g.write_text(gold, encoding="utf-8")
    return g


TEXT = (
    "North Korea fired a ballistic missile in violation of UN Security Council resolutions.\n\n"
    "The ship carried North Korean coal in breach of UN sanctions.\n\n"
    "The weather was fine.\n"
)


def run(*args: str):
    return CliRunner().invoke(main, ["evaluate", *args])


def test_perfect_gold_scores_one(tmp_path):
    g = corpus(tmp_path, TEXT, """\
articles:
  - file: articles/a.txt
    claims:
      - {quote: "fired a ballistic missile", activities: [missile-launch], stance: asserted}
      - {quote: "North Korean coal in breach", activities: [coal]}
""")
    result = run(str(g))
    assert result.exit_code == 0
    assert "precision=1.000 recall=1.000" in result.stdout
    assert "links: accuracy=1.000" in result.stdout


def test_missed_false_alarm_and_wrong_link_are_counted(tmp_path):
    g = corpus(tmp_path, TEXT, """\
articles:
  - file: articles/a.txt
    claims:
      - {quote: "fired a ballistic missile", activities: [coal]}
      - {quote: "The weather was fine.", activities: [coal]}
""")
    result = run(str(g), "-v", "--min-recall", "0.9")
    assert result.exit_code == 1
    out = result.stdout
    assert "missed" in out and "The weather was fine." in out
    assert "false-alarm" in out and "coal in breach" in out
    assert "wrong-link" in out
    assert "precision=0.500 recall=0.500" in out
    assert "links: accuracy=0.000" in out


def test_optional_claims_are_neither_required_nor_false_alarms(tmp_path):
    g = corpus(tmp_path, TEXT, """\
articles:
  - file: articles/a.txt
    claims:
      - {quote: "fired a ballistic missile", activities: [missile-launch]}
      - {quote: "coal in breach", activities: [coal], optional: true}
      - {quote: "The weather was fine.", activities: [coal], optional: true}
""")
    assert "precision=1.000 recall=1.000" in run(str(g)).stdout


def test_baseline_lists_gains_and_losses(tmp_path):
    g = corpus(tmp_path, TEXT, """\
articles:
  - file: articles/a.txt
    claims:
      - {quote: "fired a ballistic missile", activities: [missile-launch]}
""")
    before = tmp_path / "before.json"
    assert run(str(g), "--save", str(before)).exit_code == 0
    saved = json.loads(before.read_text(encoding="utf-8"))
    # Pretend the baseline had missed the claim: the current run gains it.
    saved["outcomes"] = [dict(o, kind="missed") if o["kind"] == "found" else o for o in saved["outcomes"]]
    before.write_text(json.dumps(saved), encoding="utf-8")
    out = run(str(g), "--baseline", str(before)).stdout
    assert "+ found" in out and "+ missed" in out and "fired a ballistic missile" in out
    assert "2 gained, 0 lost" in out


def test_bad_gold_is_one_line_with_position(tmp_path):
    g = corpus(tmp_path, TEXT, """\
articles:
  - file: articles/a.txt
    claims:
      - {quote: "this quote is not in the article", activities: [coal]}
""")
    result = run(str(g))
    assert result.exit_code == 2
    assert f"{g}:4:" in result.stderr and "quote not found" in result.stderr


def test_unknown_activity_is_reported(tmp_path):
    g = corpus(tmp_path, TEXT, """\
articles:
  - file: articles/a.txt
    claims:
      - {quote: "fired a ballistic missile", activities: [nope]}
""")
    result = run(str(g))
    assert result.exit_code == 2
    assert "unknown activities ['nope']" in result.stderr

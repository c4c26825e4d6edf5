"""Rendering helpers shared by the page tests."""
from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from annotate.cli import main

ROOT = Path(__file__).resolve().parent.parent
CORPUS = Path(__file__).parent / "corpus" / "articles"

# Articles with claims of every stance, plain and Markdown.
SAMPLES = [
    CORPUS / "04-arms-russia.txt",
    CORPUS / "13-textile-denial.txt",
    CORPUS / "14-hypothetical-arms.txt",
    CORPUS / "03-oil-sts.md",
    CORPUS / "22-bullets.md",
    ROOT / "examples" / "ship-to-ship.md",
]


def render_both(article: Path, out_dir: Path) -> tuple[Path, dict]:
    """Render an article to HTML (a file) and JSON (parsed)."""
    page = out_dir / (article.stem + ".html")
    r = CliRunner().invoke(main, ["render", str(article), "-o", str(page)])
    assert r.exit_code == 0, r.output
    j = CliRunner().invoke(main, ["render", str(article), "--format", "json"])
    assert j.exit_code == 0, j.output
    return page, json.loads(j.stdout)

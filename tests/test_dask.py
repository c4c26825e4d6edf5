"""The Dask path gives the same JSON as the local path (on a distributed.LocalCluster)."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from annotate.cli import main

from conftest import in_ci

try:
    import dask.bag as db
    from distributed import LocalCluster
except ImportError:  # pragma: no cover - the extra is not installed
    if in_ci():
        raise
    pytest.skip("the dask extra is not installed (pip install '.[dask]')", allow_module_level=True)

CORPUS = Path(__file__).parent / "corpus" / "articles"
EXAMPLES = Path(__file__).parent.parent / "examples"


def articles() -> list[Path]:
    found = sorted(CORPUS.glob("*.txt"))[:12] + sorted(CORPUS.glob("*.md"))[:3] if CORPUS.is_dir() else []
    return found + sorted(EXAMPLES.glob("*.md"))


@pytest.fixture(scope="module")
def cluster():
    with LocalCluster(n_workers=1, threads_per_worker=2, processes=False, dashboard_address=None) as c:
        yield c


def test_cluster_run_gives_the_same_jsonl_as_a_local_run(cluster, tmp_path):
    paths = [str(p) for p in articles()]
    local = CliRunner().invoke(main, ["render", *paths, "--format", "jsonl", "-j", "1"])
    remote = CliRunner().invoke(main, ["render", *paths, "--format", "jsonl", "--scheduler", cluster.scheduler_address])
    assert local.exit_code == 0, local.output
    assert remote.exit_code == 0, remote.output
    assert remote.stdout == local.stdout
    assert len(remote.stdout.splitlines()) == len(paths)


def test_bag_of_texts_api(cluster):
    from distributed import Client

    from annotate import find_claims, load_references
    from annotate.distributed import annotate_texts

    texts = [p.read_text(encoding="utf-8") for p in articles() if p.suffix == ".txt"] or [
        "North Korea fired a ballistic missile in violation of UN Security Council resolutions."
    ]
    with Client(cluster):
        docs = annotate_texts(db.from_sequence(texts, npartitions=2)).compute()
    refs = load_references()
    assert len(docs) == len(texts)
    for text, doc in zip(texts, docs, strict=True):
        expected = find_claims(text, refs)
        assert [(c["start"], c["end"]) for c in doc["claims"]] == [(c.start, c.end) for c in expected]
        assert json.dumps(doc)  # serialisable as the contract says


def test_unreachable_scheduler_is_one_line(tmp_path):
    art = tmp_path / "a.txt"
    art.write_text("Nothing here.", encoding="utf-8")
    result = CliRunner().invoke(main, ["render", str(art), str(art), "--format", "jsonl", "--scheduler", "tcp://127.0.0.1:9"])
    assert result.exit_code == 2
    assert "cannot reach the Dask scheduler at tcp://127.0.0.1:9" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1

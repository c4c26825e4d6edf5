#!/usr/bin/env python3
"""Instructions per MB of find_claims, counted by valgrind: the same figure run after run.

The machine this project is measured on is shared, and wall times move by 30% from one run to
the next; an instruction count does not. To compare two versions of the matcher:

    python benchmarks/instructions.py          # needs valgrind (apt-get install valgrind)

It runs find_claims under callgrind over 0 and over N articles of the dense benchmark text, with
the references built fresh in both (ANNOTATE_NO_CACHE=1), and prints the difference per MB.
"""
from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ARTICLE = 20_000  # characters per generated article, as in run.py


def _child(n: int) -> None:
    sys.path.insert(0, str(HERE))
    import run  # noqa: PLC0415 (the benchmark's own text builder)

    from annotate import find_claims, load_references

    refs = load_references()
    refs.compile()
    texts = [run.build_text(run.source_articles(), ARTICLE, seed=i) for i in range(n)]
    for text in texts:
        find_claims(text, refs)
    print(sum(len(t) for t in texts))


def _count(n: int) -> tuple[int, int]:
    """(instructions, characters of text) of a child run over n articles."""
    env = dict(os.environ, ANNOTATE_NO_CACHE="1")
    done = subprocess.run(
        ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", sys.executable, __file__, "--child", str(n)],
        env=env, capture_output=True, text=True, check=True,
    )
    return int(re.search(r"Collected : (\d+)", done.stderr).group(1)), int(done.stdout.split()[-1])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("-n", type=int, default=15, help="articles of 20 KB to run over (default 15)")
    ap.add_argument("--child", type=int, help=argparse.SUPPRESS)
    ns = ap.parse_args()
    if ns.child is not None:
        _child(ns.child)
        return
    if not shutil.which("valgrind"):
        sys.exit("instructions: valgrind is not installed")
    (full, chars), (empty, _) = _count(ns.n), _count(0)
    work, mb = full - empty, chars / 1_000_000
    print(f"find_claims: {work / mb / 1e6:.0f} M instructions per MB ({ns.n} articles, {mb:.2f} MB)")


if __name__ == "__main__":
    main()

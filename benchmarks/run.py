#!/usr/bin/env python3
"""Speed and memory of annotate, each figure printed as a ratio against a floor measured in the same run.

    python benchmarks/run.py            # the full run (a few minutes on two cores)
    python benchmarks/run.py --quick    # smaller inputs, to try the script

Figures (see benchmarks/README.md for the last measured values):
- start-up: `annotate render` of one short article to JSON, against `python -c "import click, yaml, markdown_it"`
- throughput: claims per MB and MB/s of find_claims over >= 50 MB of articles, one process,
  against a bare pyahocorasick scan for the same phrases over the same text; then where the
  time goes, stage by stage
- growth: seconds per MB at 10 KB, 100 KB, 1 MB and 10 MB articles; and with ten times the bans
- parallel: `--jobs 2` against `--jobs 1` on a batch
- memory: peak RSS of a batch run at half and full size (it should not grow with the batch)
"""
from __future__ import annotations

import argparse
import os
import platform
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import ahocorasick  # noqa: E402

from annotate import find_claims, load_references  # noqa: E402
from annotate.phrases import variants  # noqa: E402
from annotate.references import build_references, bundled_references_dir, reference_files  # noqa: E402
from annotate.yamlsource import load_yaml  # noqa: E402

MB = 1_000_000


def source_articles() -> list[str]:
    """The team's own articles: the test corpus, the examples, and the shared corpus when present."""
    paths = sorted((ROOT / "tests" / "corpus" / "articles").glob("*.*")) + sorted((ROOT / "examples").glob("*.*"))
    shared = ROOT.parent / "shared" / "corpus" / "articles"
    if shared.is_dir():
        paths += sorted(shared.glob("*.txt"))
    texts = [p.read_text(encoding="utf-8") for p in paths if p.suffix in (".txt", ".md")]
    if not texts:
        sys.exit("benchmarks: no articles found")
    return texts


def build_text(articles: list[str], size: int, seed: int = 0) -> str:
    """About `size` characters of articles, shuffled paragraph by paragraph."""
    rng = random.Random(seed)
    paragraphs = [p for a in articles for p in a.split("\n\n") if p.strip()]
    out, n = [], 0
    while n < size:
        p = rng.choice(paragraphs)
        out.append(p)
        n += len(p) + 2
    return "\n\n".join(out)


def best_of(fn, repeat: int = 3) -> float:
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return min(times)


def run_cmd(args: list[str]) -> float:
    t = time.perf_counter()
    subprocess.run(args, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - t


def annotate_exe() -> str:
    exe = Path(sys.executable).parent / "annotate"
    return str(exe) if exe.exists() else (shutil.which("annotate") or sys.exit("benchmarks: install annotate first"))


def line(name: str, value: str, floor: str, ratio: float, target: str) -> None:
    print(f"{name:<34} {value:>18}   floor {floor:>16}   ratio {ratio:6.2f}   {target}")


def startup(tmp: Path, repeat: int) -> None:
    art = tmp / "short.txt"
    art.write_text("North Korea fired a ballistic missile, in violation of UN Security Council resolutions.\n", encoding="utf-8")
    exe = annotate_exe()
    run_cmd([exe, "render", str(art), "--format", "json"])  # warm the file cache
    ours = statistics.median(run_cmd([exe, "render", str(art), "--format", "json"]) for _ in range(repeat))
    floor = statistics.median(run_cmd([sys.executable, "-c", "import click, yaml, markdown_it"]) for _ in range(repeat))
    line("start-up (render one article)", f"{ours * 1000:.0f} ms", f"{floor * 1000:.0f} ms", ours / floor, "target <= 2.0")


def bare_automaton(refs) -> ahocorasick.Automaton:
    auto = ahocorasick.Automaton()
    words = list(refs.cues.violation) + list(refs.cues.authority)
    words += [p for r in refs.regimes for b in r.bans for p in b.phrases] + [n for r in refs.regimes for n in r.names]
    for w in words:
        for v in variants(w):
            auto.add_word(v, v)
    auto.make_automaton()
    return auto


def throughput(articles: list[str], size: int) -> None:
    refs = load_references()
    refs.compile()  # outside the timing
    auto = bare_automaton(refs)
    chunks = [build_text(articles, 20_000, seed=i) for i in range(max(1, size // 20_000))]
    _throughput("throughput (find_claims)", chunks, refs, auto, "target >= 0.5 and >= 10 MB/s")
    # The same measure on the corpus's paragraphs that hold no claim (sanctions news that claims
    # no violation): what most of a newsroom's archive looks like. Not a target of issue 7.
    quiet = [p for a in articles for p in a.split("\n\n") if p.strip() and not find_claims(p, refs)]
    chunks = [build_text(quiet, 20_000, seed=i) for i in range(max(1, size // 2 // 20_000))]
    _throughput("throughput, no-claim paragraphs", chunks, refs, auto, "for comparison")


def stages(articles: list[str], size: int) -> None:
    """Where find_claims spends its time: each stage alone over the same text, in ms per MB."""
    from annotate.citations import find_citations
    from annotate.sentences import PARAGRAPH_BREAK, split_sentences
    from annotate.textfold import fold

    refs = load_references()
    refs.compile()
    chunks = [build_text(articles, 20_000, seed=i) for i in range(max(1, size // 20_000))]
    mb = sum(len(c) for c in chunks) / MB
    folded = [fold(c) for c in chunks]

    def paragraphs(text: str) -> list[tuple[int, int]]:
        spans = [m.span() for m in PARAGRAPH_BREAK.finditer(text)]
        return list(zip([0] + [e for _, e in spans], [s for s, _ in spans] + [len(text)]))

    pieces = [paragraphs(c) for c in chunks]
    parts = {
        "all of find_claims": lambda: [find_claims(c, refs) for c in chunks],
        "fold": lambda: [fold(c) for c in chunks],
        "paragraph breaks": lambda: [paragraphs(c) for c in chunks],
        "violation words": lambda: [refs.violation_index.scan_pieces(f, p) for f, p in zip(folded, pieces)],
        "all phrases": lambda: [refs.index.scan_pieces(f, p) for f, p in zip(folded, pieces)],
        "sentences": lambda: [split_sentences(c, refs.cues.abbreviations) for c in chunks],
        "citations": lambda: [find_citations(c, refs.citation_patterns, 0, len(c), f) for c, f in zip(chunks, folded)],
        "modifier words (all text)": lambda: [refs.modifier_index.scan_pieces(f, p) for f, p in zip(folded, pieces)],
    }
    cells = []
    for name, fn in parts.items():
        t = time.process_time()
        fn()
        cells.append(f"{name} {(time.process_time() - t) / mb * 1000:.0f}")
    print(f"stages, ms per MB of the dense corpus ({mb:.1f} MB): " + ", ".join(cells))


def _throughput(name: str, chunks: list[str], refs, auto: ahocorasick.Automaton, target: str) -> None:
    total = sum(len(c) for c in chunks)
    claims = 0
    t = time.perf_counter()
    for c in chunks:
        claims += len(find_claims(c, refs))
    ours = time.perf_counter() - t
    t = time.perf_counter()
    hits = 0
    for c in chunks:
        for _ in auto.iter(c.lower()):
            hits += 1
    floor = time.perf_counter() - t
    rate, floor_rate = total / MB / ours, total / MB / floor
    print(f"{name}: {total / MB:.1f} MB in {len(chunks)} articles, {claims} claims, {claims / (total / MB):.0f} claims per MB")
    line(name, f"{rate:.2f} MB/s", f"{floor_rate:.2f} MB/s", rate / floor_rate, target)


def growth(articles: list[str], sizes: list[int]) -> None:
    refs = load_references()
    refs.compile()
    per_mb = {}
    for size in sizes:
        text = build_text(articles, size, seed=size)
        per_mb[size] = best_of(lambda text=text: find_claims(text, refs), 3 if size < 5 * MB else 1) / (len(text) / MB)
    base = per_mb[sizes[0]]
    for size in sizes:
        line(f"growth: article of {size // 1000} KB", f"{per_mb[size]:.3f} s/MB", f"{base:.3f} s/MB", per_mb[size] / base, "flat (about 1.0)")
    # Ten times the bans: copies of every ban with made-up phrases, so the automaton is 10x larger.
    docs = [load_yaml(p) for p in reference_files([bundled_references_dir()])]
    for doc in docs:
        if isinstance(doc.data, dict) and doc.data.get("bans"):
            extra = []
            for k in range(9):
                for ban in doc.data["bans"]:
                    copy = dict(ban, id=f"{ban['id']}-gen{k}", examples=None)
                    copy["phrases"] = [f"{p} gen{k}x" for p in ban["phrases"]] + [f"generated widget {k} {i}" for i in range(20)]
                    extra.append(copy)
            doc.data["bans"] = doc.data["bans"] + extra
    big, diags = build_references(docs)
    assert big is not None, [str(d) for d in diags if d.severity == "error"][:3]
    big.compile()
    text = build_text(articles, 1 * MB, seed=7)
    small_t = best_of(lambda: find_claims(text, refs))
    big_t = best_of(lambda: find_claims(text, big))
    n_small = sum(len(r.bans) for r in refs.regimes)
    n_big = sum(len(r.bans) for r in big.regimes)
    line(f"growth: {n_big} bans vs {n_small}", f"{big_t:.3f} s", f"{small_t:.3f} s", big_t / small_t, "target < 1.5")


def write_batch(articles: list[str], folder: Path, size: int, per_article: int = 20_000) -> int:
    folder.mkdir(parents=True, exist_ok=True)
    n = max(1, size // per_article)
    for i in range(n):
        (folder / f"a{i:05d}.txt").write_text(build_text(articles, per_article, seed=1000 + i), encoding="utf-8")
    return n


def parallel(articles: list[str], tmp: Path, size: int) -> None:
    folder = tmp / "par"
    n = write_batch(articles, folder, size)
    exe = annotate_exe()
    one = run_cmd([exe, "render", str(folder), "--format", "jsonl", "-o", str(tmp / "one.jsonl"), "-j", "1", "-q"])
    two = run_cmd([exe, "render", str(folder), "--format", "jsonl", "-o", str(tmp / "two.jsonl"), "-j", "2", "-q"])
    line(f"parallel: {n} articles, --jobs 2", f"{two:.2f} s", f"{one:.2f} s (-j 1)", one / two, "speed-up, ideal 2.0 on 2 cores")


def peak_rss(args: list[str]) -> int:
    """Peak resident memory (KB) of a command, measured in a fresh wrapper process."""
    code = (
        "import resource, subprocess, sys;"
        "subprocess.run(sys.argv[1:], check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL);"
        "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
    )
    out = subprocess.run([sys.executable, "-c", code, *args], check=True, capture_output=True, text=True)
    return int(out.stdout.strip())


def memory(articles: list[str], tmp: Path, size: int) -> None:
    exe = annotate_exe()
    half, full = tmp / "half", tmp / "full"
    write_batch(articles, half, size // 2)
    write_batch(articles, full, size)
    rss_half = peak_rss([exe, "render", str(half), "--format", "jsonl", "-o", str(tmp / "h.jsonl"), "-j", "1", "-q"])
    rss_full = peak_rss([exe, "render", str(full), "--format", "jsonl", "-o", str(tmp / "f.jsonl"), "-j", "1", "-q"])
    line(f"memory: peak RSS, {size / MB:.0f} MB batch", f"{rss_full / 1024:.0f} MB", f"{rss_half / 1024:.0f} MB (half)", rss_full / rss_half, "flat (about 1.0)")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--quick", action="store_true", help="small inputs: check the script runs")
    ns = ap.parse_args()
    scale = 0.05 if ns.quick else 1.0
    articles = source_articles()
    print(f"annotate benchmarks · {platform.platform()} · Python {platform.python_version()} · {os.cpu_count()} cores")
    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        startup(tmp, 3 if ns.quick else 7)
        throughput(articles, int(50 * MB * scale))
        stages(articles, int(2 * MB * scale) or 20_000)
        growth(articles, [10_000, 100_000, 1 * MB] + ([] if ns.quick else [10 * MB]))
        parallel(articles, tmp, int(20 * MB * scale))
        memory(articles, tmp, int(50 * MB * scale))
    print(f"total {time.perf_counter() - started:.0f} s")


if __name__ == "__main__":
    main()

"""Batch runs: directories in, mirrored pages and an index out, failures reported and skipped."""
from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from annotate.cli import main

CLAIMS = [
    "North Korea fired a ballistic missile on Monday, in violation of UN Security Council resolutions.",
    "A tanker carried out a ship-to-ship transfer with a North Korean vessel in breach of U.N. sanctions.",
    "Officials warned of violations of UN resolutions by Pyongyang.",
    "The weather in Seoul was mild this week.",
]


def make_tree(root: Path, n: int = 6, broken: bool = True) -> list[Path]:
    """n articles in two folders, each with a different mix of sentences; optionally one broken file."""
    files = []
    for i in range(n):
        folder = root / ("wire" if i % 2 else "blogs")
        folder.mkdir(parents=True, exist_ok=True)
        body = " ".join(CLAIMS[j] for j in range(len(CLAIMS)) if (i >> j) & 1 or j == 3)
        path = folder / (f"story-{i:02d}" + (".md" if i % 3 == 0 else ".txt"))
        path.write_text(f"Story {i}\n\n{body}\n", encoding="utf-8")
        files.append(path)
    (root / ".hidden.txt").write_text(CLAIMS[0], encoding="utf-8")
    if broken:
        (root / "wire" / "broken.txt").write_bytes(b"North \xff Korea")
    return files


def invoke(*args: str):
    return CliRunner().invoke(main, list(args))


def test_directory_renders_mirrored_pages_and_an_index_matching_the_json(tmp_path):
    src, out = tmp_path / "in", tmp_path / "out"
    files = make_tree(src)
    result = invoke("render", str(src), "-o", str(out), "--jobs", "2")
    assert result.exit_code == 1  # one broken article
    assert result.stderr.count("broken.txt:1:7: not UTF-8") == 1
    assert f"{len(files)} of {len(files) + 1} articles annotated, 1 failed" in result.stderr
    assert not (out / ".hidden.html").exists()
    index = (out / "index.html").read_text(encoding="utf-8")
    for f in files:
        rel = f.relative_to(src).with_suffix(".html")
        assert (out / rel).exists(), rel
        doc = json.loads(invoke("render", str(f), "--format", "json").stdout)
        counts = doc["summary"]
        row = re.search(rf'<a href="{re.escape(rel.as_posix())}">.*?</tr>', index, re.S).group(0)
        cells = re.findall(r'<td class="n">(\d+)</td>', row)
        assert [int(c) for c in cells] == [counts["claims"], counts["linked"], counts["review"]], rel
    for sorted_page in ("index-claims.html", "index-linked.html", "index-review.html"):
        assert (out / sorted_page).exists()


def test_sorted_index_orders_rows(tmp_path):
    src, out = tmp_path / "in", tmp_path / "out"
    make_tree(src, broken=False)
    assert invoke("render", str(src), "-o", str(out), "-j", "1").exit_code == 0
    page = (out / "index-claims.html").read_text(encoding="utf-8")
    counts = [int(re.findall(r'<td class="n">(\d+)</td>', row)[0]) for row in re.findall(r"<tr>.*?</tr>", page, re.S)[1:]]
    assert counts == sorted(counts, reverse=True) and counts[0] > counts[-1]


def test_jsonl_has_one_object_per_article_and_jobs_do_not_change_results(tmp_path):
    src = tmp_path / "in"
    files = make_tree(src, broken=False)
    one = invoke("render", str(src), "--format", "jsonl", "-j", "1")
    two = invoke("render", str(src), "--format", "jsonl", "-j", "2")
    assert one.exit_code == two.exit_code == 0
    lines = one.stdout.splitlines()
    assert len(lines) == len(files)
    docs = [json.loads(line) for line in lines]
    assert [d["source"] for d in docs] == sorted(str(f) for f in files)
    assert one.stdout == two.stdout


def test_jsonl_to_file_is_written_whole(tmp_path):
    src = tmp_path / "in"
    make_tree(src)
    out = tmp_path / "claims.jsonl"
    result = invoke("render", str(src), "--format", "jsonl", "-o", str(out))
    assert result.exit_code == 1
    assert all(json.loads(line)["claims"] is not None for line in out.read_text(encoding="utf-8").splitlines())
    assert not list(tmp_path.glob(".*.tmp"))


def test_several_articles_without_output_is_a_usage_error(tmp_path):
    src = tmp_path / "in"
    make_tree(src, broken=False)
    result = invoke("render", str(src))
    assert result.exit_code == 2
    assert "several articles need -o DIR, or --format jsonl" in result.output


def test_batch_output_never_overwrites_an_input(tmp_path):
    src = tmp_path / "in"
    files = make_tree(src, broken=False)
    before = {f: f.read_bytes() for f in files}
    result = invoke("render", str(src), "-o", str(src), "--format", "json")
    # Pages go next to the articles with their own suffix, never over an article.
    assert all(f.read_bytes() == b for f, b in before.items())
    assert result.exit_code == 0


def test_no_progress_bar_when_stderr_is_not_a_terminal(tmp_path, annotate_exe):
    src, out = tmp_path / "in", tmp_path / "out"
    make_tree(src, broken=False)
    proc = subprocess.run([annotate_exe, "render", str(src), "-o", str(out)], capture_output=True, text=True)
    assert proc.returncode == 0
    assert proc.stderr.strip().splitlines() == ["annotate: 6 of 6 articles annotated"]


@pytest.mark.skipif(not Path("/usr/bin/script").exists(), reason="needs util-linux script(1) for a terminal")
def test_progress_bar_on_a_terminal(tmp_path, annotate_exe):
    src, out = tmp_path / "in", tmp_path / "out"
    make_tree(src, broken=False)
    cmd = f"{annotate_exe} render {src} -o {out} -j 1"
    proc = subprocess.run(["script", "-qec", cmd, "/dev/null"], capture_output=True, text=True)
    assert proc.returncode == 0
    assert "annotating" in proc.stdout and "6/6" in proc.stdout
    quiet = subprocess.run(["script", "-qec", cmd + " --quiet", "/dev/null"], capture_output=True, text=True)
    assert "annotating" not in quiet.stdout


def test_ctrl_c_stops_the_batch_quietly_and_leaves_no_partial_file(tmp_path, annotate_exe):
    """Ctrl-C reaches the whole process group, workers included."""
    import os
    import signal
    import time

    src, out = tmp_path / "in", tmp_path / "out"
    src.mkdir()
    body = " ".join(CLAIMS) + "\n\n"
    for i in range(60):
        (src / f"a{i:02d}.txt").write_text(body * 1500, encoding="utf-8")
    proc = subprocess.Popen([annotate_exe, "render", str(src), "-o", str(out), "-j", "2"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True)
    for _ in range(3000):  # wait until the first page is written, then interrupt
        if out.exists() and any(out.glob("*.html")) or proc.poll() is not None:
            break
        time.sleep(0.01)
    os.killpg(proc.pid, signal.SIGINT)
    _, err = proc.communicate(timeout=120)
    if proc.returncode == 0:
        pytest.skip("the batch finished before the interrupt arrived")
    assert proc.returncode == 130
    assert err.decode() == "annotate: interrupted\n"
    assert not list(out.rglob("*.tmp")), "a temporary file was left behind"
    for page in out.glob("a*.html"):
        assert page.read_text(encoding="utf-8").rstrip().endswith("</html>")

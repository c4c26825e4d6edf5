"""The CLI, through click's runner and as the real installed process."""
from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from annotate import __version__
from annotate.cli import main

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "ship-to-ship.md"
CLAIM = "North Korea fired a ballistic missile on Monday, in violation of UN Security Council resolutions.\n"


def run(*args: str, input: bytes | None = None):
    return CliRunner().invoke(main, list(args), input=input, catch_exceptions=False)


def test_version_and_help_show_examples():
    assert __version__ in run("--version").output
    assert "Example" in run("--help").output
    assert "annotate render article.txt" in run("render", "--help").output


def test_json_offsets_match_the_text(tmp_path):
    art = tmp_path / "a.txt"
    art.write_text("Headline\n\n" + CLAIM, encoding="utf-8")
    result = run("render", str(art), "--format", "json")
    assert result.exit_code == 0, result.output
    doc = json.loads(result.output)
    assert doc["version"] and doc["source"] == str(art)
    text = art.read_text(encoding="utf-8")
    (claim,) = doc["claims"]
    assert text[claim["start"] : claim["end"]] == claim["text"]
    assert claim["stance"] == "asserted" and claim["review"] is False
    assert all(isinstance(s["resolution"], int) for b in claim["bans"] for s in b["sources"])


def test_stdin_is_read_with_dash():
    result = run("render", "-", "--format", "json", input=CLAIM.encode())
    assert result.exit_code == 0
    assert len(json.loads(result.output)["claims"]) == 1


def test_dash_as_output_is_standard_output(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    art = tmp_path / "a.txt"
    art.write_text(CLAIM, encoding="utf-8")
    result = run("render", str(art), "--format", "json", "-o", "-")
    assert result.exit_code == 0, result.output
    assert len(json.loads(result.output)["claims"]) == 1
    assert not (tmp_path / "-").exists()


def test_html_escapes_article_text(tmp_path):
    art = tmp_path / "a.txt"
    art.write_text("<script>alert(1)</script> " + CLAIM, encoding="utf-8")
    out = tmp_path / "a.html"
    assert run("render", str(art), "-o", str(out)).exit_code == 0
    page = out.read_text(encoding="utf-8")
    assert "<script>alert(1)" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page


@pytest.mark.parametrize(
    "setup, args, message",
    [
        (None, ["render", "missing.txt"], "missing.txt: no such file"),
        ("bad-utf8", ["render", "bad.txt"], "bad.txt:1:3: not UTF-8: invalid byte 0xff at byte offset 2"),
        (None, ["render", "-", "--refs", "nowhere.yaml"], "nowhere.yaml: no such file or directory"),
        ("bad-yaml", ["render", "-", "--refs", "bad.yaml"], "bad.yaml:3:1: YAML syntax error: did not find expected ',' or ']' (while parsing a flow sequence at line 2, column 7)"),
    ],
)
def test_user_errors_are_one_line_exit_2(tmp_path, monkeypatch, setup, args, message):
    monkeypatch.chdir(tmp_path)
    if setup == "bad-utf8":
        (tmp_path / "bad.txt").write_bytes(b"ab\xffcd")
    if setup == "bad-yaml":
        (tmp_path / "bad.yaml").write_text("regime:\n  id: [unclosed\n", encoding="utf-8")
    result = CliRunner().invoke(main, args, input=b"x")
    assert result.exit_code == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and message in lines[0], result.stderr
    assert "Traceback" not in result.output


def test_output_refuses_to_overwrite_the_input(tmp_path):
    art = tmp_path / "a.txt"
    art.write_text(CLAIM, encoding="utf-8")
    result = CliRunner().invoke(main, ["render", str(art), "-o", str(art)])
    assert result.exit_code == 2
    assert "refusing to overwrite the input" in result.stderr
    assert art.read_text(encoding="utf-8") == CLAIM


def test_output_into_missing_directory_fails_cleanly(tmp_path):
    art = tmp_path / "a.txt"
    art.write_text(CLAIM, encoding="utf-8")
    result = CliRunner().invoke(main, ["render", str(art), "-o", str(tmp_path / "no" / "x.html")])
    assert result.exit_code == 2
    assert "does not exist" in result.stderr


# --- the real installed process -------------------------------------------------------------


def test_installed_process_renders_the_example(tmp_path, annotate_exe):
    out = tmp_path / "example.html"
    proc = subprocess.run([annotate_exe, "render", str(EXAMPLE), "-o", str(out)], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    page = out.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>")
    assert 'class="claim' in page
    assert not list(tmp_path.glob(".*.tmp")), "a temporary file was left behind"


def test_installed_process_reports_errors_in_one_line(tmp_path, annotate_exe):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\xfe\xff")
    proc = subprocess.run([annotate_exe, "render", str(bad)], capture_output=True, text=True)
    assert proc.returncode == 2
    assert proc.stderr.count("\n") == 1 and f"{bad}:1:1: not UTF-8" in proc.stderr
    assert proc.stdout == ""


def test_installed_process_finds_bundled_references_away_from_the_clone(tmp_path, annotate_exe):
    art = tmp_path / "a.txt"
    art.write_text(CLAIM, encoding="utf-8")
    proc = subprocess.run([annotate_exe, "render", "a.txt", "--format", "json"], capture_output=True, text=True, cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["claims"][0]["bans"]


def test_json_evidence_quotes_the_article_at_its_offsets(tmp_path):
    art = tmp_path / "a.txt"
    art.write_text("Moscow denied that the sale of coal to North Korea violated UN sanctions.\n", encoding="utf-8")
    doc = json.loads(run("render", str(art), "--format", "json").stdout)
    text = art.read_text(encoding="utf-8")
    (claim,) = doc["claims"]
    assert claim["stance"] == "denied"
    kinds = {e["kind"]: e for e in claim["evidence"]}
    assert kinds["violation"]["text"] == "violated" and kinds["violation"]["phrase"] == "violate"
    assert kinds["activity"]["ban"] == "dprk-coal-iron-exports"
    for e in claim["evidence"]:
        assert text[e["start"] : e["end"]] == e["text"]


def test_the_readmes_json_example_is_what_the_tool_prints():
    """README.md shows one claim of the bundled example as JSON: it must not drift from the tool."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    shown = json.loads(readme.split("What `annotate render examples/ship-to-ship.md --format json` prints", 1)[1]
                       .split("```json", 1)[1].split("```", 1)[0])
    with pytest.MonkeyPatch.context() as mp:
        mp.chdir(ROOT)
        printed = json.loads(run("render", "examples/ship-to-ship.md", "--format", "json").stdout)
    (claim,) = shown["claims"]
    assert claim in printed["claims"]
    assert shown["summary"] == printed["summary"] and shown["source"] == printed["source"]

"""Broken and hostile articles: no crash, clear one-line errors, offsets that stay right."""
from __future__ import annotations

import json
import subprocess

import html5lib
import pytest
from click.testing import CliRunner

from annotate import find_claims
from annotate.cli import main

CLAIM = "North Korea fired a ballistic missile in violation of UN Security Council resolutions."


def render_json(path, *extra):
    r = CliRunner().invoke(main, ["render", str(path), "--format", "json", *extra])
    return r, (json.loads(r.stdout) if r.exit_code == 0 else None)


def check_offsets(text: str, doc: dict) -> None:
    for c in doc["claims"]:
        assert text[c["start"] : c["end"]] == c["text"]
        for e in c["evidence"]:
            assert 0 <= e["start"] < e["end"] <= len(text)


@pytest.mark.parametrize("content", ["", "   \n\t\n  ", "\n\n\n"], ids=["empty", "whitespace", "newlines"])
def test_empty_articles_give_no_claims_and_a_valid_page(tmp_path, content):
    art = tmp_path / "a.txt"
    art.write_text(content, encoding="utf-8")
    r, doc = render_json(art)
    assert r.exit_code == 0 and doc["claims"] == []
    out = tmp_path / "a.html"
    assert CliRunner().invoke(main, ["render", str(art), "-o", str(out)]).exit_code == 0
    html5lib.HTMLParser(strict=True).parse(out.read_text(encoding="utf-8"))


def test_one_50_mb_line(tmp_path):
    art = tmp_path / "long.txt"
    filler = "the quick brown fox jumps over the lazy dog " * 1_150_000  # about 50 MB, no newline
    art.write_text(filler + CLAIM + " The " + filler, encoding="utf-8")
    r, doc = render_json(art)
    assert r.exit_code == 0
    assert len(doc["claims"]) == 1
    (claim,) = doc["claims"]
    assert claim["text"].endswith(CLAIM)


def test_binary_data_is_refused_with_the_byte_offset(tmp_path):
    art = tmp_path / "bin.txt"
    art.write_bytes(b"PK\x03\x04\x14\x00\x00\x00\x08\x00\x9c\x8d")
    r = CliRunner().invoke(main, ["render", str(art)])
    assert r.exit_code == 2
    assert r.stderr.strip() == f"annotate: {art}:1:11: not UTF-8: invalid byte 0x9c at byte offset 10"


def test_invalid_utf8_on_a_later_line(tmp_path):
    art = tmp_path / "bad.txt"
    art.write_bytes(b"line one\nline two\nab\xc3(cd\n")
    r = CliRunner().invoke(main, ["render", str(art)])
    assert r.exit_code == 2
    assert r.stderr.strip() == f"annotate: {art}:3:3: not UTF-8: invalid byte 0xc3 at byte offset 20"


def test_bom_crlf_and_lone_cr_keep_offsets(tmp_path):
    for name, raw in {
        "bom.txt": ("\ufeff" + CLAIM + "\n").encode("utf-8"),
        "crlf.txt": ("Headline\r\n\r\nFirst line of text,\r\n" + CLAIM + "\r\n").encode("utf-8"),
        "cr.txt": ("Headline\r\rSome text.\r" + CLAIM + "\r").encode("utf-8"),
    }.items():
        art = tmp_path / name
        art.write_bytes(raw)
        r, doc = render_json(art)
        assert r.exit_code == 0, name
        text = raw.decode("utf-8")
        check_offsets(text, doc)
        assert len(doc["claims"]) == 1, name


def test_nul_bytes_and_control_characters(tmp_path):
    art = tmp_path / "nul.txt"
    art.write_text("a\x00b\x01c\x7f " + CLAIM, encoding="utf-8")
    r, doc = render_json(art)
    assert r.exit_code == 0
    check_offsets(art.read_text(encoding="utf-8"), doc)
    out = tmp_path / "nul.html"
    assert CliRunner().invoke(main, ["render", str(art), "-o", str(out)]).exit_code == 0
    page = out.read_text(encoding="utf-8")
    assert "\x00" not in page and "\x01" not in page
    html5lib.HTMLParser(strict=True).parse(page)


def test_mixed_scripts_and_bidi_marks(tmp_path, refs):
    text = (
        "북한이 탄도미사일을 발사했다. Северная Корея. كوريا الشمالية \u200f\u202e "
        + CLAIM + " \u2066isolated\u2069 text."
    )
    claims = find_claims(text, refs)
    assert len(claims) == 1
    assert text[claims[0].start : claims[0].end] == claims[0].text


def test_characters_whose_lower_case_changes_length(refs):
    prefix = "İİİ ﬃ ß ŉ " * 3  # U+0130 lower-cases to two code points
    text = prefix + CLAIM
    (claim,) = find_claims(text, refs)
    assert text[claim.start : claim.end] == claim.text and claim.text.endswith(CLAIM)
    # The evidence offsets point at the very words, after the characters that change length.
    assert {text[h.start : h.end] for h in claim.evidence} >= {"in violation of", "UN Security Council"}
    combining = "e\u0301" * 5 + " " + CLAIM
    (claim,) = find_claims(combining, refs)
    assert combining[claim.start : claim.end] == claim.text and claim.text.endswith(CLAIM)


def test_file_named_like_an_option_and_odd_paths(tmp_path, monkeypatch, annotate_exe):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "-o").write_text(CLAIM, encoding="utf-8")
    spaced = tmp_path / "a dir with spaces" / "Nordkorea – Ärger.txt"
    spaced.parent.mkdir()
    spaced.write_text(CLAIM, encoding="utf-8")
    for args in (["--", "-o"], [str(spaced)]):
        proc = subprocess.run([annotate_exe, "render", "--format", "json", *args], capture_output=True, text=True)
        assert proc.returncode == 0, proc.stderr
        assert len(json.loads(proc.stdout)["claims"]) == 1


def test_a_directory_given_as_an_article(tmp_path):
    r = CliRunner().invoke(main, ["render", str(tmp_path), "--format", "json"])
    assert r.exit_code == 2
    assert r.stderr.strip() == f"annotate: {tmp_path}: directory holds no .txt or .md articles"


def test_too_large_article(tmp_path):
    art = tmp_path / "big.txt"
    art.write_text("x" * 2000, encoding="utf-8")
    r = CliRunner().invoke(main, ["render", str(art), "--max-size", "1000"])
    assert r.exit_code == 2
    assert r.stderr.strip() == f"annotate: {art}: article is 2000 bytes, over the limit of 1000 (see --max-size)"


def test_debug_shows_the_traceback(tmp_path):
    art = tmp_path / "bad.txt"
    art.write_bytes(b"\xff")
    plain = CliRunner().invoke(main, ["render", str(art)])
    debug = CliRunner().invoke(main, ["--debug", "render", str(art)])
    assert "Traceback" not in plain.stderr
    assert debug.exit_code == 2 and "Traceback" in debug.stderr and "InputError" in debug.stderr

"""Hostile references and output targets: refused clearly, nothing lost."""
from __future__ import annotations

import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from annotate import find_claims, load_references
from annotate.cli import main
from annotate import output as output_mod

CLAIM = "North Korea fired a ballistic missile in violation of UN Security Council resolutions.\n"


def refs_file(tmp_path, text: str):
    p = tmp_path / "refs.yaml"
    p.write_text(text, encoding="utf-8")
    return p


def render_with(tmp_path, refs_text: str):
    return CliRunner().invoke(main, ["render", "-", "--format", "json", "--refs", str(refs_file(tmp_path, refs_text))], input=CLAIM.encode())


def test_billion_laughs_is_refused_quickly(tmp_path):
    lines = ["a: &a [x, x, x, x, x, x, x, x, x, x]"]
    for i in range(1, 9):
        prev = chr(ord("a") + i - 1)
        name = chr(ord("a") + i)
        lines.append(f"{name}: &{name} [" + ", ".join([f"*{prev}"] * 10) + "]")
    r = render_with(tmp_path, "\n".join(lines) + "\n")
    assert r.exit_code == 2
    assert "aliases expanding too far?" in r.stderr and "refs.yaml:" in r.stderr


def test_huge_file_is_refused(tmp_path):
    p = tmp_path / "huge.yaml"
    with open(p, "w", encoding="utf-8") as fh:
        fh.write("# " + "x" * (17 * 1024 * 1024) + "\n")
    r = CliRunner().invoke(main, ["render", "-", "--refs", str(p)], input=b"x")
    assert r.exit_code == 2
    assert f"{p}: references file is {p.stat().st_size} bytes, over the limit of" in r.stderr


@pytest.mark.parametrize(
    "body, message",
    [
        ("regime: dprk\nbans: {}\n", "bans must be a list, not a mapping"),
        ("regime: dprk\nbans:\n  - 7\n", "ban must be a mapping of keys, not a number"),
        ("- just\n- a list\n", "a references file must be a mapping, not a list"),
        ("regime: dprk\nbans:\n  - id: t-1\n    title: T\n    summary: S\n    sources: [{resolution: 1718, paragraphs: [\"8\"]}]\n    phrases: [\"...\", \"\", x y]\n",
         "phrase '...' has no letter or digit"),
        ("regime: 12\n", "refs.yaml:1:9: regime must be a mapping of keys, not a number"),
        ("regime: iran\n", "refs.yaml:1:9: regime 'iran' is not declared in an earlier file"),
        ("regime: dprk\nbans:\n  - id: t-1\n    title: T\n    summary: S\n    sources: [{resolution: true}]\n    phrases: [x y]\n",
         "source resolution must be a resolution number"),
    ],
)
def test_wrong_types_everywhere_are_one_line(tmp_path, body, message):
    r = render_with(tmp_path, body)
    assert r.exit_code == 2
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1 and message in lines[0] and "refs.yaml" in lines[0], r.stderr


def test_a_regex_looking_phrase_is_literal(tmp_path):
    p = refs_file(tmp_path, (
        "regime: dprk\nbans:\n  - id: t-regex\n    title: T\n    summary: S\n"
        "    sources: [{resolution: 1718, paragraphs: [\"8\"]}]\n    phrases: [\".* widgets\"]\n"
    ))
    refs = load_references([p])
    text_literal = "Selling .* widgets to North Korea violates UN sanctions."
    text_other = "Selling blue widgets to North Korea violates UN sanctions."
    assert "t-regex" in {b.id for c in find_claims(text_literal, refs) for b in c.bans}
    assert "t-regex" not in {b.id for c in find_claims(text_other, refs) for b in c.bans}


@pytest.mark.parametrize("url", ["javascript:alert(1)", "data:text/html;base64,PHNjcmlwdD4=", "http://example.org", "//evil.example"])
def test_unsafe_links_are_rejected(tmp_path, url):
    r = render_with(tmp_path, (
        "regime:\n  id: t\n  name: T\n  names: [Testland]\n  founding_resolution: 1\n"
        f"resolutions:\n  - {{number: 1, year: 2000, url: \"{url}\"}}\nbans: []\n"
    ))
    assert r.exit_code == 2
    assert "must be an https:// link" in r.stderr


# --- output -------------------------------------------------------------------------------------


def write_article(tmp_path):
    art = tmp_path / "a.txt"
    art.write_text(CLAIM, encoding="utf-8")
    return art


def test_output_at_the_input_through_another_name(tmp_path):
    art = write_article(tmp_path)
    link = tmp_path / "same.txt"
    os.link(art, link)
    r = CliRunner().invoke(main, ["render", str(art), "-o", str(link)])
    assert r.exit_code == 2 and "refusing to overwrite the input article" in r.stderr
    assert art.read_text(encoding="utf-8") == CLAIM


def test_output_to_a_read_only_place(tmp_path):
    art = write_article(tmp_path)
    ro = tmp_path / "ro"
    ro.mkdir()
    ro.chmod(0o555)
    try:
        # As root a read-only directory is still writable: /proc is read-only for everyone.
        target = ro / "a.html" if not os.access(ro, os.W_OK) else Path("/proc/annotate-test.html")
        if not target.parent.is_dir():
            pytest.skip("no read-only place to write to on this machine")
        r = CliRunner().invoke(main, ["render", str(art), "-o", str(target)])
        assert r.exit_code == 2
        assert r.stderr.startswith(f"annotate: {target}: cannot write here"), r.stderr
        assert len(r.stderr.strip().splitlines()) == 1
    finally:
        ro.chmod(0o755)


def test_output_to_a_file_under_a_file(tmp_path):
    art = write_article(tmp_path)
    r = CliRunner().invoke(main, ["render", str(art), "-o", str(art / "x.html")])
    assert r.exit_code == 2
    assert len(r.stderr.strip().splitlines()) == 1


@pytest.mark.parametrize("failure", [OSError(28, "No space left on device"), KeyboardInterrupt()])
def test_failed_write_leaves_the_old_file_intact(tmp_path, monkeypatch, failure):
    art = write_article(tmp_path)
    out = tmp_path / "a.html"
    out.write_bytes(b"the old page")

    def broken_replace(src, dst):
        raise failure

    monkeypatch.setattr(output_mod.os, "replace", broken_replace)
    r = CliRunner().invoke(main, ["render", str(art), "-o", str(out)])
    assert r.exit_code != 0
    assert out.read_bytes() == b"the old page"
    assert {p.name for p in tmp_path.iterdir()} == {"a.txt", "a.html"}, "a temporary file was left behind"
    if isinstance(failure, OSError):
        assert "No space left on device" in r.stderr and len(r.stderr.strip().splitlines()) == 1


def test_overwrite_keeps_the_files_permissions(tmp_path):
    art = write_article(tmp_path)
    out = tmp_path / "a.html"
    out.write_text("old", encoding="utf-8")
    out.chmod(0o640)
    assert CliRunner().invoke(main, ["render", str(art), "-o", str(out)]).exit_code == 0
    assert (out.stat().st_mode & 0o777) == 0o640
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")

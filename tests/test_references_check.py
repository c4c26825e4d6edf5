"""`annotate references check` finds each kind of error at the right file:line:col."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from annotate.cli import main

DATA = Path(__file__).parent / "data" / "refs"


def check(*paths: str):
    return CliRunner().invoke(main, ["references", "check", *paths])


def test_bundled_references_pass():
    result = check()
    assert result.exit_code == 0, result.output
    assert "0 errors" in result.stderr


@pytest.mark.parametrize(
    "name, expected",
    [
        ("unknown-key.yaml", ["unknown-key.yaml:4:5: unknown key 'titel' in ban (did you mean 'title'?)",
                              "unknown-key.yaml:3:5: title is missing"]),
        ("wrong-types.yaml", ["wrong-types.yaml:4:12: title must be text, not a list",
                              "wrong-types.yaml:7:21: source resolution must be a resolution number such as 1718",
                              "wrong-types.yaml:9:14: phrase must be a list, not text"]),
        ("missing-fields.yaml", ["missing-fields.yaml:3:5: title is missing", "missing-fields.yaml:3:5: summary is missing",
                                 "missing-fields.yaml:3:5: sources is missing"]),
        ("clash.yaml", ["clash.yaml:3:9: ban id 'dprk-nuclear-tests' clashes with the ban of that id at"]),
        ("undeclared-resolution.yaml", ["undeclared-resolution.yaml:7:21: resolution 2231 is not declared in this regime's resolutions"]),
        ("bad-paragraph.yaml", ["bad-paragraph.yaml:8:22: paragraph '8 (a)' is malformed",
                                "bad-paragraph.yaml:8:31: paragraph 'OP8' is malformed"]),
        ("bad-links.yaml", ["bad-links.yaml:8:10: committee url must be an https:// link, not 'javascript:alert(1)'",
                            "bad-links.yaml:12:10: url must be an https:// link, not 'http://example.org/plain-http'",
                            "bad-links.yaml:15:10: url must be an https:// link, not 'data:text/html"]),
        ("failing-examples.yaml", ["failing-examples.yaml:12:11: example should link test-failing-examples but no claim was found in it",
                                   "failing-examples.yaml:14:11: example should not link test-failing-examples but does"]),
        ("syntax.yaml", ["syntax.yaml:5:1: YAML syntax error: found unexpected end of stream"]),
        ("duplicate-key.yaml", ["duplicate-key.yaml:5:5: duplicate key 'title' (first at line 4)"]),
    ],
)
def test_each_error_is_reported_at_its_place(name, expected):
    result = check(str(DATA / name))
    assert result.exit_code == 1, result.output
    out = result.stdout
    for line in expected:
        assert line in out, f"{line!r} not in:\n{out}"
    for line in out.splitlines():
        assert str(DATA / name) in line, f"a diagnostic without the file: {line}"


def test_a_shared_phrase_is_a_warning_not_an_error():
    result = check(str(DATA / "shared-phrase.yaml"))
    assert result.exit_code == 0, result.output
    assert "shared-phrase.yaml:9:15: warning: phrase 'coal' is also a phrase of ban 'dprk-coal-iron-exports'" in result.stdout


def test_all_errors_of_several_files_are_reported_at_once():
    result = check(str(DATA / "unknown-key.yaml"), str(DATA / "bad-paragraph.yaml"), str(DATA / "syntax.yaml"))
    assert result.exit_code == 1
    files = {line.split(":", 1)[0] for line in result.stdout.splitlines()}
    assert {str(DATA / n) for n in ("unknown-key.yaml", "bad-paragraph.yaml", "syntax.yaml")} <= files


def test_unreadable_path_is_exit_2():
    result = check("/nonexistent/refs.yaml")
    assert result.exit_code == 2
    assert result.stderr.strip() == "annotate: /nonexistent/refs.yaml: no such file or directory"


def test_a_users_file_adds_a_ban_to_render(tmp_path):
    art = tmp_path / "a.txt"
    art.write_text("A freighter took purple widgets to North Korea in breach of UN sanctions.\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["render", str(art), "--format", "json", "--refs", str(DATA / "good.yaml")])
    assert result.exit_code == 0, result.output
    (claim,) = json.loads(result.stdout)["claims"]
    assert [b["id"] for b in claim["bans"]] == ["team-test-purple-widgets"]


def test_render_refuses_references_with_errors(tmp_path):
    result = CliRunner().invoke(main, ["render", "-", "--refs", str(DATA / "clash.yaml")], input=b"text")
    assert result.exit_code == 2
    assert "clash.yaml:3:9: ban id 'dprk-nuclear-tests' clashes" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_list_and_show(refs):
    listed = CliRunner().invoke(main, ["references", "list", "--format", "json"])
    bans = json.loads(listed.stdout)
    assert len(bans) == sum(len(r.bans) for r in refs.regimes) >= 25
    first = bans[0]
    shown = CliRunner().invoke(main, ["references", "show", first["id"]])
    assert shown.exit_code == 0
    assert first["title"] in shown.stdout
    for s in first["sources"]:
        assert f"resolution {s['resolution']}" in shown.stdout


def test_show_unknown_id_suggests_the_nearest():
    result = CliRunner().invoke(main, ["references", "show", "dprk-nuclear-test"])
    assert result.exit_code == 2
    assert "did you mean 'dprk-nuclear-tests'?" in result.stderr


def test_a_checkout_can_be_checked_instead_of_the_installed_set(tmp_path):
    import shutil

    from annotate.references import bundled_references_dir

    copy = tmp_path / "references"
    shutil.copytree(bundled_references_dir(), copy)
    ok = CliRunner().invoke(main, ["references", "check", "--no-bundled", str(copy)])
    assert ok.exit_code == 0, ok.output
    dprk = copy / "dprk.yaml"
    dprk.write_text(dprk.read_text(encoding="utf-8").replace('paragraphs: ["8(d)"]', 'paragraphs: ["8 d"]'), encoding="utf-8")
    bad = CliRunner().invoke(main, ["references", "check", "--no-bundled", str(copy)])
    assert bad.exit_code == 1
    assert f"{dprk}:" in bad.stdout and "paragraph '8 d' is malformed" in bad.stdout


def _user_bans(tmp_path, gives_way: str) -> Path:
    """Two bans of the user's own; the first gives way as `gives_way` says."""
    f = tmp_path / "mine.yaml"
    f.write_text(f"""\
regime: dprk
bans:
  - id: team-test-gadgets
    title: Gadgets
    summary: Gadgets may not be sold to North Korea.
    sources: [{{resolution: 1718}}]
    phrases: [gadgets]
    {gives_way}
  - id: team-test-gold-gadgets
    title: Gold gadgets
    summary: Gold gadgets are luxury goods.
    sources: [{{resolution: 1718}}]
    phrases: [gold-plated]
""", encoding="utf-8")
    return f


def test_a_ban_gives_way_to_the_one_it_names(tmp_path):
    art = tmp_path / "a.txt"
    art.write_text("A broker sold gold-plated gadgets to North Korea in breach of UN sanctions.\n", encoding="utf-8")

    def bans(refs_file):
        result = CliRunner().invoke(main, ["render", str(art), "--format", "json", "--refs", str(refs_file)])
        assert result.exit_code == 0, result.output
        (claim,) = json.loads(result.stdout)["claims"]
        return {b["id"] for b in claim["bans"]}

    both = bans(_user_bans(tmp_path, ""))
    assert {"team-test-gadgets", "team-test-gold-gadgets"} <= both
    yielded = bans(_user_bans(tmp_path, "gives_way_to: [team-test-gold-gadgets]"))
    assert "team-test-gold-gadgets" in yielded and "team-test-gadgets" not in yielded


@pytest.mark.parametrize(
    "gives_way, message",
    [
        ("gives_way_to: [team-test-nothing]", "gives_way_to names 'team-test-nothing', which is no ban id"),
        ("gives_way_to: [team-test-gadgets]", "ban 'team-test-gadgets' cannot give way to itself"),
    ],
)
def test_gives_way_to_is_checked(tmp_path, gives_way, message):
    result = check(str(_user_bans(tmp_path, gives_way)))
    assert result.exit_code == 1
    assert f"mine.yaml:8:19: {message}" in result.output

"""The per-user cache of compiled references: used when nothing changed, never when anything did."""
from __future__ import annotations

import os

import pytest

import annotate.references_cache as rc
from annotate import find_claims, load_references
from annotate.errors import InputError

CLAIM = "North Korea sold coal abroad, in violation of UN Security Council resolutions."


@pytest.fixture
def cache_home(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.delenv("ANNOTATE_NO_CACHE", raising=False)
    return tmp_path / "cache" / "annotate"


@pytest.fixture
def refs_file(tmp_path):
    """A stand-in references file: the cache only looks at its path, size and time."""
    f = tmp_path / "r.yaml"
    f.write_text("a: 1\n")
    return f


class Builds:
    """A build function that counts its calls."""

    def __init__(self, value="built"):
        self.calls, self.value = 0, value

    def __call__(self):
        self.calls += 1
        return self.value


def test_second_load_comes_from_the_cache(cache_home, refs_file):
    build = Builds()
    assert rc.cached([refs_file], "1", build) == "built"
    assert rc.cached([refs_file], "1", build) == "built"
    assert build.calls == 1
    assert len(list(cache_home.glob("references-*.pickle"))) == 1


def test_editing_a_file_or_upgrading_rebuilds(cache_home, refs_file):
    build = Builds()
    rc.cached([refs_file], "1", build)
    refs_file.write_text("a: 22\n")  # another size
    rc.cached([refs_file], "1", build)
    st = refs_file.stat()
    os.utime(refs_file, ns=(st.st_atime_ns, st.st_mtime_ns + 10**9))  # same size, later time
    rc.cached([refs_file], "1", build)
    rc.cached([refs_file], "2", build)  # another version
    assert build.calls == 4


def test_editing_annotate_itself_rebuilds(cache_home, tmp_path, monkeypatch, refs_file):
    # In a checkout (pip install -e) the version stays put while the pickled classes change.
    code = tmp_path / "pkg"
    code.mkdir()
    module = code / "phrases.py"
    module.write_text("x = 1\n")
    monkeypatch.setattr(rc, "_CODE", code)
    build = Builds()
    rc.cached([refs_file], "1", build)
    module.write_text("x = 12\n")
    rc.cached([refs_file], "1", build)
    assert build.calls == 2


def test_a_damaged_or_stale_cache_file_is_rebuilt(cache_home, refs_file):
    build = Builds()
    rc.cached([refs_file], "1", build)
    (entry,) = cache_home.glob("references-*.pickle")
    for junk in (b"", b"not a pickle", b"\x80\x05\x95garbage", b"cnosuchmodule\nThing\n."):
        entry.write_bytes(junk)
        assert rc.cached([refs_file], "1", build) == "built"
    assert build.calls == 5


def test_an_unwritable_cache_only_costs_time(tmp_path, monkeypatch, refs_file):
    blocker = tmp_path / "file"
    blocker.write_text("")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))  # a file where a directory is needed
    monkeypatch.delenv("ANNOTATE_NO_CACHE", raising=False)
    build = Builds()
    assert rc.cached([refs_file], "1", build) == "built"
    assert rc.cached([refs_file], "1", build) == "built"
    assert build.calls == 2


def test_no_cache_variable_turns_it_off(cache_home, monkeypatch, refs_file):
    monkeypatch.setenv("ANNOTATE_NO_CACHE", "1")
    build = Builds()
    rc.cached([refs_file], "1", build)
    rc.cached([refs_file], "1", build)
    assert build.calls == 2
    assert not cache_home.exists()


def test_cached_references_find_what_fresh_ones_find(cache_home):
    fresh = load_references()
    load_references()  # writes the entry
    assert list(cache_home.glob("references-*.pickle"))
    from_cache = load_references()
    assert find_claims(CLAIM, from_cache) == find_claims(CLAIM, fresh)
    assert [b.id for b in from_cache.regimes[0].bans] == [b.id for b in fresh.regimes[0].bans]


def test_a_broken_references_file_is_never_cached(cache_home, tmp_path):
    extra = tmp_path / "extra.yaml"
    extra.write_text("regimes: [\n", encoding="utf-8")
    for _ in range(2):
        with pytest.raises(InputError):
            load_references([extra])
    assert not list(cache_home.glob("references-*.pickle"))


def test_old_entries_are_pruned(cache_home, tmp_path):
    # An editor saving a references file many times must not fill their disk with stale entries.
    f = tmp_path / "r.yaml"
    build = Builds()
    for i in range(rc.KEEP + 5):
        f.write_text("a: " + "1" * (i + 1) + "\n")  # a new size: a new key each time
        rc.cached([f], "1", build)
    entries = list(cache_home.glob("references-*.pickle"))
    assert len(entries) == rc.KEEP
    calls = build.calls
    rc.cached([f], "1", build)  # the newest one is among those kept
    assert build.calls == calls

"""A per-user cache of the compiled references, so that start-up does not rebuild the automaton.

The key is the package version, every references file's path, size and modification
time, and the same for annotate's own modules: editing a references file, upgrading
annotate, or editing its code in a checkout (where the version does not change, but the
pickled classes may) makes a new entry. The cache lives in the
user's cache directory (XDG_CACHE_HOME, else ~/.cache); ANNOTATE_NO_CACHE=1 turns it off.
Any failure to read or write it is ignored: the references are then simply built. Only the
newest few entries are kept.
"""
from __future__ import annotations

import hashlib
import os
import pickle
from pathlib import Path
from typing import Callable, Sequence, TypeVar

T = TypeVar("T")


def cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "annotate"


_CODE = Path(__file__).resolve().parent


def _key(files: Sequence[Path], version: str) -> str:
    h = hashlib.sha256(version.encode())
    for f in [*files, *sorted(_CODE.glob("*.py"))]:
        st = f.stat()
        h.update(f"{f.resolve()}\0{st.st_size}\0{st.st_mtime_ns}\n".encode())
    return h.hexdigest()[:32]


def cached(files: Sequence[Path], version: str, build: Callable[[], T]) -> T:
    if os.environ.get("ANNOTATE_NO_CACHE"):
        return build()
    try:
        path = cache_dir() / f"references-{_key(files, version)}.pickle"
        with open(path, "rb") as fh:
            return pickle.load(fh)
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, TypeError, ValueError):
        pass
    value = build()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        import tempfile  # only when writing an entry: it costs start-up time

        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".refs-", suffix=".tmp")
        with os.fdopen(fd, "wb") as fh:
            pickle.dump(value, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
        _prune(path.parent, keep=path)
    except (OSError, pickle.PicklingError, TypeError, AttributeError, NameError):
        pass
    return value


# Entries kept: every edit of a references file makes a new one (a few MB each), and an editor
# who saves a hundred times should not find a hundred of them in their cache.
KEEP = 8


def _prune(folder: Path, keep: Path) -> None:
    """Remove all but the KEEP newest entries; never the one just written."""
    entries = []
    for p in folder.glob("references-*.pickle"):
        try:
            entries.append((p == keep, p.stat().st_mtime_ns, p))
        except OSError:
            continue  # removed meanwhile by another process
    entries.sort(reverse=True)  # the one just written first, then the newest
    for _, _, p in entries[KEEP:]:
        try:
            p.unlink()
        except OSError:
            pass  # in use elsewhere (Windows), or already gone

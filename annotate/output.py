"""Writing results without ever leaving a half-written file or overwriting an input."""
from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Iterable

from .errors import OutputError
from .model import Origin


def same_file(a: Path, b: Path) -> bool:
    try:
        return a.exists() and b.exists() and os.path.samefile(a, b)
    except OSError:
        return False


def guard_inputs(target: Path, inputs: Iterable[str]) -> None:
    """Refuse to write over an article that is being read."""
    for source in inputs:
        if source != "-" and (same_file(target, Path(source)) or target.resolve() == Path(source).resolve()):
            raise OutputError(Origin(str(target)), f"refusing to overwrite the input article {source}")


def write_atomic(target: Path, data: str | bytes) -> None:
    """Write to a temporary file beside `target`, flush it to disk, then rename it over `target`.

    A crash, a full disk or Ctrl-C leaves either the old file or the new one, never a mix.
    """
    parent = target.parent if str(target.parent) else Path(".")
    if not parent.is_dir():
        raise OutputError(Origin(str(target)), f"directory {parent} does not exist")
    if target.is_dir():
        raise OutputError(Origin(str(target)), "is a directory; give a file name")
    payload = data.encode("utf-8") if isinstance(data, str) else data
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=parent)
    except OSError as exc:
        raise OutputError(Origin(str(target)), f"cannot write here: {exc.strerror or exc}") from None
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(payload)
            fh.flush()
            os.fsync(fh.fileno())
        if target.exists():
            # Keep the permissions the user gave the file being replaced.
            os.chmod(tmp, target.stat().st_mode & 0o7777)
        else:
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(tmp, 0o666 & ~umask)
        os.replace(tmp, target)
    except BaseException as exc:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        if isinstance(exc, OSError):
            raise OutputError(Origin(str(target)), f"cannot write: {exc.strerror or exc}") from None
        raise

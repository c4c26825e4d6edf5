"""Writing results without ever leaving a half-written file or overwriting an input."""
from __future__ import annotations

import os
from pathlib import Path
from typing import Iterable

from .errors import OutputError
from .model import Origin


class InputGuard:
    """Refuses any output path that is one of the articles being read (by name or by inode)."""

    def __init__(self, inputs: Iterable[str]) -> None:
        self._paths: set[Path] = set()
        self._inodes: set[tuple[int, int]] = set()
        for source in inputs:
            if source == "-":
                continue
            p = Path(source)
            self._paths.add(p.resolve())
            try:
                st = p.stat()
                self._inodes.add((st.st_dev, st.st_ino))
            except OSError:
                pass

    def check(self, target: Path) -> None:
        hit = target.resolve() in self._paths
        if not hit and self._inodes:
            try:
                st = target.stat()
                hit = (st.st_dev, st.st_ino) in self._inodes
            except OSError:
                pass
        if hit:
            raise OutputError(Origin(str(target)), f"refusing to overwrite the input article {target}")


def guard_inputs(target: Path, inputs: Iterable[str]) -> None:
    """Refuse to write over an article that is being read."""
    InputGuard(inputs).check(target)


def write_atomic(target: Path, data: str | bytes, durable: bool = True) -> None:
    """Write to a temporary file beside `target`, flush it to disk, then rename it over `target`.

    A crash, a full disk or Ctrl-C leaves either the old file or the new one, never a mix.
    `durable=False` skips the fsync (which also survives a power cut): batch runs write
    thousands of pages, and an fsync each costs more than annotating them.
    """
    parent = target.parent if str(target.parent) else Path(".")
    if not parent.is_dir():
        raise OutputError(Origin(str(target)), f"directory {parent} does not exist")
    if target.is_dir():
        raise OutputError(Origin(str(target)), "is a directory; give a file name")
    payload = data.encode("utf-8") if isinstance(data, str) else data
    try:
        import tempfile  # only when writing: it costs start-up time

        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=parent)
    except OSError as exc:
        raise OutputError(Origin(str(target)), f"cannot write here: {exc.strerror or exc}") from None
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(payload)
            fh.flush()
            if durable:
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

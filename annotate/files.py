"""Reading a user's file whole, with a size limit and one-line errors."""
from __future__ import annotations

from pathlib import Path

from .errors import InputError
from .model import Origin


def read_limited(path: Path, name: str, kind: str, max_bytes: int, hint: str = "") -> bytes:
    """The bytes of `path`; InputError naming `name` when it is missing, unreadable or too large.

    `kind` says what the file should have been ("an article"), `hint` how to raise the limit.
    """
    try:
        if path.is_dir():
            raise InputError(Origin(name), f"is a directory, not {kind}")
        size = path.stat().st_size
        if size > max_bytes:
            raise InputError(Origin(name), f"{kind.split(' ', 1)[-1]} is {size} bytes, over the limit of {max_bytes}{hint}")
        return path.read_bytes()
    except FileNotFoundError:
        raise InputError(Origin(name), "no such file") from None
    except PermissionError:
        raise InputError(Origin(name), "permission denied") from None
    except OSError as exc:
        raise InputError(Origin(name), f"cannot read: {exc.strerror or exc}") from None

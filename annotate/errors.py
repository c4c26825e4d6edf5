"""Errors a user can cause and fix: each one prints as a single `file:line:col: message` line."""
from __future__ import annotations

from .model import Origin


class AnnotateError(Exception):
    """Base of every error the CLI reports in one line instead of a traceback."""

    def __init__(self, origin: Origin | None, message: str) -> None:
        super().__init__(message)
        self.origin = origin
        self.message = message

    def __str__(self) -> str:
        return f"{self.origin}: {self.message}" if self.origin else self.message


class InputError(AnnotateError):
    """An article or a references file that cannot be read or understood."""


class OutputError(AnnotateError):
    """An output that cannot be written, or must not be (it would overwrite the input)."""

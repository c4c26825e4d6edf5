"""Reading articles: files or standard input, strict UTF-8, clear errors."""
from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from .errors import InputError
from .files import read_limited
from .model import Origin

MARKDOWN_SUFFIXES = frozenset({".md", ".markdown", ".mdown"})
TEXT_SUFFIXES = frozenset({".txt", ".text"})
ARTICLE_SUFFIXES = MARKDOWN_SUFFIXES | TEXT_SUFFIXES
# A single article beyond this is surely not an article; --max-size changes it.
DEFAULT_MAX_BYTES = 128 * 1024 * 1024


@dataclass(frozen=True)
class Article:
    source: str  # as the user named it ("-" for standard input)
    text: str  # decoded as UTF-8, newlines untouched: every offset indexes this
    markdown: bool
    title: str


def decode_article(raw: bytes, source: str) -> str:
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        column = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        raise InputError(
            Origin(source, line, column),
            f"not UTF-8: invalid byte 0x{raw[exc.start]:02x} at byte offset {exc.start}",
        ) from None


def read_article(
    source: str,
    fmt: str = "auto",
    stdin: BinaryIO | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Article:
    """Read an article file (or "-" for standard input). fmt: auto, text or markdown."""
    if source == "-":
        stream = stdin if stdin is not None else sys.stdin.buffer
        raw = stream.read(max_bytes + 1)
        name = "<stdin>"
    else:
        raw = read_limited(Path(source), source, "an article", max_bytes, " (see --max-size)")
        name = source
    if len(raw) > max_bytes:
        raise InputError(Origin(name), f"article is over the limit of {max_bytes} bytes (see --max-size)")
    text = decode_article(raw, name)
    if fmt == "auto":
        markdown = Path(source).suffix.lower() in MARKDOWN_SUFFIXES
    else:
        markdown = fmt == "markdown"
    return Article(source, text, markdown, guess_title(text, markdown, source))


_HEADING = re.compile(r"(?m)^[ \t]{0,3}#{1,6}[ \t]+(.+?)[ \t#]*$")


def guess_title(text: str, markdown: bool, source: str) -> str:
    """The first Markdown heading, or a short first line, or the file's name."""
    if markdown:
        m = _HEADING.search(text[:20000])
        if m:
            return m.group(1).strip()
    for line in text[:20000].lstrip("\ufeff").splitlines():
        line = line.strip()
        if line:
            return line if len(line) <= 160 else line[:157].rstrip() + "..."
    return Path(source).name if source != "-" else "Article"

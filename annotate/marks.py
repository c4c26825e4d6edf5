"""The article body as HTML with each claim highlighted, offsets kept exact.

Two invisible sentinels (Unicode noncharacters) are put into the text at each
claim's start and end; the text is then rendered (escaped paragraphs for plain
text, markdown-it for Markdown, raw HTML off) and each sentinel pair becomes a
<mark>. A claim that crosses inline markup (bold, a link) is closed before each
tag and reopened after it, so the HTML stays well nested.
"""
from __future__ import annotations

import re
from typing import Callable, Sequence

from markdown_it import MarkdownIt
from markupsafe import escape

from .model import Claim
from .sentences import PARAGRAPH_BREAK

OPEN, CLOSE = "\ufdd0", "\ufdd1"
# Characters HTML forbids (controls but tab/newline/CR, noncharacters) become U+FFFD, one for one.
FORBIDDEN = re.compile(
    "[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\ufdd0-\ufdef"
    + "".join(f"{chr(p + 0xFFFE)}{chr(p + 0xFFFF)}" for p in range(0, 0x110000, 0x10000))
    + "]"
)
_TAG_OR_TEXT = re.compile(r"(<[^>]*>)")
_ENCODED = re.compile(r"%EF%B7%9[01]", re.IGNORECASE)

MarkOpen = Callable[[int, bool, bool], str]  # (claim index, first fragment?, inside a link?) -> opening tag
MarkClose = Callable[[int, bool], str]  # (claim index, last fragment?) -> closing tag
NoteRef = Callable[[int], str]  # claim index -> the link to its note


def insert_sentinels(text: str, claims: Sequence[Claim]) -> str:
    clean = FORBIDDEN.sub("\ufffd", text)
    pieces, last = [], 0
    for c in sorted(claims, key=lambda c: c.start):
        pieces += [clean[last : c.start], OPEN, clean[c.start : c.end], CLOSE]
        last = c.end
    pieces.append(clean[last:])
    return "".join(pieces)


def plain_body(text: str) -> str:
    """Escaped paragraphs; line breaks inside a paragraph are kept by CSS (white-space: pre-wrap)."""
    text = text.lstrip("\ufeff")
    paragraphs = [p for p in PARAGRAPH_BREAK.split(text) if p.strip(" \t\r\n" + OPEN + CLOSE)]
    out = []
    for p in paragraphs:
        stripped = p.strip(" \t\r\n")
        out.append(f"<p>{escape(stripped)}</p>")
    return "\n".join(out)


def _markdown() -> MarkdownIt:
    md = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})

    def image(renderer, tokens, idx, options, env):  # type: ignore[no-untyped-def]
        # Images would fetch from the network when the page opens: show their alt text instead.
        alt = "".join(t.content for t in (tokens[idx].children or []))
        return f'<span class="image-alt">[image: {escape(alt)}]</span>'

    md.add_render_rule("image", image)
    return md


_MD = _markdown()


def markdown_body(text: str) -> str:
    return _ENCODED.sub("", _MD.render(text.lstrip("\ufeff")))


def body_html(text: str, claims: Sequence[Claim], markdown: bool, open_tag: MarkOpen, close_tag: MarkClose,
              note_ref: NoteRef) -> str:
    """The article as HTML with marks; if the renderer lost a sentinel, the article without marks."""
    ordered = sorted(claims, key=lambda c: c.start)
    marked = insert_sentinels(text, ordered)
    html = markdown_body(marked) if markdown else plain_body(marked)
    if html.count(OPEN) != len(ordered) or html.count(CLOSE) != len(ordered):
        html = (markdown_body if markdown else plain_body)(FORBIDDEN.sub("\ufffd", text))
        return html.replace(OPEN, "").replace(CLOSE, "")
    return _place_marks(html, open_tag, close_tag, note_ref)


def _place_marks(html: str, open_tag: MarkOpen, close_tag: MarkClose, note_ref: NoteRef) -> str:
    """Turn sentinel pairs into marks, closing and reopening them around every tag.

    Inside a link of the article (Markdown), a mark may hold no link of its own: the opening
    is told so (its tooltip then carries no link), and the note reference waits until the
    article's link has closed.
    """
    out: list[str] = []
    claim = -1
    inside = False
    link_depth = 0
    pending_ref = -1
    for part in _TAG_OR_TEXT.split(html):
        if not part:
            continue
        if part.startswith("<"):
            if _LINK_OPEN.match(part):
                link_depth += 1
            elif part.startswith("</a"):
                link_depth = max(0, link_depth - 1)
            if inside:
                out += [close_tag(claim, False), part, open_tag(claim, False, link_depth > 0)]
            else:
                out.append(part)
            if pending_ref >= 0 and link_depth == 0:
                out.append(note_ref(pending_ref))
                pending_ref = -1
            continue
        pos = 0
        for m in re.finditer(f"[{OPEN}{CLOSE}]", part):
            out.append(part[pos : m.start()])
            if m.group() == OPEN:
                claim += 1
                inside = True
                out.append(open_tag(claim, True, link_depth > 0))
            else:
                inside = False
                out.append(close_tag(claim, True))
                if link_depth:
                    pending_ref = claim
                else:
                    out.append(note_ref(claim))
            pos = m.end()
        out.append(part[pos:])
    return _EMPTY_FRAGMENT.sub("", "".join(out))


_LINK_OPEN = re.compile(r"<a[\s>]")
# A continuation fragment with nothing in it (between two tags) is dropped.
_EMPTY_FRAGMENT = re.compile(r'<mark class="claim cont[^"]*"[^>]*></mark>')

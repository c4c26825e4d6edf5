"""The standalone review page: the article with its claims highlighted, and the bans they cite.

Templates are Jinja2 with autoescaping on, so every text from an article or a
references file is escaped; links out of the references must be https.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Sequence

from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup, escape

from . import __version__
from .articles import Article
from .jsonout import summary as summarise
from .marks import FORBIDDEN, body_html
from .markdown_view import markdown_view
from .model import Ban, Claim, Resolution, Source

STANCE_LABELS = {"asserted": "asserted", "hypothetical": "hypothetical", "denied": "denied"}


def safe_url(url: str) -> str:
    """Only https links leave the references; anything else renders as no link."""
    return url if isinstance(url, str) and url.startswith("https://") else ""


def citation_text(source: Source, resolutions: dict[int, Resolution]) -> str:
    """'resolution 2397 (2017), paragraph 8' as a reader says it."""
    res = resolutions.get(source.resolution)
    label = res.label if res else f"resolution {source.resolution}"
    if not source.paragraphs:
        return label
    word = "paragraph" if len(source.paragraphs) == 1 else "paragraphs"
    paras = source.paragraphs
    listed = paras[0] if len(paras) == 1 else ", ".join(paras[:-1]) + " and " + paras[-1]
    return f"{label}, {word} {listed}"


def _html_safe_chars(value: object) -> object:
    """Characters HTML forbids (NUL, other controls, noncharacters) become U+FFFD in every output."""
    if isinstance(value, str) and not isinstance(value, Markup):
        return FORBIDDEN.sub("\ufffd", value)
    return value


@dataclass
class BanUse:
    ban: Ban
    claims: list[int] = field(default_factory=list)  # claim numbers (1-based)


@lru_cache(maxsize=1)
def template_env() -> Environment:
    env = Environment(
        loader=PackageLoader("annotate", "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        trim_blocks=True,
        lstrip_blocks=True,
        finalize=_html_safe_chars,
    )
    env.filters["safe_url"] = safe_url
    return env


# Masked link targets leave a space before the punctuation that followed them.
_SPACE_BEFORE_MARK = re.compile(r" ([.,;:!?)])")


def _plain(markdown: str) -> str:
    return _SPACE_BEFORE_MARK.sub(r"\1", " ".join(markdown_view(markdown).split()))


def render_page(article: Article, claims: Sequence[Claim], resolutions: dict[int, Resolution]) -> str:
    ordered = sorted(claims, key=lambda c: c.start)
    env = template_env()
    tip = env.get_template("tip.html.j2")

    def cite(source: Source) -> str:
        return citation_text(source, resolutions)

    def open_tag(i: int, first: bool, in_link: bool) -> str:
        c = ordered[i]
        classes = f"claim s-{c.stance}" + (" review" if c.review else "")
        if not first:
            return f'<mark class="claim cont s-{c.stance}" data-claim="{i + 1}">'
        label = STANCE_LABELS[c.stance] + (", needs review" if c.review else "")
        return Markup(
            f'<mark class="{classes}" id="claim-{i + 1}" tabindex="0" data-claim="{i + 1}" '
            f'data-label="{escape(label)}" aria-describedby="tip-{i + 1}">'
        ) + Markup(tip.render(n=i + 1, claim=c, cite=cite, resolutions=resolutions, links=not in_link).strip())

    def close_tag(i: int, last: bool) -> str:
        return "</mark>"

    def note_ref(i: int) -> str:
        return f'<a class="noteref" href="#note-{i + 1}" aria-label="note {i + 1}" data-n="{i + 1}"></a>'

    body = body_html(article.text, ordered, article.markdown, open_tag, close_tag, note_ref)
    uses: dict[str, BanUse] = {}
    for n, c in enumerate(ordered, 1):
        for b in c.bans:
            uses.setdefault(b.id, BanUse(b)).claims.append(n)
    # The notes quote each claim as a reader sees it: for Markdown, without its link targets and
    # emphasis marks (the JSON keeps the source text, as the contract says).
    quotes = [_plain(c.text) if article.markdown else c.text for c in ordered]
    return env.get_template("page.html.j2").render(
        article=article,
        claims=ordered,
        quotes=quotes,
        body=Markup(body),
        summary=summarise(ordered),
        uses=sorted(uses.values(), key=lambda u: (u.ban.regime_wide, -len(u.claims), u.ban.title)),
        resolutions=resolutions,
        cite=cite,
        version=__version__,
    )

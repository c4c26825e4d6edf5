"""annotate: tie claimed violations of UN Security Council sanctions in news text to the exact ban.

    from annotate import load_references, find_claims
    claims = find_claims(text, load_references())
"""
from __future__ import annotations

__version__ = "0.1.0"

from .claims import find_claims  # noqa: E402
from .jsonout import SCHEMA_VERSION  # noqa: E402
from .model import Ban, Claim, Regime, Resolution, Source  # noqa: E402
from .references import References, load_references  # noqa: E402

__all__ = [
    "Ban", "Claim", "Regime", "References", "Resolution", "Source",
    "find_claims", "load_references", "SCHEMA_VERSION", "__version__",
]

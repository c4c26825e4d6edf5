"""annotate: tie claimed violations of UN Security Council sanctions in news text to the exact ban.

    from annotate import load_references, find_claims
    claims = find_claims(text, load_references())
"""
from __future__ import annotations

from .claims import find_claims
from .model import Ban, Claim, Regime, Resolution, Source
from .references import References, load_references

__version__ = "0.1.0"
SCHEMA_VERSION = "1"

__all__ = [
    "Ban", "Claim", "Regime", "References", "Resolution", "Source",
    "find_claims", "load_references", "SCHEMA_VERSION", "__version__",
]

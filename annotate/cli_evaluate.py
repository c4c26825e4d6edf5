"""`annotate evaluate GOLD.yaml`: score the matcher on a gold corpus."""
from __future__ import annotations

from .cli import main  # noqa: F401

"""`annotate references ...`: check, list and show the YAML references."""
from __future__ import annotations

from .cli import main


@main.group("references")
def references() -> None:
    """Check, list and show the references (the YAML bans)."""

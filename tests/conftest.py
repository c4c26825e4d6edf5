"""Shared fixtures: the bundled references compiled once per test session."""
from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def refs():
    from annotate import load_references

    return load_references()


@pytest.fixture(scope="session")
def annotate_exe() -> str:
    """The installed `annotate` console script of this interpreter's environment."""
    exe = Path(sys.executable).parent / "annotate"
    if exe.exists():
        return str(exe)
    found = shutil.which("annotate")
    if found:
        return found
    pytest.fail("the annotate command is not installed in this environment (pip install .)")


def in_ci() -> bool:
    return os.environ.get("CI", "").lower() in ("1", "true", "yes")

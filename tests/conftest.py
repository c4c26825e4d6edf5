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


# Hypothesis profiles: "ci" is the default (enough examples to matter, no deadline: the
# machine is shared); "fuzz" is the long run documented in the README.
try:
    from hypothesis import HealthCheck, settings

    settings.register_profile("ci", max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    settings.register_profile("fuzz", max_examples=int(os.environ.get("FUZZ_EXAMPLES", "20000")), deadline=None,
                              suppress_health_check=list(HealthCheck))
    settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))
except ImportError:  # pragma: no cover - hypothesis is in the test extras
    pass

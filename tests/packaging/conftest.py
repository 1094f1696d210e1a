"""The packaging scripts (``packaging/*.py``, not a Python package: the name belongs to
PyPI's ``packaging``) loaded by path, and the switch for the slow frozen-build test."""

from __future__ import annotations

import importlib.util
import os
from pathlib import Path
from types import ModuleType

import pytest

REPO = Path(__file__).resolve().parents[2]
ENV_SWITCH = "ATTACHE_PACKAGING_TESTS"


def load_script(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(f"attache_{name}", REPO / "packaging" / name)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def packaging_tests_enabled() -> bool:
    """In CI (``CI`` set) or when asked for with ATTACHE_PACKAGING_TESTS=1."""
    flag = os.environ.get(ENV_SWITCH, "").strip().lower()
    if flag in ("0", "no", "false"):
        return False
    return flag in ("1", "yes", "true") or os.environ.get("CI", "").lower() in ("1", "true")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if packaging_tests_enabled():
        return
    skip = pytest.mark.skip(
        reason=f"builds the frozen program (minutes): runs in CI, or with {ENV_SWITCH}=1"
    )
    for item in items:
        if item.get_closest_marker("packaging") is not None:
            item.add_marker(skip)

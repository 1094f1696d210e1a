"""The program's own modules: the list the frozen bundle must hold and the self-test imports.

``build.spec`` writes :func:`source_modules` of the checkout into the bundle
(``resources/modules.json``) and asks PyInstaller for each of them; ``attache
--self-test`` imports every name on that list, so a module the bundle lacks, or a
library one of them needs at import time (``PySide6.QtNetwork`` was one), fails the
self-test with its name instead of a person's first start.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from app.resources import resource_path

PACKAGES = ("app", "ui", "db", "search")
LIST_NAME = "modules.json"

_SKIPPED = ("app.__main__",)
"""Run as a program, never imported by name."""
_SKIPPED_PACKAGES = ("db.migrations",)
"""Alembic reads the migration scripts as files (they are data in the bundle)."""


def source_modules(root: Path) -> list[str]:
    """Every module and package of :data:`PACKAGES` under ``root``, dotted, sorted."""
    names = []
    for package in PACKAGES:
        for path in (root / package).rglob("*.py"):
            parts = list(path.relative_to(root).with_suffix("").parts)
            if parts[-1] == "__init__":
                parts.pop()
            name = ".".join(parts)
            if name in _SKIPPED or name.startswith(tuple(p + "." for p in _SKIPPED_PACKAGES)):
                continue
            if name in _SKIPPED_PACKAGES or "__pycache__" in parts:
                continue
            names.append(name)
    return sorted(names)


def write_list(root: Path, target: Path) -> Path:
    """Write :func:`source_modules` of ``root`` as JSON to ``target`` (used by build.spec)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(json.dumps(source_modules(root), indent=1), encoding="utf-8")
    return target


def expected_modules() -> list[str]:
    """The modules this installation should hold: the list written at build time when
    frozen, else the checkout's own."""
    if getattr(sys, "frozen", False):
        return list(json.loads(resource_path(LIST_NAME).read_text(encoding="utf-8")))
    return source_modules(Path(__file__).resolve().parent.parent)

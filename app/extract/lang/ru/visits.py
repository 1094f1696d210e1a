"""Russian words and patterns for visits (a section of the Russian language module)."""

from __future__ import annotations

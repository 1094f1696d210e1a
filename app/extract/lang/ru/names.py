"""Russian words and patterns for names (a section of the Russian language module)."""

from __future__ import annotations

"""Russian words and patterns for core (a section of the Russian language module)."""

from __future__ import annotations

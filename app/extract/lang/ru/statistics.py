"""Russian words and patterns for statistics (a section of the Russian language module)."""

from __future__ import annotations

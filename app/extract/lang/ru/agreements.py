"""Russian words and patterns for agreements (a section of the Russian language module)."""

from __future__ import annotations

"""Russian words and patterns for events (a section of the Russian language module)."""

from __future__ import annotations

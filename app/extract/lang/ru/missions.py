"""Russian words and patterns for missions (a section of the Russian language module)."""

from __future__ import annotations

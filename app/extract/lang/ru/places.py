"""Russian words and patterns for countries and cities (a section of the Russian language
module)."""

from __future__ import annotations

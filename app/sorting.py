"""Sorting large lists in a worker thread without holding up the GUI thread.

``sorted`` compares its keys in C, holding Python's GIL for the whole sort: ordering the
130,000 rows of a 50,000-article library's timeline held it ~0.3 s, and the GUI thread,
which needs the GIL to paint, stood still that long. :func:`sorted_in_steps` sorts short
runs and merges them with ``heapq.merge``, whose loop gives other threads their turns;
the result is the same, ties included (``sorted`` is stable, and the merge takes equal
keys in run order).
"""

from __future__ import annotations

import heapq
from collections.abc import Callable, Iterable
from typing import Any, TypeVar

T = TypeVar("T")

STEP = 4096
"""Items per run sorted at once (a few milliseconds with the GIL held)."""


def sorted_in_steps(items: Iterable[T], key: Callable[[T], Any], reverse: bool = False) -> list[T]:
    """``sorted(items, key=key, reverse=reverse)``, holding the GIL a run at a time."""
    items = list(items)
    if len(items) <= STEP:
        return sorted(items, key=key, reverse=reverse)
    runs = [
        sorted(items[start : start + STEP], key=key, reverse=reverse)
        for start in range(0, len(items), STEP)
    ]
    return list(heapq.merge(*runs, key=key, reverse=reverse))

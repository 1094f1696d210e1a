"""Sorting in steps gives what ``sorted`` gives, ties in the same order."""

from __future__ import annotations

import random

import pytest

from app.sorting import STEP, sorted_in_steps


@pytest.mark.parametrize("size", [0, 5, STEP, STEP + 1, 3 * STEP + 17])
@pytest.mark.parametrize("reverse", [False, True])
def test_the_same_order_as_sorted_ties_included(size: int, reverse: bool) -> None:
    rng = random.Random(size)
    items = [(rng.randint(0, 40), n) for n in range(size)]  # many equal keys
    key = lambda item: item[0]  # noqa: E731 - the same key for both
    assert sorted_in_steps(items, key, reverse) == sorted(items, key=key, reverse=reverse)

"""A library holding the seeds and this folder's own articles, made once per module."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from app.library import Library

DATA = Path(__file__).resolve().parent / "data"
SEEDS = Path(__file__).resolve().parents[2].parent / "shared" / "corpus" / "seeds"


@pytest.fixture(scope="module")
def lib(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Library]:
    if not SEEDS.is_dir():
        pytest.skip("../shared/corpus/seeds is not beside the checkout")
    library = Library(tmp_path_factory.mktemp("search") / "library")
    report = library.import_paths([SEEDS, DATA])
    assert not report.failed
    yield library
    library.close()


def sources(result) -> set[str]:  # type: ignore[no-untyped-def]
    return {h.source for h in result.hits}

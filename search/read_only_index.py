"""The search index of a library opened read-only: used as it is, never rebuilt in place.

``SearchIndex`` recreates an index it cannot open (in place); a read-only library (on a
read-only medium or folder, or written by another Attaché) must not have its index
touched, so :func:`open_in_place` opens it only when it is whole and current, and says
why not otherwise (``Library`` then builds a temporary one from the database)."""

from __future__ import annotations

import gc
import warnings
from pathlib import Path

from whoosh import index as windex

from search.index import SearchIndex


class IndexUnusable(Exception):
    """Why the index cannot be used as it is (its message completes "the index in X …")."""


class _InPlace(SearchIndex):
    def _open(self) -> windex.Index:
        if not self.path.is_dir():
            raise IndexUnusable("is missing")
        if not self._stamp_ok():
            raise IndexUnusable("was written by another version or is damaged")
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", ResourceWarning)
            try:
                ix = windex.open_dir(str(self.path), readonly=True)
                with ix.searcher() as probe:
                    probe.doc_count()
                return ix
            except Exception:  # any damage: unusable as it is
                pass
            gc.collect()
        raise IndexUnusable("cannot be read (damaged or cut short)")


def open_in_place(path: Path) -> SearchIndex:
    """The index at ``path``, opened without writing to it; raises :class:`IndexUnusable`."""
    return _InPlace(path)

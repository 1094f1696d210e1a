"""A fix to whoosh-reloaded 2.7.5 that indexing at scale needs.

While writing a segment, Whoosh asks for each posting whether the field has a
length column, and for a field without one (IDs, keywords, spelling fields) it
asks the file system every time: a third of the time of building an index of
10,000 articles. The answer cannot change for a written segment, so it is kept.
"""

from __future__ import annotations

from typing import Any

from whoosh.codec.whoosh3 import W3PerDocReader

_MISSING = object()


def _cached_reader(self: Any, fieldname: str, column: Any) -> Any:
    found = self._readers.get(fieldname, _MISSING)
    if found is _MISSING:
        found = self.column_reader(fieldname, column) if self.has_column(fieldname) else None
        self._readers[fieldname] = found
    return found


def apply() -> None:
    W3PerDocReader._cached_reader = _cached_reader

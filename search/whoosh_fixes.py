"""Fixes to whoosh-reloaded 2.7.5 that a large library needs (``apply()`` installs
them; ``search.index`` calls it). ``whoosh-reloaded`` is no longer developed, so its
code stays as it is and these stay inside ``search/`` with the other Whoosh details.

1. Column look-ups kept. While writing a segment, Whoosh asks for each posting whether
   the field has a length column, and for a field without one (IDs, keywords, spelling
   fields) it asks the file system every time: a third of the time of building an index
   of 10,000 articles. The answer cannot change for a written segment, so it is kept.
2. Segment files read in place. Whoosh opens each file inside a segment's compound file
   (its words, its postings) as a ``BufferFile`` over the memory-mapped segment, and
   ``BufferFile`` gives itself a ``BytesIO`` of that buffer for its sequential reads:
   ``BytesIO`` copies the buffer. Opening a searcher on a 50,000-article index thus
   copied ~400 MB (each segment's postings and words in full, though a search reads a
   few blocks of them), again after every change to the index, in the window's
   process and in the index writer's. :class:`_ViewFile` reads through the mapped
   buffer instead: a read copies only what it reads.
"""

from __future__ import annotations

import contextlib
import io
import pickle
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from whoosh.codec.whoosh3 import W3PerDocReader
from whoosh.filedb import compound
from whoosh.filedb.structfile import BufferFile

if TYPE_CHECKING:
    from _typeshed import WriteableBuffer

_MISSING = object()


def _cached_reader(self: Any, fieldname: str, column: Any) -> Any:
    found = self._readers.get(fieldname, _MISSING)
    if found is _MISSING:
        found = self.column_reader(fieldname, column) if self.has_column(fieldname) else None
        self._readers[fieldname] = found
    return found


class _ViewReader(io.RawIOBase):
    """A read-only, seekable file over a buffer (a ``memoryview`` of the mapped
    segment), without copying it."""

    def __init__(self, buf: memoryview | bytes) -> None:
        super().__init__()
        self._view = memoryview(buf).cast("B")
        self._pos = 0

    def readable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return True

    def tell(self) -> int:
        return self._pos

    def seek(self, offset: int, whence: int = io.SEEK_SET) -> int:
        if whence == io.SEEK_SET:
            pos = offset
        elif whence == io.SEEK_CUR:
            pos = self._pos + offset
        elif whence == io.SEEK_END:
            pos = len(self._view) + offset
        else:
            raise ValueError(f"invalid whence {whence}")
        if pos < 0:
            raise ValueError(f"negative seek position {pos}")
        self._pos = pos
        return pos

    def read(self, size: int | None = -1) -> bytes:
        start = self._pos
        end = len(self._view) if size is None or size < 0 else min(start + size, len(self._view))
        if end <= start:
            return b""
        self._pos = end
        return self._view[start:end].tobytes()

    def readinto(self, target: WriteableBuffer) -> int:
        out = memoryview(target).cast("B")
        count = max(0, min(len(out), len(self._view) - self._pos))
        out[:count] = self._view[self._pos : self._pos + count]
        self._pos += count
        return count

    def readline(self, size: int | None = -1) -> bytes:
        view, start = self._view, self._pos
        stop = len(view) if size is None or size < 0 else min(start + size, len(view))
        at = start
        while at < stop:  # looked for a block at a time: a file may be large
            found = view[at : min(at + 4096, stop)].tobytes().find(b"\n")
            if found >= 0:
                return self.read(at + found + 1 - start)
            at += 4096
        return self.read(stop - start)

    def close(self) -> None:
        with contextlib.suppress(BufferError):  # a slice still held: freed with it
            self._view.release()
        super().close()


class _ViewFile(BufferFile):  # type: ignore[misc]  # untyped whoosh base
    """Whoosh's ``BufferFile`` reading its buffer in place (see the module's note)."""

    def __init__(
        self,
        buf: memoryview | bytes,
        name: str | None = None,
        onclose: Callable[[Any], object] | None = None,
    ) -> None:
        super().__init__(b"", name=name, onclose=onclose)
        self._buf = buf
        self.file = _ViewReader(buf)

    def read_pickle(self) -> Any:
        """The pickle at the current position, read from a small copy by the C unpickler
        (Whoosh reads one before each block of postings; through the Python reader, its
        many small reads were a tenth of a search). A window too short for it makes the
        unpickler fail, never read a wrong object, and a longer one is tried."""
        start = self.file.tell()
        for size in (256, 8192):
            window = io.BytesIO(self.file.read(size))
            try:
                found = pickle.load(window)
            except (EOFError, pickle.UnpicklingError):
                self.file.seek(start)
                continue
            self.file.seek(start + window.tell())
            return found
        return pickle.load(self.file)


def apply() -> None:
    W3PerDocReader._cached_reader = _cached_reader
    compound.BufferFile = _ViewFile

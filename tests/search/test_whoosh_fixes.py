"""Whoosh's segment files are read in place (not copied), and read the same."""

from __future__ import annotations

import io
import pickle
import random
from pathlib import Path

from app.library import Library
from search.whoosh_fixes import _ViewFile, _ViewReader


def test_the_in_place_reader_reads_as_bytesio_does() -> None:
    rng = random.Random(3)
    data = bytes(rng.randrange(256) for _ in range(20_000)) + b"\nend\n" + b"x" * 5000
    ours, theirs = _ViewReader(memoryview(data)), io.BytesIO(data)
    for _ in range(2000):
        step = rng.choice(["read", "read", "seek", "readline", "readinto", "tell"])
        if step == "read":
            n = rng.choice([-1, 0, 1, 7, 300, 30_000])
            assert ours.read(n) == theirs.read(n)
        elif step == "seek":
            where = rng.choice([io.SEEK_SET, io.SEEK_CUR, io.SEEK_END])
            offset = rng.randrange(0, 26_000) if where == io.SEEK_SET else rng.randrange(-50, 1)
            if where == io.SEEK_CUR and theirs.tell() + offset < 0:
                continue
            assert ours.seek(offset, where) == theirs.seek(offset, where)
        elif step == "readline":
            n = rng.choice([-1, 5, 10_000])
            assert ours.readline(n) == theirs.readline(n)
        elif step == "readinto":
            a, b = bytearray(rng.randrange(0, 100)), bytearray(0)
            b = bytearray(len(a))
            assert ours.readinto(a) == theirs.readinto(b)
            assert a == b
        assert ours.tell() == theirs.tell()
    pickled = pickle.dumps({"words": list(range(100))}) + b"tail"
    reader = _ViewReader(memoryview(pickled))
    assert pickle.load(reader) == {"words": list(range(100))}
    assert reader.read() == b"tail"


def test_an_index_opens_its_segment_files_in_place(library: Library, seeds_dir: Path) -> None:
    library.import_paths([seeds_dir])
    searcher = library.index._current_searcher()
    reader = next(sub.reader() for sub, _ in searcher.leaf_searchers())
    postings = reader._terms._postfile
    assert reader.segment().is_compound()
    assert isinstance(postings, _ViewFile)
    assert not isinstance(postings.file, io.BytesIO)
    assert library.search("visit").total > 0


def test_pickles_are_read_whatever_their_length() -> None:
    """A pickle longer than the first window tried, and what follows it, read right."""
    objects = [(1, 2.5, b"x"), list(range(5000)), "é" * 300, {"k": (None, True)}]
    data = b"".join(pickle.dumps(o, protocol=2) for o in objects) + b"rest"
    view = _ViewFile(memoryview(data))
    assert [view.read_pickle() for _ in objects] == objects
    assert view.read(4) == b"rest"

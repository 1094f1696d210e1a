"""One library, one writer: two command-line imports at once, a second window handing
its request to the first, and the read-only fallback when no window answers."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from contextlib import closing
from pathlib import Path

import pytest

from app.instance import claim_window
from app.library import DB_NAME, Library, LibraryError
from app.writer_lock import WriterLock

REPO = Path(__file__).resolve().parents[2]
SECOND_START = (
    "import sys; from pathlib import Path; from PySide6.QtCore import QCoreApplication;"
    "from app.instance import claim_window; app = QCoreApplication([]);"
    "print(claim_window(Path(sys.argv[1]), {'action': 'show'}).mode)"
)


def _attache(library: Path, *args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "app", "--library", str(library), *args],
        cwd=REPO,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _articles(folder: Path, numbers: range) -> Path:
    folder.mkdir()
    for n in numbers:
        (folder / f"a{n:03d}.txt").write_text(
            f"The Foreign Minister of Chile visited Peru on {n % 28 + 1} June 2018 "
            f"and signed agreement number {n} on fisheries in Lima.",
            encoding="utf-8",
        )
    return folder


@pytest.mark.slow
def test_two_command_line_imports_at_once_give_one_whole_library(tmp_path: Path) -> None:
    first = _articles(tmp_path / "first", range(0, 60))
    second = _articles(tmp_path / "second", range(30, 90))  # 30 files in common
    library = tmp_path / "library"
    runs = [_attache(library, "import", str(first)), _attache(library, "import", str(second))]
    outputs = [run.communicate(timeout=600) for run in runs]
    assert [run.returncode for run in runs] == [0, 0], outputs
    imported = [int(out.split("imported ")[1].split(",")[0]) for out, _ in outputs]
    assert sum(imported) == 90
    assert any("waiting" in err for _, err in outputs)  # the second waited for the first
    with closing(sqlite3.connect(library / DB_NAME)) as con:
        assert con.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert con.execute("SELECT count(*), count(DISTINCT sha256) FROM articles").fetchone() == (
            90,
            90,
        )
    with Library(library) as lib:
        assert lib.repaired_at_open == (0, 0), "the index missed nothing"
        assert lib.search("fisheries", limit=1).total == 90


def test_a_second_window_hands_its_request_to_the_first(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "library"
    claim = claim_window(folder)
    assert claim.mode == "primary" and claim.server is not None
    try:
        with qtbot.waitSignal(claim.server.request, timeout=30_000) as got:
            second = subprocess.Popen(
                [sys.executable, "-c", SECOND_START, str(folder)],
                cwd=REPO,
                stdout=subprocess.PIPE,
                text=True,
            )
        assert got.args == [{"action": "show"}]
        assert second.communicate(timeout=60)[0].strip() == "handed"

        # An import from the command line goes to the window, which imports it.
        with qtbot.waitSignal(claim.server.request, timeout=30_000) as got:
            cli = _attache(folder, "import", str(tmp_path / "x.txt"))
        out, _ = cli.communicate(timeout=60)
        assert cli.returncode == 0 and "handed the import to the open Attaché window" in out
        assert got.args == [{"action": "import", "paths": [str(tmp_path / "x.txt")]}]
        claim.server.actions.discard("import")  # a window that takes no imports
        cli = _attache(folder, "import", str(tmp_path / "x.txt"))
        _, err = cli.communicate(timeout=60)
        assert cli.returncode == 1 and "open in an Attaché window" in err
    finally:
        claim.release()


def test_without_an_answering_window_the_second_start_is_read_only(
    tmp_path: Path, articles_dir: Path
) -> None:
    folder = tmp_path / "library"
    with Library(folder) as library:
        library.import_paths([articles_dir])
        count = library.article_count()
    with WriterLock(folder, "window") as lock:  # a window that does not answer
        assert lock.try_acquire()
        second = subprocess.run(
            [sys.executable, "-c", SECOND_START, str(folder)],
            cwd=REPO,
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert second.stdout.strip() == "read-only"
        with Library(folder, read_only=True) as library:
            assert library.article_count() == count
            assert library.search("minister", limit=1).total >= 1
            with pytest.raises(LibraryError, match="read-only"):
                library.import_paths([articles_dir])
        cli = _attache(folder, "import", str(articles_dir))
        _, err = cli.communicate(timeout=60)
        assert cli.returncode == 1 and "open in an Attaché window" in err
        check = _attache(folder, "check")
        out, _ = check.communicate(timeout=120)
        assert check.returncode == 0 and "checking read-only" in out
    with Library(folder) as library:
        assert library.article_count() == count

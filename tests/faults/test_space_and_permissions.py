"""Faults of the disk under a library, made real (issue 19): a backup and an index
rebuild that run out of space on a small tmpfs, a library whose write bits are removed
(the program run as an unprivileged user), and a read-only library whose ``-wal`` file
still holds committed changes. Each needs root (mounting, changing user) and skips
cleanly without it."""

from __future__ import annotations

import hashlib
import os
import random
import shutil
import sqlite3
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path

import pytest

from app.library import DB_NAME, INDEX_DIR, Library
from db import backup
from tests.mounts import fill, mounted_tmpfs
from tests.reliability.test_faults import REPO, attache, bind_read_only, checked_whole

WORDS = ["minister", "visited", "trade", "agreement", "signed", "railway", "talks"]


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def tree(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): sha(p) for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture
def tmpfs(tmp_path: Path) -> Iterator[Path]:
    """An 8 MB tmpfs (skipped where mounting is not allowed)."""
    with mounted_tmpfs(tmp_path / "disk", "8m") as disk:
        yield disk


def write_articles(folder: Path, count: int, words: int) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(count):
        rnd = random.Random(i)
        body = " ".join(f"{rnd.choice(WORDS)}{rnd.randint(0, 99999)}" for _ in range(words))
        (folder / f"k{i:03}.txt").write_text(
            f"Kenya and Ghana talks {i}. The trade ministers of Kenya and Ghana met in "
            f"Accra on {i % 28 + 1} March 2022. {body}"
        )
    return folder


@pytest.fixture
def library_on_tmpfs(tmpfs: Path, tmp_path: Path) -> Path:
    folder = tmpfs / "lib"
    with Library(folder) as library:
        report = library.import_paths([write_articles(tmp_path / "src", 8, 1000)], processes=0)
        assert len(report.imported) == 8
    return folder


# -- a backup that runs out of space ----------------------------------------------------
def test_a_backup_that_runs_out_of_space_leaves_the_old_ones_as_they_were(
    library_on_tmpfs: Path,
) -> None:
    folder = library_on_tmpfs
    code, out, err = attache(folder, "backup")
    assert code == 0, out + err
    (old,) = backup.backups(folder / backup.BACKUP_DIR)
    old_sha = sha(old)
    assert (folder / DB_NAME).stat().st_size > 256 * 1024  # more than is left below
    filler = fill(folder.parent, leave=64 * 1024)

    code, out, err = attache(folder, "backup")
    assert code == 1, out + err
    assert f"no space left on the device holding {folder / backup.BACKUP_DIR}" in err, err
    assert "the backups already there are as they were" in err
    assert backup.backups(folder / backup.BACKUP_DIR) == [old]
    assert sha(old) == old_sha and backup.integrity_problems(old, references=False) == []
    assert not list((folder / backup.BACKUP_DIR).glob("*.part"))  # no half copy left

    filler.unlink()
    checked_whole(folder)


# -- an index rebuild that runs out of space ---------------------------------------------
def test_an_index_rebuild_that_runs_out_of_space_keeps_the_old_index(
    library_on_tmpfs: Path,
) -> None:
    folder = library_on_tmpfs
    index = folder / INDEX_DIR
    before = tree(index)
    size = sum(p.stat().st_size for p in index.rglob("*") if p.is_file())
    assert size > 256 * 1024
    filler = fill(folder.parent, leave=128 * 1024)

    code, out, err = attache(folder, "reindex")
    assert code == 1, out + err
    assert f"no space left on the device holding {index}" in err, err
    assert tree(index) == before  # the old index, file for file
    assert not index.with_name(INDEX_DIR + ".new").exists()  # the half-built one is gone
    code, out, err = attache(folder, "search", "Accra")
    assert code == 0 and "8 article(s) match" in out, out + err

    filler.unlink()
    subprocess.run(["mount", "-o", "remount,size=64m", str(folder.parent)], check=True)
    checked_whole(folder)
    code, out, err = attache(folder, "reindex")
    assert code == 0 and "reindexed 8 article(s)" in out, out + err


# -- a library with its write bits removed, used by someone else ------------------------
@pytest.fixture
def as_nobody() -> list[str]:
    """The command prefix that runs a program as the unprivileged user ``nobody``."""
    if os.geteuid() != 0:
        pytest.skip("running as another user needs root")
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        pytest.skip("setpriv is missing")
    return [setpriv, "--reuid=65534", "--regid=65534", "--clear-groups"]


@pytest.fixture
def shared_tmp() -> Iterator[Path]:
    """A folder other users can enter (pytest's own are private to their owner)."""
    folder = Path(tempfile.mkdtemp(prefix="attache-shared-"))
    folder.chmod(0o755)
    yield folder
    subprocess.run(["chmod", "-R", "u+w", str(folder)], check=False)
    shutil.rmtree(folder, ignore_errors=True)


def test_a_library_without_write_bits_searches_but_refuses_an_import(
    shared_tmp: Path, articles_dir: Path, as_nobody: list[str]
) -> None:
    tmp_path = shared_tmp
    folder = tmp_path / "lib"
    with Library(folder) as library:
        library.import_paths([articles_dir])
    source = tmp_path / "more"
    write_articles(source, 2, 40)
    subprocess.run(["chmod", "-R", "a-w", str(folder)], check=True)
    subprocess.run(["chmod", "-R", "a+rX", str(folder), str(source)], check=True)
    before = tree(folder)
    home = tmp_path / "home"
    home.mkdir(mode=0o777)
    env = {
        **os.environ,
        "HOME": str(home),
        "XDG_STATE_HOME": str(home / "state"),
        "XDG_CONFIG_HOME": str(home / "config"),
        "XDG_RUNTIME_DIR": str(home),
        "PYTHONDONTWRITEBYTECODE": "1",
    }

    def run(*args: str) -> tuple[int, str, str]:
        done = subprocess.run(
            [*as_nobody, sys.executable, "-m", "app", "--library", str(folder), *args],
            cwd=REPO,
            capture_output=True,
            text=True,
            timeout=120,
            env=env,
        )
        assert "Traceback" not in done.stderr, done.stderr
        return done.returncode, done.stdout, done.stderr

    code, out, err = run("search", "minister")
    if code != 0 and "Permission denied" in err:
        pytest.skip(f"the checkout cannot be read by nobody: {err.strip()}")
    assert code == 0 and "article(s) match" in out, out + err
    code, out, err = run("import", str(source))
    assert code == 1, out + err
    assert f"the library at {folder} is read-only" in err, err
    assert tree(folder) == before  # nothing written
    subprocess.run(["chmod", "-R", "u+w", str(folder)], check=True)
    checked_whole(folder)


# -- a read-only library whose -wal file holds committed changes ------------------------
@pytest.fixture
def ro_mount(tmp_path: Path) -> Iterator[Path]:
    if os.geteuid() != 0 or shutil.which("mount") is None:
        pytest.skip("a read-only bind mount needs root")
    mount = tmp_path / "ro"
    mount.mkdir()
    yield mount
    if subprocess.run(["umount", str(mount)], capture_output=True).returncode != 0:
        subprocess.run(["umount", "-l", str(mount)], capture_output=True)


@pytest.mark.parametrize("shm", ["with -shm", "without -shm"])
def test_a_read_only_library_sees_what_its_wal_file_holds(
    tmp_path: Path, articles_dir: Path, ro_mount: Path, shm: str
) -> None:
    folder = tmp_path / "lib"
    with Library(folder) as library:
        library.import_paths([articles_dir])
        first = library.articles()[0]
    copy = tmp_path / "copy"
    copy.mkdir()
    with closing(sqlite3.connect(folder / DB_NAME)) as con:
        con.execute("PRAGMA wal_autocheckpoint=0")
        con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        con.execute("UPDATE articles SET title = ? WHERE id = ?", ("Kenya–Ghana talks", first.id))
        con.commit()
        assert (folder / f"{DB_NAME}-wal").stat().st_size > 0
        # copied while open: the change is in the -wal only (as a crash, or a copy of a
        # library in use, leaves it)
        shutil.copytree(folder, copy, dirs_exist_ok=True)
    if shm == "without -shm":
        (copy / f"{DB_NAME}-shm").unlink(missing_ok=True)
    assert (copy / f"{DB_NAME}-wal").stat().st_size > 0
    bind_read_only(copy, ro_mount)

    with Library(ro_mount) as library:
        assert library.read_only
        seen = library.article(first.id)
        assert seen is not None and seen.title == "Kenya–Ghana talks"
        assert library.article_count() == 4
    assert backup.read_revision(ro_mount / DB_NAME) == backup.head_revision()
    code, out, err = attache(ro_mount, "check")
    assert code == 0 and "read-only" in out, out + err


def test_a_last_library_in_a_folder_nobody_may_read_is_passed_over(
    shared_tmp: Path, as_nobody: list[str]
) -> None:
    """The window starts on the default library when the last one sits in a folder the
    person may not read (another user's, a drive mounted for someone else), and the
    folder is named in words when chosen."""
    private = shared_tmp / "private"
    with Library(private / "lib"):
        pass
    private.chmod(0o700)  # root's: nobody may not look inside
    ini = shared_tmp / "settings.ini"
    script = (
        "from pathlib import Path\n"
        "from app.config import library_problem_at, window_library_dir\n"
        "from app.settings import Settings\n"
        f"Settings().add_recent(Path({str(private / 'lib')!r}))\n"
        "print(window_library_dir(None))\n"
        f"print(library_problem_at(Path({str(private / 'lib')!r})))\n"
    )
    ini.touch()
    ini.chmod(0o666)
    done = subprocess.run(
        [*as_nobody, sys.executable, "-c", script],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "ATTACHE_SETTINGS": str(ini), "HOME": str(shared_tmp)},
    )
    if done.returncode != 0 and "Permission denied" in done.stderr and "app" not in done.stderr:
        pytest.skip(f"the checkout cannot be read by nobody: {done.stderr.strip()}")
    assert "Traceback" not in done.stderr, done.stderr
    chosen, problem = done.stdout.strip().splitlines()
    assert chosen != str(private / "lib")
    assert problem.startswith(f"The folder {private / 'lib'} cannot be read"), problem

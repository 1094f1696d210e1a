"""The command line and the library folder a person names: a folder that holds no library
is refused by every command but ``import`` (and nothing is created there), ``search``'s
usage errors, and an ``import`` handed to an open window that waits for its result."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.cli import main
from app.instance import server_name
from app.library import DB_NAME, Library
from app.writer_lock import WriterLock

REPO = Path(__file__).resolve().parents[2]
ARTICLE = (
    "Kazakhstan and Turkey sign trade agreement\n2022-05-10\n\n"
    "President Tokayev visited Ankara on 10 May 2022 and met President Erdogan. "
    "The two countries signed an agreement on trade and set a target of 10 billion dollars."
)


def attache(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "app", *args],
        cwd=REPO,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen", **(env or {})},
        capture_output=True,
        text=True,
        timeout=120,
    )


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def small_library(tmp_path: Path) -> Path:
    folder = tmp_path / "library"
    source = tmp_path / "articles"
    source.mkdir()
    for n in range(3):
        (source / f"a{n}.txt").write_text(ARTICLE.replace("10 May", f"1{n} May"), "utf-8")
    with Library(folder) as library:
        library.import_paths([source])
    return folder


# -- a folder that is not a library -----------------------------------------------------

READING = [
    ["search", "minister"],
    ["export", "-o", "OUT/facts.json"],
    ["review", "list"],
    ["review", "confirm", "1"],
    ["edit", "1", "city=Ankara"],
    ["reindex"],
    ["reextract"],
    ["check"],
    ["backup"],
    ["restore"],
    ["restore", "--latest"],
    ["restore", "1"],
    ["--screenshot", "OUT/shots"],
]


@pytest.mark.parametrize("command", READING, ids=lambda c: " ".join(c))
def test_a_mistyped_library_is_refused_and_nothing_is_created(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, command: list[str]
) -> None:
    typo = tmp_path / "librray"
    argv = [a.replace("OUT", str(tmp_path / "out")) for a in command]
    code, out, err = run(capsys, "--library", str(typo), *argv)
    assert code == 2
    assert err.strip() == (
        f"attache: no Attaché library at {typo}; `attache --library {typo} import …` creates one"
    )
    assert out == ""
    assert not typo.exists()
    assert not (tmp_path / "out").exists()


def test_the_variable_and_the_default_folder_are_checked_too(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    typo = tmp_path / "from-the-variable"
    monkeypatch.setenv("ATTACHE_LIBRARY", str(typo))
    code, _, err = run(capsys, "search", "x")
    assert code == 2 and f"no Attaché library at {typo}" in err
    assert not typo.exists()


def test_an_existing_folder_without_a_library_is_refused_and_left_alone(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    folder = tmp_path / "Documents"
    folder.mkdir()
    (folder / "notes.txt").write_text("mine", "utf-8")
    for argv in (["search", "x"], ["check"], ["reindex"], ["backup"]):
        code, _, err = run(capsys, "--library", str(folder), *argv)
        assert code == 2 and f"no Attaché library at {folder}" in err
    assert sorted(p.name for p in folder.iterdir()) == ["notes.txt"]


def test_a_file_is_not_a_library(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    afile = tmp_path / "facts.json"
    afile.write_text("{}", "utf-8")
    code, _, err = run(capsys, "--library", str(afile), "search", "x")
    assert code == 2
    assert err.strip() == f"attache: no Attaché library at {afile} (it is a file, not a folder)"


def test_a_path_with_spaces_is_quoted_in_the_hint(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    typo = tmp_path / "my library"
    code, _, err = run(capsys, "--library", str(typo), "search", "x")
    assert code == 2 and f"`attache --library '{typo}' import …` creates one" in err


def test_a_library_that_cannot_be_made_is_named_with_the_reason(tmp_path: Path) -> None:
    if os.geteuid() != 0 or shutil.which("mount") is None:
        pytest.skip("a read-only bind mount needs root")
    source, mount = tmp_path / "empty", tmp_path / "ro"
    source.mkdir()
    mount.mkdir()
    for command in (
        ["mount", "--bind", str(source), str(mount)],
        ["mount", "-o", "remount,ro,bind", str(mount)],
    ):
        done = subprocess.run(command, capture_output=True, text=True)
        if done.returncode != 0:
            subprocess.run(["umount", str(mount)], capture_output=True)
            pytest.skip(f"mounting is not allowed here: {done.stderr.strip()}")
    try:
        article = tmp_path / "a.txt"
        article.write_text(ARTICLE, "utf-8")
        made = attache("--library", str(mount / "lib"), "import", str(article))
        assert made.returncode == 1
        assert made.stderr.strip() == (
            f"attache: cannot create the library folder {mount / 'lib'}: {mount / 'lib'} is "
            "on a read-only medium: it cannot be written"
        )
        searched = attache("--library", str(mount / "lib"), "search", "x")
        assert searched.returncode == 2 and "no Attaché library at" in searched.stderr
    finally:
        subprocess.run(["umount", str(mount)], capture_output=True)


def test_import_creates_the_library_the_hint_names(tmp_path: Path) -> None:
    lib = tmp_path / "new library"
    article = tmp_path / "a.txt"
    article.write_text(ARTICLE, "utf-8")
    refused = attache("--library", str(lib), "search", "Ankara")
    assert refused.returncode == 2 and "creates one" in refused.stderr
    assert not lib.exists()
    made = attache("--library", str(lib), "import", str(article))
    assert made.returncode == 0, made.stderr
    assert made.stdout.strip().endswith("imported 1, skipped 0, failed 0")
    assert (lib / DB_NAME).is_file()
    found = attache("--library", str(lib), "search", "Ankara")
    assert found.returncode == 0 and "1 article(s) match" in found.stdout


def test_a_library_that_lost_its_database_points_to_its_backups(
    capsys: pytest.CaptureFixture[str], small_library: Path
) -> None:
    assert run(capsys, "--library", str(small_library), "backup")[0] == 0
    (small_library / DB_NAME).unlink()
    code, _, err = run(capsys, "--library", str(small_library), "search", "Ankara")
    assert code == 2
    assert f"no Attaché library at {small_library}: its database {DB_NAME} is missing" in err
    assert f"`attache --library {small_library} restore` lists its backups" in err
    assert not (small_library / DB_NAME).exists()
    code, out, _ = run(capsys, "--library", str(small_library), "restore")
    assert code == 0 and "1. " in out and "3 article(s)" in out
    code, out, err = run(capsys, "--library", str(small_library), "restore", "--latest")
    assert code == 0, err
    assert "restored library-" in out and ": 3 article(s)" in out


def test_a_backup_file_can_be_restored_into_a_new_folder(
    capsys: pytest.CaptureFixture[str], small_library: Path, tmp_path: Path
) -> None:
    assert run(capsys, "--library", str(small_library), "backup")[0] == 0
    (backup_file,) = (small_library / "backups").glob("library-*.sqlite")
    elsewhere = tmp_path / "elsewhere"
    code, out, err = run(capsys, "--library", str(elsewhere), "restore", str(backup_file))
    assert code == 0, err
    assert ": 3 article(s)" in out and (elsewhere / DB_NAME).is_file()
    # a mistyped backup name is still refused without making a library
    typo = tmp_path / "typo"
    code, _, err = run(capsys, "--library", str(typo), "restore", str(tmp_path / "nope.sqlite"))
    assert code == 2 and "no Attaché library" in err and not typo.exists()


# -- search: usage errors ----------------------------------------------------------------


def test_search_rejects_an_unknown_type_with_the_valid_ones(
    capsys: pytest.CaptureFixture[str], small_library: Path
) -> None:
    code, out, err = run(
        capsys, "--library", str(small_library), "search", "Ankara", "--type", "vists"
    )
    assert code == 2 and out == ""
    assert err.strip() == (
        "attache search: unknown type 'vists' (use article, fact, all, or fact types: visit, "
        "agreement, statistic, event, mission, entity; several fact types separated by commas)"
    )
    code, _, err = run(
        capsys, "--library", str(small_library), "search", "Ankara", "--type", "visit,bogus"
    )
    assert code == 2 and "unknown type 'bogus'" in err
    # the valid spellings still work: a type, its plural, the window's noun, several
    for valid in ("visit", "Visits", "figure", "visit,agreement", "fact", "all", "article"):
        code, _, err = run(
            capsys, "--library", str(small_library), "search", "Ankara", "--type", valid
        )
        assert code == 0, (valid, err)


def test_search_names_the_page_count_past_the_end(
    capsys: pytest.CaptureFixture[str], small_library: Path
) -> None:
    lib = str(small_library)
    code, out, _ = run(capsys, "--library", lib, "search", "Ankara", "--limit", "2", "--page", "2")
    assert code == 0 and out.strip().endswith("3 article(s) match, page 2 of 2")
    code, out, err = run(
        capsys, "--library", lib, "search", "Ankara", "--limit", "2", "--page", "3"
    )
    assert code == 2 and out == ""
    assert err.strip() == (
        "attache search: --page 3 is past the end: 3 article(s) match 'Ankara', 2 page(s) of 2"
    )
    code, out, err = run(capsys, "--library", lib, "search", "Ankara", "--page", "9", "--json")
    assert code == 2 and out == "" and "1 page(s) of 10" in err
    # no match at all is not a usage error, whatever the page
    code, out, _ = run(capsys, "--library", lib, "search", "zeppelin", "--page", "4")
    assert code == 0 and "no article matches 'zeppelin'" in out


@pytest.mark.parametrize(
    ("option", "value"), [("--limit", "0"), ("--limit", "-3"), ("--page", "0"), ("--page", "-1")]
)
def test_search_limit_and_page_below_one_are_usage_errors(
    capsys: pytest.CaptureFixture[str], small_library: Path, option: str, value: str
) -> None:
    code, out, err = run(capsys, "--library", str(small_library), "search", "Ankara", option, value)
    assert code == 2 and out == ""
    assert err.strip() == f"attache search: {option} must be 1 or more (not {value})"


# -- an import handed to an open window ----------------------------------------------------


def _window(library: Path, home: Path) -> subprocess.Popen[str]:
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "HOME": str(home),
        "XDG_CONFIG_HOME": str(home / ".config"),
        "XDG_DATA_HOME": str(home / ".local" / "share"),
        "XDG_STATE_HOME": str(home / ".local" / "state"),
    }
    return subprocess.Popen(
        [sys.executable, "-m", "app", "--library", str(library)],
        cwd=REPO,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _wait_for_window(library: Path, window: subprocess.Popen[str]) -> None:
    from PySide6.QtNetwork import QLocalSocket

    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        assert window.poll() is None, window.communicate()
        if WriterLock(library, "test").holder().get("role") == "window":
            probe = QLocalSocket()
            probe.connectToServer(server_name(library))
            if probe.waitForConnected(200):
                probe.abort()
                return
        time.sleep(0.2)
    raise AssertionError("the window did not start")


@pytest.fixture
def open_window(small_library: Path, tmp_path: Path) -> Iterator[subprocess.Popen[str]]:
    window = _window(small_library, tmp_path / "home")
    try:
        _wait_for_window(small_library, window)
        yield window
    finally:
        if window.poll() is None:
            window.send_signal(signal.SIGTERM)
            try:
                window.communicate(timeout=30)
            except subprocess.TimeoutExpired:
                window.kill()
                window.communicate()


def test_an_import_handed_to_the_window_waits_and_fails_when_a_file_failed(
    open_window: subprocess.Popen[str], small_library: Path, tmp_path: Path
) -> None:
    good, bad = tmp_path / "new.txt", tmp_path / "broken.pdf"
    good.write_text(ARTICLE.replace("Ankara", "Astana").replace("2022-05-10", "2023-01-02"))
    bad.write_bytes(b"%PDF-1.4 not really a PDF" + bytes(range(256)))
    result = attache("--library", str(small_library), "import", str(good), str(bad))
    assert result.returncode == 1, result
    assert "handed the import to the open Attaché window" in result.stderr
    assert "waiting for it to finish" in result.stderr
    assert f"failed: {bad}: " in result.stderr
    assert result.stdout.strip().endswith("imported 1, skipped 0, failed 1")
    assert open_window.poll() is None  # the window is still open

    again = attache("--library", str(small_library), "import", str(good))
    assert again.returncode == 0, again
    assert again.stdout.strip().splitlines() == [
        "already in the library: 1 file(s)",
        "imported 0, skipped 1, failed 0",
    ]


def test_a_handed_import_is_told_when_the_window_closes_or_the_import_stops(
    qtbot,  # type: ignore[no-untyped-def]
    small_library: Path,
    tmp_path: Path,
) -> None:
    from app.instance import claim_window, import_answer

    article = tmp_path / "x.txt"
    article.write_text(ARTICLE, "utf-8")
    claim = claim_window(small_library)
    assert claim.mode == "primary" and claim.server is not None
    server = claim.server
    server.answers_imports = True
    try:
        # the window's import stops as a whole (a full disk): exit 1 with its words
        with qtbot.waitSignal(server.request, timeout=30_000) as got:
            cli = subprocess.Popen(
                [
                    sys.executable,
                    "-m",
                    "app",
                    "--library",
                    str(small_library),
                    "import",
                    str(article),
                ],
                cwd=REPO,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
            )
        request = got.args[0]
        assert request["paths"] == [str(article)] and isinstance(request["ticket"], int)
        qtbot.wait(300)
        assert cli.poll() is None  # it waits for the result
        server.answer(request["ticket"], import_answer(OSError("no space left on the device")))
        qtbot.waitUntil(lambda: cli.poll() is not None, timeout=30_000)
        _, err = cli.communicate()
        assert cli.returncode == 1
        assert "attache: the import in the window failed: no space left on the device" in err

        # the window closes before it answers: exit 1, saying so
        with qtbot.waitSignal(server.request, timeout=30_000):
            cli = subprocess.Popen(
                [
                    sys.executable,
                    "-m",
                    "app",
                    "--library",
                    str(small_library),
                    "import",
                    str(article),
                ],
                cwd=REPO,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
            )
        qtbot.wait(300)
        server.close()
        qtbot.waitUntil(lambda: cli.poll() is not None, timeout=30_000)
        _, err = cli.communicate()
        assert cli.returncode == 1
        assert "the window closed before the import finished" in err
    finally:
        claim.release()

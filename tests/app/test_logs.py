"""The log file: a bug in any thread is logged with its traceback and named in one
sentence; a log folder that cannot be made leaves the log on stderr, saying why; the
window started as a person starts it logs its start and closes cleanly on SIGTERM."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def run_python(code: str, home: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("ATTACHE_", "XDG_"))}
    env |= {"HOME": str(home), "PYTHONPATH": str(REPO)}
    return subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=120
    )


def log_of(home: Path) -> Path:
    return home / ".local" / "state" / "Attache" / "log" / "attache.log"


BUGGY = """
import threading
from app.logs import install_bug_hook, setup_logging
print(setup_logging())
install_bug_hook(lambda sentence: print("REPORTED", sentence, flush=True))
def worker():
    {}["missing key"]
t = threading.Thread(target=worker); t.start(); t.join()
def open_library():
    raise ValueError("the index holds 3 articles the database lacks")
open_library()
"""


def test_a_bug_in_any_thread_is_logged_with_its_traceback(tmp_path: Path) -> None:
    proc = run_python(BUGGY, tmp_path)
    assert proc.returncode == 1
    assert proc.stdout.splitlines()[0] == str(log_of(tmp_path))
    log = log_of(tmp_path).read_text(encoding="utf-8")
    # One sentence each, naming the kind, the message and the place...
    assert re.search(r"ERROR attache: Attaché hit a bug in <string>:\d+ \(worker\): KeyError", log)
    assert "hit a bug in <string>:10 (open_library): ValueError: the index holds 3" in log
    # ...then the traceback.
    assert log.count("Traceback (most recent call last)") == 2
    reported = [line for line in proc.stdout.splitlines() if line.startswith("REPORTED")]
    assert len(reported) == 2 and "open_library" in reported[1]


def test_a_log_folder_that_cannot_be_made_leaves_the_log_on_stderr(tmp_path: Path) -> None:
    (tmp_path / ".local").mkdir()
    (tmp_path / ".local" / "state").write_text("a file where the folder should be")
    proc = run_python(
        "import logging\nfrom app.logs import setup_logging\nprint(setup_logging())\n"
        "logging.getLogger('attache').info('still logged')",
        tmp_path,
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "None"
    assert f"cannot write the log file {log_of(tmp_path)}" in proc.stderr
    assert "still logged" in proc.stderr


def test_the_window_logs_its_start_and_closes_cleanly_on_sigterm(tmp_path: Path) -> None:
    """`attache` with no command (what the desktop entry runs), offscreen."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("ATTACHE_", "XDG_"))}
    env |= {"HOME": str(tmp_path), "PYTHONPATH": str(REPO), "QT_QPA_PLATFORM": "offscreen"}
    library = tmp_path / "lib"
    proc = subprocess.Popen(
        [sys.executable, "-m", "app", "--library", str(library)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        deadline = time.monotonic() + 120
        log = ""
        while "views loaded" not in log:
            assert proc.poll() is None, proc.communicate()
            assert time.monotonic() < deadline, log
            time.sleep(0.2)
            path = log_of(tmp_path)
            log = path.read_text(encoding="utf-8") if path.exists() else ""
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(timeout=60) == 0
    finally:
        if proc.poll() is None:
            proc.kill()
        proc.communicate()
    log = log_of(tmp_path).read_text(encoding="utf-8")
    for line in (
        f"starting on {library} (platform offscreen",
        "window painted (",
        f"library opened: {library} (0 articles)",
        "signal SIGTERM: closing the window",
        "window closed (exit code 0)",
    ):
        assert line in log, (line, log)
    assert re.search(r"views loaded: [1-9]\d* facts", log)  # the sample library's
    assert "Traceback" not in log

"""The frozen program, built as a user's installer is: the bundle runs its self-test from
an empty folder, the .deb unpacked into a scratch root runs it from the installed path,
``attache`` with no command (what a person and the desktop entry run) opens its window
offscreen and on a real X server (Xvfb, xcb), takes a second start's hand-over and
closes on SIGTERM, and everything stays within its size budget.

Marked ``packaging``: it runs PyInstaller (minutes), so it runs in CI (``CI`` set) or
with ``ATTACHE_PACKAGING_TESTS=1``; ``-m "not packaging"`` leaves it out anywhere.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tarfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from app import __version__
from app.ingest import SUPPORTED_SUFFIXES
from tests.packaging.conftest import REPO, load_script

pytestmark = [
    pytest.mark.packaging,
    pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Linux installers"),
]

build = load_script("build.py")


@pytest.fixture(scope="module")
def dist(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """``packaging/build.py all`` (the command behind ``make dist``) into a scratch dist."""
    if shutil.which("dpkg-deb") is None:
        pytest.skip("needs dpkg-deb (Debian)")
    base = tmp_path_factory.mktemp("build")
    proc = subprocess.run(
        [
            sys.executable,
            str(REPO / "packaging" / "build.py"),
            "all",
            "--dist",
            str(base / "dist"),
            "--work",
            str(base / "work"),
        ],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=1500,
    )
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-5000:]
    return base / "dist"


def run_self_test(program: Path, folder: Path) -> dict:
    """``program --self-test`` from ``folder`` with a HOME of its own and no settings."""
    home = folder / "home"
    home.mkdir()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("ATTACHE_", "PYTHON"))}
    env |= {"HOME": str(home), "QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin"}
    proc = subprocess.run(
        [str(program), "--self-test"],
        cwd=folder,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    summary = json.loads(proc.stdout)
    assert summary["ok"] and summary["frozen"] is True
    for suffix, result in summary["formats"].items():
        expected = "imported" if suffix in SUPPORTED_SUFFIXES else "unsupported"
        assert result["status"] == expected, (suffix, result)
    steps = {s["step"]: s for s in summary["steps"]}
    # Russian is read in the bundle too (pymorphy3's dictionaries, iuliia's schemes).
    assert steps["russian"]["ok"] and ["AM", "MN"] in steps["russian"]["visits"]
    # The PDF font comes from the bundle, not from this machine or the venv.
    assert "/resources/fonts/" in steps["export"]["font"]
    return summary


def test_bundle_passes_its_self_test_from_a_clean_folder(dist: Path, tmp_path: Path) -> None:
    program = dist / "attache" / "attache"
    assert os.access(program, os.X_OK)
    summary = run_self_test(program, tmp_path)
    assert summary["version"] == __version__
    assert ".venv" not in json.dumps(summary)


def test_deb_unpacked_into_a_scratch_root_passes_the_self_test(dist: Path, tmp_path: Path) -> None:
    debs = list(dist.glob("attache_*.deb"))
    assert len(debs) == 1
    root = tmp_path / "root"
    subprocess.run(["dpkg", "-x", str(debs[0]), str(root)], check=True)
    work = tmp_path / "work"
    work.mkdir()
    # Through the launcher on PATH (a relative symlink into /opt/attache).
    run_self_test(root / "usr" / "bin" / "attache", work)
    version = subprocess.run(
        [str(root / "opt/attache/attache"), "--version"], capture_output=True, text=True, check=True
    )
    assert version.stdout.strip() == f"attache {__version__}"
    assert (root / "usr/share/applications/attache.desktop").is_file()


def test_tarball_unpacks_to_a_working_program(dist: Path, tmp_path: Path) -> None:
    tarballs = list(dist.glob("attache-*-linux-*.tar.gz"))
    assert len(tarballs) == 1
    with tarfile.open(tarballs[0]) as tar:
        tar.extractall(tmp_path, filter="tar")
    version = subprocess.run(
        [str(tmp_path / "attache" / "attache"), "--version"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert version.stdout.strip() == f"attache {__version__}"


def test_bundle_and_deb_stay_within_budget(dist: Path) -> None:
    bundle_mb = build.disk_usage(dist / "attache") / 2**20
    deb_mb = next(dist.glob("attache_*.deb")).stat().st_size / 2**20
    assert bundle_mb <= build.BUNDLE_BUDGET_MB, f"bundle {bundle_mb:.1f} MB on disk"
    assert deb_mb <= build.DEB_BUDGET_MB, f".deb {deb_mb:.1f} MB"


# -- `attache` with no command: the window -----------------------------------------------
def window_env(home: Path, platform: str, display: str | None = None) -> dict[str, str]:
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("ATTACHE_", "PYTHON", "XDG_", "QT_", "DISPLAY", "WAYLAND"))
    }
    env |= {"HOME": str(home), "QT_QPA_PLATFORM": platform, "PATH": "/usr/bin:/bin"}
    if display:
        env["DISPLAY"] = display
    return env


def read_log(home: Path) -> str:
    log = home / ".local" / "state" / "Attache" / "log" / "attache.log"
    return log.read_text(encoding="utf-8") if log.exists() else ""


def wait_for(
    proc: subprocess.Popen[str], home: Path, pattern: str, timeout: float = 180
) -> re.Match[str]:
    """The first match of ``pattern`` in the program's log, while it runs."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        found = re.search(pattern, read_log(home))
        if found:
            return found
        if proc.poll() is not None:
            break
        time.sleep(0.2)
    _out, err = ("", "")
    if proc.poll() is not None:
        _out, err = proc.communicate()
    raise AssertionError(
        f"no {pattern!r} in the log (exit {proc.poll()}):\n{read_log(home)[-3000:]}\n{err[-3000:]}"
    )


def check_window_start(
    program: Path,
    folder: Path,
    platform: str,
    display: str | None,
    on_loaded: Callable[[], None] | None = None,
) -> str:
    """Start ``program`` with no command, as a person does, on the default library of a
    fresh HOME: the window paints, the sample library is imported into the views, a
    second start hands over to it and exits 0, SIGTERM closes it with exit code 0.
    Returns the log."""
    home = folder / "home"
    home.mkdir()
    env = window_env(home, platform, display)
    proc = subprocess.Popen(
        [str(program)],
        cwd=folder,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        painted = wait_for(proc, home, r"window painted \((\d+) x (\d+)\)")
        assert int(painted.group(1)) >= 600 and int(painted.group(2)) >= 400
        wait_for(proc, home, r"library opened: .*Attache/library")
        facts = wait_for(proc, home, r"views loaded: ([1-9]\d*) facts")
        assert int(facts.group(1)) > 20  # the sample library's facts
        if on_loaded is not None:
            on_loaded()
        second = subprocess.run(
            [str(program)], cwd=folder, env=env, capture_output=True, text=True, timeout=120
        )
        assert second.returncode == 0, second.stderr[-3000:]
        wait_for(proc, home, r"a second start handed over: show")
        assert proc.poll() is None, "the first window must stay open"
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(timeout=60) == 0
        log = read_log(home)
        assert "window closed (exit code 0)" in log
        assert "Traceback" not in log and "bug" not in log, log[-3000:]
        return log
    finally:
        if proc.poll() is None:
            proc.kill()
        proc.communicate()


def test_bundle_opens_its_window_offscreen(dist: Path, tmp_path: Path) -> None:
    log = check_window_start(dist / "attache" / "attache", tmp_path, "offscreen", None)
    assert "platform offscreen" in log


@pytest.fixture
def xvfb(tmp_path: Path) -> Iterator[str]:
    """A real X server (Xvfb) on a free display; its DISPLAY."""
    if shutil.which("Xvfb") is None:
        pytest.skip("needs Xvfb (apt-get install xvfb; dev.sh installs it)")
    for number in range(90, 140):
        if (
            not Path(f"/tmp/.X11-unix/X{number}").exists()
            and not Path(f"/tmp/.X{number}-lock").exists()
        ):
            break
    display = f":{number}"
    server = subprocess.Popen(
        ["Xvfb", display, "-screen", "0", "1600x1000x24", "-nolisten", "tcp"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 20
    while not Path(f"/tmp/.X11-unix/X{number}").exists():
        assert server.poll() is None and time.monotonic() < deadline, "Xvfb did not start"
        time.sleep(0.1)
    try:
        yield display
    finally:
        server.terminate()
        server.wait(timeout=20)


def test_deb_opens_its_window_on_a_real_x_server(dist: Path, tmp_path: Path, xvfb: str) -> None:
    """The installed layout (the .deb's files, the launcher on PATH) on X11, as the
    desktop entry starts it; the window is mapped on the X server at its size."""
    debs = list(dist.glob("attache_*.deb"))
    root = tmp_path / "root"
    subprocess.run(["dpkg", "-x", str(debs[0]), str(root)], check=True)
    work = tmp_path / "work"
    work.mkdir()
    program = root / "usr" / "bin" / "attache"
    seen: list[str] = []

    def look_at_the_screen() -> None:
        tree = subprocess.run(
            ["xwininfo", "-root", "-tree"],
            env={"DISPLAY": xvfb, "PATH": "/usr/bin:/bin", "LC_ALL": "C.UTF-8"},
            capture_output=True,
            text=True,
        )
        seen.append(tree.stdout)

    has_xwininfo = shutil.which("xwininfo") is not None
    log = check_window_start(
        program, work, "xcb", xvfb, look_at_the_screen if has_xwininfo else None
    )
    assert "platform xcb" in log
    if has_xwininfo:  # the window, mapped at its size: "title": ("attache" "Attaché")  WxH+X+Y
        mapped = re.search(
            r'"Attaché — [^"]*Attache/library": \("attache" "Attaché"\)\s+(\d+)x(\d+)', seen[0]
        )
        assert mapped and int(mapped.group(1)) >= 600 and int(mapped.group(2)) >= 400, seen[0]

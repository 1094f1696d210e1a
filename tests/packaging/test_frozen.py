"""The frozen program, built as a user's installer is: the bundle runs its self-test from
an empty folder, the .deb unpacked into a scratch root runs it from the installed path,
and both stay within their size budgets.

Marked ``packaging``: it runs PyInstaller (minutes), so it runs in CI (``CI`` set) or
with ``ATTACHE_PACKAGING_TESTS=1``; ``-m "not packaging"`` leaves it out anywhere.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tarfile
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

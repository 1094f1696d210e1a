"""Leave out of the bundle what Attaché never uses at run time (used by build.spec).

PyInstaller collects every plugin of the Qt modules the program imports (QtCore, QtGui,
QtWidgets) and the libraries those plugins link, and whole data folders of packages.
Attaché needs the desktop platforms (xcb, Wayland, Windows, Cocoa), the headless
``offscreen`` one (the self-test), input methods, platform themes, image formats and
icon engines. Dropped:

* OpenSSL (nothing links it once Qt's TLS plugins are gone);
* Qt: embedded-display platforms (eglfs, linuxfb, vnc), networking plugins, the GTK 3
  theme plugin (it alone pulls in GTK, Pango, Cairo and gdk-pixbuf), QML, and all Qt
  translations (the app is in English); with the libraries only those files linked;
* pycountry's translations of country names (``locales``, 22 MB) and tests; Babel's
  per-locale data (32 MB) except English (courlan imports Babel for a language filter
  Attaché does not use).
"""

from __future__ import annotations

import os
import re
import subprocess

# Plugin folders (below .../plugins/) that are dropped whole.
DROP_PLUGIN_DIRS = {
    "egldeviceintegrations",
    "generic",
    "networkinformation",
    "tls",
    "sqldrivers",
    "qmltooling",
    "multimedia",
    "position",
    "sceneparsers",
    "renderers",
    "canbus",
    "designer",
    "texttospeech",
    "webview",
}
# Platform plugins dropped (file name stems); xcb, wayland, offscreen, minimal, windows,
# cocoa stay.
DROP_PLATFORMS = re.compile(r"(qeglfs|qlinuxfb|qvnc|qvkkhrdisplay|qminimalegl|qdirect2d)")
DROP_THEMES = re.compile(r"qgtk3")
# Qt libraries dropped: Quick/QML, PDF, EGL full-screen integration, Designer...
DROP_LIBS = re.compile(
    r"Qt6?(Qml|Quick|Pdf|EglFS|EglFs|Designer|Help|Lottie|Labs|Test|UiTools|"
    r"Sql|Concurrent|WebEngine|WebChannel|Positioning|3D|Charts|Multimedia|VirtualKeyboard|"
    r"WaylandCompositor|WaylandEgl|WlShell)"
)
# OpenSSL, which PyInstaller's QtNetwork hook adds for Qt's TLS backend (the "tls"
# plugins, dropped above): the single-window hand-over's local socket has no TLS, and
# nothing else in the bundle links it (5.4 MB).
DROP_OPENSSL = re.compile(
    r"^lib(ssl|crypto)(-[0-9a-f]+)?\.so(\.[0-9.]+)?$|^lib(ssl|crypto)-[0-9_]+(-x64)?\.dll$"
)
# Libraries left to the system: the CUPS print plugin (printsupport) loads the system's
# libcups (the .deb depends on libcups2); bundled, it brought GnuTLS, Nettle, GMP, p11-kit,
# libidn2, libunistring and Avahi with it (7.5 MB). Without a system libcups the plugin
# does not load and Qt prints to PDF files only.
DROP_SYSTEM = re.compile(r"^libcups\.so(\.[0-9.]+)?$")
# Package data dropped (paths inside the bundle, "/" separated).
DROP_DATA = re.compile(
    r"^(pycountry/locales/|pycountry/tests/|"
    r"babel/locale-data/(?!(root|en|en_US|en_GB)\.dat$))"
)


def _dropped(dest: str) -> bool:
    path = dest.replace("\\", "/")
    if DROP_DATA.search(path):
        return True
    if "/translations/" in path or path.endswith(".qm"):
        return True
    if "/qml/" in path or path.startswith("qml/"):
        return True
    parts = path.split("/")
    if "plugins" in parts[:-1]:
        kind = parts[parts.index("plugins") + 1]
        if kind in DROP_PLUGIN_DIRS:
            return True
        if kind == "platforms" and DROP_PLATFORMS.search(parts[-1]):
            return True
        if kind == "platformthemes" and DROP_THEMES.search(parts[-1]):
            return True
    return bool(
        DROP_LIBS.search(parts[-1])
        or DROP_OPENSSL.search(parts[-1])
        or DROP_SYSTEM.search(parts[-1])
    )


def _needed(sources: list[str]) -> set[str]:
    """File names of the libraries the given binaries link (with their own links)."""
    from PyInstaller.depend.bindepend import get_imports

    seen: set[str] = set()
    todo = list(sources)
    while todo:
        path = todo.pop()
        try:
            imports = get_imports(path)
        except Exception:  # not a binary PyInstaller can read
            continue
        for name, full in imports:
            base = os.path.basename(name)
            if base not in seen:
                seen.add(base)
                if full:
                    todo.append(full)
    return seen


def prune(binaries: list, datas: list) -> tuple[list, list]:
    """The analysis' (binaries, datas) TOCs without the dropped files, and without the
    libraries that only dropped files linked (e.g. GTK for the GTK theme plugin)."""
    kept = [entry for entry in binaries if not _dropped(entry[0])]
    dropped = [entry for entry in binaries if _dropped(entry[0])]
    candidates = _needed([e[1] for e in dropped])
    roots = [e[1] for e in kept if os.path.basename(e[0]) not in candidates]
    only_dropped = candidates - _needed(roots)
    kept = [e for e in kept if os.path.basename(e[0]) not in only_dropped]
    system_only = _only_through_system(binaries)
    kept = [e for e in kept if os.path.basename(e[0]) not in system_only]
    return kept, [entry for entry in datas if not _dropped(entry[0])]


def _direct_needed(path: str) -> list[str]:
    """The libraries a binary links itself (its ELF NEEDED entries; ``objdump -p``, from
    binutils, which PyInstaller needs on Linux anyway). PyInstaller's ``get_imports``
    gives the whole closure, which cannot tell what only a left-out library needs."""
    try:
        out = subprocess.run(["objdump", "-p", path], capture_output=True, text=True).stdout
    except OSError:
        return []
    return re.findall(r"^\s*NEEDED\s+(\S+)", out, re.MULTILINE)


def _only_through_system(binaries: list) -> set[str]:
    """The bundled libraries that only ``DROP_SYSTEM`` libraries link (libcups' GnuTLS,
    Nettle, ...): left out with them."""
    by_name = {os.path.basename(e[0]): e[1] for e in binaries}

    def closure(roots: list[str]) -> set[str]:
        seen: set[str] = set()
        todo = list(roots)
        while todo:
            for base in _direct_needed(todo.pop()):
                if base not in seen and not DROP_SYSTEM.search(base):
                    seen.add(base)
                    if base in by_name:
                        todo.append(by_name[base])
        return seen

    system = [src for name, src in by_name.items() if DROP_SYSTEM.search(name)]
    if not system:
        return set()
    through = closure(system)
    others = [src for name, src in by_name.items() if name not in through and src not in system]
    return through - closure(others)

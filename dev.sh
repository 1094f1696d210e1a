#!/usr/bin/env bash
# Set up Attaché in .venv and run it or its tests. Idempotent: safe to run again.
#   bash dev.sh run    set up, then start the app (first start imports the sample library)
#   bash dev.sh test   set up, then run ruff (lint and format), mypy and the whole test suite headless
#   bash dev.sh setup  set up only
set -euo pipefail
cd "$(dirname "$0")"

# System libraries Qt needs even offscreen (Debian/Ubuntu package names), plus the
# xcb ones a desktop session needs to show a window.
QT_LIBS=(libegl1 libgl1 libxkbcommon0 libfontconfig1 libfreetype6 libdbus-1-3 libglib2.0-0)
QT_DESKTOP_LIBS=(libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0 libxcb-xinerama0 libxcb-randr0 libxcb-render-util0 libxcb-image0)
TOOLS=(fonts-dejavu-core poppler-utils)
# The frozen build (make dist, tests/packaging): strip/objdump for PyInstaller, dpkg-deb, make,
# and the xcb libraries the bundle must carry for the X11 platform plugin.
TOOLS+=(binutils dpkg make libxcb-icccm4 libxcb-keysyms1)
# The frozen program's window on a real X server (tests/packaging/test_frozen.py): Xvfb,
# xwininfo (x11-utils) and every xcb library the X11 platform plugin links.
TOOLS+=(xvfb x11-utils "${QT_DESKTOP_LIBS[@]}")

need_python() {
  local py
  for py in python3 python3.13 python3.12 python3.11; do
    if command -v "$py" >/dev/null 2>&1 && "$py" -c "import sys; sys.exit(sys.version_info < (3, 11))" 2>/dev/null; then
      PYTHON=$py; return 0
    fi
  done
  echo "dev.sh: Python 3.11 or newer is required (install python3 and python3-venv)." >&2
  exit 1
}

ensure_system_packages() {
  command -v dpkg >/dev/null 2>&1 || return 0   # not Debian/Ubuntu: nothing we can check
  local missing=() p
  for p in "$@"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
  "$PYTHON" -c 'import ensurepip' >/dev/null 2>&1 || missing+=("python3-venv")
  [ ${#missing[@]} -eq 0 ] && return 0
  local sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then sudo="sudo"; else
      echo "dev.sh: missing system packages: ${missing[*]}" >&2
      echo "        install them with: apt-get install ${missing[*]}" >&2
      exit 1
    fi
  fi
  echo "dev.sh: installing system packages: ${missing[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
}

setup() {
  need_python
  ensure_system_packages "${QT_LIBS[@]}" "${TOOLS[@]}" "$@"
  if [ ! -x .venv/bin/python ]; then
    "$PYTHON" -m venv .venv
  fi
  local stamp=.venv/.attache-installed
  if [ ! -f "$stamp" ] || [ pyproject.toml -nt "$stamp" ]; then
    .venv/bin/python -m pip install -q --upgrade pip
    .venv/bin/python -m pip install -q -e ".[dev]"
    touch "$stamp"
  fi
}

case "${1:-}" in
  run)
    if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then setup "${QT_DESKTOP_LIBS[@]}"; else setup; fi
    shift; exec .venv/bin/attache "$@" ;;
  test)
    setup; shift
    export QT_QPA_PLATFORM=offscreen
    .venv/bin/ruff check .
    .venv/bin/ruff format --check .  # the code as ruff formats it (ruff format . fixes it)
    .venv/bin/python -m mypy  # the folders and checks are pyproject.toml's [tool.mypy]
    exec .venv/bin/python -m pytest "$@" ;;
  setup)
    setup ;;
  *)
    echo "usage: bash dev.sh run|test|setup [args...]" >&2; exit 2 ;;
esac

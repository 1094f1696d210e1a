#!/usr/bin/env bash
# Build Attaché.app and a .dmg on macOS (CI runs this on a macOS runner; it cannot run on
# Linux). Needs the venv with the dev extras (pip install -e ".[dev]").
#   bash packaging/macos/build_macos.sh      ->  dist/Attaché.app, dist/attache-VERSION-macos-ARCH.dmg
set -euo pipefail
cd "$(dirname "$0")/../.."
PYTHON=${PYTHON:-.venv/bin/python}
VERSION=$(sed -n 's/^__version__ = "\(.*\)"/\1/p' app/__init__.py)
ARCH=$(uname -m)

# The icon: an .iconset from the committed PNGs, then iconutil.
ICONSET=build/attache.iconset
rm -rf "$ICONSET" && mkdir -p "$ICONSET"
for size in 16 32 128 256 512; do
  cp "resources/icons/attache-$size.png" "$ICONSET/icon_${size}x${size}.png"
done
for size in 16 128 256; do
  cp "resources/icons/attache-$((size * 2)).png" "$ICONSET/icon_${size}x${size}@2x.png"
done
cp resources/icons/attache-64.png "$ICONSET/icon_32x32@2x.png"
iconutil -c icns "$ICONSET" -o build/attache.icns
export ATTACHE_MACOS_ICON="$PWD/build/attache.icns"

# The bundle (dist/attache/ and dist/Attaché.app), self-tested by build.py.
"$PYTHON" packaging/build.py bundle
APP="dist/Attaché.app"
QT_QPA_PLATFORM=offscreen "$APP/Contents/MacOS/attache" --self-test > build/selftest-app.json

# The disk image: the app and a link to /Applications.
STAGE=build/dmg
rm -rf "$STAGE" && mkdir -p "$STAGE"
cp -R "$APP" "$STAGE/"
ln -s /Applications "$STAGE/Applications"
DMG="dist/attache-$VERSION-macos-$ARCH.dmg"
rm -f "$DMG"
hdiutil create -volname "Attaché $VERSION" -srcfolder "$STAGE" -ov -format UDZO "$DMG"
echo "built $DMG"

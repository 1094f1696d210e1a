"""Find and register a TrueType font that prints Latin, Turkish, Cyrillic (Kazakh) and Greek.

Search order:
1. ``resources/fonts/`` next to the app (the packaged build copies fonts there);
2. the PyPI package ``fontpkg-noto-sans`` (Noto Sans, a variable font);
3. fonts of the operating system (DejaVu Sans, Noto Sans, Arial, Segoe UI...).

A candidate is used only if it has glyphs for every character of ``REQUIRED_CHARS``.

``python -m app.export.fonts DEST`` copies the packaged font into DEST for a build;
with ``fonttools`` installed it also writes static Regular and Bold instances there
(real bold headings; without them bold text is drawn in the regular weight).
"""

from __future__ import annotations

import shutil
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.rl_codecs import RL_Codecs
from reportlab.pdfbase.ttfonts import TTFError, TTFont

from app.export.common import ExportError

# Turkish, Kazakh Cyrillic, Russian and Greek letters. Symbols such as → and ≈ that a
# font lacks are drawn with the PDF standard font Symbol instead (see ``markup``).
REQUIRED_CHARS = "AzğşıİĞŞÇçÖöÜüқәөұүһіңғЖжΑλωΣ"
SYMBOL_FONT = "Symbol"

FONT_NAME = "AttacheSans"
BOLD_FONT_NAME = "AttacheSans-Bold"

# (regular, bold or None) file names tried in each folder, best first.
CANDIDATE_FILES: tuple[tuple[str, str | None], ...] = (
    ("NotoSans-Regular.ttf", "NotoSans-Bold.ttf"),
    ("NotoSans[wdth,wght].ttf", None),
    ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf"),
    ("DejaVuSansCondensed.ttf", "DejaVuSansCondensed-Bold.ttf"),
    ("FreeSans.ttf", "FreeSansBold.ttf"),
    ("segoeui.ttf", "segoeuib.ttf"),
    ("arial.ttf", "arialbd.ttf"),
    ("Arial.ttf", "Arial Bold.ttf"),
    ("Arial Unicode.ttf", None),
)

SYSTEM_FONT_DIRS: tuple[str, ...] = (
    "/usr/share/fonts/truetype/noto",
    "/usr/share/fonts/noto",
    "/usr/share/fonts/google-noto",
    "/usr/share/fonts/truetype/dejavu",
    "/usr/share/fonts/dejavu",
    "/usr/share/fonts/dejavu-sans-fonts",
    "/usr/share/fonts/TTF",
    "/usr/share/fonts/truetype/freefont",
    "/usr/local/share/fonts",
    "/Library/Fonts",
    "/System/Library/Fonts/Supplemental",
    "C:\\Windows\\Fonts",
)


@dataclass(frozen=True)
class FontFiles:
    regular: Path
    bold: Path | None = None


def app_font_dirs() -> list[Path]:
    """``resources/fonts`` beside a frozen bundle, and in the source checkout."""
    dirs = []
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        dirs.append(Path(frozen_root) / "resources" / "fonts")
    dirs.append(Path(__file__).resolve().parents[2] / "resources" / "fonts")
    return dirs


def package_font_dirs() -> list[Path]:
    """The font folder of the ``fontpkg-noto-sans`` package, if it is installed."""
    try:
        import fontpkg_noto_sans
    except ImportError:
        return []
    return [Path(fontpkg_noto_sans.__file__).resolve().parent / "files"]


def _covers(path: Path, chars: str) -> bool:
    try:
        face = TTFont("_probe", str(path)).face
    except (TTFError, OSError, ValueError):
        return False
    cmap = face.charToGlyph
    return all(ord(c) in cmap for c in chars if not c.isspace())


def find_font(
    dirs: Iterable[Path] | None = None,
    required_chars: str = REQUIRED_CHARS,
) -> FontFiles:
    """The first usable font; ``dirs`` replaces the default search path (app, package, system).

    Raises ExportError when none is found.
    """
    if dirs is None:
        dirs = [*app_font_dirs(), *package_font_dirs(), *map(Path, SYSTEM_FONT_DIRS)]
    searched = []
    for folder in dirs:
        folder = Path(folder)
        searched.append(str(folder))
        if not folder.is_dir():
            continue
        for regular_name, bold_name in CANDIDATE_FILES:
            regular = folder / regular_name
            if not regular.is_file() or not _covers(regular, required_chars):
                continue
            bold = folder / bold_name if bold_name else None
            if bold is not None and not (bold.is_file() and _covers(bold, required_chars)):
                bold = None
            return FontFiles(regular, bold)
    raise ExportError(
        "no font with Turkish, Cyrillic and Greek letters was found for the PDF export "
        "(install the Python package fontpkg-noto-sans, or put NotoSans-Regular.ttf or "
        "DejaVuSans.ttf into resources/fonts); searched: " + ", ".join(searched)
    )


_registered: FontFiles | None = None


def register_fonts() -> tuple[str, str]:
    """Register the font with reportlab once; returns (regular name, bold name)."""
    global _registered
    if _registered is None:
        files = find_font()
        regular = TTFont(FONT_NAME, str(files.regular))
        bold = TTFont(BOLD_FONT_NAME, str(files.bold)) if files.bold else None
        if bold is None or bold.face.name == regular.face.name:
            # Same PostScript name: a PDF would merge the two; use the regular font.
            files = FontFiles(files.regular, None)
            bold = TTFont(BOLD_FONT_NAME, str(files.regular))
        pdfmetrics.registerFont(regular)
        pdfmetrics.registerFont(bold)
        addMapping(FONT_NAME, 0, 0, FONT_NAME)
        addMapping(FONT_NAME, 0, 1, FONT_NAME)
        addMapping(FONT_NAME, 1, 0, BOLD_FONT_NAME)
        addMapping(FONT_NAME, 1, 1, BOLD_FONT_NAME)
        _registered = files
    return FONT_NAME, BOLD_FONT_NAME


def has_real_bold() -> bool:
    """Whether a bold font file was found (else bold text uses the regular font)."""
    register_fonts()
    return _registered is not None and _registered.bold is not None


def _in_symbol_font(ch: str) -> bool:
    RL_Codecs.register()
    try:
        ch.encode("symbol")
    except (UnicodeError, LookupError):
        return False
    return True


def markup(value: str) -> str:
    """User text as reportlab Paragraph markup: XML-escaped, so tags and entities stay
    literal text, with characters the main font lacks set in the Symbol font."""
    register_fonts()
    cmap = pdfmetrics.getFont(FONT_NAME).face.charToGlyph
    out: list[str] = []
    run: list[str] = []
    run_is_symbol = False
    for ch in value:
        if ch.isspace() and run:  # spaces stay with the run before them
            run.append(ch)
            continue
        is_symbol = ord(ch) not in cmap and _in_symbol_font(ch)
        if run and is_symbol != run_is_symbol:
            out.append(_run_markup("".join(run), run_is_symbol))
            run = []
        run.append(ch)
        run_is_symbol = is_symbol
    if run:
        out.append(_run_markup("".join(run), run_is_symbol))
    return "".join(out)


def _run_markup(run: str, symbol: bool) -> str:
    escaped = escape(run)
    return f'<font name="{SYMBOL_FONT}">{escaped}</font>' if symbol else escaped


def plain_text(value: str) -> str:
    """Text for a graphics String (no markup): characters the font lacks become ASCII."""
    register_fonts()
    cmap = pdfmetrics.getFont(FONT_NAME).face.charToGlyph
    ascii_for = {"→": "->", "≈": "~", "–": "-", "—": "-", "·": "-", "“": '"', "”": '"'}
    return "".join(
        ch if ord(ch) in cmap or ch.isspace() else ascii_for.get(ch, "?") for ch in value
    )


def install_fonts(dest: Path) -> list[Path]:
    """Copy the packaged font into ``dest`` (for a build); add static instances if possible."""
    dest.mkdir(parents=True, exist_ok=True)
    dirs = package_font_dirs()
    source = next((d / "NotoSans[wdth,wght].ttf" for d in dirs if d.is_dir()), None)
    if source is None or not source.is_file():
        files = find_font()
        written = [Path(shutil.copy2(files.regular, dest))]
        if files.bold:
            written.append(Path(shutil.copy2(files.bold, dest)))
        return written
    written = [Path(shutil.copy2(source, dest))]
    license_file = source.parent.parent / "LICENSE"
    if license_file.is_file():
        written.append(Path(shutil.copy2(license_file, dest / "NotoSans-LICENSE.txt")))
    try:
        from fontTools.ttLib import TTFont as FTFont
        from fontTools.varLib import instancer
    except ImportError:
        return written
    for weight, style in ((400, "Regular"), (700, "Bold")):
        font = instancer.instantiateVariableFont(FTFont(str(source)), {"wght": weight, "wdth": 100})
        # Distinct names: PDF writers tell fonts apart by their PostScript name.
        names = font["name"]
        names.setName(style, 2, 3, 1, 0x409)
        names.setName(f"Noto Sans {style}", 4, 3, 1, 0x409)
        names.setName(f"NotoSans-{style}", 6, 3, 1, 0x409)
        names.removeNames(nameID=25)  # the variations PostScript name prefix
        target = dest / f"NotoSans-{style}.ttf"
        font.save(str(target))
        written.append(target)
    return written


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else app_font_dirs()[-1]
    for p in install_fonts(target):
        print(p)

"""Word (.docx) articles: paragraphs in order; title, author and address (the
``identifier``, when it is one) from the core properties.

A DOCX is a zip archive; its declared uncompressed size is checked before anything
is unpacked, so a "zip bomb" is refused instead of filling the memory.
"""

from __future__ import annotations

import io
import zipfile

from app.formats import Extracted, FormatError, clean_field, web_address

MAX_UNPACKED = 50 * 1024 * 1024


def read_docx(data: bytes) -> Extracted:
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            unpacked = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise FormatError("the DOCX file is damaged or not a DOCX") from exc
    if unpacked > MAX_UNPACKED:
        raise FormatError(f"the DOCX unpacks to {unpacked // (1024 * 1024)} MB (too large)")
    try:
        document = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, KeyError, ValueError, zipfile.BadZipFile) as exc:
        raise FormatError("the DOCX file is damaged or not a DOCX") from exc
    except Exception as exc:  # lxml or python-docx on a malformed part
        raise FormatError(f"the DOCX file cannot be read ({type(exc).__name__})") from exc
    paragraphs = [p.text.strip() for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            cells = [c.text.strip() for c in row.cells if c.text.strip()]
            if cells:
                paragraphs.append(" | ".join(cells))
    text = "\n\n".join(p for p in paragraphs if p)
    if not text:
        raise FormatError("the DOCX has no text")
    # The core properties' dates say when the file was made, not when the article
    # appeared, so no date is taken from them.
    core = document.core_properties
    return Extracted(
        text=text,
        title=clean_field(core.title),
        author=clean_field(core.author),
        url=web_address(core.identifier),  # Dublin Core's identifier: an address, if any
    )

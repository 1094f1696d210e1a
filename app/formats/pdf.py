"""PDF articles: the text layer, page by page (pypdf); title and author (and a
``/Publisher`` or ``/URL`` entry, where a tool wrote one) from the document information.

An encrypted PDF, a damaged one and one without a text layer (a scan) are refused
with a reason. Pages beyond ``MAX_PAGES`` are not read, so a huge file cannot hold
the import for long.
"""

from __future__ import annotations

import io
import logging

from app.formats import Extracted, FormatError, clean_field, web_address

MAX_PAGES = 500


def read_pdf(data: bytes) -> Extracted:
    from pypdf import PdfReader
    from pypdf.errors import DependencyError, FileNotDecryptedError, PdfReadError

    # pypdf logs warnings about damaged files; the reason goes into the report instead.
    logging.getLogger("pypdf").setLevel(logging.ERROR)
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted:
            try:
                # Many PDFs are "encrypted" with an empty password (copy protection only).
                if not reader.decrypt(""):
                    raise FormatError("the PDF is encrypted (protected by a password)")
            except (FileNotDecryptedError, DependencyError, NotImplementedError) as exc:
                raise FormatError("the PDF is encrypted (protected by a password)") from exc
        pages = []
        for page in reader.pages[:MAX_PAGES]:
            pages.append(page.extract_text() or "")
        title = author = outlet = url = None
        info = reader.metadata
        if info is not None:
            title = clean_field(info.title)
            author = clean_field(info.author)
            # Not standard keys, but ones some publishers and tools write.
            outlet = clean_field(info.get("/Publisher"))
            url = web_address(info.get("/URL") or info.get("/URI"))
    except FormatError:
        raise
    except (FileNotDecryptedError, DependencyError) as exc:
        raise FormatError("the PDF is encrypted (protected by a password)") from exc
    except (PdfReadError, ValueError, KeyError, TypeError, AttributeError, OSError) as exc:
        raise FormatError(f"the PDF is damaged or not a PDF ({exc})") from exc
    except RecursionError as exc:
        raise FormatError("the PDF is damaged (its structure loops)") from exc
    text = "\n\n".join(p.strip() for p in pages if p.strip())
    if not text:
        raise FormatError("the PDF has no text layer (a scanned image?)")
    return Extracted(text=text, title=title, author=author, outlet=outlet, url=url)

"""Files the reliability tests make themselves: good articles in every format, and
a folder of hostile and odd files, each with the outcome a user should see."""

from __future__ import annotations

import io
import os
import random
import textwrap
import zipfile
from dataclasses import dataclass
from pathlib import Path

ARTICLE = (
    "The foreign ministers of Italy and Portugal met in Lisbon on 3 March 2021 and signed "
    "a memorandum of understanding on cultural cooperation. Trade between the two "
    "countries reached 4.2 billion euros in 2020, the ministry said."
)

HTML = """<!DOCTYPE html>
<html><head><title>Ministers meet in Lisbon</title>
<meta name="date" content="2021-03-04">
<meta property="article:published_time" content="2021-03-04T09:00:00Z">
<script>fetch("http://127.0.0.1:9/steal"); document.write("SCRIPT-RAN");</script>
<link rel="stylesheet" href="http://127.0.0.1:9/style.css">
</head><body>
<nav>Home | World | Sport | Weather</nav>
<h1>Ministers meet in Lisbon</h1>
<iframe src="http://127.0.0.1:9/frame.html">FRAME-TEXT</iframe>
<img src="http://127.0.0.1:9/photo.jpg" onerror="alert(1)">
<article><p>{article}</p>
<p>Both sides agreed to open a joint cultural centre next year, officials said on Thursday.</p>
</article>
<footer>Copyright 2021. All rights reserved.</footer>
</body></html>
""".replace("{article}", ARTICLE)


def make_pdf(text: str | None, encrypt: bool = False) -> bytes:
    """A one-page PDF with ``text`` as its text layer (None: a drawing, no text)."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    page = canvas.Canvas(buffer, pagesize=A4)
    if text is None:
        page.rect(100, 500, 300, 200, fill=1)
    else:
        y = 800
        for line in textwrap.wrap(text, 90):
            page.drawString(40, y, line)
            y -= 14
    page.showPage()
    page.save()
    data = buffer.getvalue()
    if encrypt:
        from pypdf import PdfReader, PdfWriter

        writer = PdfWriter(clone_from=PdfReader(io.BytesIO(data)))
        writer.encrypt(user_password="secret", algorithm="RC4-128")
        out = io.BytesIO()
        writer.write(out)
        data = out.getvalue()
    return data


def make_docx(paragraphs: list[str], title: str | None = None) -> bytes:
    import docx

    document = docx.Document()
    if title:
        document.core_properties.title = title
    for text in paragraphs:
        document.add_paragraph(text)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


@dataclass(frozen=True)
class Hostile:
    """One file of the hostile folder and what the import must do with it."""

    name: str
    kind: str  # what kind of trouble, for the report
    outcome: str  # "imported", or a word the failure's reason must contain


def build_hostile_folder(folder: Path, big_mb: int = 50) -> list[Hostile]:
    """Fill ``folder`` with hostile and odd files; returns what each must give."""
    folder.mkdir(parents=True, exist_ok=True)
    cases: list[Hostile] = []

    def put(name: str, data: bytes, kind: str, outcome: str) -> Path:
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        cases.append(Hostile(name, kind, outcome))
        return path

    put("empty.txt", b"", "empty file", "empty")
    put("blank.md", b" \n\t\n", "blank file", "empty")
    put("binary.txt", bytes(range(256)) * 64, "binary file", "binary")
    noise = random.Random(8)
    put("random.txt", noise.randbytes(4096), "random bytes", "binary")
    with (folder / "big.txt").open("wb") as fh:  # sparse: 50 MB without the disk writes
        fh.truncate(big_mb * 1024 * 1024)
    cases.append(Hostile("big.txt", f"{big_mb} MB text file", "too large"))
    put("book.txt", b"The envoys met again. " * 60_000, "1.3 million characters", "too long")
    put(
        "invalid_utf8.txt",
        ARTICLE.encode() + b" \xff\xfe\xfa broken \xc3\x28 bytes " + ARTICLE.encode(),
        "invalid UTF-8",
        "imported",
    )
    turkish = (
        " date 2019-09-09 Türkiye'nin İzmir limanında ağır yük gemileri bekliyor. "
        "Çanakkale ve Şanlıurfa'dan gelen heyetler görüştü; ığdır, öğün, şüphe."
    )
    put("windows_1254.txt", turkish.encode("cp1254"), "Windows-1254 Turkish", "imported")
    put("utf16_bom.txt", turkish.encode("utf-16"), "UTF-16 with BOM", "imported")
    put(
        "utf8_bom.md",
        b"\xef\xbb\xbf# Notes\n\n" + ARTICLE.encode(),
        "UTF-8 BOM Markdown",
        "imported",
    )
    put("page.html", HTML.encode(), "HTML with scripts, iframes, remote images", "imported")
    put(
        "malformed.html",
        b"<html><body><p>" + ARTICLE.encode() + b"<div><span><table><tr><td>unclosed <b><i>"
        b"</p></html></body><<<>>> &bogus; <!-- never closed",
        "malformed HTML",
        "imported",
    )
    put(
        "script_only.html",
        b"<html><script>while(1){}</script></html>",
        "HTML without text",
        "no article text",
    )
    put("encrypted.pdf", make_pdf(ARTICLE, encrypt=True), "encrypted PDF", "encrypted")
    good_pdf = make_pdf(ARTICLE)
    put("corrupt.pdf", good_pdf[: len(good_pdf) // 3] + noise.randbytes(200), "corrupt PDF", "PDF")
    put("not_really.pdf", b"%PDF-1.7\n" + noise.randbytes(2000), "random bytes as PDF", "PDF")
    put("scan.pdf", make_pdf(None), "PDF with no text", "no text layer")
    put("article.pdf", good_pdf, "PDF with a text layer", "imported")
    put(
        "article.docx",
        make_docx([ARTICLE, "A second paragraph."], "Lisbon talks"),
        "DOCX",
        "imported",
    )
    put("broken.docx", b"PK\x03\x04" + noise.randbytes(500), "corrupt DOCX", "DOCX")
    bomb = io.BytesIO()
    with (
        zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as archive,
        archive.open("word/document.xml", "w") as member,
    ):
        for _ in range(300):
            member.write(bytes(1024 * 1024))
    put("bomb.docx", bomb.getvalue(), "zip bomb DOCX", "too large")
    put(
        "name with spaces.txt",
        ARTICLE.replace("Lisbon", "Porto").encode(),
        "name with spaces",
        "imported",
    )
    put(
        "Бишкек 北京 İzmir.txt",
        ARTICLE.replace("Lisbon", "Faro").encode(),
        "non-Latin name",
        "imported",
    )
    put(
        "sub folder/deeper/nested.md",
        ARTICLE.replace("Lisbon", "Braga").encode(),
        "nested folder",
        "imported",
    )
    os.symlink("loop_b.txt", folder / "loop_a.txt")
    os.symlink("loop_a.txt", folder / "loop_b.txt")
    cases.append(Hostile("loop_a.txt", "symbolic-link loop (file)", "symbolic links"))
    cases.append(Hostile("loop_b.txt", "symbolic-link loop (file)", "symbolic links"))
    os.symlink(".", folder / "sub folder" / "self")  # a folder loop: must not be walked into
    os.mkfifo(folder / "pipe.txt")
    cases.append(Hostile("pipe.txt", "named pipe (blocks a reader)", "not a regular file"))
    # Root reads a file of mode 000 all the same; anyone else is refused.
    root = os.geteuid() == 0
    locked = put(
        "unreadable.txt",
        ARTICLE.replace("Lisbon", "Coimbra").encode(),
        "unreadable file (mode 000)",
        "imported" if root else "permission denied",
    )
    locked.chmod(0)
    put(
        "vanishing.txt",
        ARTICLE.replace("Lisbon", "Evora").encode(),
        "vanishes during import",
        "no longer exists",
    )
    return cases

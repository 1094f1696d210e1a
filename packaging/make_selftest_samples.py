"""Write the self-test's sample articles (``resources/sample/selftest/``), one per format.

    .venv/bin/python packaging/make_selftest_samples.py

The texts are short news-style illustrations written for Attaché (not real reports);
each mentions a "memorandum", the word ``attache --self-test`` searches for. The files
are committed; run this again only to change them. The PDF is drawn with reportlab, the
DOCX is the minimal WordprocessingML package, written with zipfile.
"""

from __future__ import annotations

import html
import sys
import zipfile
from pathlib import Path

DEST = Path(__file__).resolve().parents[1] / "resources" / "sample" / "selftest"

ARTICLES = {
    "txt": (
        "2024-03-12",
        "Kazakhstan and Türkiye sign an energy memorandum in Astana",
        [
            "Kazakhstan and Türkiye signed a memorandum of understanding on cooperation in "
            "renewable energy in Astana on 12 March 2024.",
            "The memorandum was signed by the energy ministers of the two countries, who "
            "agreed to set up a joint working group on wind and solar power.",
        ],
    ),
    "html": (
        "2024-05-20",
        "Education memorandum between Türkiye and Kazakhstan",
        [
            "On 20 May 2024 the education ministers of Türkiye and Kazakhstan signed a "
            "memorandum on student exchanges in Ankara.",
            "Under the memorandum, universities of both countries will offer joint degree "
            "programmes from the next academic year.",
        ],
    ),
    "pdf": (
        "2024-09-03",
        "Transport memorandum on the Middle Corridor",
        [
            "Kazakhstan and Türkiye signed a memorandum on transport and logistics in "
            "Istanbul on 3 September 2024.",
            "The memorandum aims to double the container traffic on the Middle Corridor "
            "by 2027, the transport ministers said.",
        ],
    ),
    "docx": (
        "2024-11-18",
        "Health memorandum signed in Astana",
        [
            "The health ministers of Kazakhstan and Türkiye signed a memorandum of "
            "cooperation in medicine in Astana on 18 November 2024.",
            "The memorandum covers training for doctors and a joint hospital project.",
        ],
    ),
}


def write_txt(path: Path, date: str, title: str, paras: list[str]) -> None:
    path.write_text(f"date {date} " + "\n\n".join(paras) + "\n", encoding="utf-8")


def write_html(path: Path, date: str, title: str, paras: list[str]) -> None:
    body = "\n".join(f"    <p>{html.escape(p)}</p>" for p in paras)
    path.write_text(
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n  <meta charset="utf-8">\n'
        f"  <title>{html.escape(title)}</title>\n"
        f'  <meta name="date" content="{date}">\n</head>\n<body>\n  <article>\n'
        f'    <h1>{html.escape(title)}</h1>\n    <time datetime="{date}">{date}</time>\n'
        f"{body}\n  </article>\n</body>\n</html>\n",
        encoding="utf-8",
    )


def write_pdf(path: Path, date: str, title: str, paras: list[str]) -> None:
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    styles = getSampleStyleSheet()
    story = [Paragraph(html.escape(title), styles["Title"]), Paragraph(date, styles["Normal"])]
    story += [Paragraph(html.escape(p), styles["BodyText"]) for p in paras]
    doc = SimpleDocTemplate(str(path), pagesize=A4, title=title, invariant=True)
    doc.build(story)


_DOCX_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
    'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.wordprocessingml.document.main+xml"/>'
    '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-'
    'package.core-properties+xml"/></Types>'
)
_DOCX_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/officeDocument" Target="word/document.xml"/>'
    '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/'
    'relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>'
)


def write_docx(path: Path, date: str, title: str, paras: list[str]) -> None:
    def para(text: str, style: str | None = None) -> str:
        ppr = f'<w:pPr><w:pStyle w:val="{style}"/></w:pPr>' if style else ""
        return f'<w:p>{ppr}<w:r><w:t xml:space="preserve">{html.escape(text)}</w:t></w:r></w:p>'

    body = para(title, "Title") + "".join(para(p) for p in paras)
    document = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        f"<w:body>{body}</w:body></w:document>"
    )
    core = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/'
        'core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms='
        '"http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
        f"<dc:title>{html.escape(title)}</dc:title>"
        f'<dcterms:created xsi:type="dcterms:W3CDTF">{date}T09:00:00Z</dcterms:created>'
        "</cp:coreProperties>"
    )
    fixed = (2024, 1, 1, 0, 0, 0)  # the same bytes on every run
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in (
            ("[Content_Types].xml", _DOCX_TYPES),
            ("_rels/.rels", _DOCX_RELS),
            ("docProps/core.xml", core),
            ("word/document.xml", document),
        ):
            zf.writestr(zipfile.ZipInfo(name, fixed), data)


WRITERS = {"txt": write_txt, "html": write_html, "pdf": write_pdf, "docx": write_docx}


def main(dest: Path = DEST) -> None:
    dest.mkdir(parents=True, exist_ok=True)
    for suffix, (date, title, paras) in ARTICLES.items():
        path = dest / f"selftest.{suffix}"
        WRITERS[suffix](path, date, title, paras)
        print(path)


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else DEST)

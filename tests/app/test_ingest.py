"""Reading article files: date lines, titles, encodings and clear refusals."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.ingest import IngestError, make_title, read_document, split_date_line


def test_date_line_is_split_from_the_body() -> None:
    date, body = split_date_line(" date 2021-04-02 The ministers met in Rome.\n\nMore.")
    assert date == "2021-04-02"
    assert body.startswith("The ministers met in Rome.")


def test_text_without_date_line_keeps_its_first_words() -> None:
    date, body = split_date_line("Datelines are not dates. date 2021-04-02 inside.")
    assert date is None
    assert body.startswith("Datelines are not dates.")


def test_title_is_the_first_sentence_and_a_dateline_alone_is_not_enough() -> None:
    assert make_title("Leaders of both nations met in Rome. Then they left.") == (
        "Leaders of both nations met in Rome."
    )
    assert make_title("ROME. Leaders met in the capital on Monday. Then left.").startswith(
        "ROME. Leaders met in the capital on Monday."
    )
    long = "word " * 80
    title = make_title(long)
    assert len(title) <= 121 and title.endswith("…")


def test_seed_article_reads_with_date_and_title(seeds_dir: Path) -> None:
    doc = read_document(seeds_dir / "002_a37c1cf257e965da.txt")
    assert doc.date == "2025-07-29"
    assert doc.title.startswith("President Recep Tayyip Erdoğan hosted")
    assert not doc.text.startswith(" date")
    assert len(doc.sha256) == 64


def test_article_without_date_line_has_no_date(seeds_dir: Path) -> None:
    assert read_document(seeds_dir / "004_fa93dc6aeb8c9ce0.txt").date is None


def test_utf16_with_bom_is_detected(articles_dir: Path) -> None:
    doc = read_document(articles_dir / "utf16_with_bom.txt")
    assert doc.date == "2020-01-05"
    assert "İzmir" in doc.text and "Çanakkale" in doc.text


def test_windows_1254_turkish_is_detected(articles_dir: Path) -> None:
    doc = read_document(articles_dir / "windows_1254.txt")
    assert doc.date == "2019-09-09"
    assert "Türkiye" in doc.text and "İzmir" in doc.text and "ağır" in doc.text


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("empty.txt", b"", "empty"),
        ("blank.txt", b"  \n\n \t", "empty"),
        ("binary.txt", b"\x00\x01\x02\x03binary\x00" * 50, "binary"),
        ("only_date.txt", b" date 2020-01-01 ", "no text"),
        ("picture.png", b"\x89PNG\r\n", "unsupported"),
    ],
)
def test_bad_files_are_refused_with_a_reason(
    tmp_path: Path, name: str, content: bytes, reason: str
) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(IngestError, match=reason):
        read_document(path)


def test_missing_file_says_so(tmp_path: Path) -> None:
    with pytest.raises(IngestError, match="no longer exists"):
        read_document(tmp_path / "gone.txt")


# -- other formats -------------------------------------------------------------------
def _builders():  # the reliability tests' file makers (PDF, DOCX, HTML)
    from tests.reliability import builders

    return builders


def test_html_gives_main_text_title_and_metadata_date(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text(_builders().HTML, encoding="utf-8")
    doc = read_document(path)
    assert doc.format == "html"
    assert doc.title == "Ministers meet in Lisbon"
    assert doc.date == "2021-03-04"
    assert doc.text.startswith("The foreign ministers of Italy and Portugal met in Lisbon")
    assert "\n\nBoth sides agreed" in doc.text
    for boilerplate in ("SCRIPT-RAN", "fetch(", "FRAME-TEXT", "Copyright", "Weather"):
        assert boilerplate not in doc.text


def test_html_in_a_legacy_encoding_is_detected(tmp_path: Path) -> None:
    path = tmp_path / "eski.htm"
    body = "<p>Türkiye'nin İzmir limanında ağır yük gemileri bekliyor; Çanakkale heyeti geldi.</p>"
    path.write_bytes(f"<html><body>{body * 3}</body></html>".encode("cp1254"))
    doc = read_document(path)
    assert "İzmir" in doc.text and "ağır" in doc.text


def test_pdf_text_layer_and_refusals(tmp_path: Path) -> None:
    b = _builders()
    (tmp_path / "a.pdf").write_bytes(b.make_pdf(b.ARTICLE))
    doc = read_document(tmp_path / "a.pdf")
    assert doc.format == "pdf" and "memorandum of understanding" in doc.text
    for name, data, reason in [
        ("enc.pdf", b.make_pdf(b.ARTICLE, encrypt=True), "encrypted"),
        ("scan.pdf", b.make_pdf(None), "no text layer"),
        ("cut.pdf", b.make_pdf(b.ARTICLE)[:300], "damaged"),
    ]:
        (tmp_path / name).write_bytes(data)
        with pytest.raises(IngestError, match=reason):
            read_document(tmp_path / name)


def test_docx_paragraphs_and_title(tmp_path: Path) -> None:
    b = _builders()
    (tmp_path / "a.docx").write_bytes(b.make_docx([b.ARTICLE, "Second."], "Lisbon talks"))
    doc = read_document(tmp_path / "a.docx")
    assert (doc.format, doc.title) == ("docx", "Lisbon talks")
    assert doc.text.endswith("\n\nSecond.")
    (tmp_path / "bad.docx").write_bytes(b"PK\x03\x04 not a zip")
    with pytest.raises(IngestError, match="damaged or not a DOCX"):
        read_document(tmp_path / "bad.docx")


def test_pipes_and_too_large_files_are_refused_without_reading(tmp_path: Path) -> None:
    import os

    os.mkfifo(tmp_path / "pipe.txt")
    with pytest.raises(IngestError, match="not a regular file"):
        read_document(tmp_path / "pipe.txt")
    with (tmp_path / "huge.txt").open("wb") as fh:
        fh.truncate(21 * 1024 * 1024)
    with pytest.raises(IngestError, match="too large"):
        read_document(tmp_path / "huge.txt")


def test_a_book_length_text_is_refused_as_one_article(tmp_path: Path) -> None:
    path = tmp_path / "book.txt"
    path.write_text("The envoys met again. " * 60_000, encoding="utf-8")  # 1.3 million characters
    with pytest.raises(IngestError, match="too long for one article"):
        read_document(path)
    page = tmp_path / "huge.html"
    page.write_bytes(b"<p>x</p>" * (800 * 1024))  # 6.5 MB of HTML
    with pytest.raises(IngestError, match="too large"):
        read_document(page)

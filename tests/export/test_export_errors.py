"""Failures raise ExportError naming the path and leave a previous good file untouched."""

from __future__ import annotations

from pathlib import Path
from typing import IO

import pytest

from app.export import FORMATS, ExportError, ExportOptions, export_document
from app.export.common import atomic_write

GOOD = b"previous good export\n"


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


@pytest.mark.parametrize("fmt", FORMATS)
def test_empty_selection_is_an_error_and_keeps_the_old_file(
    tmp_path: Path, empty_doc: dict, fmt: str
) -> None:
    path = tmp_path / f"briefing.{fmt}"
    path.write_bytes(GOOD)
    with pytest.raises(ExportError) as err:
        export_document(empty_doc, path, fmt)
    assert "nothing to export: the selection is empty" in str(err.value)
    assert str(path) in str(err.value)
    assert path.read_bytes() == GOOD
    assert leftovers(tmp_path) == []


def test_document_without_fact_lists_is_empty(tmp_path: Path) -> None:
    with pytest.raises(ExportError, match="selection is empty"):
        export_document({"format": "bilateral-facts/1", "articles": []}, tmp_path / "x.csv", "csv")


def test_unknown_format(tmp_path: Path, seeds: dict) -> None:
    with pytest.raises(ExportError, match=r"x\.docx.*unknown format 'docx'"):
        export_document(seeds, tmp_path / "x.docx", "docx")
    assert list(tmp_path.iterdir()) == []


def test_md_is_an_alias_of_markdown(tmp_path: Path, seeds: dict) -> None:
    path = export_document(seeds, tmp_path / "x.md", "md")
    assert path.read_text(encoding="utf-8").startswith("# Attaché briefing")


@pytest.mark.parametrize("fmt", FORMATS)
def test_path_in_missing_folder(tmp_path: Path, seeds: dict, fmt: str) -> None:
    path = tmp_path / "no such folder" / f"out.{fmt}"
    with pytest.raises(ExportError) as err:
        export_document(seeds, path, fmt)
    assert str(path) in str(err.value)
    assert "does not exist" in str(err.value)
    assert not path.parent.exists()


def test_path_under_a_file(tmp_path: Path, seeds: dict) -> None:
    blocker = tmp_path / "report.pdf"
    blocker.write_bytes(GOOD)
    path = blocker / "out.csv"
    with pytest.raises(ExportError, match="is not a folder") as err:
        export_document(seeds, path, "csv")
    assert str(path) in str(err.value)
    assert blocker.read_bytes() == GOOD


def test_path_is_a_folder(tmp_path: Path, seeds: dict) -> None:
    folder = tmp_path / "out.json"
    folder.mkdir()
    with pytest.raises(ExportError, match="it is a folder") as err:
        export_document(seeds, folder, "json")
    assert str(folder) in str(err.value)
    assert folder.is_dir() and list(folder.iterdir()) == []


def test_failing_pdf_keeps_the_old_file(tmp_path: Path, seeds: dict) -> None:
    path = tmp_path / "briefing.pdf"
    path.write_bytes(GOOD)
    with pytest.raises(ExportError, match="unknown page size"):
        export_document(seeds, path, "pdf", ExportOptions(page_size="Tabloid"))
    assert path.read_bytes() == GOOD
    assert leftovers(tmp_path) == []


def test_write_failing_halfway_keeps_the_old_file(tmp_path: Path) -> None:
    path = tmp_path / "briefing.csv"
    path.write_bytes(GOOD)

    def half(fh: IO[bytes]) -> None:
        fh.write(b"type,title\nvisit,")
        raise RuntimeError("renderer crashed")

    with pytest.raises(RuntimeError, match="renderer crashed"):
        atomic_write(path, half)
    assert path.read_bytes() == GOOD
    assert leftovers(tmp_path) == []


def test_successful_export_replaces_the_old_file(tmp_path: Path, seeds: dict) -> None:
    path = tmp_path / "facts.json"
    path.write_bytes(GOOD)
    path.chmod(0o640)
    export_document(seeds, path, "json")
    assert path.read_bytes() != GOOD
    assert path.stat().st_mode & 0o777 == 0o640
    assert leftovers(tmp_path) == []


def test_string_path_is_accepted(tmp_path: Path, seeds: dict) -> None:
    out = export_document(seeds, str(tmp_path / "facts.csv"), "CSV")  # type: ignore[arg-type]
    assert out == tmp_path / "facts.csv" and out.is_file()

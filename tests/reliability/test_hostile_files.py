"""A folder of hostile and odd files: each is imported or named with a clear reason,
nothing crashes, hangs or touches the network, and the library's earlier content is
intact."""

from __future__ import annotations

import socket
import subprocess
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.library import Library
from tests.reliability.builders import HTML, build_hostile_folder

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[object]]:
    """Any attempt to open a connection or look a name up is recorded and refused."""
    attempts: list[object] = []

    def refuse(*args: object, **kwargs: object) -> None:
        attempts.append(args[1:] if len(args) > 1 else args)
        raise OSError("the network is off limits in this test")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    yield attempts


def test_every_hostile_file_is_imported_or_named_with_its_reason(
    tmp_path: Path, articles_dir: Path, no_network: list[object], capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "hostile"
    cases = build_hostile_folder(folder)
    with Library(tmp_path / "library") as library:
        library.import_paths([articles_dir])
        before_articles = [(a.id, a.text) for a in library.articles()]
        before_facts = {f.id: set(f.evidence) for f in library.facts()}

        def vanish(done: int, total: int, name: str) -> None:
            gone = folder / "vanishing.txt"
            if gone.exists():  # deleted after it was listed, before it is read
                gone.unlink()

        # In this process, so the file is read after the first progress call (workers
        # would read ahead); a worker reports a missing file the same way.
        report = library.import_paths([folder], progress=vanish, processes=0)
        by_id = {a.id: a.text for a in library.articles()}
        assert all(by_id[i] == text for i, text in before_articles)
        after = {a.file_name: a.text for a in library.articles() if a.path.startswith(str(folder))}
        now = {f.id: set(f.evidence) for f in library.facts()}
        assert all(evidence <= now[i] for i, evidence in before_facts.items())

    def name(path: str) -> str:
        return str(Path(path).relative_to(folder))

    outcome = {name(p): "imported" for p in report.imported}
    outcome |= {name(p): reason for p, reason in report.failed}
    seen = Counter(name(p) for p in [*report.imported, *report.skipped])
    seen.update(name(p) for p, _ in report.failed)
    assert max(seen.values()) == 1, "a file was met twice (a folder loop was followed?)"
    lines = []
    for case in cases:
        got = outcome.get(case.name)
        assert got is not None, f"{case.name} is missing from the report"
        if case.outcome == "imported":
            assert got == "imported", f"{case.name}: {got}"
        else:
            assert case.outcome in got, f"{case.name}: {got!r}"
        lines.append(f"{case.kind:45} {case.name:28} {got}")
    assert len(outcome) == len(cases)
    assert no_network == []
    assert "SCRIPT-RAN" not in after["page.html"] and "FRAME-TEXT" not in after["page.html"]
    assert "İzmir" in after["windows_1254.txt"] and "İzmir" in after["utf16_bom.txt"]
    with capsys.disabled():
        print(f"\n{len(cases)} hostile files:\n" + "\n".join(lines))


def test_html_with_remote_resources_opens_no_socket(
    tmp_path: Path, library: Library, no_network: list[object]
) -> None:
    (tmp_path / "page.html").write_text(HTML, encoding="utf-8")
    report = library.import_paths([tmp_path / "page.html"])
    assert len(report.imported) == 1
    assert no_network == []


@pytest.mark.slow
@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="reads /proc (Linux)")
def test_import_of_the_hostile_folder_stays_bounded_in_memory(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "hostile"
    build_hostile_folder(folder)
    (folder / "vanishing.txt").unlink()
    # The import reports its own high-water mark (VmHWM belongs to the new program;
    # ru_maxrss from wait4 would also count the pytest process it was forked from).
    hwm = tmp_path / "hwm.txt"
    code = (
        "import sys\n"
        "from pathlib import Path\n"
        "from app.cli import main\n"
        "rc = main(sys.argv[1:])\n"
        "status = Path('/proc/self/status').read_text()\n"
        "line = next(x for x in status.splitlines() if x.startswith('VmHWM:'))\n"
        f"Path({str(hwm)!r}).write_text(line.split()[1])\n"
        "sys.exit(rc)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, "--library", str(tmp_path / "lib"), "import", str(folder)],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=600,
    )
    peak_mb = int(hwm.read_text()) / 1024
    assert done.returncode == 1  # some files failed, and were named
    assert "Traceback" not in done.stderr
    assert "failed: " in done.stderr and "too large" in done.stderr
    # The 50 MB file and the 300 MB zip bomb are refused before they are read: the
    # process never holds them (it would need several hundred MB more).
    assert peak_mb < 400, f"peak {peak_mb:.0f} MB"
    with capsys.disabled():
        print(f"\nhostile import as a process: peak RSS {peak_mb:.0f} MB")

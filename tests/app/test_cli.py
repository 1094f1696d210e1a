"""The ``attache`` command line, run as a real process."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from app import __version__

REPO = Path(__file__).resolve().parents[2]


def attache(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    full_env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "app", *args],
        cwd=REPO,
        env=full_env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_version_from_module_and_console_script() -> None:
    assert attache("--version").stdout.strip() == f"attache {__version__}"
    script = Path(sys.executable).parent / "attache"
    if not script.exists():
        pytest.skip("the console script is not installed in this environment")
    out = subprocess.run([script, "--version"], capture_output=True, text=True, timeout=60)
    assert out.stdout.strip() == f"attache {__version__}"


@pytest.mark.parametrize("command", [[], ["import"], ["search"], ["export"], ["reindex"]])
def test_every_command_has_help(command: list[str]) -> None:
    result = attache(*command, "--help")
    assert result.returncode == 0
    assert "usage: attache" in result.stdout


def test_import_twice_then_search_and_export(tmp_path: Path, seeds_dir: Path) -> None:
    lib = str(tmp_path / "lib")
    first = attache("--library", lib, "import", str(seeds_dir))
    assert first.returncode == 0, first.stderr
    assert first.stdout.strip().endswith("imported 5, skipped 0, failed 0")

    second = attache("--library", lib, "import", str(seeds_dir))
    assert second.returncode == 0
    assert second.stdout.strip().endswith("imported 0, skipped 5, failed 0")

    found = attache("--library", lib, "search", "Erdogan", "--json")
    rows = json.loads(found.stdout)
    assert len(rows) == 5
    assert {"id", "title", "date", "score", "snippet"} <= set(rows[0])
    assert all("**Erdoğan**" in r["snippet"] for r in rows)

    text = attache("--library", lib, "search", "Kazinform")
    assert "003_a7d8676af09bac45.txt" in text.stdout and "[KAZINFORM]" in text.stdout

    out = tmp_path / "x.json"
    exported = attache("--library", lib, "export", "--format", "json", "-o", str(out))
    assert exported.returncode == 0, exported.stderr
    doc = json.loads(out.read_text(encoding="utf-8"))
    assert doc["format"] == "bilateral-facts/1"
    dates = {a["id"]: a["date"] for a in doc["articles"]}
    assert len(dates) == 5 and dates["004_fa93dc6aeb8c9ce0.txt"] is None


def test_library_from_environment_variable(tmp_path: Path, articles_dir: Path) -> None:
    env = {"ATTACHE_LIBRARY": str(tmp_path / "envlib")}
    result = attache("import", str(articles_dir / "japan_india_visit.txt"), env=env)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "envlib" / "library.sqlite").exists()


def test_failed_file_gives_exit_code_1_and_names_it(tmp_path: Path, articles_dir: Path) -> None:
    bad = tmp_path / "empty.txt"
    bad.write_bytes(b"")
    result = attache("--library", str(tmp_path / "lib"), "import", str(articles_dir), str(bad))
    assert result.returncode == 1
    assert f"failed: {bad}: the file is empty" in result.stderr
    assert "failed 1" in result.stdout


def test_usage_errors_give_exit_code_2(tmp_path: Path) -> None:
    assert attache("--library", str(tmp_path / "l"), "import").returncode == 2
    assert attache("frobnicate").returncode == 2
    assert (
        attache("--library", str(tmp_path / "l"), "search", "x", "--limit", "many").returncode == 2
    )


def test_export_to_an_unwritable_place_says_so(tmp_path: Path, articles_dir: Path) -> None:
    target = tmp_path / "no" / "such" / "folder" / "x.json"
    assert attache("--library", str(tmp_path / "lib"), "import", str(articles_dir)).returncode == 0
    result = attache("--library", str(tmp_path / "lib"), "export", "-o", str(target))
    assert result.returncode == 1
    assert f"cannot write {target}" in result.stderr


def test_search_without_matches_says_so(tmp_path: Path, articles_dir: Path) -> None:
    lib = str(tmp_path / "lib")
    attache("--library", lib, "import", str(articles_dir))
    result = attache("--library", lib, "search", "zeppelin")
    assert result.returncode == 0
    assert "no article matches 'zeppelin'" in result.stdout


def test_cli_fact_types_are_the_registrys() -> None:
    # The CLI reads the one registry (app.fact_types), which loads no extractor.
    from app import cli, fact_types
    from app.extract.model import FACT_TYPES

    assert cli._fact_types("visit,Statistics") == ["visits", "statistics"]
    assert FACT_TYPES == fact_types.NAMES


def test_version_and_help_do_not_load_the_library() -> None:
    code = (
        "import sys; from app.cli import main\n"
        "try:\n    main(['--version'])\nexcept SystemExit:\n    pass\n"
        "print(sorted(m for m in ('app.library', 'PySide6.QtWidgets', 'sqlalchemy', "
        "'app.extract.pipeline', 'whoosh') "
        "if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True)
    assert out.stdout.strip().endswith("[]"), out.stdout + out.stderr

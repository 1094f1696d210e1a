"""The window imports with ``apart``: even one file is extracted in a worker process, so
the window's process never builds the extractor's patterns (a second holding the GIL,
the window frozen meanwhile); the article and its facts are stored all the same."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

SCRIPT = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from app.extract import countries
    from app.library import Library

    if __name__ == "__main__":
        folder, article, apart = Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3] == "1"
        library = Library(folder)
        report = library.import_paths([article], apart=apart)
        facts = len(library.facts())
        library.close()
        built = countries._country_re.cache_info().currsize
        print(len(report.imported), facts > 0, built)
    """
)


def _run(tmp_path: Path, apart: bool) -> str:
    article = tmp_path / "visit.txt"
    article.write_text(
        " date 2022-05-10 \n\nThe President of Armenia arrived in Ulaanbaatar on a state "
        "visit to Mongolia on 9 May 2022. The two presidents signed an agreement on "
        "cooperation in education.\n",
        encoding="utf-8",
    )
    script = tmp_path / "run.py"
    script.write_text(SCRIPT, encoding="utf-8")
    folder = tmp_path / ("apart" if apart else "here")
    done = subprocess.run(
        [sys.executable, str(script), str(folder), str(article), "1" if apart else "0"],
        cwd=ROOT,
        env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        timeout=300,
        check=True,
    )
    return done.stdout.split("\n")[-2]


def test_an_import_apart_never_builds_the_extractor_in_the_calling_process(
    tmp_path: Path,
) -> None:
    assert _run(tmp_path, apart=True) == "1 True 0"  # stored, with facts; nothing built here
    assert _run(tmp_path, apart=False) == "1 True 1"  # a few files: extracted here

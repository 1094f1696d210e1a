"""The ``attache`` command line. With no subcommand it opens the window.

Exit codes: 0 success, 1 some file or step failed, 2 a usage error.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

from app import __version__
from app.config import ENV_LIBRARY, resolve_library_dir
from app.library import Library, LibraryError
from search.index import QueryError

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="attache",
        description="Attaché: an offline reference browser for bilateral relations. "
        "Without a command, opens the window.",
    )
    parser.add_argument("--version", action="version", version=f"attache {__version__}")
    parser.add_argument(
        "--library",
        metavar="DIR",
        help=f"the library folder (default: ${ENV_LIBRARY}, else the user data folder)",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p_import = sub.add_parser("import", help="import article files and folders")
    p_import.add_argument("paths", nargs="+", type=Path, metavar="PATH")

    p_search = sub.add_parser("search", help="search the articles")
    p_search.add_argument("query", nargs="+", metavar="QUERY")
    p_search.add_argument("--limit", type=int, default=10, metavar="N")
    p_search.add_argument("--json", action="store_true", help="print JSON")

    p_export = sub.add_parser("export", help="export the library's facts")
    p_export.add_argument("--format", choices=["json"], default="json")
    p_export.add_argument("-o", "--output", type=Path, required=True, metavar="FILE")

    sub.add_parser("reindex", help="rebuild the search index from the database")
    sub.add_parser("reextract", help="extract the facts of every article again")
    return parser


def _open(args: argparse.Namespace) -> Library:
    return Library(resolve_library_dir(args.library))


def cmd_import(args: argparse.Namespace) -> int:
    with _open(args) as library:
        report = library.import_paths(args.paths)
    for path, reason in report.failed:
        print(f"failed: {path}: {reason}", file=sys.stderr)
    if report.skipped:
        print(f"already in the library: {len(report.skipped)} file(s)")
    print(report.summary())
    return EXIT_FAILED if report.failed else EXIT_OK


def cmd_search(args: argparse.Namespace) -> int:
    query = " ".join(args.query)
    with _open(args) as library:
        result = library.search(query, limit=max(1, args.limit))
    if args.json:
        rows = [
            {
                "id": h.source,
                "title": h.title,
                "date": h.date,
                "score": round(h.score, 4),
                "snippet": h.snippet_text(("**", "**")),
            }
            for h in result.hits
        ]
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return EXIT_OK
    if not result.hits:
        print(f"no article matches {query!r}")
        return EXIT_OK
    bold = ("\x1b[1m", "\x1b[0m") if sys.stdout.isatty() else ("[", "]")
    for n, hit in enumerate(result.hits, 1):
        print(f"{n}. {hit.title}  ({hit.date or 'no date'}, {hit.source})")
        print(f"   {hit.snippet_text(bold)}")
    print(f"{result.total} article(s) match")
    return EXIT_OK


def write_atomic(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` via a temporary file, so a good file is never half-replaced."""
    folder = path.parent if str(path.parent) else Path(".")
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=folder)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def cmd_export(args: argparse.Namespace) -> int:
    with _open(args) as library:
        doc = library.export_document()
    data = json.dumps(doc, ensure_ascii=False, indent=2).encode("utf-8")
    try:
        write_atomic(args.output, data)
    except OSError as exc:
        print(f"cannot write {args.output}: {exc.strerror or exc}", file=sys.stderr)
        return EXIT_FAILED
    facts = sum(len(v) for k, v in doc.items() if isinstance(v, list) and k != "articles")
    print(f"wrote {args.output}: {len(doc['articles'])} article(s), {facts} fact(s)")
    return EXIT_OK


def cmd_reindex(args: argparse.Namespace) -> int:
    with _open(args) as library:
        count = library.reindex()
    print(f"reindexed {count} article(s)")
    return EXIT_OK


def cmd_reextract(args: argparse.Namespace) -> int:
    with _open(args) as library:
        count = library.reextract()
        articles = library.article_count()
    print(f"re-extracted {articles} article(s): {count} fact(s)")
    return EXIT_OK


COMMANDS = {
    "import": cmd_import,
    "search": cmd_search,
    "export": cmd_export,
    "reindex": cmd_reindex,
    "reextract": cmd_reextract,
}


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.command is None:
        from ui.app import run_gui

        return run_gui(resolve_library_dir(args.library))
    try:
        return COMMANDS[args.command](args)
    except LibraryError as exc:
        print(f"attache: {exc}", file=sys.stderr)
        return EXIT_FAILED
    except QueryError as exc:
        print(f"attache: {exc}", file=sys.stderr)
        return EXIT_USAGE


if __name__ == "__main__":
    sys.exit(main())

"""The ``attache`` command line. With no subcommand it opens the window.

Exit codes: 0 success, 1 some file or step failed, 2 a usage error.
"""

from __future__ import annotations

import argparse
import json
import shlex
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from app import __version__, fact_types
from app.cli_guard import WRITE_COMMANDS, run_guarded
from app.cli_output import EXIT_FAILED, EXIT_OK, EXIT_USAGE, print_import_report
from app.config import ENV_LIBRARY, chosen_library_dir, resolve_library_dir

# The library, the extractor, the exporters and Qt are imported by the commands that
# use them, so `attache --version` and `--help` start at once.
if TYPE_CHECKING:
    from app.check import CheckReport
    from app.library import Library


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
    parser.add_argument(
        "--self-test",
        action="store_true",
        help="check this installation offline (a temporary library, every sample format, "
        "search, the window, a PDF export), print a JSON summary and exit",
    )
    parser.add_argument(
        "--screenshot",
        metavar="DIR",
        type=Path,
        help="render every view of the window offscreen to PNG files in DIR, then exit",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p_import = sub.add_parser("import", help="import article files and folders")
    p_import.add_argument("paths", nargs="+", type=Path, metavar="PATH")

    p_search = sub.add_parser(
        "search",
        help="search the articles and facts",
        description="Search the library. The query language is described in the README "
        '("Search queries"): words, "phrases", AND/OR/NOT, prefix*, fuzzy~, fields such '
        "as date:2022, country:KZ, person:NAME, type:visit, source:002*.",
    )
    p_search.add_argument("query", nargs="+", metavar="QUERY")
    p_search.add_argument("--limit", type=int, default=10, metavar="N", help="hits per page")
    p_search.add_argument("--page", type=int, default=1, metavar="N")
    p_search.add_argument(
        "--type",
        metavar="TYPE",
        help="what to list: article (the default), fact, all, or fact types "
        "such as visit,statistic",
    )
    p_search.add_argument("--sort", choices=["relevance", "date"], default="relevance")
    p_search.add_argument("--facets", action="store_true", help="count hits by year, country…")
    p_search.add_argument(
        "--json",
        action="store_true",
        help="print JSON (an object with hits and facets "
        "when --facets is given, else the list of hits)",
    )

    p_export = sub.add_parser(
        "export",
        help="export facts to PDF, JSON, CSV or Markdown",
        description="Export the library's facts (all of them, or those the options choose). "
        "JSON is the bilateral-facts/1 exchange format.",
    )
    p_export.add_argument("--format", choices=["pdf", "json", "csv", "markdown"], default="json")
    p_export.add_argument("-o", "--output", type=Path, required=True, metavar="FILE")
    p_export.add_argument(
        "--type", metavar="T[,T...]", help="fact types: visits, agreements, statistics, ..."
    )
    p_export.add_argument("--ids", metavar="ID[,ID...]", help="fact ids, in this order")
    p_export.add_argument("--query", metavar="Q", help="facts cited by articles matching Q")
    p_export.add_argument(
        "--selection", action="store_true", help="the facts selected in the window"
    )
    p_export.add_argument(
        "--confirmed-only",
        action="store_true",
        help="only the facts a person confirmed, corrected or added",
    )
    p_export.add_argument("--title", default="Attaché briefing")
    p_export.add_argument("--subtitle", default="")
    p_export.add_argument("--page-size", choices=["A4", "Letter"], default="A4")

    p_review = sub.add_parser(
        "review",
        help="list the facts to review (the least certain first); confirm, reject or restore facts",
        description="Review what the extractor read. 'list' shows the facts nobody "
        "reviewed yet, the least certain first; 'confirm' marks facts right (they are "
        "kept across re-extraction), 'reject' marks them wrong (hidden from the views and "
        "exports), 'restore' takes a rejection or confirmation back.",
    )
    p_review.add_argument("action", choices=["list", "confirm", "reject", "restore"])
    p_review.add_argument("ids", nargs="*", type=int, metavar="ID", help="fact ids")
    p_review.add_argument("--type", metavar="T[,T...]", help="with list: these fact types")
    p_review.add_argument("--limit", type=int, default=50, metavar="N", help="with list")
    p_review.add_argument("--json", action="store_true", help="with list: print JSON")
    p_edit = sub.add_parser(
        "edit",
        help="correct fields of a fact (FIELD=VALUE; an empty VALUE takes a correction back)",
        description="Correct a fact's fields, checked as the window's editor checks them: "
        "dates as 2022, 2022-05 or 2022-05-10, countries as ISO codes or names, numbers as "
        "5200000000 or 5.2 billion, kinds from the schema's lists. A correction survives "
        "re-extraction; FIELD= (empty) takes it back.",
    )
    p_edit.add_argument("id", type=int, metavar="ID")
    p_edit.add_argument("fields", nargs="+", metavar="FIELD=VALUE")
    sub.add_parser("reindex", help="rebuild the search index from the database")
    sub.add_parser("reextract", help="extract the facts of every article again")
    sub.add_parser(
        "check", help="check the library (database, index, files, backups) and repair it"
    )
    p_backup = sub.add_parser(
        "backup",
        help="take a verified backup of the library's database",
        description="Copy the library's database into its backups/ folder (SQLite's backup "
        "API), then open and check the copy. The newest 5 backups are kept unless --keep "
        "says otherwise (the count is remembered).",
    )
    p_backup.add_argument("--keep", type=int, metavar="N", help="keep the newest N from now on")
    p_restore = sub.add_parser(
        "restore",
        help="list the backups, or restore one (--latest, a number from the list, a file)",
        description="Without an argument, list the backups with their dates and article "
        "counts. With --latest or a BACKUP (its number in the list, its file name or "
        "path), restore it: the library's database is kept aside as "
        "library.sqlite.damaged-<time> (or .replaced-<time> when it was whole) and the "
        "search index is rebuilt.",
    )
    p_restore.add_argument("backup", nargs="?", metavar="BACKUP")
    p_restore.add_argument("--latest", action="store_true", help="restore the newest backup")
    return parser


CREATES_LIBRARY = {"import"}
"""The only command that makes a library in a folder that holds none; every other one
(and ``--screenshot``) refuses such a folder, so a mistyped ``--library`` never leaves an
empty library behind that reports "no article matches"."""


def library_problem(args: argparse.Namespace) -> str | None:
    """Why the command cannot run on the folder ``--library`` names: it holds no library
    (None: it does, or the command creates one)."""
    if args.command in CREATES_LIBRARY:
        return None
    from app.restore import DB_NAME, backups_folder
    from db.backup import backups

    folder = resolve_library_dir(args.library)
    if (folder / DB_NAME).is_file():
        return None
    has_backups = bool(backups(backups_folder(folder)))
    if args.command == "restore" and (
        has_backups or (args.backup is not None and Path(args.backup).expanduser().is_file())
    ):
        return None  # a lost database is what restore is for
    where = shlex.quote(str(folder))
    said = f"no Attaché library at {folder}"
    if has_backups:
        return (
            f"{said}: its database {DB_NAME} is missing; `attache --library {where} restore` "
            "lists its backups"
        )
    if folder.is_file():
        return f"{said} (it is a file, not a folder)"
    return f"{said}; `attache --library {where} import …` creates one"


def _open(args: argparse.Namespace) -> Library:
    from app.library import Library

    return Library(resolve_library_dir(args.library))


def cmd_import(args: argparse.Namespace) -> int:
    from app.library import NoSpaceError

    stopped = None
    with _open(args) as library:
        try:
            report = library.import_paths(args.paths)
        except NoSpaceError as exc:
            if exc.report is None:
                raise
            report, stopped = exc.report, exc
    code = print_import_report(report)
    if stopped is not None:
        print(f"attache: {stopped}", file=sys.stderr)
        return EXIT_FAILED
    return code


def _search_kinds(value: str | None) -> tuple[list[str] | None, list[str] | None]:
    """``--type`` to (kinds, fact types); ValueError names an unknown type and the valid
    ones."""
    words = [w.strip().lower() for w in (value or "article").split(",") if w.strip()]
    if words in (["all"], ["any"]):
        return None, None
    if words in (["article"], ["articles"]):
        return ["article"], None
    if words in (["fact"], ["facts"]):
        return ["fact"], None
    types = []
    for word in words or [""]:
        name = fact_types.parse(word)
        if name is None:
            singulars = ", ".join(fact_types.get(n).singular for n in fact_types.NAMES)
            raise ValueError(
                f"unknown type {word!r} (use article, fact, all, or fact types: {singulars}; "
                "several fact types separated by commas)"
            )
        types.append(name)
    return ["fact"], types


def cmd_search(args: argparse.Namespace) -> int:
    query = " ".join(args.query)
    try:
        kinds, types = _search_kinds(args.type)
    except ValueError as exc:
        print(f"attache search: {exc}", file=sys.stderr)
        return EXIT_USAGE
    if args.limit < 1:
        print(f"attache search: --limit must be 1 or more (not {args.limit})", file=sys.stderr)
        return EXIT_USAGE
    if args.page < 1:
        print(f"attache search: --page must be 1 or more (not {args.page})", file=sys.stderr)
        return EXIT_USAGE
    with _open(args) as library:
        if library.index_notice:
            print(f"note: {library.index_notice}", file=sys.stderr)
        elif library.index_needs_rebuild():
            print("rebuilding the search index…", file=sys.stderr)
            library.reindex()
        result = library.search(
            query,
            limit=args.limit,
            page=args.page,
            sort=args.sort,
            kinds=kinds,
            types=types,
            facets=args.facets,
        )
    for notice in result.notices:
        print(f"note: {notice}", file=sys.stderr)
    what = "article" if kinds == ["article"] else "result"
    if result.total and args.page > result.page_count:
        print(
            f"attache search: --page {args.page} is past the end: {result.total} {what}(s) "
            f"match {query!r}, {result.page_count} page(s) of {args.limit}",
            file=sys.stderr,
        )
        return EXIT_USAGE
    if args.json:
        out = result.as_dict() if args.facets else [h.as_dict() for h in result.hits]
        print(json.dumps(out, ensure_ascii=False, indent=2))
        return EXIT_OK
    if result.did_you_mean:
        print(f"did you mean: {result.did_you_mean}")
    if not result.hits:
        print(f"no {what} matches {query!r}")
        return EXIT_OK
    bold = ("\x1b[1m", "\x1b[0m") if sys.stdout.isatty() else ("[", "]")
    for n, hit in enumerate(result.hits, (result.page - 1) * args.limit + 1):
        where = f"fact {hit.id}, {hit.fact_type}" if hit.kind == "fact" else hit.source
        print(f"{n}. {hit.title}  ({hit.date or 'no date'}, {where})")
        print(f"   {hit.snippet_text(bold)}")
    pages = f", page {result.page} of {result.page_count}" if result.page_count > 1 else ""
    print(f"{result.total} {what}(s) match{pages}")
    for name, counts in result.facets.items():
        print(f"{name}: " + ", ".join(f"{c.label} {c.count}" for c in counts))
    return EXIT_OK


def _fact_types(value: str | None) -> list[str] | None:
    """``visit,statistic`` or ``visits,statistics`` to the document's type names."""
    if not value:
        return None
    out = []
    for part in value.split(","):
        name = fact_types.parse(part)
        if name is None:
            raise ValueError(
                f"unknown fact type {part.strip()!r} (use {', '.join(fact_types.NAMES)})"
            )
        out.append(name)
    return out


def _fact_ids(value: str | None) -> list[int] | None:
    if not value:
        return None
    try:
        return [int(v) for v in value.split(",") if v.strip()]
    except ValueError as exc:
        raise ValueError(f"--ids takes fact numbers separated by commas, not {value!r}") from exc


def cmd_export(args: argparse.Namespace) -> int:
    try:
        types, ids = _fact_types(args.type), _fact_ids(args.ids)
    except ValueError as exc:
        print(f"attache export: {exc}", file=sys.stderr)
        return EXIT_USAGE
    with _open(args) as library:
        if args.selection:
            ids = library.selection() if ids is None else ids
            if not ids:
                print("attache export: nothing to export: the selection is empty", file=sys.stderr)
                return EXIT_FAILED
        doc = library.export_document(
            types=types, ids=ids, query=args.query, confirmed_only=args.confirmed_only
        )
    if args.confirmed_only and not any(doc.get(kind) for kind in fact_types.NAMES):
        print(
            "attache export: nothing to export: no fact has been confirmed, corrected or "
            "added yet (attache review confirm ID, or the window's To review view)",
            file=sys.stderr,
        )
        return EXIT_FAILED
    from app.export import ExportError, ExportOptions, export_document
    from app.export.json_writer import write_json_document

    options = ExportOptions(title=args.title, subtitle=args.subtitle, page_size=args.page_size)
    everything = not (types or ids is not None or args.query or args.confirmed_only)
    try:
        if args.format == "json" and everything:
            # The whole library, even one without facts yet, is a valid document.
            write_json_document(doc, args.output)
        else:
            export_document(doc, args.output, args.format, options)
    except ExportError as exc:
        print(f"attache export: {exc}", file=sys.stderr)
        return EXIT_FAILED
    facts = sum(len(doc.get(kind) or []) for kind in fact_types.NAMES)
    print(f"wrote {args.output}: {len(doc['articles'])} article(s), {facts} fact(s)")
    return EXIT_OK


def cmd_review(args: argparse.Namespace) -> int:
    from app.fact_edits import FactEditError
    from app.views import fact_label

    if args.action == "list":
        if args.ids:
            print("attache review: list takes no fact ids (use --type)", file=sys.stderr)
            return EXIT_USAGE
        if args.limit < 1:
            print("attache review: --limit must be 1 or more", file=sys.stderr)
            return EXIT_USAGE
        try:
            types = _fact_types(args.type)
        except ValueError as exc:
            print(f"attache review: {exc}", file=sys.stderr)
            return EXIT_USAGE
        with _open(args) as library:
            queue = library.review_queue(types)
        shown = queue[: args.limit]
        if args.json:
            items = [
                {
                    "id": f.id,
                    "type": f.type,
                    "confidence": f.confidence,
                    "review": f.review,
                    "summary": fact_label(f),
                    "reasons": list(f.assessment.reasons),
                    "evidence": [{"article": e.article, "quote": e.quote} for e in f.evidence],
                }
                for f in shown
            ]
            print(json.dumps({"total": len(queue), "facts": items}, ensure_ascii=False, indent=1))
            return EXIT_OK
        for f in shown:
            print(f"{f.id:>6}  {f.confidence:.2f}  {fact_types.noun(f.type):<9} {fact_label(f)}")
        more = f" (the first {len(shown)} shown: --limit)" if len(shown) < len(queue) else ""
        print(f"{len(queue)} fact(s) to review{more}")
        return EXIT_OK
    if not args.ids:
        print(f"attache review: {args.action} needs fact ids", file=sys.stderr)
        return EXIT_USAGE
    try:
        with _open(args) as library:
            if args.action == "confirm":  # right, so no longer rejected if it was
                held = {f.id: f for f in library.facts(ids=args.ids, include_hidden=True)}
                missing = [i for i in args.ids if i not in held]
                if missing:
                    raise FactEditError(f"there is no fact {missing[0]}")
                library.reject_facts([i for i in args.ids if held[i].hidden], False)
                library.confirm_facts(args.ids)
            elif args.action == "reject":
                library.reject_facts(args.ids)
            else:
                held = {f.id: f for f in library.facts(ids=args.ids, include_hidden=True)}
                missing = [i for i in args.ids if i not in held]
                if missing:  # before any change: all or nothing
                    raise FactEditError(f"there is no fact {missing[0]}")
                library.reject_facts([i for i in args.ids if held[i].hidden], False)
                library.confirm_facts(args.ids, False)
    except FactEditError as exc:
        print(f"attache review: {exc}", file=sys.stderr)
        return EXIT_USAGE
    done = {"confirm": "confirmed", "reject": "rejected", "restore": "restored"}[args.action]
    print(f"{done} {len(args.ids)} fact(s)")
    return EXIT_OK


def cmd_edit(args: argparse.Namespace) -> int:
    from app.fact_edits import FactEditError
    from app.fact_fields import FieldError, parse

    with _open(args) as library:
        found = library.facts(ids=[args.id], include_hidden=True)
        if not found:
            print(f"attache edit: there is no fact {args.id}", file=sys.stderr)
            return EXIT_USAGE
        fact = found[0]
        fields: dict[str, object] = {}
        for item in args.fields:
            name, sep, text = item.partition("=")
            if not sep:
                print(f"attache edit: {item!r} is not FIELD=VALUE", file=sys.stderr)
                return EXIT_USAGE
            try:
                fields[name.strip()] = parse(fact.type, name.strip(), text)
            except FieldError as exc:
                print(f"attache edit: {name.strip()}: {exc}", file=sys.stderr)
                return EXIT_USAGE
        try:
            library.edit_fact(args.id, fields)
        except FactEditError as exc:
            print(f"attache edit: {exc}", file=sys.stderr)
            return EXIT_USAGE
    print(f"corrected fact {args.id}: {', '.join(fields)}")
    return EXIT_OK


def cmd_reindex(args: argparse.Namespace) -> int:
    with _open(args) as library:
        count = library.reindex()
        facts = library.fact_count()
    print(f"reindexed {count} article(s) and {facts} fact(s)")
    return EXIT_OK


def cmd_reextract(args: argparse.Namespace) -> int:
    with _open(args) as library:
        count = library.reextract()
        articles = library.article_count()
    print(f"re-extracted {articles} article(s): {count} fact(s)")
    return EXIT_OK


def cmd_check(args: argparse.Namespace) -> int:
    with _open(args) as library:
        return _print_check(library.check())


def _check_read_only(args: argparse.Namespace) -> int:
    from app.library import Library

    with Library(resolve_library_dir(args.library), read_only=True) as library:
        return _print_check(library.check(repair=False))


def _print_check(report: CheckReport) -> int:
    for line in report.lines():
        print(line)
    print("the library is whole" if report.ok else "problems remain (see above)")
    return EXIT_OK if report.ok else EXIT_FAILED


def cmd_backup(args: argparse.Namespace) -> int:
    from app.restore import RestoreError, take_backup

    if args.keep is not None and args.keep < 1:
        print("attache backup: --keep must be 1 or more", file=sys.stderr)
        return EXIT_USAGE
    try:
        info = take_backup(resolve_library_dir(args.library), args.keep)
    except RestoreError as exc:
        print(f"attache backup: {exc}", file=sys.stderr)
        return EXIT_FAILED
    from db.backup import keep_count

    kept = keep_count(info.path.parent)
    print(f"backed up {info.articles} article(s) to {info.path} (checked: whole)")
    print(f"the newest {kept} backup(s) are kept")
    return EXIT_OK


def cmd_restore(args: argparse.Namespace) -> int:
    from app.restore import RestoreError, find_backup, list_backups, restore_backup

    folder = resolve_library_dir(args.library)
    found = list_backups(folder)
    if not args.latest and args.backup is None:
        if not found:
            print(f"there is no backup in {folder / 'backups'}")
            return EXIT_FAILED
        print(f"backups of {folder}, newest first:")
        for n, info in enumerate(found, 1):
            print(f"{n:>3}. {info.describe()}")
        print("restore one with: attache restore --latest, or attache restore N")
        return EXIT_OK
    try:
        if args.latest:
            usable = [info for info in found if not info.problem]
            if not usable:
                raise RestoreError(f"there is no backup to restore in {folder / 'backups'}")
            chosen = usable[0]
        else:
            chosen = find_backup(folder, args.backup)
        done = restore_backup(folder, chosen)
    except RestoreError as exc:
        print(f"attache restore: {exc}", file=sys.stderr)
        return EXIT_FAILED
    if done.aside is not None:
        print(f"kept the library's database as it was at {done.aside}")
    print(f"restored {chosen.path.name}: {done.articles} article(s)")
    print(f"rebuilt the search index ({done.indexed} article(s))")
    return EXIT_OK


COMMANDS = {
    "backup": cmd_backup,
    "restore": cmd_restore,
    "import": cmd_import,
    "search": cmd_search,
    "export": cmd_export,
    "reindex": cmd_reindex,
    "reextract": cmd_reextract,
    "check": cmd_check,
    "review": cmd_review,
    "edit": cmd_edit,
}


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.self_test:
        from app.selftest import run_self_test

        return run_self_test()
    if args.command is not None or args.screenshot is not None:
        problem = library_problem(args)
        if problem is not None:
            print(f"attache: {problem}", file=sys.stderr)
            return EXIT_USAGE
    if args.command is None and args.screenshot is not None:
        from app.library import LibraryError
        from ui.screenshots import take_screenshots

        try:
            written = take_screenshots(resolve_library_dir(args.library), args.screenshot)
        except (LibraryError, OSError) as exc:
            print(f"attache: {exc}", file=sys.stderr)
            return EXIT_FAILED
        print(f"wrote {len(written)} screenshot(s) to {args.screenshot}")
        return EXIT_OK
    if args.command is None:
        from ui.app import run_gui

        return run_gui(chosen_library_dir(args.library))
    from app.library import LibraryError
    from search.index import QueryError

    try:
        writes = args.command in WRITE_COMMANDS and not (
            (args.command == "review" and args.action == "list")
            or (args.command == "restore" and not args.latest and args.backup is None)
        )
        if writes:
            read_only = _check_read_only if args.command == "check" else None
            return run_guarded(args, COMMANDS[args.command], read_only)
        return COMMANDS[args.command](args)
    except LibraryError as exc:
        print(f"attache: {exc}", file=sys.stderr)
        return EXIT_FAILED
    except QueryError as exc:
        print(f"attache: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        print("attache: interrupted", file=sys.stderr)
        return 130
    except Exception as exc:  # words for what a person can act on; a bug is logged
        return _unexpected(exc, resolve_library_dir(args.library))


def _unexpected(exc: Exception, library: Path) -> int:
    from app.faults import explain
    from app.logs import bug_sentence, log, setup_logging

    said = explain(exc, library)
    if said is not None:
        print(f"attache: {said}", file=sys.stderr)
        return EXIT_FAILED
    path = setup_logging()
    sentence = bug_sentence(type(exc), exc)
    log.error("%s", sentence, exc_info=exc)
    where = f"the details are in {path}" if path else "the details are on the line above"
    print(f"attache: {sentence}; {where}", file=sys.stderr)
    return EXIT_FAILED


if __name__ == "__main__":
    sys.exit(main())

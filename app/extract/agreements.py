"""Agreements, declarations, memoranda and batches of documents signed (or to be signed)."""

from __future__ import annotations

import re
from collections.abc import Callable
from types import ModuleType
from typing import Any

from .context import ArticleContext
from .dates import find_dates
from .model import Candidate
from .numbers import find_quantities
from .sentences import split_clauses


def kind_of(L: ModuleType, noun: str, context: str) -> str:
    n = noun.lower()
    if L.PROGRAMME_NOUN_END.search(n):
        return "decision"
    if n.startswith(L.DECLARATION_NOUNS):
        return "declaration"
    if n.startswith(L.MEMORANDUM_NOUNS):
        return "memorandum"
    if L.PARTNERSHIP_WORD in context.lower():
        return "partnership"
    return "agreement"


def _title_words(L: ModuleType) -> Callable[[str], str] | None:
    """The language's translation of its words into the titles' language (English), or
    None where titles are written in the text's own words."""
    title_words: Callable[[str], str] | None = L.TITLE_WORDS
    return title_words


def parse_areas(L: ModuleType, text: str) -> list[str]:
    """'transportation, the defense industry and youth' -> lower-case topic words."""
    m = L.AREAS.search(text)
    if not m:
        return []
    items = L.AREA_SPLIT.split(m.group("list"))
    translate = _title_words(L)
    out = []
    for item in items:
        item = L.AREA_ARTICLE.sub("", item.strip()).strip().lower()
        if translate is not None:
            item = translate(item)
        if item and len(item.split()) <= 4 and not re.search(r"\d", item):
            out.append(item)
    return out


def _title(
    L: ModuleType, noun: str, joint: bool, text: str, pos: int, kind: str, start: int = 0
) -> str:
    """The document's own name when it has one ("the Reciprocal Access Agreement", "Treaty
    of Peace and Friendship"), else its kind and subject ("Memorandum on energy")."""
    if kind == "partnership" and noun.lower().startswith(L.AGREEMENT_NOUN):
        m = L.PARTNERSHIP_NAME.search(text)
        base = (m.group(1) if m else L.PARTNERSHIP_WORD).strip('“”" ')
        title: str = L.TITLE_PARTNERSHIP
        return title.format(f"{base[0].upper()}{base[1:].lower()}")
    prefix = ""
    if noun[:1].isupper() and start:
        before = L.NAME_BEFORE.search(text[:start])
        if before:
            name_words = before.group(1).split()
            while name_words and name_words[0] in L.TITLE_DROP_WORDS:
                name_words.pop(0)
            prefix = " ".join(name_words)
            if prefix:
                joint = False
    words: str = (L.TITLE_JOINT if joint else "") + noun.lower()
    named = L.NAME_OF.match(text, pos)
    if named and (noun[:1].isupper() or named.group(1) == L.TITLE_OF):
        base = f"{prefix} {noun}".strip()
        return f"{base} {named.group(1)} {named.group(2).strip()}"
    if prefix:
        return f"{prefix} {noun}"
    on = L.SUBJECT_ON.match(text, pos)
    if on:
        words += L.TITLE_ON + on.group(1).strip()
    return words[0].upper() + words[1:]


def _batch_title(
    ctx: ArticleContext, text: str, m: re.Match[str], planned: bool, date: str | None
) -> str:
    """'five cooperation documents' signed at the visit -> 'Cooperation documents signed
    during the visit'."""
    L = ctx.lang
    doc_title = L.DOC_TITLE
    if doc_title is not None:  # a title translated from the document's own words
        base = doc_title(m.group(0), text[m.end() :], True)
    else:
        pre = text[max(0, m.start() - 40) : m.start()]
        qs = find_quantities(pre, lang=L)
        tail_words = pre[qs[-1].end :].split() if qs else pre.split()[-2:]
        words = [
            w for w in tail_words[-2:] if w.islower() and w.isalpha() and w not in L.BATCH_STOPWORDS
        ]
        base = " ".join([*words, _noun_as_written(m.group("noun"))])
    if planned:
        tail = L.BATCH_TAIL_PLANNED
    elif ctx.main_visit and (date is None or date == ctx.main_date):
        tail = L.BATCH_TAIL_AT_VISIT
    else:
        tail = L.BATCH_TAIL_SIGNED
    return f"{base[0].upper()}{base[1:]} {tail}"


def _signing_date(
    ctx: ArticleContext, i: int, ct: str, off: int, pos: int, done: bool, planned: bool = False
) -> str | None:
    """The date nearest the document in its clause; never after the article date. For a
    document still to be signed, a date after the article date, else none (the day it
    was announced is not the day it will be signed)."""
    if done:  # "a joint declaration signed Tuesday": past, whatever the clause said before
        dates = [d for d in find_dates(ct, ctx.ref, False, ctx.last_period, ctx.lang) if d.value]
        for d in dates:
            d.start += off
    else:
        dates = [d for d in ctx.dates(i) if d.value and off <= d.start < off + len(ct)]
    ref = ctx.ref.isoformat() if ctx.ref else None
    if planned:
        dates = [d for d in dates if ref and (d.first or "") > ref]
    elif ref:
        dates = [d for d in dates if (d.first or "") <= ref]
    if not dates and ctx.lang.SIGNED_WHEN.match(ct) and off:
        dates = [d for d in ctx.dates(i) if d.value and d.end <= off]  # "in 1991, when ..."
    if not dates:
        return None
    return min(dates, key=lambda d: abs(d.start - off - pos)).first


def _noun_as_written(noun: str) -> str:
    """'Agreements' -> 'agreements'; an acronym keeps its letters ('MoUs')."""
    return noun if any(c.isupper() for c in noun[1:]) else noun.lower()


def _join_batch(L: ModuleType, batch: Candidate, noun: str, kind: str) -> None:
    """'MoUs and agreements': the second noun joins the first's batch; documents of two
    kinds are agreements (CONVENTIONS: agreement(s) -> agreement)."""
    title = batch.data["title"]
    for tail in (
        f" {L.BATCH_TAIL_PLANNED}",
        f" {L.BATCH_TAIL_AT_VISIT}",
        f" {L.BATCH_TAIL_SIGNED}",
    ):
        if title.endswith(tail):
            title = title[: -len(tail)]
            break
    else:
        tail = ""
    batch.data["title"] = f"{title}{L.TITLE_AND}{_noun_as_written(noun)}{tail}"
    if kind != batch.data["kind"]:
        batch.data["kind"] = "agreement"


def _is_plural(L: ModuleType, m: re.Match[str], ct: str) -> bool:
    """Whether the document noun names several documents: the language's own reading of
    the noun in its clause (``DOC_PLURAL``) where it has one, else the noun's ending."""
    noun = m.group("noun")
    plural_of = L.DOC_PLURAL
    if plural_of is not None:
        return bool(plural_of(noun, ct[: m.start("noun")], ct[m.end() :]))
    low = noun.lower()
    return (
        low.endswith(L.PLURAL_SUFFIX) and not low.startswith(L.EXCHANGE_NOUN)
    ) or low.startswith(L.PLURAL_IRREGULAR)


def _members(
    ctx: ArticleContext, i: int, ct: str, off: int, m: re.Match[str], signed: bool
) -> list[dict[str, Any]]:
    """The documents a plural noun lists one by one ("the treaties on X (2004) and on Y
    (2005)"), each a document of its own dated by its own part; [] where the language
    reads no such list (``DOC_MEMBERS``) or it lists fewer than two."""
    L = ctx.lang
    members = L.DOC_MEMBERS
    doc_title = L.DOC_TITLE
    if members is None or doc_title is None:
        return []
    spans = members(ct[m.end() :])
    if not spans:
        return []
    noun = m.group("noun")
    planned = bool(L.DOC_PLANNED.search(ct[max(0, m.start() - 60) : m.start()]))
    out = []
    for a, b in spans:
        start, end = off + m.end() + a, off + m.end() + b
        dates = [d for d in ctx.dates(i) if d.value and start <= d.start < end]
        if not (signed or dates):
            continue
        part = ct[m.end() + a : m.end() + b]
        out.append(
            {
                "title": doc_title(m.group(0), " " + part, False),
                "kind": kind_of(L, noun, part),
                "date": dates[0].first if dates else None,
                "parties": sorted(ctx.pair),
                "areas": [],
                "count": 1,
                "status": "planned" if planned else "signed",
            }
        )
    return out


def find_agreements(ctx: ArticleContext) -> list[Candidate]:
    L = ctx.lang
    out: list[Candidate] = []
    doc_title = L.DOC_TITLE  # titles translated (else as written)
    statement_signed = L.STATEMENT_SIGNED  # "signed ... a statement"
    planned_after = L.DOC_PLANNED_AFTER  # "documents will be signed"
    has_joint = last_joint_planned = False
    last_batch: Candidate | None = None
    for i, s in enumerate(ctx.sentences):
        found_here = False
        keys: set[tuple[str, bool, str]] = set()
        for clause in split_clauses(s.span, L):
            off = clause.start - s.span.start
            ct = clause.text
            prev_end = 0
            for m in L.DOC_NOUN.finditer(ct):
                noun, joint = m.group("noun"), bool(m.group("joint"))
                low = noun.lower()
                if L.NOT_DOC.search(ct[m.start() : m.end() + 20]):
                    continue
                if low.endswith(L.INSTRUMENTS_NOUN) and not L.INSTRUMENTS_CUE.search(
                    ct[max(0, m.start() - 40) : m.end()]
                ):
                    continue
                plural = _is_plural(L, m, ct)
                anaphor = L.DOC_ANAPHOR.search(ct[: m.start()])
                if low.startswith(L.STATEMENT_NOUN) and not (
                    joint
                    or (has_joint and anaphor)
                    or (statement_signed is not None and statement_signed.search(ct[: m.start()]))
                ):
                    continue
                signed = bool(L.SIGN.search(s.text))
                listed = _members(ctx, i, ct, off, m, signed) if plural else []
                if listed:
                    out.extend(ctx.candidate("agreements", d, s) for d in listed)
                    found_here = True
                    continue
                if plural and low != L.MOU_PLURAL and not signed:
                    if last_batch is not None and anaphor:
                        areas = parse_areas(L, s.text)
                        if areas:
                            last_batch.data["areas"] = sorted(
                                set(last_batch.data["areas"]) | set(areas)
                            )
                            last_batch.evidence.append(ctx.evidence(s))
                    continue
                if (
                    low.startswith(L.SINGLE_NEEDS_VERB)
                    and not plural
                    and not (signed or re.search(r"\d{4}", ct))
                ):
                    continue
                if L.PROGRAMME_NOUN.search(low) and not (
                    L.PROGRAMME_VERB.search(ct[max(0, m.start() - 50) : m.start()])
                    or (" " in low and (signed or L.APPROVED.search(s.text)))
                ):
                    continue
                # "MoUs and agreements": one batch of both
                if (
                    plural
                    and last_batch is not None
                    and last_batch.evidence[-1].quote == s.text
                    and L.BATCH_JOIN.fullmatch(ct[prev_end : m.start()] if prev_end else "x")
                ):
                    _join_batch(L, last_batch, noun, kind_of(L, noun, ""))
                    prev_end = m.end()
                    continue
                prev_end = m.end()
                # "partnership agreement", "treaty on partnership", "partnership ... 2009 agreement"
                near = ct[max(0, m.start() - 45) : m.end() + 35]
                kind = kind_of(L, noun, near if low.startswith(L.PARTNERSHIP_CONTEXT_NOUNS) else "")
                done = L.DONE_AFTER.match(ct, m.end())
                planned = not done and bool(
                    L.DOC_PLANNED.search(ct[max(0, m.start() - 60) : m.start()])
                    or (planned_after is not None and planned_after.match(ct, m.end()))
                )
                if not planned and not done and m.start() > 60:  # "will witness the signing
                    # of a memorandum ... and a side letter": the sentence's plan covers both
                    planned = bool(
                        L.DOC_PLANNED.search(ct[: m.start()])
                    ) and not L.SIGN_PAST.search(ct[: m.start()])
                date = _signing_date(ctx, i, ct, off, m.start(), bool(done), planned)
                if date is None and not planned and ctx.ref and L.PRESENT_PERFECT.search(ct):
                    date = ctx.ref.isoformat()  # same-day news: the article's date
                # "the declaration said": the one already seen; "the declaration on X"
                # names another
                refers = (
                    bool(anaphor)
                    and has_joint
                    and kind == "declaration"
                    and not L.DOC_NAMES_OTHER.match(ct[m.end() :])
                )
                if refers:  # "in the statement", "the declaration said": the one already seen
                    date, planned = None, last_joint_planned
                data: dict[str, Any] = {
                    "title": (
                        doc_title(m.group(0), ct[m.end() :], False)
                        if doc_title is not None
                        else _title(L, noun, joint, ct, m.end(), kind, m.start())
                    ),
                    "kind": kind,
                    "date": date,
                    "parties": sorted(ctx.pair),
                    "areas": [],
                    "count": 1,
                    "status": "planned" if planned else "signed",
                }
                if plural:
                    data["kind"] = "agreement" if kind not in ("memorandum",) else kind
                    qs = [
                        q
                        for q in find_quantities(ct[max(0, m.start() - 30) : m.start()], lang=L)
                        if q.unit is None
                    ]
                    data["count"] = int(qs[-1].value) if qs else None
                    if qs and qs[-1].qualifier:
                        data["count_qualifier"] = qs[-1].qualifier
                    data["areas"] = parse_areas(L, s.text)
                    data["title"] = _batch_title(ctx, ct, m, planned, date)
                if (joint or kind == "declaration") and not refers:
                    has_joint, last_joint_planned = True, planned
                found_here = True
                # one document of a kind per sentence, unless the language's titles tell
                # two documents apart ("a protocol ... and an agreement on ...")
                key = (data["kind"], plural, data["title"] if doc_title and not plural else "")
                if key in keys:
                    continue
                keys.add(key)
                cand = ctx.candidate("agreements", data, s)
                out.append(cand)
                if plural:
                    last_batch = cand
        if not found_here:
            st = L.PARTNERSHIP_STATUS.search(s.text)
            if st:
                dates = [d for d in ctx.dates(i) if d.value and d.precise]
                translate = _title_words(L)
                p = (translate(st.group("p")) if translate is not None else st.group("p")) or (
                    L.PARTNERSHIP_WORD
                )
                out.append(
                    ctx.candidate(
                        "agreements",
                        {
                            "title": L.TITLE_PARTNERSHIP.format(f"{p[0].upper()}{p[1:].lower()}"),
                            "kind": "partnership",
                            "date": dates[0].first if dates else None,
                            "parties": sorted(ctx.pair),
                            "areas": [],
                            "count": 1,
                            "status": "signed",
                        },
                        s,
                    )
                )
    return out

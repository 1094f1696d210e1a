"""Agreements, declarations, memoranda and batches of documents signed (or to be signed)."""

from __future__ import annotations

import re
from typing import Any

from .context import ArticleContext
from .dates import find_dates
from .model import Candidate
from .numbers import find_quantities
from .sentences import split_clauses

_DOC = re.compile(
    r"\b(?P<joint>joint\s+)?(?P<noun>declarations?|statements?|communiqu[eé]s?|"
    r"memorand(?:ums?|a)(?:\s+of\s+understanding)?|MoUs?|agreements?|treat(?:y|ies)|accords?|"
    r"protocols?|documents|deals|road\s?maps?|action\s+plans?|(?:legal\s+)?instruments|"
    r"exchanges?\s+of\s+notes|side\s+letters?|letters?\s+of\s+intent|"
    r"(?:(?:comprehensive|joint|cooperation|action|state|intergovernmental|bilateral|"
    r"development)\s+)?programm?e?s?)\b",
    re.IGNORECASE)
# a bare "programme" is a document only when adopted, approved or signed: "to adopt a
# programme covering ...", "approved the programme of cooperation"
_PROGRAMME_VERB = re.compile(r"\b(?:adopt|approv|sign|ink)\w*\s+(?:an?|the|their|its)\s+"
                             r"(?:[\w-]+\s+){0,2}$", re.I)
_SIGN = re.compile(r"\b(?:sign(?:ed|ing|s)?|ink(?:ed|ing)?|conclud(?:ed|ing)|adopt(?:ed|ing)|"
                   r"issu(?:ed|ing)|ratif(?:ied|y)|exchang(?:ed|ing))\b", re.IGNORECASE)
_PLANNED = re.compile(r"\b(?:will|shall|agree(?:d|s)?\s+to|"
                      r"(?:is|are)\s+(?:scheduled|expected|set|due|going|slated)"
                      r"\s+to|plans?\s+to|planning\s+to|to\s+be\s+signed|intends?\s+to|"
                      r"expected\s+to\s+result|would)\b", re.IGNORECASE)
_STATUS = re.compile(r"\bstatus\s+of\s+(?:an?\s+)?(?P<p>(?:[\w-]+\s+){0,2}partnership)\b", re.I)
_AREAS = re.compile(r"\b(?:cover(?:s|ed|ing)?|in\s+the\s+(?:fields?|areas?|spheres?)\s+of|"
                    r"(?:such\s+)?areas\s+(?:such\s+)?as)\s+(?:such\s+areas\s+as\s+)?"
                    r"(?P<list>[^.;:]+)", re.IGNORECASE)
_SIGN_PAST = re.compile(r"\b(?:signed|inked|concluded|adopted|issued|exchanged)\b", re.I)
_DONE_AFTER = re.compile(r"\s+(?:(?:was|were|had\s+been|has\s+been)\s+)?"
                         r"(?:signed|issued|adopted|inked|concluded)\b", re.I)
_NOT_DOC = re.compile(r"declaration\s+of\s+independence|statements?\s+(?:by|from)\b", re.I)


def kind_of(noun: str, context: str) -> str:
    n = noun.lower()
    if re.search(r"programm?e?s?$", n):
        return "decision"
    if n.startswith(("declaration", "statement", "communiq")):
        return "declaration"
    if n.startswith(("memorand", "mou")):
        return "memorandum"
    if "partnership" in context.lower():
        return "partnership"
    return "agreement"


def parse_areas(text: str) -> list[str]:
    """'transportation, the defense industry and youth' -> lower-case topic words."""
    m = _AREAS.search(text)
    if not m:
        return []
    items = re.split(r",\s*(?:and\s+|as\s+well\s+as\s+)?|\s+and\s+|\s+as\s+well\s+as\s+",
                     m.group("list"))
    out = []
    for item in items:
        item = re.sub(r"^(?:the|a|an|such|other)\s+", "", item.strip(), flags=re.I).strip().lower()
        if item and len(item.split()) <= 4 and not re.search(r"\d", item):
            out.append(item)
    return out


_NAME_BEFORE = re.compile(r"((?:[A-Z][\w’'-]*\s+){1,5})$")
_NAME_OF = re.compile(r"\s+(of|on|for)\s+(?:the\s+)?([A-Z][\w'-]*(?:\s+(?:(?:and|of|for|on|the|in)"
                      r"\s+)*[A-Z][\w'-]*)*)")
_ON = re.compile(r"\s+on\s+(?:the\s+)?(?![A-Z][a-z]+day|\d)([^,.;(]{3,80}?)"
                 r"(?=\s+(?:which|that|to|between|was|were|is|signed|as|during|at|and\s+(?:an?|"
                 r"the|its|their|his|her|also|other|several|more|over|[a-z]+ed|\d+|one|two|three|"
                 r"four|five|six|seven|eight|nine|ten|eleven|twelve))\b|[,.;(]|$)")


def _title(noun: str, joint: bool, text: str, pos: int, kind: str, start: int = 0) -> str:
    """The document's own name when it has one ("the Reciprocal Access Agreement", "Treaty
    of Peace and Friendship"), else its kind and subject ("Memorandum on energy")."""
    if kind == "partnership" and noun.lower().startswith("agreement"):
        m = re.search(r"\b((?:(?!(?:an?|the|on|of|in|for|with)\s)[a-z-]+\s+){0,2}partnership)",
                      text, re.IGNORECASE)
        base = (m.group(1) if m else "partnership").strip("“”\" ")
        return f"{base[0].upper()}{base[1:].lower()} agreement"
    prefix = ""
    if noun[:1].isupper() and start:
        before = _NAME_BEFORE.search(text[:start])
        if before:
            words = before.group(1).split()
            while words and words[0] in ("The", "A", "An", "This", "That", "Joint"):
                words.pop(0)
            prefix = " ".join(words)
            if prefix:
                joint = False
    words = ("Joint " if joint else "") + noun.lower()
    named = _NAME_OF.match(text, pos)
    if named and (noun[:1].isupper() or named.group(1) == "of"):
        base = f"{prefix} {noun}".strip()
        return f"{base} {named.group(1)} {named.group(2).strip()}"
    if prefix:
        return f"{prefix} {noun}"
    on = _ON.match(text, pos)
    if on:
        words += " on " + on.group(1).strip()
    return words[0].upper() + words[1:]


def _batch_title(ctx: ArticleContext, text: str, m: re.Match[str], planned: bool,
                 date: str | None) -> str:
    """'five cooperation documents' signed at the visit -> 'Cooperation documents signed
    during the visit'."""
    pre = text[max(0, m.start() - 40):m.start()]
    qs = find_quantities(pre)
    tail_words = pre[qs[-1].end:].split() if qs else pre.split()[-2:]
    words = [w for w in tail_words[-2:] if w.islower() and w.isalpha() and w not in (
        "of", "the", "and", "a", "an", "new", "various", "several", "more", "than", "dozen",
        "number", "other", "such", "numerous", "many", "signed", "signing", "some", "significant",
        "important", "key", "total", "over", "about", "nearly", "almost", "around", "to", "be",
        "ink", "sign", "conclude", "adopt", "able", "will", "would", "could")]
    base = " ".join([*words, _noun_as_written(m.group("noun"))])
    if planned:
        tail = "to be signed"
    elif ctx.main_visit and (date is None or date == ctx.main_date):
        tail = "signed during the visit"
    else:
        tail = "signed"
    return f"{base[0].upper()}{base[1:]} {tail}"


def _signing_date(ctx: ArticleContext, i: int, ct: str, off: int, pos: int, done: bool,
                  planned: bool = False) -> str | None:
    """The date nearest the document in its clause; never after the article date. For a
    document still to be signed, a date after the article date, else none (the day it
    was announced is not the day it will be signed)."""
    if done:  # "a joint declaration signed Tuesday": past, whatever the clause said before
        dates = [d for d in find_dates(ct, ctx.ref, False, ctx.last_period) if d.value]
        for d in dates:
            d.start += off
    else:
        dates = [d for d in ctx.dates(i) if d.value and off <= d.start < off + len(ct)]
    ref = ctx.ref.isoformat() if ctx.ref else None
    if planned:
        dates = [d for d in dates if ref and (d.first or "") > ref]
    elif ref:
        dates = [d for d in dates if (d.first or "") <= ref]
    if not dates and re.match(r"\s*(?:when|where|after)\b", ct) and off:
        dates = [d for d in ctx.dates(i) if d.value and d.end <= off]  # "in 1991, when ..."
    if not dates:
        return None
    return min(dates, key=lambda d: abs(d.start - off - pos)).first


def _noun_as_written(noun: str) -> str:
    """'Agreements' -> 'agreements'; an acronym keeps its letters ('MoUs')."""
    return noun if any(c.isupper() for c in noun[1:]) else noun.lower()


def _join_batch(batch: Candidate, noun: str, kind: str) -> None:
    """'MoUs and agreements': the second noun joins the first's batch; documents of two
    kinds are agreements (CONVENTIONS: agreement(s) -> agreement)."""
    title = batch.data["title"]
    for tail in (" to be signed", " signed during the visit", " signed"):
        if title.endswith(tail):
            title = title[: -len(tail)]
            break
    else:
        tail = ""
    batch.data["title"] = f"{title} and {_noun_as_written(noun)}{tail}"
    if kind != batch.data["kind"]:
        batch.data["kind"] = "agreement"


def find_agreements(ctx: ArticleContext) -> list[Candidate]:
    out: list[Candidate] = []
    has_joint = last_joint_planned = False
    last_batch: Candidate | None = None
    for i, s in enumerate(ctx.sentences):
        found_here = False
        keys: set[tuple[str, bool]] = set()
        for clause in split_clauses(s.span):
            off = clause.start - s.span.start
            ct = clause.text
            prev_end = 0
            for m in _DOC.finditer(ct):
                noun, joint = m.group("noun"), bool(m.group("joint"))
                low = noun.lower()
                if _NOT_DOC.search(ct[m.start():m.end() + 20]):
                    continue
                if low.endswith("instruments") and not re.search(
                        r"\b(?:sign|legal)", ct[max(0, m.start() - 40):m.end()], re.I):
                    continue
                plural = (low.endswith("s") and not low.startswith("exchange")) \
                    or low.startswith(("memorandums", "memoranda"))
                anaphor = re.search(r"\b(?:the|this|that|these|their|its)\s+(?:joint\s+)?$",
                                    ct[:m.start()], re.I)
                if low.startswith("statement") and not (joint or (has_joint and anaphor)):
                    continue
                signed = bool(_SIGN.search(s.text))
                if plural and low != "mous" and not signed:
                    if last_batch is not None and anaphor:
                        areas = parse_areas(s.text)
                        if areas:
                            last_batch.data["areas"] = sorted(set(last_batch.data["areas"])
                                                              | set(areas))
                            last_batch.evidence.append(ctx.evidence(s))
                    continue
                if low.startswith(("agreement", "treat", "accord", "protocol", "deal")) \
                        and not plural and not (signed or re.search(r"\d{4}", ct)):
                    continue
                if re.search(r"programm?e?", low) and not (
                    _PROGRAMME_VERB.search(ct[max(0, m.start() - 50):m.start()])
                    or (" " in low and (signed or re.search(r"\bapprov", s.text, re.I)))
                ):
                    continue
                # "MoUs and agreements": one batch of both
                if plural and last_batch is not None and last_batch.evidence[-1].quote == \
                        s.text and re.fullmatch(r"\s+(?:and|&|as\s+well\s+as)\s+",
                                                ct[prev_end:m.start()] if prev_end else "x"):
                    _join_batch(last_batch, noun, kind_of(noun, ""))
                    prev_end = m.end()
                    continue
                prev_end = m.end()
                # "partnership agreement", "treaty on partnership", "partnership ... 2009 agreement"
                near = ct[max(0, m.start() - 45):m.end() + 35]
                kind = kind_of(noun, near if low.startswith(("agreement", "treat", "accord"))
                               else "")
                done = _DONE_AFTER.match(ct, m.end())
                planned = not done and bool(_PLANNED.search(ct[max(0, m.start() - 60):m.start()]))
                if not planned and not done and m.start() > 60:  # "will witness the signing
                    # of a memorandum ... and a side letter": the sentence's plan covers both
                    planned = bool(_PLANNED.search(ct[: m.start()])) and not _SIGN_PAST.search(
                        ct[: m.start()]
                    )
                date = _signing_date(ctx, i, ct, off, m.start(), bool(done), planned)
                # "the declaration said": the one already seen; "the declaration on X"
                # names another
                refers = (
                    bool(anaphor)
                    and has_joint
                    and kind == "declaration"
                    and not re.match(r"\s+(?:on|of|for)\s", ct[m.end() :])
                )
                if refers:  # "in the statement", "the declaration said": the one already seen
                    date, planned = None, last_joint_planned
                data: dict[str, Any] = {
                    "title": _title(noun, joint, ct, m.end(), kind, m.start()), "kind": kind,
                    "date": date,
                    "parties": sorted(ctx.pair), "areas": [], "count": 1,
                    "status": "planned" if planned else "signed"}
                if plural:
                    data["kind"] = "agreement" if kind not in ("memorandum",) else kind
                    qs = [q for q in find_quantities(ct[max(0, m.start() - 30):m.start()])
                          if q.unit is None]
                    data["count"] = int(qs[-1].value) if qs else None
                    if qs and qs[-1].qualifier:
                        data["count_qualifier"] = qs[-1].qualifier
                    data["areas"] = parse_areas(s.text)
                    data["title"] = _batch_title(ctx, ct, m, planned, date)
                if (joint or kind == "declaration") and not refers:
                    has_joint, last_joint_planned = True, planned
                found_here = True
                if (data["kind"], plural) in keys:
                    continue
                keys.add((data["kind"], plural))
                cand = ctx.candidate("agreements", data, s)
                out.append(cand)
                if plural:
                    last_batch = cand
        if not found_here:
            st = _STATUS.search(s.text)
            if st:
                dates = [d for d in ctx.dates(i) if d.value and d.precise]
                out.append(ctx.candidate("agreements", {
                    "title": f"{st.group('p')[0].upper()}{st.group('p')[1:].lower()} agreement",
                    "kind": "partnership", "date": dates[0].first if dates else None,
                    "parties": sorted(ctx.pair), "areas": [], "count": 1, "status": "signed"}, s))
    return out

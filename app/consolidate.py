"""Merging the same fact reported by several articles (or twice by one).

``block_key`` is coarse: two facts can only be the same when their block keys are equal, so
the database fetches the facts held under one key and asks ``same_fact`` of each.
``merge`` fills what the first lacks from the second; where both give different values it
keeps the first and records the disagreement under ``data["conflicts"]``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable
from datetime import date
from functools import lru_cache
from typing import Any

from app.extract.gazetteer import fold
from app.extract.model import Candidate, Evidence
from app.name_keys import sound_key

DATE_KEYS = {"start", "end", "date", "period"}


@lru_cache(maxsize=65536)
def _norm_str(text: str) -> str:
    return re.sub(r"[^\w]+", " ", fold(text).casefold()).strip()


def _norm(text: Any) -> str:
    return _norm_str(str(text or ""))


def _pair(codes: Iterable[str] | None) -> str:
    return "-".join(sorted(codes or []))


def _year(value: str | None) -> str:
    return str(value)[:4] if value else "?"


def block_key(c: Candidate) -> str:
    d = c.data
    if c.type == "visits":
        return f"visits|{d.get('visitor_country')}>{d.get('host_country')}|{_year(d.get('start'))}"
    if c.type == "agreements":
        return f"agreements|{_pair(d.get('parties'))}|{_year(d.get('date'))}"
    if c.type == "statistics":
        return f"statistics|{d.get('metric')}|{_pair(d.get('countries'))}|{d.get('unit')}"
    if c.type == "events":
        return f"events|{d.get('kind')}|{_pair(d.get('countries'))}"
    if c.type == "missions":
        return f"missions|{d.get('country')}>{d.get('host_country')}|{d.get('kind')}"
    if c.type == "entities":
        return f"entities|{d.get('kind')}|{_entity_block(d)}"
    return f"{c.type}|"


def _entity_block(d: dict[str, Any]) -> str:
    if d.get("kind") == "country" and d.get("code"):
        return str(d["code"])
    if d.get("kind") == "person":  # the family name's key: one block in either script
        return sound_key(str(d.get("name", "")).split()[-1]) if d.get("name") else ""
    if d.get("kind") == "place":
        return _norm(d.get("canonical") or d.get("name"))
    from app.extract.entities import ORG_HEADS

    words = str(d.get("name", "")).split()
    heads = [w for w in words if w in ORG_HEADS] or [w for w in words if w[:1].isupper()]
    return _norm(heads[-1]) if heads else ""


def dates_compatible(a: str | None, b: str | None, slack_days: int = 0) -> bool:
    """Equal at the coarser precision; None agrees with anything; day values within slack."""
    if not a or not b:
        return True
    a, b = str(a), str(b)
    if a.startswith(b) or b.startswith(a):
        return True
    if slack_days and len(a) == 10 and len(b) == 10:
        try:
            return abs((date.fromisoformat(a) - date.fromisoformat(b)).days) <= slack_days
        except ValueError:
            return False
    return False


def _close(a: Any, b: Any) -> bool:
    try:
        fa, fb = float(a), float(b)
    except (TypeError, ValueError):
        return False
    return fa == fb or (fb != 0 and abs(fa - fb) / abs(fb) <= 0.01)


_TITLE_STOP = {
    "the",
    "of",
    "on",
    "and",
    "between",
    "a",
    "an",
    "in",
    "to",
    "for",
    "signed",
    "during",
    "visit",
    "be",
}


def _title_words(title: Any) -> set[str]:
    return {w for w in _norm(title).split() if w not in _TITLE_STOP}


def _names(d: dict[str, Any]) -> set[str]:
    return {_norm(n) for n in [d.get("name"), *(d.get("aliases") or [])] if _norm(n)}


def _sound_names(d: dict[str, Any]) -> set[str]:
    """A person's names by their sound key (``app.name_keys``): the same in Latin and
    Cyrillic letters."""
    return {sound_key(n) for n in [d.get("name"), *(d.get("aliases") or [])] if n} - {""}


def _one_person(names_a: set[str], names_b: set[str]) -> bool:
    """Two full names of one person: the same given and family name with a middle name
    left out in one ("Recep Erdoğan", "Recep Tayyip Erdoğan"), or the given name as an
    initial ("K. Tokayev"); the names are sound keys (``_full_names``)."""
    for a in names_a:
        wa = a.split()
        for b in names_b:
            wb = b.split()
            if wa[-1] != wb[-1]:
                continue
            short, long_ = sorted((wa[0], wb[0]), key=len)
            if short == long_ or (len(short) == 1 and long_.startswith(short)):
                return True
    return False


def _full_names(d: dict[str, Any]) -> set[str]:
    """A person's names of two words or more that do not start with a title
    ("Olaf Scholz", not "Scholz" nor "Chancellor Scholz"), normalised."""
    from app.extract.entities import starts_with_title

    names = [d.get("name"), *(d.get("aliases") or [])]
    keys = {
        sound_key(n)
        for n in names
        if isinstance(n, str) and len(n.split()) >= 2 and not starts_with_title(n)
    }
    return {k for k in keys if k}  # a script the key does not read (Greek, Han) has none


def _org_key(name: str) -> frozenset[str]:
    from app.extract.entities import org_key

    return org_key(name)


def announced_and_held(a: dict[str, Any], b: dict[str, Any]) -> bool:
    """One visit announced by one article and reported as held by another (CONVENTIONS
    1: one visit, held): the same pair, the announcement dated, the report not dated
    otherwise, and no city on which they differ."""
    statuses = {a.get("status") or "held", b.get("status") or "held"}
    if statuses != {"planned", "held"}:
        return False
    planned, held = (a, b) if (a.get("status") == "planned") else (b, a)
    if not planned.get("start") or not dates_compatible(planned["start"], held.get("start"), 1):
        return False
    return not (planned.get("city") and held.get("city")) or _norm(planned["city"]) == _norm(
        held["city"]
    )


def related_blocks(c: Candidate) -> tuple[str, ...]:
    """Blocks besides ``block_key(c)`` that may hold the same fact: a visit report with
    no date and the announcement of that visit, dated (``announced_and_held``); a
    person's two-word name in the other order."""
    d = c.data
    if c.type == "entities" and d.get("kind") == "person":
        words = str(d.get("name") or "").split()
        # A two-word name written family name first elsewhere: the other word's block.
        return (f"entities|person|{sound_key(words[0])}",) if len(words) == 2 else ()
    if c.type != "visits":
        return ()
    pair = f"visits|{d.get('visitor_country')}>{d.get('host_country')}|"
    if d.get("status") == "planned" and d.get("start"):
        return (pair + "?",)
    if d.get("status") != "planned" and not d.get("start"):
        return (pair,)  # a prefix: the announcement's year is not known
    return ()


def _visits_differ(a: dict[str, Any], b: dict[str, Any]) -> bool:
    """Two visits of one pair that cannot be one: two visitors named by different family
    names (the prime minister's working visit is not the president's state visit) or,
    neither of them dated, two cities.  Kinds are no proof: articles call one visit
    "official" and "state"."""
    fa, fb = str(a.get("visitor") or "").split()[-1:], str(b.get("visitor") or "").split()[-1:]
    if fa and fb and sound_key(fa[0]) != sound_key(fb[0]):
        return True
    return bool(
        not a.get("start")
        and not b.get("start")
        and a.get("city")
        and b.get("city")
        and _norm(a["city"]) != _norm(b["city"])
    )


def same_fact(type: str, a: dict[str, Any], b: dict[str, Any]) -> bool:
    if type == "visits":
        return (
            a.get("visitor_country") == b.get("visitor_country")
            and a.get("host_country") == b.get("host_country")
            and not _visits_differ(a, b)
            and (
                (
                    (a.get("status") or "held") == (b.get("status") or "held")
                    and dates_compatible(a.get("start"), b.get("start"), 1)
                )
                or announced_and_held(a, b)
            )
        )
    if type == "agreements":
        if (a.get("status") or "signed") != (b.get("status") or "signed"):
            return False
        if not dates_compatible(a.get("date"), b.get("date"), 1):
            return False
        wa, wb = _title_words(a.get("title")), _title_words(b.get("title"))
        alike = bool(wa) and len(wa & wb) >= max(1, len(wa) // 2)
        batch_a, batch_b = a.get("count", 1) != 1, b.get("count", 1) != 1
        if batch_a != batch_b or (not batch_a and len(wa) >= 3 and len(wb) >= 3):
            return alike  # a batch is not one of its documents; two named documents differ
        return bool(a.get("kind") and a.get("kind") == b.get("kind")) or alike
    if type == "statistics":
        if a.get("metric") != b.get("metric") or a.get("unit") != b.get("unit"):
            return False
        if (a.get("qualifier") == "target") != (b.get("qualifier") == "target") or not _close(
            a.get("value"), b.get("value")
        ):
            return False
        if _norm(a.get("period")) != _norm(b.get("period")):
            # One target quoted with its deadline ("$10 billion by 2030") and without it.
            target = a.get("qualifier") == "target"
            if not (target and (not a.get("period") or not b.get("period"))):
                return False
        if set(a.get("countries") or []) != set(b.get("countries") or []):
            return False
        return all(
            not (a.get(k) and b.get(k)) or a.get(k) == b.get(k)
            for k in ("from_country", "to_country")
        )
    if type == "events":
        if a.get("kind") != b.get("kind"):
            return False
        ca, cb = a.get("countries") or [], b.get("countries") or []
        if a.get("kind") == "embassy_opened" and ca and cb and ca[0] != cb[0]:
            return False
        if ca and cb and not set(ca) & set(cb):
            return False
        if a.get("ordinal") and b.get("ordinal") and a["ordinal"] != b["ordinal"]:
            return False
        return dates_compatible(a.get("date"), b.get("date"))
    if type == "missions":
        return (
            a.get("country") == b.get("country")
            and a.get("host_country") == b.get("host_country")
            and a.get("kind") == b.get("kind")
            and _norm(a.get("canonical") or a.get("city"))
            == _norm(b.get("canonical") or b.get("city"))
        )
    if type == "entities":
        if a.get("kind") != b.get("kind"):
            return False
        if a.get("code") and b.get("code"):
            return bool(a["code"] == b["code"])
        if a.get("kind") == "person":
            # A bare surname may be either of two full names, but two full names that
            # differ are two people (namesakes across many articles).
            full_a, full_b = _full_names(a), _full_names(b)
            if full_a and full_b:
                # "Kishida Fumio" and "Fumio Kishida": a family name first or last.
                turned = {" ".join(n.split()[::-1]) for n in full_b if len(n.split()) == 2}
                return bool(full_a & full_b or full_a & turned) or _one_person(full_a, full_b)
        if _names(a) & _names(b):
            return True
        if a.get("kind") == "person" and _sound_names(a) & _sound_names(b):
            return True  # "Tokayev" and "Токаев"
        if a.get("kind") == "organization":
            na, nb = str(a.get("name", "")), str(b.get("name", ""))
            short, long_ = sorted((_norm(na), _norm(nb)), key=len)
            return _org_key(na) == _org_key(nb) or (
                len(short.split()) >= 3 and long_.endswith(" " + short)
            )
        return False
    return a == b


def _refine(key: str, av: Any, bv: Any) -> Any:
    """A more precise date that agrees with the other one, else None."""
    if key in DATE_KEYS and isinstance(av, str) and isinstance(bv, str) and "/" not in av + bv:
        if bv.startswith(av):
            return bv
        if av.startswith(bv):
            return av
    return None


def _union(av: list[Any], bv: list[Any]) -> list[Any]:
    seen = {json.dumps(x, sort_keys=True, default=str) for x in av}
    out = list(av)
    for x in bv:
        k = json.dumps(x, sort_keys=True, default=str)
        if k not in seen:
            seen.add(k)
            out.append(x)
    return out


def merge(
    type: str,
    a: dict[str, Any],
    b: dict[str, Any],
    b_article: str,
    a_articles: list[str] | Callable[[], list[str]],
) -> dict[str, Any]:
    """Merged data: a's values win, gaps are filled from b, disagreements are recorded.

    ``a_articles`` (a's sources) may be a function: it is called only when a new
    disagreement must name them (a fact cited by thousands of articles would otherwise
    have all their names read at every merge)."""
    out = dict(a)
    known: list[list[str]] = []

    def a_sources() -> list[str]:
        if not known:
            known.append(list(a_articles() if callable(a_articles) else a_articles))
        return list(known[0])

    conflicts: dict[str, list[dict[str, Any]]] = {
        k: [dict(e, articles=list(e["articles"])) for e in v]
        for k, v in (a.get("conflicts") or {}).items()
    }
    for key, bv in b.items():
        if key == "conflicts" or bv in (None, "", []):
            continue
        if type == "visits" and key == "status" and {out.get(key), bv} == {"planned", "held"}:
            out[key] = "held"  # announced, then reported as held: one visit, held
            continue
        av = out.get(key)
        if av in (None, "", []):
            out[key] = bv
            continue
        if isinstance(av, list) and isinstance(bv, list):
            out[key] = _union(av, bv)
            continue
        if av == bv or (key == "value" and _close(av, bv)):
            continue
        refined = _refine(key, av, bv)
        if refined is not None:
            out[key] = refined
            continue
        if type == "entities" and key == "name":
            out["aliases"] = _union(list(out.get("aliases") or []), [bv])
            continue
        if key in ("canonical", "title", "description", "visitor", "host", "code"):
            continue
        if key not in conflicts:
            conflicts[key] = [{"value": av, "articles": a_sources()}]
        entries = conflicts[key]
        for e in entries:
            if e["value"] == bv:
                if b_article not in e["articles"]:
                    e["articles"].append(b_article)
                break
        else:
            entries.append({"value": bv, "articles": [b_article]})
    if type == "entities" and out.get("name") in (out.get("aliases") or []):
        out["aliases"] = [x for x in out["aliases"] if x != out["name"]]
    if conflicts:
        out["conflicts"] = conflicts
    return out


def _articles(evidence: list[Evidence]) -> list[str]:
    return list(dict.fromkeys(e.article for e in evidence))


def merge_into(target: Candidate, c: Candidate) -> None:
    """Merge candidate c into target (data and evidence)."""
    art = c.evidence[0].article if c.evidence else ""
    target.data = merge(c.type, target.data, c.data, art, _articles(target.evidence))
    seen = {(e.article, e.start, e.end) for e in target.evidence}
    for e in c.evidence:
        if (e.article, e.start, e.end) not in seen:
            seen.add((e.article, e.start, e.end))
            target.evidence.append(e)


def consolidate(cands: Iterable[Candidate]) -> list[Candidate]:
    """Merge the same facts across articles; order of first appearance is kept."""
    out: list[Candidate] = []
    blocks: dict[str, list[Candidate]] = {}
    for c in cands:
        block = blocks.setdefault(block_key(c), [])
        others = [
            held
            for key in related_blocks(c)
            for name, facts in blocks.items()
            if name == key or (key.endswith("|") and name.startswith(key))
            for held in facts
        ]
        for held in [*block, *others]:
            if same_fact(c.type, held.data, c.data):
                merge_into(held, c)
                break
        else:
            copy = Candidate(c.type, dict(c.data), list(c.evidence))
            block.append(copy)
            out.append(copy)
    return out

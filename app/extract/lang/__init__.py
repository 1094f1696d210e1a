"""The language modules: the words and patterns the recognisers read, one module per
language (``en``: English, ``ru``: Russian).  A recogniser reads them through the article's context
(``L = ctx.lang`` once per function, then ``L.DOC_NOUN.finditer(...)``; a helper without
the context takes the module as a parameter), never from module globals, so a second
language is one more module here, registered in ``LANGUAGES``, not a rewrite.

``language(code)`` gives the module; ``build_context``/``extract``/``extract_article`` take
a code (``lang="en"``), and ``build_context``/``extract`` also a module or any namespace
with the same names (``types.SimpleNamespace(**vars(en))`` with one pattern replaced).

A language module must define the names below (UPPER_CASE, no leading underscore: they
are its interface; ``REQUIRED`` holds the same list).  Some of them carry keys that are
no words but the schema's or the recogniser's own and must be kept as they are:

- ``DATE_PATTERNS``: (kind, regex) in order of precedence; the kinds (``mdy``, ``weekday``,
  ``rel_year``, ...) and their group names are the ones dates.py resolves, and
  ``DATE_PROBES`` has the probe names dates.py's ``_NEEDS`` maps each kind to.
- ``EVENT_TRIGGERS``: (event kind of the schema, regex); ``EVENT_KEYWORD_KIND`` maps a
  cheap lower-case keyword to the kind it may start (a probe before the regexes run);
  ``ANY_EVENT_TRIGGER`` is all triggers in one regex without their group names.
- ``COUNT_METRICS``: (schema metric, noun regex, unit, has a direction);
  ``MONEY_WORDS``: named groups = schema metrics, plus ``block`` for money of another kind.
- ``QUALIFIERS``: (schema qualifier, regex source); ``VISIT_KINDS``: the word the
  ``VISIT_KIND`` regex captures (lower-cased) -> the schema's visit kind.
- Output wording (titles of documents) comes from the module too: ``TITLE_*`` and
  ``BATCH_TAIL_*``; a language whose titles are translated (Russian into English)
  gives ``DOC_TITLE``/``TITLE_WORDS`` (``None`` in English: titles as written).
- Names set to ``None`` (or a never-matching regex) switch off a construction the
  language does not have; the recogniser reads them all the same.
- ``WORD_TO_NUMBER`` is a function: number words -> float (ValueError if none);
  ``DIGITS`` is the regex source of a number written in digits, ``DIGITS_VALUE`` reads it.
- entities.py composes its patterns from regex sources (strings: ``UPPER`` is a character
  class's body, ``NAME_WORD``, ``NAME_PARTICLE``, ``TITLE``, ``HONORIFIC``, ``OFFICE_OF``)
  and from four functions taking the gazetteer's country alternation (a regex source) and
  giving a pattern's source with the group names it reads: ``TITLED_PERSON`` (title, of,
  gov, body, name), ``PORTFOLIO_PERSON`` (title, portfolio, of, name), ``JOINT_PEOPLE``
  (title, a, b, x, y) and ``MECHANISM`` (name).  ``COUNTERPART``, ``LOWER_ROLE`` (name,
  title), ``PARTNERS`` (a, b) and ``NAMED_FOR_COUNTRY`` (c) are compiled, with those groups.
  ``NAME_FORMS`` is the language's name morphology (``None`` where names are not
  declined, as in English; see entities.py).

By recogniser (a name read by two is listed under both):

agreements:
    AGREEMENT_NOUN, APPROVED, AREAS, AREA_ARTICLE, AREA_SPLIT, BATCH_JOIN,
    BATCH_STOPWORDS, BATCH_TAIL_AT_VISIT, BATCH_TAIL_PLANNED, BATCH_TAIL_SIGNED,
    DECLARATION_NOUNS, DOC_ANAPHOR, DOC_NAMES_OTHER, DOC_NOUN, DOC_PLANNED, DONE_AFTER,
    EXCHANGE_NOUN, INSTRUMENTS_CUE, INSTRUMENTS_NOUN, MEMORANDUM_NOUNS, MOU_PLURAL,
    NAME_BEFORE, NAME_OF, NOT_DOC, PARTNERSHIP_CONTEXT_NOUNS, PARTNERSHIP_NAME,
    PARTNERSHIP_STATUS, PARTNERSHIP_WORD, PLURAL_IRREGULAR, PLURAL_SUFFIX, PRESENT_PERFECT,
    PROGRAMME_NOUN, PROGRAMME_NOUN_END, PROGRAMME_VERB, SIGN, SIGNED_WHEN, SIGN_PAST,
    SINGLE_NEEDS_VERB, STATEMENT_NOUN, SUBJECT_ON, TITLE_AND, TITLE_DROP_WORDS,
    TITLE_JOINT, TITLE_OF, TITLE_ON, TITLE_PARTNERSHIP, DOC_TITLE, TITLE_WORDS, DOC_PLURAL,
    DOC_MEMBERS, STATEMENT_SIGNED, DOC_PLANNED_AFTER
visits:
    ACCEPTED, ACTOR, AHEAD, ATTEND_VERBS, CITY_AFTER, COUNTERPART_AFTER, COUNTRY_AFTER,
    COUNTRY_AFTER_THE, HABIT, HERE, HERE_WORD, HOSTING_VERBS, HOST_VERB, INVITATION_OF,
    INVITATION_WORD, INVITED, IN_OR_HERE, LEAD_EVENT, OTHER_VERB, PASSIVE_BEFORE,
    PLURAL_SUFFIX, POSSESSIVE_END, POSSESSOR_BEFORE, PRONOUN, RELATIVE_CLAUSE, REMOTE,
    SINCE, SPEAKER, SPEAKER_AFTER, SPEECH_VERBS, STAY_SUBJECT, STAY_VERBS,
    SUBJECT_AFTER, TALKS_IN, TALK_WORDS, THANKED, VISITING_GAP, VISITING_NAME_GAP,
    VISITING_WORDS, VISITS_COUNTED, VISIT_KIND, VISIT_KINDS, VISIT_OF, VISIT_OF_BY,
    VISIT_PLANNED, VISIT_PRESENT, VISIT_TRIGGER, WHEN_CLAUSE, WHO, VISITING_TITLE_GAP,
    JOINT_SUBJECT, VISIT_PLANNED_AFTER, NAME_FORMS, CITY_AS_WRITTEN, SIGNED_TOGETHER
events:
    AGREED, ANNIVERSARY_WORD, ANY_EVENT_TRIGGER, BILATERAL, CLAUSE_LEAD,
    COUNCIL_EXPANSION, COUNCIL_WORD, EVENT_FUTURE, EVENT_KEYWORD_KIND, EVENT_TRIGGERS,
    INAUGURAL_WORDS, MISSION_KEYWORD, PAST_SUFFIX, RELATIONS_WORD, SAME_YEAR,
    SENTENCE_SUBJECT
statistics:
    ACCORDING_TO, AMONG_BEFORE, BY_YEAR, BY_YEAR_BEFORE, CITIZENS_OF, CLAUSE_BREAK,
    COUNT_METRICS, COUNT_VISITING, CUMULATIVE, CURRENT_BEFORE, CURRENT_WORD,
    DEMONYM_NOUNS, DEMONYM_POSSESSOR_GAP, DEMONYM_VISITED, EACH_OTHER, ECONOMIC,
    FIGURE_SOURCE, FIRST_PERSON, FISCAL, FOUNDED, FROM_BEFORE, FROM_END,
    INDEPENDENCE_YEAR, IN_YEAR_GAP, AND_FIGURE, IT_WAS, JOINT, LEVEL_VERB, MONEY_AFTER_GAP,
    MONEY_BLOCK_GAP, MONEY_COMPOUND, MONEY_DIRECTION_WORD, MONEY_WORDS, MONTHS_OF,
    NAME_POSSESSOR_GAP, NOT_AMOUNT_AFTER, NOT_GAP, NOT_SUBJECT_BEFORE, NOUN_GAP, NOW,
    NUMBER_OF, OTHER_PAIR_BEFORE, PARTNER_WORD, PAST_YEARS, PERIOD_NUMBER_WORDS,
    RANGE_TO, RANK, RANK_OF, RANK_OWNER_GAP, RESULT, SCHOLARSHIP, SHARE_OF, SIGN_WORD,
    SINCE_BEFORE, SINCE_EVENT, START_POINT, SYMMETRIC_INVESTMENT, TARGET, TARGET_AFTER,
    TITLED, TOURIST_WORD, TO_BEFORE, VISA_WORD, POSSESSOR_AFTER_GAP, COMPARED_BEFORE
missions:
    CAPITAL_OF, CITY_ANAPHOR, CITY_NAME_RUN, CITY_OF, CONSULATE_PREFIXES, HAS_VERB,
    HONORARY_PREFIXES, IN_BEFORE, ITS_CAPITAL, LIST_SEP, MISSION_CITY, MISSION_IN,
    MISSION_KEYWORD, NAMED_CAPITAL, OF_COUNTRY, POSSESSIVE, POSSESSIVE_GAP, SENDER_GAP,
    SUBJECT_CLAUSE, CITY_AS_WRITTEN, CITY_BEFORE_MISSION
numbers (every recogniser through find_quantities):
    BRACKET, CURRENCY_ADJ, CURRENCY_NAMES, CURRENCY_PLURAL, CURRENCY_PLURAL_END, DOZEN,
    DOZEN_WORDS, NUMBER_WORDS, ORDINAL, ORDINALS, QUALIFIERS, QUALIFIER_BEFORE, SCALE,
    SCALES, SHARED_SCALE, SHORT_SCALE, US_ADJ, WORDNUM, WORD_TO_NUMBER, DIGITS,
    DIGITS_VALUE
dates (every recogniser through ctx.dates):
    COUNT_WORDS, DATE_PATTERNS, DATE_PROBES, FUTURE, MONTHS, PART_HALF_LETTERS,
    PART_HALF_WORD, PART_ORDER, PAST_BEFORE, REL_DAY_DELTA, REL_DELTA, REL_UNIT_YEAR,
    REL_UNRESOLVED, WEEKDAYS, WEEKDAY_REL_AFTER_PAST_VERB, WEEKDAY_REL_AS_TENSE,
    WEEKDAY_REL_FUTURE
countries:
    CURRENCY_AFTER
context:
    CONNECTIVE, DATELINE, FUTURE
pipeline:
    MAIN_TALKS
entities:
    ADJECTIVE_SUFFIX, BETWEEN_COUNTRIES, BETWEEN_WORDS, CALENDAR_WORDS, COUNTERPART,
    COUNTRY_PERSON_GAP, PERSON_COUNTRY_GAP, DATE_PREPOSITIONS, DAY_WORDS, FORMERLY,
    GENERIC_ORG_WORDS, HONORIFIC, JOINT_PEOPLE, LOCATIVE, LOWER_ROLE, MECHANISM, MEETING_WORDS,
    MISSION_NAMES, NAMED_FOR_COUNTRY, NAME_PARTICLE, NAME_SUFFIXES, NAME_WORD, NOT_NAME,
    NOT_ORG_START, NOT_SURNAMES, OFFICE_OF, ORG_AND, ORG_CONNECTORS, ORG_HEADS, ORG_IN,
    ORG_LEADING_LINKS, ORG_OF, ORG_PHRASE, ORG_TOPIC_LINKS, PARTNERS, PLURAL_SUFFIX,
    PORTFOLIO_PERSON, PORTFOLIO_WORDS, POSSESSIVE_END, ROLE_WORDS, SHORT_WORDS,
    STYLE_ARTICLE, STYLE_OF, STYLE_WORDS, SURNAME_PRONOUNS, TITLE, TITLED_PERSON, UPPER,
    NAME_FORMS
entity_facts:
    LONGER_NAME_BEFORE
sentences:
    ABBREVIATIONS, ABBREVIATIONS_ENDING, CLAUSE, LIST_MARKER

Not in a language module: country and city names and demonyms are the gazetteer's data
(resources/extract/gazetteer.json, plus the few extra forms in countries.py).  The few
English words gazetteer.py itself holds (``GENERIC_FIRST_WORDS``, the "North"/"South"
stems of divided countries, "Union of ... Republics" of historic names, the English
currency symbols from babel) only build that file, so they stay with the build.
entities.py keeps ``ORG_HEADS`` (English) as a name for app.consolidate.  Callers of
``split_clauses`` that pass no language get English clause joints.
"""

from __future__ import annotations

from collections.abc import Callable
from types import ModuleType
from typing import Any, TypeVar

from . import en, ru

LANGUAGES: dict[str, ModuleType] = {"en": en, "ru": ru}


def _required(doc: str) -> dict[str, tuple[str, ...]]:
    """The names the docstring lists, by recogniser (the docstring is the one list)."""
    body = doc.split("By recogniser", 1)[1].split("Not in a language module", 1)[0]
    out: dict[str, tuple[str, ...]] = {}
    key = ""
    for line in body.splitlines()[1:]:
        if line and not line.startswith(" "):
            key = line.split()[0].rstrip(":")
            out[key] = ()
        elif line.strip():
            out[key] += tuple(n.strip() for n in line.split(",") if n.strip())
    return out


# the names a language module must define, by the recogniser that reads them
REQUIRED: dict[str, tuple[str, ...]] = _required(__doc__ or "")


def language(code: str = "en") -> ModuleType:
    """The language module for code ("en"); ValueError naming the known codes if none."""
    try:
        return LANGUAGES[code]
    except KeyError:
        known = ", ".join(sorted(LANGUAGES))
        raise ValueError(f"unknown language {code!r}; known: {known}") from None


T = TypeVar("T")
_BUILT: dict[tuple[int, Any], tuple[Any, Any]] = {}


def built_for(lang: Any, build: Callable[[Any], T]) -> T:
    """``build(lang)``, made once per language (keyed on the module, which is kept to
    check that a reused id is the same module): the patterns a recogniser compiles from
    a language's words."""
    key = (id(lang), build)
    held = _BUILT.get(key)
    if held is None or held[0] is not lang:
        held = _BUILT[key] = (lang, build(lang))
    return held[1]


__all__ = ["LANGUAGES", "REQUIRED", "built_for", "language"]

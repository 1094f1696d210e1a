"""English: the words and patterns the recognisers read (see ``lang/__init__.py`` for the
list a language module must define).

Everything here is the module's interface: UPPER_CASE names, no leading underscore.
Language-independent logic stays in the recognisers; only what is English lives here.
"""

from __future__ import annotations

import re
from typing import Any

from word2number import w2n

_I = re.IGNORECASE

# --- agreements (agreements.py) ---------------------------------------------------------
DOC_NOUN = re.compile(
    r"\b(?P<joint>joint\s+)?(?P<noun>declarations?|statements?|communiqu[eé]s?|"
    r"memorand(?:ums?|a)(?:\s+of\s+understanding)?|MoUs?|agreements?|treat(?:y|ies)|accords?|"
    r"protocols?|documents|deals|road\s?maps?|action\s+plans?|(?:legal\s+)?instruments|"
    r"exchanges?\s+of\s+notes|side\s+letters?|letters?\s+of\s+intent|"
    r"(?:(?:comprehensive|joint|cooperation|action|state|intergovernmental|bilateral|"
    r"development)\s+)?programm?e?s?)\b",
    re.IGNORECASE,
)
# a bare "programme" is a document only when adopted, approved or signed: "to adopt a
# programme covering ...", "approved the programme of cooperation"
PROGRAMME_VERB = re.compile(
    r"\b(?:adopt|approv|sign|ink)\w*\s+(?:an?|the|their|its)\s+(?:[\w-]+\s+){0,2}$", re.I
)
PROGRAMME_NOUN = re.compile(r"programm?e?")  # searched in the lower-cased noun
PROGRAMME_NOUN_END = re.compile(r"programm?e?s?$")
APPROVED = re.compile(r"\bapprov", re.I)
SIGN = re.compile(
    r"\b(?:sign(?:ed|ing|s)?|ink(?:ed|ing)?|conclud(?:ed|ing)|adopt(?:ed|ing)|"
    r"issu(?:ed|ing)|ratif(?:ied|y)|exchang(?:ed|ing))\b",
    re.IGNORECASE,
)
DOC_PLANNED = re.compile(
    r"\b(?:will|shall|agree(?:d|s)?\s+to|"
    r"(?:is|are)\s+(?:scheduled|expected|set|due|going|slated)"
    r"\s+to|plans?\s+to|planning\s+to|to\s+be\s+signed|intends?\s+to|"
    r"expected\s+to\s+result|would)\b",
    re.IGNORECASE,
)
PARTNERSHIP_STATUS = re.compile(
    r"\bstatus\s+of\s+(?:an?\s+)?(?P<p>(?:[\w-]+\s+){0,2}partnership)\b", re.I
)
AREAS = re.compile(
    r"\b(?:cover(?:s|ed|ing)?|in\s+the\s+(?:fields?|areas?|spheres?)\s+of|"
    r"(?:such\s+)?areas\s+(?:such\s+)?as)\s+(?:such\s+areas\s+as\s+)?"
    r"(?P<list>[^.;:]+)",
    re.IGNORECASE,
)
AREA_SPLIT = re.compile(r",\s*(?:and\s+|as\s+well\s+as\s+)?|\s+and\s+|\s+as\s+well\s+as\s+")
AREA_ARTICLE = re.compile(r"^(?:the|a|an|such|other)\s+", re.I)
SIGN_PAST = re.compile(r"\b(?:signed|inked|concluded|adopted|issued|exchanged)\b", re.I)
# same-day news in the present perfect: "have issued a joint communique", "has been
# signed" (CONVENTIONS 2: the article's date)
PRESENT_PERFECT = re.compile(
    r"\b(?:has|have)\s+(?:(?:now|today|just|also)\s+)?(?:been\s+)?"
    r"(?:signed|inked|concluded|adopted|issued|exchanged)\b",
    re.I,
)
DONE_AFTER = re.compile(
    r"\s+(?:(?:was|were|had\s+been|has\s+been)\s+)?(?:signed|issued|adopted|inked|concluded)\b",
    re.I,
)
NOT_DOC = re.compile(r"declaration\s+of\s+independence|statements?\s+(?:by|from)\b", re.I)
# "legal instruments", "signed ... instruments": otherwise "instruments" are no documents
INSTRUMENTS_NOUN = "instruments"
INSTRUMENTS_CUE = re.compile(r"\b(?:sign|legal)", re.I)
EXCHANGE_NOUN = "exchange"  # "exchange of notes" is singular though it ends in "s"
PLURAL_IRREGULAR = ("memorandums", "memoranda")
MOU_PLURAL = "mous"  # "MoUs" signed without a verb are still documents
STATEMENT_NOUN = "statement"  # only a joint statement is a document
SINGLE_NEEDS_VERB = ("agreement", "treat", "accord", "protocol", "deal")
PARTNERSHIP_CONTEXT_NOUNS = ("agreement", "treat", "accord")
DOC_ANAPHOR = re.compile(r"\b(?:the|this|that|these|their|its)\s+(?:joint\s+)?$", re.I)
DOC_NAMES_OTHER = re.compile(r"\s+(?:on|of|for)\s")
BATCH_JOIN = re.compile(r"\s+(?:and|&|as\s+well\s+as)\s+")
SIGNED_WHEN = re.compile(r"\s*(?:when|where|after)\b")
# kind_of: noun prefixes per kind (the noun lower-cased)
DECLARATION_NOUNS = ("declaration", "statement", "communiq")
MEMORANDUM_NOUNS = ("memorand", "mou")
AGREEMENT_NOUN = "agreement"
PARTNERSHIP_WORD = "partnership"
PARTNERSHIP_NAME = re.compile(
    r"\b((?:(?!(?:an?|the|on|of|in|for|with)\s)[a-z-]+\s+){0,2}partnership)", re.IGNORECASE
)
TITLE_PARTNERSHIP = "{} agreement"  # "Strategic partnership agreement"
TITLE_DROP_WORDS = ("The", "A", "An", "This", "That", "Joint")
TITLE_JOINT = "Joint "
TITLE_ON = " on "
TITLE_OF = "of"  # "Treaty of ...": a name even when the noun is lower-case
TITLE_AND = " and "
NAME_BEFORE = re.compile(r"((?:[A-Z][\w’'-]*\s+){1,5})$")
NAME_OF = re.compile(
    r"\s+(of|on|for)\s+(?:the\s+)?([A-Z][\w'-]*(?:\s+(?:(?:and|of|for|on|the|in)"
    r"\s+)*[A-Z][\w'-]*)*)"
)
SUBJECT_ON = re.compile(
    r"\s+on\s+(?:the\s+)?(?![A-Z][a-z]+day|\d)([^,.;(]{3,80}?)"
    r"(?=\s+(?:which|that|to|between|was|were|is|signed|as|during|at|and\s+(?:an?|"
    r"the|its|their|his|her|also|other|several|more|over|[a-z]+ed|\d+|one|two|three|"
    r"four|five|six|seven|eight|nine|ten|eleven|twelve))\b|[,.;(]|$)"
)
# words before "documents" that are no part of the batch's title
BATCH_STOPWORDS = (
    "of", "the", "and", "a", "an", "new", "various", "several", "more", "than", "dozen",
    "number", "other", "such", "numerous", "many", "signed", "signing", "some", "significant",
    "important", "key", "total", "over", "about", "nearly", "almost", "around", "to", "be",
    "ink", "sign", "conclude", "adopt", "able", "will", "would", "could",
)  # fmt: skip
BATCH_TAIL_PLANNED = "to be signed"
BATCH_TAIL_AT_VISIT = "signed during the visit"
BATCH_TAIL_SIGNED = "signed"

# --- dates (dates.py; context.py reads FUTURE) -------------------------------------------
MONTH_NAMES = (
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december",
)  # fmt: skip
# month name (and abbreviation) -> 1..12, in the order the calendar module gives them in
# the C locale (the order decides which of two equally long names the regex tries first)
MONTHS: dict[str, int] = {}
for _i, _name in enumerate(MONTH_NAMES, start=1):
    MONTHS[_name] = _i
    MONTHS[_name[:3]] = _i
MONTHS["sept"] = 9
del _i, _name
WEEKDAYS = {
    d: i
    for i, d in enumerate(
        ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
    )
}  # weekday name -> 0 (Monday) .. 6

MONTH_NAME_SRC = (
    r"(?=[JFMASOND])(?:"
    + "|".join(sorted((m.capitalize() for m in MONTHS), key=len, reverse=True))
    + r")"
)
MONTH_SRC = MONTH_NAME_SRC + r"\.?"
DAY_SRC = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
YEAR_SRC = r"(?:1[89]\d\d|20\d\d)"
DASH_SRC = r"\s*[-–—]\s*"
COUNT_WORDS = {
    w: i
    for i, w in enumerate(
        ("two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven"), start=2
    )
}
COUNT_SRC = r"(?:\d{1,2}|" + "|".join(COUNT_WORDS) + ")"
WEEKDAY_SRC = r"(?=[MTWFS])(?:" + "|".join(d.capitalize() for d in WEEKDAYS) + r")"

DATE_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    (
        "md_range_y",
        re.compile(
            rf"\b(?P<m>{MONTH_SRC})\s+(?P<d1>{DAY_SRC})(?:{DASH_SRC}|\s+(?:to|until|through|"
            rf"and)\s+)(?P<d2>{DAY_SRC}),?\s+(?P<y>{YEAR_SRC})\b"
        ),
    ),
    (
        "dm_range_y",
        re.compile(
            rf"\b(?P<d1>{DAY_SRC})(?:{DASH_SRC}|\s+(?:to|until|and)\s+)(?P<d2>{DAY_SRC})\s+"
            rf"(?P<m>{MONTH_SRC}),?\s+(?P<y>{YEAR_SRC})\b"
        ),
    ),
    (
        "md_range",
        re.compile(
            rf"\b(?P<m>{MONTH_SRC})\s+(?P<d1>{DAY_SRC})(?:{DASH_SRC}|\s+(?:to|until|through|"
            rf"and)\s+)(?P<d2>{DAY_SRC})\b(?!,?\s*\d)"
        ),
    ),
    (
        "dm_range",
        re.compile(
            rf"\b(?P<d1>{DAY_SRC})(?:{DASH_SRC}|\s+(?:to|until|and)\s+)(?P<d2>{DAY_SRC})\s+"
            rf"(?P<m>{MONTH_SRC})\b(?!,?\s*\d)"
        ),
    ),
    ("mdy", re.compile(rf"\b(?P<m>{MONTH_SRC})\s+(?P<d>{DAY_SRC}),?\s+(?P<y>{YEAR_SRC})\b")),
    (
        "dmy",
        re.compile(rf"\b(?P<d>{DAY_SRC})\s+(?:of\s+)?(?P<m>{MONTH_SRC}),?\s+(?P<y>{YEAR_SRC})\b"),
    ),
    ("iso", re.compile(r"\b(?P<y>(?:19|20)\d\d)-(?P<mo>0[1-9]|1[0-2])-(?P<d>[0-3]\d)\b")),
    (
        "mm_between",
        re.compile(
            rf"\b(?:between|from)\s+(?P<m1>{MONTH_SRC})\s+(?:and|to|until|through)\s+"
            rf"(?P<m2>{MONTH_SRC})(?:,?\s+(?P<y>{YEAR_SRC}))?\b"
        ),
    ),
    (
        "yy_between",
        re.compile(
            rf"\b(?:between|from)\s+(?P<y1>{YEAR_SRC})\s+(?:and|to|until|through)\s+"
            rf"(?P<y2>{YEAR_SRC})\b"
        ),
    ),
    ("yy_range", re.compile(rf"\b(?P<y1>{YEAR_SRC})\s*[-–/]\s*(?P<y2>{YEAR_SRC}|\d\d)\b")),
    (
        "mm_range_y",
        re.compile(
            rf"\b(?P<m1>{MONTH_SRC})\s*[-–—]\s*(?P<m2>{MONTH_SRC}),?\s+"
            rf"(?P<y>{YEAR_SRC})\b"
        ),
    ),
    (
        "part_y",
        re.compile(
            rf"\b(?:(?:the\s+)?(?P<ord>first|second|third|fourth|last)\s+"
            rf"(?P<unit>half|quarter)|(?:the\s+)?first\s+(?P<n>{COUNT_SRC})\s+months|"
            rf"(?P<hq>[HQ][1-4]))\s+(?:of\s+)?(?P<y>{YEAR_SRC})\b",
            re.IGNORECASE,
        ),
    ),
    ("my", re.compile(rf"\b(?P<m>{MONTH_SRC}),?\s+(?P<y>{YEAR_SRC})\b")),
    ("dm", re.compile(rf"\b(?P<d>{DAY_SRC})\s+(?P<m>{MONTH_SRC})\b(?!,?\s*\d)")),
    ("md", re.compile(rf"\b(?P<m>{MONTH_SRC})\s+(?P<d>{DAY_SRC})\b(?!\s*,?\s*\d)")),
    (
        "m",
        re.compile(
            # the word may open the sentence: "In July, ..."
            rf"\b(?i:in|since|by|during|until|from|of|early|late|mid-?|last|next|this)\s+"
            rf"(?P<m>{MONTH_SRC})\b"
        ),
    ),
    ("y", re.compile(rf"(?<![\d$€£.,])\b(?P<y>{YEAR_SRC})\b(?![.,]\d|\s*%)")),
    (
        "weekday",
        re.compile(
            rf"\b(?:(?P<rel>(?i:last|next|this|on|later on|earlier on))\s+)?"
            rf"(?P<wd>{WEEKDAY_SRC})\b"
        ),
    ),
    (
        "rel_year",
        re.compile(
            r"\b(?P<rel>(?i:last|this|next|past|previous|the previous|the past|"
            r"the same|that|the following))\s+(?P<unit>year|month)\b"
        ),
    ),
    ("rel_day", re.compile(r"\b(?P<rel>today|yesterday|tomorrow)\b", re.IGNORECASE)),
    # "on that day", "the same day": the day the sentence before gives
    ("same_day", re.compile(r"(?i)\b(?:on\s+)?(?:that(?:\s+same)?|the\s+same)\s+day\b")),
    # "in the same period", "in that same year": the period of the figure before
    (
        "same_period",
        re.compile(
            r"\b(?:in|over|during)\s+the\s+same\s+period\b|"
            r"\b(?i:in|during)\s+(?:the|that)\s+same\s+year\b|\b(?i:in)\s+that\s+year\b"
        ),
    ),
]

DATE_PROBES = {
    "month": re.compile(MONTH_NAME_SRC),
    "part": re.compile(r"(?i)\b(?:half|quarter|months|[HQ][1-4])\b"),
    "year": re.compile(r"\b(?:1[89]|20)\d\d\b"),
    "digit_month": re.compile(r"\d"),
    "weekday": re.compile(WEEKDAY_SRC),
    "rel": re.compile(r"(?i)\b(?:year|month)\b"),
    "day": re.compile(r"(?i)\b(?:today|yesterday|tomorrow)\b"),
    "period": re.compile(r"same (?:period|year)|(?i:in) that year"),
    "same_day": re.compile(r"(?i)\b(?:that|same) day\b"),
}
# "signed Tuesday", "said on Tuesday", "met on Monday": a past verb dates a past day
PAST_BEFORE = re.compile(
    r"\b(?:\w+ed|said|met|held|told|spoke|made|took|gave|came|went|began|"
    r"paid|saw|sent|led|won|left|wrote|flew)\s+(?:on\s+)?$"
)

FUTURE = re.compile(
    r"\b(?:will|shall|is\s+(?:scheduled|expected|set|due|going)\s+to|"
    r"are\s+(?:scheduled|expected|set|due|going)\s+to|to\s+be\s+held|later\s+on|"
    r"upcoming|next|plans?\s+to|would|invitation\s+to\s+(?:visit|pay|come|attend))\b",
    re.IGNORECASE,
)


# resolving the relative expressions the patterns above find (words lower-cased)
WEEKDAY_REL_AS_TENSE = ("", "on", "this")  # "on Tuesday": past or future as the clause says
WEEKDAY_REL_FUTURE = ("next", "later on")
WEEKDAY_REL_AFTER_PAST_VERB = ("next",)  # "signed next Tuesday" is still ahead
REL_UNRESOLVED = ("the same", "that")  # "that year": only the context knows
REL_DELTA = {
    "last": -1,
    "past": -1,
    "previous": -1,
    "the previous": -1,
    "the past": -1,
    "this": 0,
    "next": 1,
    "the following": 1,
}
REL_UNIT_YEAR = "year"
REL_DAY_DELTA = {"today": 0, "yesterday": -1, "tomorrow": 1}
PART_HALF_LETTERS = "Hh"  # "H1 2024" is a half year, "Q3 2024" a quarter
PART_HALF_WORD = "half"
PART_ORDER = {"first": 1, "second": 2, "third": 3, "fourth": 4}

# --- numbers (numbers.py: quantities, ordinals, qualifiers) -----------------------------
SCALES = {
    "thousand": 1e3,
    "million": 1e6,
    "mln": 1e6,
    "mn": 1e6,
    "m": 1e6,
    "billion": 1e9,
    "bln": 1e9,
    "bn": 1e9,
    "b": 1e9,
    "trillion": 1e12,
    "tn": 1e12,
    "k": 1e3,
    "hundred": 1e2,
    "lakh": 1e5,
    "crore": 1e7,
    "bil": 1e9,
    "mil": 1e6,
}
SCALE = r"(?:thousand|million|billion|trillion|mln|bln|mn|bn|tn|bil|mil|lakh|crore|hundred)\b"
SHORT_SCALE = r"(?:[mbk]n?|tn)\b"
UNIT_WORDS = (
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
    "twenty",
    "thirty",
    "forty",
    "fifty",
    "sixty",
    "seventy",
    "eighty",
    "ninety",
)
UNITS_SRC = "|".join(sorted(UNIT_WORDS, key=len, reverse=True))
WORDNUM = (
    rf"\b(?:{UNITS_SRC})(?:[\s-]+(?:and\s+)?(?:{UNITS_SRC}|hundred|thousand|million|billion)\b)*"
    r"(?![\w-])"
)
ORDINAL_WORDS = (
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "tenth",
    "eleventh",
    "twelfth",
    "thirteenth",
    "fourteenth",
    "fifteenth",
    "sixteenth",
    "seventeenth",
    "eighteenth",
    "nineteenth",
    "twentieth",
)
ORDINALS = {w: i for i, w in enumerate(ORDINAL_WORDS, start=1)}
ORDINAL = re.compile(r"(?i)\b(?:(?P<n>\d+)(?:st|nd|rd|th)|(?P<w>" + "|".join(ORDINALS) + r"))\b")

QUALIFIERS = [
    (
        "more_than",
        r"more\s+than|over|above|exceed(?:ed|ing|s)?|in\s+excess\s+of|upwards\s+of|"
        r"at\s+least|surpass(?:ed|ing)?|topp(?:ed|ing)|beyond",
    ),
    ("less_than", r"less\s+than|fewer\s+than|under|below|up\s+to|at\s+most"),
    (
        "about",
        r"about|around|approximately|nearly|almost|some|roughly|close\s+to|"
        r"an\s+estimated|estimated|approx\.?|approach(?:ed|ing|es)?",
    ),
]
QUALIFIER_BEFORE = re.compile(
    r"(?i)\b(?:"
    + "|".join(f"(?P<{k}>{v})" for k, v in QUALIFIERS)
    + r")\s+(?:the\s+|a\s+|an\s+)?(?:current\s+)?$"
)


BRACKET = re.compile(
    r"\s*[(\[]\s*(?:(?:about|around|approximately|roughly|some|nearly|over|"
    r"almost|or|equivalent\s+to|worth)\s+)?"
)


CURRENCY_NAMES = {
    "pound": ["GBP"],
    "sterling": ["GBP"],
    "yuan": ["CNY"],
    "renminbi": ["CNY"],
    "rouble": ["RUB"],
    "ruble": ["RUB"],
    "lira": ["TRY"],
    "tenge": ["KZT"],
    "ringgit": ["MYR"],
    "naira": ["NGN"],
    "rand": ["ZAR"],
    "dirham": ["AED", "MAD"],
}
# "3 or 4 billion euros", "between 2 and 3 million": the first number shares the
# scale and the currency of the second
SHARED_SCALE = re.compile(r"\s*(?:-|–|to|or|and(?:\s+then|\s+later|\s+eventually)?)\s*")


# word numbers besides WORDNUM that name a count ("a dozen", "several dozen")
DOZEN_WORDS = r"(?:a|one)\s+dozen|dozens|several\s+dozen"
CURRENCY_PLURAL = r"(?:s|es)?"  # "dollars", "rupees"; the regex after a currency name
CURRENCY_PLURAL_END = "s"  # stripped to look a name up: "euros" -> "euro"
DOZEN = "dozen"  # any word number holding it is 12
NUMBER_WORDS = frozenset((*UNIT_WORDS, "dozen", "dozens"))  # probe: the text holds a number
# an adjective before a currency name: "US dollars", "Canadian dollars"
CURRENCY_ADJ = r"U\.?S\.?|[A-Z][a-z]+"
US_ADJ = "US"  # "U.S." without its dots


def _word_to_number(words: str) -> float:
    """'seventy-eight' -> 78.0; ValueError when the words are no number."""
    return float(w2n.word_to_num(words))


WORD_TO_NUMBER = _word_to_number  # number words -> their value (word2number)

# --- visits (visits.py) ----------------------------------------------------------------
VISIT_TRIGGER = re.compile(
    r"\b(?:[Vv]isit(?:ed|ing)?|visits(?=\s+[A-Z])|arriv(?:ed|es|e|ing)|trip|"
    r"(?<!free\s)(?<!-free\s)(?<!visa\s)travel(?:l?ed|s)?(?!\s+(?:ban|advisory|"
    r"restrictions?|documents?|agenc))|(?:is|are)\s+(?:currently\s+)?in(?=\s+[A-Z])|"
    r"tour(?:ed)?|host(?:ed|s)|welcom(?:ed|es)|receiv(?:ed|es))\b"
    r"(?!\s+(?:and|to\s+the\s+two|on\s+to|onward))"
)
HOSTING_VERBS = ("host", "welcom", "receiv")
# "X has arrived in", "X arrives in" (a headline), "X is in Y on a visit", "X is visiting":
# same-day news, dated by the article when the sentence gives no date of its own
VISIT_PRESENT = re.compile(
    r"\b(?:(?:has|have)\s+(?:just\s+)?arrived|arrives|(?:is|are)\s+(?:currently\s+"
    r")?(?:in|visiting|on\s+(?:an?|his|her|their)\b))\b"
)
# a date right after another verb is that verb's: "the deal signed in July"
OTHER_VERB = re.compile(
    r"\b(?:signed|agreed|adopted|concluded|announced|launched|established|"
    r"founded|reached|set\s+up|took\s+effect)\s+(?:(?:in|on|last|this|"
    r"earlier|back)\s+)?$"
)
# "ahead of the summit on Wednesday": that date is the summit's
AHEAD = re.compile(r"\b(?:ahead\s+of|before|prior\s+to|in\s+preparation\s+for)\b", re.I)
# "<city> regularly hosts delegations": a habit, no visit
HABIT = re.compile(
    r"\b(?:regularly|often|frequently|usually|routinely|traditionally|annually|"
    r"every\s+year|each\s+year)\s+(?:\w+\s+)?$",
    re.I,
)
VISIT_KIND = re.compile(r"\b(state|official|working)\s+visit\b", re.IGNORECASE)
VISIT_PLANNED = re.compile(
    r"\b(?:will|shall|(?:is|are)\s+(?:scheduled|expected|set|due|going|slated)\s+to|"
    r"plans?\s+to|planning\s+to|intends?\s+to|invited\b.{0,80}?\bto\s+(?:visit|pay|come)|"
    r"invitation\s+to\s+(?:visit|pay|come)|upcoming|forthcoming|planned|to\s+be\s+held)\b",
    re.IGNORECASE,
)
THANKED = re.compile(r"\b(?:gratitude|thank(?:ed|s)?|grateful)\b.{0,80}\binvitation\b", re.I)
CITY_AFTER = re.compile(
    r"^\s*(?:in|at|to)?\s*(?:the\s+(?:[A-Z][\w-]+\s+)?(?:capital|city)(?:\s+of)?\s+|"
    r"[A-Z][\w-]+[’']s\s+(?=[A-Z]))?"
    r"(?P<city>[A-ZÀ-ÖØ-ÞİŞ][\w’'-]+"
    r"(?:\s+[A-Z][\w'-]+){0,2})"
)
HERE = re.compile(r"^\s*here\b")
# "X, who is on an official visit to Y", "X, on his first visit to Y": X is the visitor
WHO = re.compile(
    r",\s+(?:who\s+(?:is|was|has|had|will|arrived|came|flew)\b|on\s+(?:his|her|a|an|"
    r"their)\b)[^,]*$"
)
# "X held talks in Cairo with Y", "X met Y ... in the capital Cairo", "the summit, co-chaired
# by X and Y, was held in Cairo", "X said on Monday in Cairo": the one of them from the other
# country visits the city's country
TALKS_IN = re.compile(
    r"\b(?:(?:held|holds|hold|holding|had)\s+(?:[\w-]+\s+){0,3}?(?:talks|"
    r"session|meeting|consultations|press\s+conference|summit)(?:\s+of\s+(?:the\s+)?"
    r"(?:[\w-]+\s+){0,2}?[\w-]+)?|met|co-?chaired|chaired|"
    r"(?:was|were|will\s+be|(?:is|are)\s+(?:to\s+be|being))\s+held|"
    r"said|told\s+(?:reporters|journalists)|speaking|addressing|"
    r"(?:their|bilateral)\s+(?:[\w-]+\s+)?(?:talks|meeting|summit)|"
    r"(?:attend(?:ed|ing|s)?|inaugurat(?:ed|ing|es?)|signed)\b[^.;]{0,90}?)"
    r"(?:\s+(?:on|late|early)\s+\w+(?:\s+\w+)?)?(?:\s+with\b[^.;]{0,100}?)?"
    r"(?:\s+at\s+the\b[^.;,]{0,60}?)?"
    r"\s+(?:here\b|in\s+(?:the\s+(?:[A-Z][\w-]+\s+)?capital(?:\s+of)?\s+)?(?=[A-Z]))"
)
SPEAKER = re.compile(
    r"(?:[Pp]resident|[Pp]rime\s+[Mm]inister|[Pp]remier|[Ff]oreign\s+[Mm]inister|"
    r"[Cc]hancellor|[Ll]eader|[Mm]inister)s?\b"
)
SPEECH_VERBS = ("said", "told", "speaking", "addressing")
TALK_WORDS = (
    "attend",
    "signed",
    "inaugurat",
    "talks",
    "met ",
    "chaired",
    "session",
    "meeting",
    "consultations",
    "said",
    "told",
    "speaking",
    "addressing",
    "press conference",
    "summit",
)
SINCE = re.compile(r"\b(?:since|after|before)\b[^,;.]{0,60}$", re.I)
ACTOR = re.compile(
    r"\b(?:President|Prime\s+Minister|Minister|King|Queen|Emir|Chancellor|"
    r"[Ll]eader|[Dd]elegation|Head\s+of\s+State|[Pp]remier|Crown\s+Prince)"
)
REMOTE = re.compile(
    r"[^.]{0,30}?\b(?:call|letter|message|phone|video|virtual|online|"
    r"credentials|congratulat\w*|decision|news|proposal)\b",
    re.I,
)
PRONOUN = re.compile(
    r"\b(?:[Hh]is|[Hh]er)\s+(?:\w+\s+){0,2}(?:visit|trip)|\b(?:[Hh]e|[Ss]he)\s+"
    r"(?:\w+\s+)?(?:visited|arrived|travell?ed)\b"
)
HOST_VERB = re.compile(r"\b(?:hosted|welcomed|received|greeted)\b")
INVITED = re.compile(r"\binvited\b")
INVITATION_OF = re.compile(r"\b(?:at|upon|on)\s+the\s+invitation\s+of\b", re.I)


LEAD_EVENT = re.compile(r"\b(?:meeting|talks|summit|visit|arrived|met|negotiations)\b")

RELATIVE_CLAUSE = re.compile(r",\s+(?:who|which)\b[^,;]*(?:,|$)")
PLURAL_SUFFIX = "s"  # "visit" + "s"
VISIT_KINDS = {"state": "state", "official": "official", "working": "working"}  # -> schema
# a country right after the visit word: "travelled to X", "visited X"
COUNTRY_AFTER_THE = re.compile(r"\b(?:to|in|visited|visit|visiting|at|arrived)\s+(?:the\s+)?$")
COUNTRY_AFTER = re.compile(r"\b(?:to|in|visited|visit|visiting|at|arrived)\s*$")
POSSESSIVE_END = re.compile(r"[’']s$")
VISITING_GAP = re.compile(r"^\s*(?:of\s+)?(?:the\s+)?$")  # "visit of the Polish ..."
VISITING_NAME_GAP = re.compile(r"^\s*(?:of\s+)?(?:the\s+)?(?:[A-Z][\w-]*\s+){0,3}$")
# a country that is a subject: "Poland's leader", "Poland has ..."
SUBJECT_AFTER = re.compile(r"[’']s?\b|\s+[\w-]+\s+(?:and|has|have|is|was)\b")
PASSIVE_BEFORE = re.compile(r"\b(?:was|were|been|being|is|are)\s+$")  # "X was received by"
VISITING_WORDS = ("visiting",)  # "visiting Polish President X": X is the visitor
VISIT_OF_BY = re.compile(r"\s+(?:of|by)\b")  # "the visit of X", "a visit by X"
VISIT_OF = " of"
POSSESSOR_BEFORE = re.compile(r"([\w-]+)[’']s\s+(?:(?:first|second|last|recent|\w+)\s+){0,2}$")
INVITATION_WORD = "invitation"  # "accepted X's invitation to visit": X hosts
ACCEPTED = re.compile(r"\baccept\w*\b")  # "thanked X for accepting the invitation"
HERE_WORD = "here"  # a dateline's city: "talks here"
# "attended", "inaugurated", "signed ... in <city>": the one named from elsewhere visits
ATTEND_VERBS = ("attend", "inaugurat", "signed")
# "X and Y signed ... in <city>" (the signers named right before the verb), not "the
# programme signed in <city>" (a document signed there once)
SIGNED_TOGETHER = ("signed",)
# "X is in Y": a stay only with a person (or "he", "the president") as subject
STAY_VERBS = ("is", "are")
STAY_SUBJECT = re.compile(r"(?:\b(?:[Hh]e|[Ss]he|[Tt]hey)|" + ACTOR.pattern + r"s?)$")
SPEAKER_AFTER = re.compile(r"(?:[’']s)?\s+" + SPEAKER.pattern)  # "Chile's foreign minister"
COUNTERPART_AFTER = re.compile(r"\s+(?:counterpart|[A-Z])")
# "mutual visits", "several visits", "state visits": counted, no one visit
VISITS_COUNTED = re.compile(
    r"\b(?:mutual|reciprocal|\d[\d,]*|several|many|numerous|(?:state|official|"
    r"working)\s+)\s*$"
)
IN_OR_HERE = re.compile(r"\b(?:in|here)\b")
WHEN_CLAUSE = ", when"  # "since 2019, when X visited": that date is the visit's

# --- events (events.py) ----------------------------------------------------------------
# the kind of event, and the phrase that names it
EVENT_TRIGGERS: list[tuple[str, re.Pattern[str]]] = [
    ("recognition", re.compile(r"\brecogni[sz](?:e|ed|es|ing|tion)\b.{0,60}?\bindependence", _I)),
    (
        "diplomatic_relations",
        re.compile(
            r"\b(?:establish(?:ed|ing|ment\s+of)?|set\s+up|open(?:ed|ing)?|launch(?:ed)?|"
            r"forg(?:ed|ing)|normali[sz](?:ed|ing|ation\s+of)|restor(?:ed|ing|ation\s+of)|"
            r"resum(?:ed|ing|ption\s+of))\s+(?:full\s+|formal\s+)?(?:diplomatic\s+)?(?:relations|ties)\b|"
            r"\bdiplomatic\s+(?:relations|ties)\s+(?:were|was|had\s+been)\s+(?:officially\s+|"
            r"formally\s+)?established|\b(?:relations|ties)\s+(?:(?:that|which)\s+)?(?:were|was|had\s+been|"
            r"have\s+been)\s+(?:officially|formally)\s+(?:established|set\s+up)",
            _I,
        ),
    ),
    (
        "embassy_opened",
        re.compile(
            r"\b(?:open(?:ed|ing|s)?|set\s+up|establish(?:ed|ing)?|inaugurat(?:ed|ing))\s+(?:its\s+|"
            r"an\s+|the\s+|their\s+)?(?:first\s+)?embass(?:y|ies)\b|\bembass(?:y|ies)\b[^.]{0,40}?"
            r"\b(?:start(?:ed|ing)|began|beginning|commenc(?:ed|ing))\s+(?:its\s+)?operations",
            _I,
        ),
    ),
    (
        "partnership_upgrade",
        re.compile(
            r"\b(?:rais(?:ed|e|ing)|elevat(?:ed|e|ing)|upgrad(?:ed|e|ing)|reach(?:ed)?|gain(?:ed)?|"
            r"lift(?:ed)?)\b[^.]{0,90}?\bpartnership\b|\bestablish(?:ed|ing|ment\s+of)\s+(?:an?\s+|"
            r"the\s+)?(?:[\w-]+\s+){0,3}?partnership\b|"
            # a milestone named with its year: "the Strategic Partnership in 2009"
            r"(?-i:\b(?:[A-Z][\w-]+\s+){1,3}Partnership)(?=\s+(?:in|of)\s+(?:[A-Z][a-z]+\s+)?\d{4}\b)",
            _I,
        ),
    ),
    (
        "council_established",
        re.compile(
            r"\b(?:establish(?:ed|ing)?|set\s+up|found(?:ed)?|creat(?:ed|ing)|launch(?:ed|ing)?|"
            r"unveil(?:ed|ing)?)(?:\s+of)?\s+"
            r"(?:a|an|the)\s+(?:[\w-]+\s+){0,5}?(?:council|commission|committee)\b|"
            r"^(?P<est1>(?:[Ee]stablished|[Ss]et\s+up|[Ff]ounded|[Cc]reated)\s+in\s+)"
            r"(?=\d{4}\b[^.]{0,12}\bthe\s+(?:body|council|commission|committee|mechanism)\b)|"
            r"(?-i:\b(?P<est2>[Cc]ouncil|[Cc]ommission|[Cc]ommittee|[A-Z]{2,6})),?\s+(?:which\s+was\s+)?"
            r"(?:established|set\s+up|founded|created)\s+in\s+(?=\d{4}\b)",
            _I,
        ),
    ),
    (
        "council_meeting",
        re.compile(
            r"\b(?P<ord>\w+)\s+(?:meeting|session)\s+of\s+the\s+(?:[\w-]+\s+){0,6}?"
            r"(?:council|commission|committee|dialogue|working\s+group|cabinet)\b|\b(?:council|commission|committee)\b[^.;]{0,60}?,"
            r"\s+(?:whose|which\s+held\s+its)\s+(?P<ord2>\w+)\s+(?:meeting|session)\b|"
            r"\b(?P<ord3>\d+(?:st|nd|rd|th)|[a-z]+th|first|second|third)\s+(?-i:(?:[A-Z][\w’'-]*\s+){1,4})"
            r"(?-i:Meeting|Session|Summit|Retreat)\b|"
            r"\b(?P<ord4>\d+(?:st|nd|rd|th)|[a-z]+th|first|second|third|inaugural)\s+(?:joint\s+)?"
            r"(?:summit|session|meeting)\s+(?:between|of)\s+the\s+(?:two\s+)?governments?\b|"
            r"(?-i:\b(?P<named>High[- ]Level\s+(?:Meeting|Dialogue)|Leaders[’']?\s+Retreat|Joint\s+"
            r"(?:Commission|Committee)\s+(?:Meeting|Session)))\b,?\s+(?:which\s+was\s+|was\s+)?held\b",
            _I,
        ),
    ),
    ("anniversary", re.compile(r"\b(?P<ord>\d+(?:st|nd|rd|th)?|\w+)\s*anniversary\b", _I)),
    (
        "leadership_change",
        re.compile(
            r"\b(?:took\s+office|stepp(?:ed|ing)\s+down|resign(?:ed|ation)|was\s+(?:re-?)?elected|"
            r"(?:his|her)\s+(?:re-?)?election|sworn\s+in|came\s+to\s+power|succeeded)\b",
            _I,
        ),
    ),
    ("unrest", re.compile(r"\b(?:protests?|riots?|unrest|uprising|clashes|coup\s+attempt)\b", _I)),
    (
        "policy",
        re.compile(
            r"\b(?:extend|introduc|abolish|lift|waiv|grant|simplif|eas)\w*\b[^.]{0,40}?\bvisa\b|"
            r"\bvisa[- ](?:free|regime|requirements?|waiver)\b[^.]{0,40}?\b(?:extend|introduc|"
            r"abolish|lift|waiv|grant|simplif)\w*",
            _I,
        ),
    ),
]
EVENT_KEYWORDS = {
    "recognition": ("recogni",),
    "diplomatic_relations": ("relations", "ties"),
    "embassy_opened": ("embass",),
    "partnership_upgrade": ("partnership",),
    "council_established": (
        "council",
        "commission",
        "committee",
        "established in",
        "set up in",
        "founded in",
        "created in",
    ),
    "council_meeting": ("meeting", "session", "summit", "retreat"),
    "anniversary": ("anniversar",),
    "leadership_change": ("office", "down", "resign", "elect", "sworn", "power", "succeeded"),
    "unrest": ("protest", "riot", "unrest", "uprising", "clashes", "coup"),
    "policy": ("visa",),
}
EVENT_KEYWORD_KIND = {k: kind for kind, ks in EVENT_KEYWORDS.items() for k in ks}
EVENT_FUTURE = re.compile(r"\b(?:will|expected|scheduled|to\s+be\s+held)\b", _I)
AGREED = re.compile(
    r"\b(?:agreed|decided)\s+to\b|\b(?:announced|declared|confirmed)\b[^.;]{0,40}?"
    r"\bwould\b",
    _I,
)  # an undated upgrade agreed at the event
CLAUSE_LEAD = re.compile(
    r"^(?:and|but|while|whereas|which|when|with|as\s+well\s+as|meanwhile|however)"
    r"\s+",
    _I,
)
SENTENCE_SUBJECT = re.compile(
    r"^(?:The\s+)?(?:two\s+)?[A-Z][\w’'-]*(?:\s+(?:and\s+(?:the\s+)?)?"
    r"[A-Z][\w’'-]*)*(?:\s+(?:countries|sides|leaders|nations))?(?=\s+[a-z])"
)


ANY_EVENT_TRIGGER = re.compile(
    re.sub(r"\(\?P<\w+>", "(?:", "|".join(f"(?:{p.pattern})" for _k, p in EVENT_TRIGGERS)), _I
)

BILATERAL = re.compile(
    r"\b(?:bilateral|joint|bi-?national|intergovernmental|inter-governmental|high[- ]level|"
    r"strategic|between\s+the\s+(?:two\s+)?(?:nations|countries|sides))\b",
    _I,
)
PAST_SUFFIX = "ed"  # "and upgraded ties": a clause opening with its verb
SAME_YEAR = re.compile(r"\b(?:in\s+)?the\s+same\s+year\b")
COUNCIL_WORD = re.compile(r"\b(?:council|commission|committee)\b", _I)
# "the Bi-National Commission (BNC)": the words before the acronym (its escape follows)
COUNCIL_EXPANSION = r"([^.(]{0,80})\b(?:Council|Commission|Committee)\s*\(\s*"
ANNIVERSARY_WORD = re.compile(r"anniversar", _I)
RELATIONS_WORD = re.compile(r"relations|ties", _I)
INAUGURAL_WORDS = ("inaugural",)  # "the inaugural session": the first

# --- missions (missions.py; events.py reads MISSION_KEYWORD) ----------------------------
MISSION_KEYWORD = re.compile(
    r"\b(?P<kw>honorary\s+consul(?:ates?|ships?)(?:[- ]general)?|"
    r"consulates?[- ]general|general\s+consulates?|consulates?|embass(?:y|ies)|"
    r"(?:deputy\s+|assistant\s+)?high\s+commissions?)\b",
    re.IGNORECASE,
)
MISSION_CITY = re.compile(r"(?P<c>[A-ZÀ-ÖØ-ÞİŞÇ][\w’'-]*(?:\s+[A-Z][\w'-]+){0,3})(?:\s*\([^)]*\))?")
LIST_SEP = re.compile(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+)")
SUBJECT_CLAUSE = re.compile(r",\s+(?:while|whereas|but|and)\s+|;\s+|,\s+and\s+(?=[A-Z])")
OF_COUNTRY = re.compile(r"\w+(?:[- ]general)?\s+of\s+(?:the\s+)?(?P<c>[A-Z])", re.IGNORECASE)
CAPITAL_OF = re.compile(r"(?P<cty>[A-ZÀ-ÖØ-ÞİŞÇ][\w-]*(?:\s+[A-Z][\w-]+)?)[’']s\s+capital,?\s*")
MISSION_IN = re.compile(
    r"\s+(?:(?:is|are|was|were|now|also)\s+)*(?:(?:located|based|stationed|situated|"
    r"operating|operates|housed|opened|set\s+up)\s+)?in\s+"
)
# "in the port city of Mombasa"
CITY_OF = re.compile(r"the\s+(?:[a-z]+\s+){0,2}city\s+of\s+")
# "in the Peruvian capital Lima", "in the capital, Lima", "in the Peruvian capital"
NAMED_CAPITAL = re.compile(
    r"the\s+(?:(?P<dem>[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)?)\s+)?capital(?:\s+city)?"
    r"(?:(?P<named>,?\s+(?=[A-Z]))|(?![\w’'-]))"
)
# "in the city", "in that city": the city named last
CITY_ANAPHOR = re.compile(r"(?:the|that|this)\s+(?:same\s+)?city\b(?!\s+of\b)")
# "in its capital", "in the capital" (not followed by the capital's name)
ITS_CAPITAL = re.compile(r"(?:its|their|the|the\s+country[’']s)\s+capital\b(?!,?\s*[A-Z])")
POSSESSIVE = re.compile(r"[’']s\b")
POSSESSIVE_GAP = re.compile(r"[’']s\s+")
# "Ghana set up its consulate", "X runs an embassy", "X has had a consulate"
HAS_VERB = re.compile(
    r"\s+(?:(?:has|have|had|also|already|recently|now|currently|still|"
    r"officially|formally|just|will|would|to)\s+)*(?:opened|opens|open|"
    r"reopened|reopens|maintains?|has|have|had|operates?|established|establishes|"
    r"set\s+up|sets\s+up|runs?|inaugurated|inaugurates|launched|launches|"
    r"keeps?)\s+(?:(?:its|their|a|an|the|new|first|second|third|own|another|"
    r"additional)\s+)*"
)


CITY_NAME_RUN = re.compile(r"[A-ZÀ-ÖØ-Þ][\w’'-]+(?:\s+[A-Z][\w’'-]+){0,2}")
# mission_kind: the keyword's first word (lower-cased) gives the kind
HONORARY_PREFIXES = ("honorary",)
CONSULATE_PREFIXES = ("consul", "general", "deputy", "assistant")  # a deputy high commission
# "Peru's new embassy", "the Kenyan honorary consulate": the sender right before it
SENDER_GAP = re.compile(r"(?:[’']s)?\s+(?:(?:new|first|own|honorary)\s+)?")
IN_BEFORE = re.compile(r"\bin\s+$")  # "... in X": X is no subject

# --- statistics (statistics.py) --------------------------------------------------------
# metric, noun pattern right after the number, unit, has a direction
COUNT_METRICS: list[tuple[str, re.Pattern[str], str, bool]] = [
    (
        "companies",
        re.compile(r"\b(?:companies|firms|enterprises|businesses|joint\s+ventures)\b"),
        "companies",
        True,
    ),
    ("joint_projects", re.compile(r"\b(?:joint\s+)?projects\b"), "projects", False),
    ("students", re.compile(r"\bstudents\b"), "people", True),
    (
        "tourists",
        re.compile(r"\b(?:tourists|holidaymakers|visitors|travell?ers)\b"),
        "people",
        True,
    ),
    (
        "official_visits",
        re.compile(r"\b(?:official\s+|state\s+|high-level\s+)?visits\b"),
        "visits",
        True,
    ),
    (
        "bilateral_meetings",
        re.compile(r"\b(?:bilateral\s+)?(?:meetings|talks)\b"),
        "meetings",
        False,
    ),
    (
        "agreements_signed",
        re.compile(r"\b(?:agreements|documents|deals|memorandums|memoranda)\b"),
        "documents",
        False,
    ),
    ("visa_free_stay_days", re.compile(r"\bdays\b"), "days", True),
]
# words naming what an amount of money measures; "block" is money of another kind
MONEY_WORDS = re.compile(
    r"(?P<trade_volume>(?<!free\s)\b(?:trade|turnover|commerce|trading)\b(?!\s+(?:"
    r"minister|ministry|agreements?|deals?|zones?|fairs?|representatives?|office|union|war|"
    r"dispute|talks|partners?|partnership|delegations?|missions?|routes?|corridors?|policy|"
    r"barriers?|cent(?:er|re)s?|house|bloc|body|organi[sz]ation|negotiat\w+|surplus|deficit|"
    r"imbalance|gap)\b))"
    r"|(?P<investment>\b(?:invest(?:ed|ing|ments?|s)?|inject(?:ed|ing|s)?|investors?|FDI)\b)"
    r"|(?P<exports>\bexport(?:s|ed)?\b)"
    r"|(?P<imports>\bimport(?:s|ed)?\b)"
    r"|(?P<block>\b(?:loans?|grants?|aid|assistance|credit(?:\s+lines?)?|funds?|funding|budgets?|"
    r"projects?|portfolios?|contracts?|debts?|financing|package|economy|economies|GDP|deals?|"
    r"agreements?|documents|memorand\w+|MoUs?|bonds?|deposits?|reserves|revenues?|profits?|"
    r"sales|salar\w+|prices?|costs?|market\s+(?:value|capitali[sz]ation)|valuation|"
    r"remittances?|tenders?|orders?|fines?|compensation|donations?|subsid\w+|tariffs?|"
    r"plants?|factory|factories|refinery|pipeline|railway|bridge|airport|port)\b)",
    re.I,
)
# words between an amount and its metric word right after it: "$2 billion worth of investment"
MONEY_AFTER_GAP = re.compile(
    r"^(?:[’']s?)?\s+(?:(?:worth\s+of|of|in|for|on|new|fresh|additional|"
    r"direct|foreign|bilateral|annual|mutual|total|two-way|its|their|our|"
    r"[A-Z][a-z]+)\s+){0,2}$"
)
# words describing the amount itself: "$3 billion Chinese-funded railway" (no "into its
# economy", where the word is where the money goes)
MONEY_BLOCK_GAP = re.compile(
    r"(?:[’']s?)?(?:\s+(?!(?:into|in|to|for|on|from|at|by|with|of|and|or|the|its|their|his|her|"
    r"a|an|this|that|which|is|was|were|are|has|have|had|will)\b)[\w’'-]+){0,3}\s+",
    re.I,
)
SYMMETRIC_INVESTMENT = re.compile(
    r"\b(?:bilateral|mutual|joint|two-way|reciprocal)\s+"
    r"investments?\b",
    re.I,
)
ECONOMIC = re.compile(
    r"\b(?:economic|commercial|business|trade)\s+(?:ties|relations|"
    r"cooperation|links|exchanges?|partnership)\b",
    re.I,
)
LEVEL_VERB = re.compile(
    r"\b(?:reach\w*|exceed\w*|st(?:an|oo)d\w*|amount\w*|total\w*|hit|"
    r"surpass\w*|gr[eo]w\w*|r[io]se\w*|increas\w*|doubl\w*|topp?\w*|pass(?:ed|es)?|"
    r"climb\w*)\b",
    re.I,
)
TARGET = re.compile(
    r"\b(?:target(?:ed|s)?|aim(?:s|ed|ing)?|goal|objective|pledg\w+|agreed\s+to|"
    r"commit(?:s|ted)?\s+to|to\s+(?:increase|raise|"
    r"boost|bring|double|triple|reach|expand|lift|elevate)|elevating|(?:will|would|should|must|could|is\s+to|"
    r"are\s+to)\s+(?:\w+\s+)?(?:reach|increase|exceed|hit|grow|rise|double)|"
    r"plans?\s+to|in\s+the\s+coming\s+years|by\s+20\d\d)\b",
    re.I,
)
# a target named after the amount: "a $12 billion trade goal", "$5 billion by 2030"
TARGET_AFTER = re.compile(
    r"^(?:\s+[\w-]+){0,3}?\s+(?:target|goal|mark\s+by)\b|"
    r"^[^,;.…!?]{0,40}?\bin\s+the\s+(?:coming|next|years\s+ahead)\b",
    re.I,
)
BY_YEAR = re.compile(r"^[^,;.…!?]{0,40}?\bby\s+(?:the\s+end\s+of\s+)?(?P<y>20\d\d)\b")
# "grew by 6 percent to reach $9 billion": a result, not a goal
RESULT = re.compile(
    r"\b(?:grow(?:ing|n)?|grew|ris(?:ing|en)|rose|increas(?:ing|ed)|climb(?:ing|ed)|"
    r"jump(?:ing|ed)|surg(?:ing|ed)|soar(?:ing|ed)|expand(?:ing|ed)|doubl(?:ing|ed)|"
    r"tripl(?:ing|ed))\b[^,;]{0,40}\bto\s+reach\s+"
    r"(?:\S+\s+){0,4}$",
    re.I,
)
# a blocking word that makes one money word with the metric word before it
MONEY_COMPOUND = re.compile(r"(?:deals?|agreements?|pledges?|commitments?)$", re.I)
START_POINT = re.compile(
    r"\bfrom\s+(?:the\s+|a\s+|an\s+)?(?:current\s+|present\s+|existing\s+|"
    r"(?:a\s+)?(?:level|total|volume)\s+of\s+|around\s+|about\s+|some\s+)*$",
    re.I,
)
# "It was $80 million in 2020.": the figure of the sentence before, another year
IT_WAS = re.compile(
    r"\s*(?:It|This|That|The\s+(?:figure|volume|total|turnover))\s+(?:was|is|had\s+been|stood)\b"
)
NOW = re.compile(r"\b(?:current(?:ly)?|now|at\s+present|presently)\b", re.I)
RANK = re.compile(
    r"(?<!one of )\b(?:(?P<ord>(?!s\b)\w+)[\s-]+(?:largest|biggest|most\s+important|"
    r"leading)|(?P<lone>first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|"
    r"tenth|\d+(?:st|nd|rd|th)|main|principal|largest|biggest)|top\s+"
    r"(?P<n>\w+))\s+(?P<among>among\s+(?:each\s+other[’']s|their)\s+)?"
    r"(?:foreign\s+)?(?:trade|trading|commercial|economic)\s+partners?\b",
    re.I,
)
CUMULATIVE = re.compile(
    r"\b(?:since\s+(?:\d{4}|the\s+\w+|independence|then)|so\s+far|to\s+date|"
    r"in\s+total|altogether|over\s+the\s+(?:past|last|years))\b",
    re.I,
)
# a share of the figure just given takes its period ("exports made up $61 million of this")
SHARE_OF = re.compile(
    r"\b(?:of\s+(?:this|that|the\s+total|which)|accounting\s+for|"
    r"account(?:s|ed)?\s+for)\b",
    re.I,
)
NUMBER_OF = re.compile(
    r"\bnumber\s+of\s+(?P<noun>(?:[\w-]+\s+){0,2}?(?:students|tourists|visitors|companies|"
    r"firms|enterprises|joint\s+ventures|joint\s+projects))\b[^,;]{0,60}$",
    re.I,
)
NOUN_GAP = re.compile(r"^(?:\s+[A-Za-zÀ-ÿ’'-]+){0,3}")
# words between a number and its noun that show the number counts something else
# ("the two leaders held talks": people, not meetings)
NOT_GAP = re.compile(
    r"\b(?:leaders|sides|countries|nations|presidents|ministers|heads|"
    r"delegations|parties|states|officials|"
    r"held|hold|have|has|had|are|were|is|was|will|signed|also|then)\b",
    re.I,
)
# "our firms' investment", "our exports": the speaker's country
JOINT = re.compile(
    r"\b(?:joint|bilateral|common|mutual|between)\b|\b(?:two|both)\s+(?:countries|sides|nations)\b",
    re.I,
)
FIRST_PERSON = re.compile(
    r"\bour\s+(?:[a-z-]+\s+)?(?:invest\w*|exports?|companies|firms|"
    r"businesses|students|tourists)\b",
    re.I,
)
TITLED = re.compile(
    r"(?:[’']s)?\s+(?:[a-z-]+\s+){0,2}(?:minister|president|premier|leader|"
    r"ambassador|envoy|chancellor|king|emir|spokes\w+|delegation|counterpart)\b",
    re.I,
)
PERIOD_NUMBER_WORDS = {
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "fifteen": 15,
    "twenty": 20,
    "thirty": 30,
}
PAST_YEARS = re.compile(
    r"\b(?:over|in|during|for|within)\s+the\s+(?:past|last|previous)\s+"
    r"(?:(?P<n>\d{1,2}|" + "|".join(PERIOD_NUMBER_WORDS) + r")\s+years|"
    r"(?P<decade>decade))\b",
    re.I,
)
SINCE_EVENT = re.compile(
    r"\bsince\s+(?:(?P<ind>(?:gaining\s+|its\s+|their\s+)?independence)|"
    r"the\s+(?:establishment|creation|founding|foundation|launch|inception|"
    r"formation|start)\s+of\s+(?:the\s+)?(?P<name>[A-Z][\w-]*(?:\s+[A-Z][\w-]*"
    r"){0,4}))",
    re.I,
)
FOUNDED = re.compile(
    r"\b(?:established|founded|created|set\s+up|launched|formed|inaugurated)\b", re.I
)
# the country whose figures they are: "Pakistan's statistics bureau", "Indian customs data"
FIGURE_SOURCE = re.compile(
    r"(?:[’']s)?\s+(?:[\w-]+\s+){0,2}?(?:ministry|bureau|statistics|data|figures|customs|"
    r"government|central\s+bank|commerce\s+ministry)\b",
    re.I,
)
FISCAL = re.compile(
    r"\b(?:FY\s?|fiscal\s+(?:year\s+)?|financial\s+year\s+)(?:(?P<a1>(?:19|20)\d\d)"
    r"(?:\s*[-–/]\s*(?P<a2>\d{2}(?:\d\d)?))?|(?P<a3>\d\d)\b)"
    r"|\b(?P<b1>(?:19|20)\d\d)\s*[-–/]\s*(?P<b2>\d{2}(?:\d\d)?)\s+(?:fiscal|financial)"
    r"(?:\s+year)?\b",
    re.I,
)
MONTHS_OF = re.compile(
    r"\b(?:the\s+)?first\s+(?P<n>\d{1,2}|"
    + "|".join(PERIOD_NUMBER_WORDS)
    + r")\s+months\s+of\s+(?:(?P<this>this|the\s+current)|(?P<last>last|the\s+"
    r"previous))\s+year\b",
    re.I,
)


# counts: the word that makes a figure a count of this metric
VISA_WORD = "visa"  # "stay for 30 days" counts only in a sentence about visas
SCHOLARSHIP = re.compile(r"scholarship", re.I)  # students on scholarships
SIGN_WORD = re.compile(r"\bsign", re.I)
COUNT_VISITING = re.compile(r"\s+(?:visiting|visited|arrivals)\b")  # "86,000 visiting"
TOURIST_WORD = re.compile(r"tourist", re.I)
# "30,000 Kenyans visited", "2 million Kenyans travel to Ghana each year", "200,000
# Kenyans vacationed in Ghana"
DEMONYM_VISITED = re.compile(
    r"\s+(?:visit(?:ed|s)?|travel(?:l?ed|s)?\s+to|c[ao]me\s+to|"
    r"(?:vacation|holiday)(?:ed|s)?\s+in)\b"
)
# not the amount: "20 percent", "30 years", "the 5th"
NOT_AMOUNT_AFTER = re.compile(r"\s*(?:%|percent|per\s+cent|years?\b|th\b)")
# direction
DEMONYM_POSSESSOR_GAP = re.compile(r"\s+(?:[a-z-]+\s+){0,2}")  # "Peruvian mining exports"
NAME_POSSESSOR_GAP = re.compile(r"[’']s?\s+(?:[a-z-]+\s+){0,2}")  # "Peru's mining exports"
MONEY_DIRECTION_WORD = re.compile(r"\b(?:invest\w*|inject\w*|exports?|imports?)")
ACCORDING_TO = re.compile(r"\baccording\s+to\s+(?:the\s+)?$")  # the source, no direction
FROM_BEFORE = re.compile(r"\bfrom\s+(?:the\s+)?$")
TO_BEFORE = re.compile(r"\b(?:to|in|into|for|at)\s+(?:the\s+)?$")
# the noun a demonym before it makes directional: "Polish tourists"
DEMONYM_NOUNS = {"tourists": r"tourists", "students": r"students", "scholarships": r"students"}
CITIZENS_OF = re.compile(r"\bfor\s+(\w+)\s+(?:citizens|nationals|passport)")  # visa-free stays
NOT_SUBJECT_BEFORE = re.compile(r"\b(?:in|to|into|at|for|with|from|and|between)\s+(?:the\s+)?$")
OTHER_PAIR_BEFORE = re.compile(r"\b(?:with|between|and)\s+(?:the\s+)?$")  # "trade with Z"
# periods
BY_YEAR_BEFORE = re.compile(r"\bby\s+(?:the\s+end\s+of\s+)?(?P<y>20\d\d)\b")
IN_YEAR_GAP = re.compile(r"\s+(?:in|for|during)\s+")  # "$9 million in 2023"
# "trade of $1.7 billion and investment worth $0.6 billion in 2014": a figure of another
# measure joined by "and" shares the year given after it (a word of that measure between)
AND_FIGURE = re.compile(r"\s(?:and|as\s+well\s+as)\s")
SINCE_BEFORE = re.compile(r"(?i)\bsince\s+(?:early\s+|late\s+|mid-?)?$")
INDEPENDENCE_YEAR = "1991"  # "since independence" (the post-Soviet states' year)
# a starting figure: "from 30 to 90 days", "current"
CURRENT_BEFORE = re.compile(r"\bcurrent\s*$")
FROM_END = re.compile(r"\bfrom\s*$")
RANGE_TO = re.compile(r"\s+to\s+")
CURRENT_WORD = re.compile(r"(?i)\bcurrent(?:ly)?\b|\bat\s+present\b")
# ranks
PARTNER_WORD = "partner"
CLAUSE_BREAK = re.compile(r"[,;]\s+(?:while|whereas|but|and)\s+|;\s+")
EACH_OTHER = re.compile(r"\beach\s+other[’']s\s+(?:\w+\s+){0,3}$")
RANK_OWNER_GAP = re.compile(r"[’']s\s+(?:\w+\s+){0,3}")  # "Y's fourth-largest"
RANK_OF = re.compile(r"\s+(?:of|for)\s+(?:the\s+)?")  # "the largest partner of Y"
AMONG_BEFORE = re.compile(r"\bamong\s+(?:\w+[’']s\s+|the\s+)?$")

# --- context and pipeline (context.py, pipeline.py, countries.py) -----------------------
# a sentence opening with "Thus"/"Then" continues the previous sentence's date
CONNECTIVE = re.compile(
    r"^(?:Thus|Then|Subsequently|Later|That same year|At that time|"
    r"During (?:that|the|this) (?:visit|trip|meeting|talks)|"
    r"On that occasion)\b"
)
# "NEW DELHI, Feb 18 (PTI) --", "Baku, October 12, AZERTAC", "TASHKENT. KAZINFORM":
# a city, then a month and day or an agency in capitals, at the very start of the text
DATELINE = re.compile(
    r"^\s*(?P<city>[A-Z][A-Za-z’'-]+(?:\s+[A-Z][A-Za-z’'-]+){0,2})[,.]\s+"
    r"(?:(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}\b(?:,?\s+\d{4})?)|[A-Z]{2,})"
    r"(?:,?\s*(?:\([^)\n]{1,30}\)|[A-Z]{2,}\b))?(?:\s*[-–—]+)?"
)
MAIN_TALKS = re.compile(
    r"\b(?:talks|met|meeting|negotiations|summit|sign(?:ed|ing)|upgraded|"
    r"elevated)\b"
)
# countries.py: "US$", "US dollars": the currency, not the country
CURRENCY_AFTER = re.compile(r"\s?(?:\$|[Dd]ollars?\b|cents?\b)")

# --- entities (entities.py: people, organisations, places; entity_facts.py) ------------
UPPER = "A-ZÀ-ÖØ-ÞİŞÇĞ"  # the capital letters (a character class's body)
NAME_WORD = rf"[{UPPER}][\w’'-]*"  # a capitalised word
_SP = r"[^\S\n]+"  # spaces within one line
# Words of government portfolios ("Minister for Planning and Development", "Foreign
# Affairs Secretary"): where a portfolio ends, the name of its holder begins.
PORTFOLIO_WORDS = frozenset({
    "Action", "Administration", "Affairs", "Agriculture", "Arts", "Aviation", "Budget",
    "Children", "Citizenship", "Climate", "Commerce", "Communications", "Competitiveness",
    "Constitutional", "Consumer", "Consumers", "Cooperation", "Cooperatives", "Culture",
    "Customs", "Defence", "Defense", "Development", "Diaspora", "Digital", "Diplomacy",
    "Disaster", "Economic", "Economy", "Education", "Elderly", "Emergencies", "Emergency",
    "Employment", "Endowments", "Energy", "Enterprise", "Enterprises", "Entrepreneurship",
    "Environment", "Equality", "European", "Export", "Exports", "Families", "Family",
    "Finance", "Fiscal", "Fisheries", "Food", "Foreign", "Forestry", "Gas", "Gender",
    "Governance", "Government", "Hajj", "Health", "Heritage", "Higher", "Highways", "Home",
    "Housing", "Human", "Immigration", "Implementation", "Industries", "Industry",
    "Information", "Infrastructure", "Initiatives", "Innovation", "Integration", "Interior",
    "Internal", "International", "Investment", "Irrigation", "Justice", "Labor", "Labour",
    "Land", "Law", "Legal", "Livestock", "Local", "Maritime", "Markets", "Media", "Migration",
    "Minerals", "Mines", "Mining", "Monetary", "National", "Natural", "Oil", "Overseas",
    "Parliamentary", "Petroleum", "Planning", "Ports", "Posts", "Power", "Primary",
    "Procurement", "Productivity", "Protection", "Public", "Railways", "Reform", "Reforms",
    "Regional", "Relations", "Religious", "Research", "Resources", "Revenue", "Rights",
    "Roads", "Rural", "Science", "Secondary", "Security", "Services", "Shipping", "Skills",
    "Social", "Solidarity", "Space", "Special", "Sport", "Sports", "State", "Statistics",
    "Strategic", "Taxation", "Technology", "Telecommunications", "Territorial", "Tourism",
    "Trade", "Training", "Transport", "Transportation", "Treasury", "Union", "Urban",
    "Veterans", "Vocational", "Water", "Welfare", "Women", "Works", "Youth"
})  # fmt: skip
PORTFOLIO = rf"(?:{'|'.join(sorted(PORTFOLIO_WORDS, key=len, reverse=True))})"
# a title or office before a name (a regex source)
TITLE = (
    r"(?:(?:First\s+)?Vice[- ]Presidents?|Presidents?|Head\s+of\s+(?:State|Government)|"
    r"(?:(?:First\s+)?Deputy\s+)?Prime\s+Ministers?|(?:Vice[- ])?Premier|"
    rf"(?:{PORTFOLIO}\s+){{1,3}}(?:Ministers?|Secretary)|"
    r"Ministers?(?:\s+of\s+(?:Foreign\s+Affairs|[A-Z][a-z]+))?|Chancellor|"
    r"King|Queen|Emperor|Empress|Crown\s+Prince|Emir|Sheikh|Sultan|"
    r"Secretary(?:[- ]General|\s+of\s+State)|"
    r"(?:Foreign|Home|State|General|Defen[cs]e|Cabinet|Party)\s+Secretary|Ambassador|"
    r"Charg[eé]\s+[dD][’']\s?Affaires|Governor[- ]General|"
    r"Speaker|Governor|Mayor|Chairman|Chairwoman|Senator|Pope|Mr\.|Mrs\.|Ms\.|Dr\.)"
)
# a title and its "of (the)" ("Foreign Ministers of the X", "Head of State of")
OFFICE_OF = rf"(?:{TITLE})\s+of\s+(?:the\s+)?"
# Honorifics and ranks between a title and a name ("Foreign Minister Datuk Seri Dr X",
# "President of the Republic, His Excellency, X"): not part of the name (a regex source).
HONORIFIC = (
    r"(?:(?:His|Her)\s+(?:Royal\s+)?(?:Excellency|Majesty|Highness),?|H\.\s?E\.|"
    r"(?:Datuk|Dato[’']?|Tan)\s+S(?:e)?ri|Datuk|Dato[’']?|Datin|Tun|Toh\s+Puan|"
    r"Dr\.?|Prof\.?|Professor|"
    r"Sir|Dame|Hon\.?|Honou?rable|Shri|Smt\.?|Haji|Hajah|General|Admiral|Marshal|"
    r"Colonel|Lieutenant|Major|Captain|Madam|Mr\.?|Mrs\.?|Ms\.?)"
)
NAME_PARTICLE = r"(?:bin|ibn|al|el|de|da|van|von|der|du|dos|di)"  # a regex source
# a person's name: group "name" ("S. Rao", "Mohamed bin Zayed")
NAME = (
    rf"(?P<name>(?:[{UPPER}]\.\s?){{0,2}}{NAME_WORD}(?:\s+(?:{NAME_PARTICLE}\s+){{0,2}}"
    rf"(?:[{UPPER}]\.|{NAME_WORD}|{NAME_PARTICLE}-{NAME_WORD})){{0,4}})"
)
# organisations' head nouns; a capitalised phrase holding one names a body
# fmt: off
ORG_HEADS = {"Organization", "Organisation", "Assembly", "Academy", "Foundation", "Council",
             "Ministry", "Association", "Agency", "Agencies", "Union", "Nations", "Bank", "Fund",
             "Forum", "Conference", "Committee", "Commission", "Institute", "University",
             "Parliament", "Corporation", "Company", "Authority", "Party", "Alliance",
             "Community", "Chamber", "Federation", "Secretariat", "Bureau", "Court", "League",
             "Society", "Office", "Cooperation Council", "Group", "Centre", "Center",
             "Department", "Commons", "Lords", "Representatives"}
# fmt: on
# Bodies a title can head ("Chairman of the Senate") that are not named organisations.
BODIES = {"Senate", "Congress"}


def _titled_person(L: Any, country: str) -> str:
    """A title, its country or the body it heads ("Speaker of Parliament", "President of
    the European Commission"), then the name: groups title, of, gov, body, name."""
    heads = "|".join(
        sorted((h for h in L.ORG_HEADS | L.BODIES if " " not in h), key=len, reverse=True)
    )
    body = rf"(?:{L.NAME_WORD}\s+){{0,3}}(?:{heads})"
    return (
        rf"\b(?P<title>{L.TITLE})(?:\s+of\s+(?:the\s+)?(?:(?P<of>{country}|[A-Z][A-Za-z]{{1,4}}\b(?=\s+[A-Z]))|"
        rf"(?:(?P<gov>{country})\s+)?[Gg]overnment|(?P<body>{body})))?"
        rf"(?:,|:\s*\|?)?\s+(?:{L.HONORIFIC}\s+)*{L.NAME}"
    )


def _portfolio_person(L: Any, country: str) -> str:
    """A minister of a portfolio of several words ("Minister for Planning and Development
    X", "Minister of Foreign Affairs, Trade and Development, X"): the portfolio
    runs over portfolio words, "and" and commas; the name follows.  Groups title,
    portfolio, of, name."""
    word = rf"(?:{L.PORTFOLIO}|[{L.UPPER}][a-z]+)"
    return (
        rf"\b(?P<title>Ministers?|Secretary)\s+(?:of|for)\s+(?:the\s+)?"
        rf"(?P<portfolio>{word}(?:(?:\s*,\s*|\s+and\s+|\s*&\s*|\s+for\s+|\s+)"
        rf"{L.PORTFOLIO}(?![\w-]))*)(?:\s+of\s+(?:the\s+)?(?P<of>{country}))?"
        rf",?\s+(?:{L.HONORIFIC}\s+)*{L.NAME}"
    )


def _joint_people(L: Any, country: str) -> str:
    """Two titled people of two countries in one phrase: "Presidents of A and B, X and
    Y" (X of A, Y of B).  Groups title, a, b, x, y."""
    one = rf"{L.NAME_WORD}(?:\s+(?:{L.NAME_PARTICLE}\s+)?{L.NAME_WORD}){{0,3}}"
    return (
        rf"\b(?P<title>Presidents|Prime\s+Ministers|Foreign\s+Ministers|"
        rf"Ministers|Leaders|Heads\s+of\s+State)\s+of\s+(?:the\s+)?"
        rf"(?:Republic\s+of\s+)?(?P<a>{country})\s+and\s+(?:the\s+)?"
        rf"(?:Republic\s+of\s+)?(?P<b>{country}),?\s+(?P<x>{one})\s+and\s+"
        rf"(?P<y>{one})"
    )


# functions: (the language module, the country alternation as a regex source) -> the
# pattern's source (the module's words read from it: a changed copy is a language)
TITLED_PERSON = _titled_person
PORTFOLIO_PERSON = _portfolio_person
JOINT_PEOPLE = _joint_people
COUNTERPART = re.compile(rf"\bcounterparts?,?\s+{NAME}")
# a post written in lower case before a name of two words or more ("the country's special
# envoy, X Y", "his predecessor X Y")
LOWER_ROLE = re.compile(
    rf"\b(?P<title>(?:special\s+)?envoy|predecessor|successor|ambassador|"
    rf"(?:foreign|prime|defen[cs]e|finance|trade)\s+minister|president),?\s+"
    rf"(?=[{UPPER}][\w’'-]*\s+[{UPPER}]){NAME}"
)
# "X and his Polish counterpart Y": X is of the other country
PARTNERS = re.compile(
    rf"(?P<a>{NAME_WORD}(?:\s+{NAME_WORD}){{0,3}})\s+and\s+(?:his|her)\s+"
    rf"(?:{NAME_WORD}\s+)?"
    rf"counterpart,?\s+(?P<b>{NAME_WORD}(?:\s+{NAME_WORD}){{0,3}})"
)
# the gap between a country and the person after it ("Poland's X", "Polish President X")
COUNTRY_PERSON_GAP = re.compile(r"(?:[’']s)?\s*(?:[\w-]+\s+){0,1}")
# the gap between a titled person and the country named after the name ("President X of
# Kenya"): that country is the person's, before any named in front of the title
PERSON_COUNTRY_GAP = re.compile(r",?\s+of\s+(?:the\s+)?")
# fmt: off
NOT_NAME = {"The", "His", "Her", "Their", "This", "That", "On", "In", "At", "And", "Of", "He",
            "She", "It", "They", "We", "For", "After", "Before", "During", "With", "Head",
            "State", "Government", "Affairs"}
# fmt: on
# fmt: off
NOT_ORG_START = (NOT_NAME - {"Head", "State", "Government", "Affairs"}) | {
    "According", "To", "By", "As", "A", "An"}
# fmt: on
# "Ferdinand Marcos Jr", "Felipe VI": the surname (or the name) is the word before
NAME_SUFFIXES = {"Jr", "Sr", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI"}
# fmt: off
SHORT_WORDS = {"To", "As", "At", "By", "If", "In", "It", "No", "Of", "On", "Or", "So", "Up",
               "We", "He", "An", "Do", "Go", "Be", "Is", "Us", "Mr", "Ms", "Dr"}
# fmt: on
DAY_WORDS = {*WEEKDAYS, "today", "tonight", "tomorrow", "yesterday"}  # "X Thursday"
SURNAME_PRONOUNS = {"He"}  # a pronoun that is also a common family name
# fmt: off
NOT_SURNAMES = {"Government", "Affairs", "Republic", "Kingdom", "State", "States",
                "Federation", "Ministry", "Excellency", "Excellencies", "Majesty",
                "Highness"}
# fmt: on
# a capitalised phrase that may name a body: words, connectors and dashes within one line
ORG_PHRASE = re.compile(
    rf"(?:{NAME_WORD}|[{UPPER}]{{2,}})(?:{_SP}(?:(?:of(?:{_SP}the)?|on|for(?:{_SP}the)?|"
    rf"and|in|de|des|du|[–—]){_SP})?(?:{NAME_WORD}))*"
)
# month and day names and abbreviations, lower-cased: no part of a body or a place
CALENDAR_WORDS = {*MONTHS, *WEEKDAYS}
DATE_PREPOSITIONS = ("on", "in", "of")  # "Soviet Union on Dec.": the word before the date
GENERIC_ORG_WORDS = frozenset({"states", "countries", "the", "of", "on", "for", "and", "in", "de"})
ADJECTIVE_SUFFIX = re.compile(r"(?:ish|ic)$")  # "Nordic"/"Nordish" -> "nord"
# Words of a person's office: a capitalised phrase opening with one names a post ("Vice
# Chairman of X", "Secretary Ministry of X"), and the body it names follows.
# fmt: off
ROLE_WORDS = {"Secretary", "Member", "Chairman", "Chairwoman", "Chairperson", "Director",
              "Deputy", "Vice", "Chief", "Adviser", "Advisor", "Spokesman", "Spokeswoman",
              "Spokesperson", "Minister", "President", "Governor", "Ambassador", "Envoy",
              "Commissioner", "Head"}
# fmt: on
# An organisation's meetings are events, not bodies ("Summit of the X Council", "X Summit
# in Y"): the body is the council itself.
# fmt: off
MEETING_WORDS = {"Summit", "Summits", "Meeting", "Meetings", "Session", "Sessions", "Sitting",
                 "Dialogue", "Retreat", "Talks", "Ceremony"}
# fmt: on
ORG_CONNECTORS = {"of", "the", "on", "for", "and", "in", "de", "des", "du", "–", "—"}
ORG_OF = "of"  # "Vice Chairman of X", "Summit of the X", "Ministry of <portfolio>"
ORG_IN = "in"  # "X Forum in <city>"
ORG_AND = "and"  # "<a union> and <a portfolio>"
ORG_TOPIC_LINKS = ("of", "for", "on")  # "X Organization of/for/on ... Summit"
ORG_LEADING_LINKS = re.compile(r"^(?:(?:of|the|for|and|on|in|[–—])\s+)+")
# Diplomatic missions are missions, not organisations.
MISSION_NAMES = {"High Commission", "Embassy", "Consulate", "Consulate General"}
FORMERLY = re.compile(
    r"\b(?:formerly|previously)(?:\s+(?:known\s+as|called|named))?\s+"
    r"(?:the\s+)?(?=[A-Z])"
)
NAMED_FOR_COUNTRY = re.compile(rf"\bStatistics\s+(?P<c>{NAME_WORD}(?:\s+{NAME_WORD})?)")


def _mechanism(L: Any, country: str) -> str:
    """A numbered, named series of meetings of two countries ("the 4th A-B Strategic
    Dialogue", "the 10th A-B Leaders' Retreat"): a standing mechanism.  Group name."""
    return (
        rf"\b(?:\d+(?:st|nd|rd|th)|[Ff]irst|[Ss]econd|[Tt]hird|[Ff]ourth|"
        rf"[Ff]ifth|[Ss]ixth|[Ss]eventh|[Ee]ighth|[Nn]inth|[Tt]enth)\s+"
        rf"(?P<name>(?:{country})[-–](?:{country})(?:{_SP}{L.NAME_WORD}){{0,4}}?{_SP}"
        rf"(?:{'|'.join(sorted(L.MEETING_WORDS - {'Ceremony', 'Talks'}))}))\b"
    )


MECHANISM = _mechanism  # function: (language, country alternation) -> the pattern's source
# Words of a country's formal style ("the Federal Democratic Republic of X").
# fmt: off
STYLE_WORDS = {"the", "of", "Republic", "Kingdom", "Federal", "Federative", "Democratic",
               "People's", "Islamic", "Socialist", "Arab", "United", "State", "Sultanate",
               "Principality", "Grand", "Duchy", "Commonwealth", "Plurinational"}
# fmt: on
STYLE_ARTICLE = "the"
STYLE_OF = "of"  # "... Republic of X"
# "... of X", "... between X and Y" ending a body's name: the countries are no part of it
BETWEEN_COUNTRIES = re.compile(rf"\s+(?:of|between)\s+{NAME_WORD}(?:\s+and\s+{NAME_WORD})?$")
BETWEEN_WORDS = ("of", "and", "between")
# where something happens or someone goes ("in <capital>", "heading to <capital>"); not a
# capital standing for its government ("ties to <capital>", "offered by <capital>")
LOCATIVE = re.compile(
    r"\b(?:in|at|(?:head(?:s|ed|ing)?|travel(?:s|led|ling|ed|ing)?|flew|"
    r"fl(?:y|ies|ying)|go(?:es|ing)?|went|trip|visits?|journey|return(?:s|ed|"
    r"ing)?)\s+(?:on\s+)?to)\s+$"
)
# entity_facts.py: the word before a country name that may make a longer name ("People’s
# Republic of China" is China, not the "Republic of China")
LONGER_NAME_BEFORE = re.compile(r"([A-Z][\w]*[’'][\w]*|[A-Z][\w]*)\s+$")

# --- sentences (sentences.py) -----------------------------------------------------------
# words written with a full stop that ends no sentence ("Mr.", "Dr.", "Jan."), lower-cased
# abbreviations that end a sentence when one follows (Russian "в 2022 г. Стороны"): none
ABBREVIATIONS_ENDING: frozenset[str] = frozenset()
ABBREVIATIONS = frozenset({
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    "mr", "mrs", "ms", "dr", "st", "no", "gen", "lt", "col", "prof", "jr", "sr", "vs", "e.g",
    "i.e", "u.s", "u.k", "u.n", "approx", "est", "inc", "co", "corp", "ltd", "gov", "sen",
    "rep", "capt", "maj", "sgt", "fig", "vol", "p", "pp", "h.e",
})  # fmt: skip
# a list item's marker opening a line ("2.", "b)", "iv.")
LIST_MARKER = re.compile(r"(?:\d{1,2}|[a-zA-Z]|[ivxIVX]{1,4})[.)]")
# the joints a sentence is split into clauses at (", with", ", while", "; ", ...)
CLAUSE = re.compile(
    r",\s+(?=(?:with|while|and|but|whereas|which|when|although|though)\b)"
    r"|;\s+|\s+and\s+(?=(?:further|then|later|subsequently|also)\b)"
    r"|,\s+(?=(?:meanwhile|however)\b)"
)


# --- how digits are written (numbers.py) ------------------------------------------------
# "1,000", "5.2": a comma groups thousands, a point marks the decimals
DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"


def DIGITS_VALUE(text: str) -> float:
    """'1,200.5' -> 1200.5 (a comma separates thousands)."""
    return float(text.replace(",", ""))


# --- name morphology (entities.py): English names are not declined ---------------------
NAME_FORMS = None


# --- constructions English does not have (other languages' hooks, off here) -------------
# agreements: titles are the document's words as written (no translation), its plural
# is told by the noun's ending, and no list of member documents is read
DOC_TITLE = None
TITLE_WORDS = None
DOC_PLURAL = None
DOC_MEMBERS = None
STATEMENT_SIGNED = None  # "signed ... a statement" with the noun after the verb
DOC_PLANNED_AFTER = None  # a plan stated after the document's noun
# visits: the visitor's country after a title ("the visit of the president of X" is
# read by VISIT_OF), a joint subject naming no visitor, a plan stated after the noun
VISITING_TITLE_GAP = None
JOINT_SUBJECT = None
VISIT_PLANNED_AFTER = None
# statistics: an owner written after the noun; a date after "compared with"
POSSESSOR_AFTER_GAP = re.compile(r"(?!)")
COMPARED_BEFORE = re.compile(r"(?!)")
# missions and visits: a city as the text writes it ("Hatay", not the gazetteer's name);
# no city read before the mission's noun ("In Ashgabat, the embassy ..." is rare)
CITY_AS_WRITTEN = True
CITY_BEFORE_MISSION = None

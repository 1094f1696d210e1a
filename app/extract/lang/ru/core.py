"""Russian words and patterns for core (a section of the Russian language module):
sentences, dates, numbers, the article context and the pipeline.

Month and weekday names are dateparser's Russian data (nominative, genitive, the usual
abbreviations); the prepositional of a month ("в мае") and the accusative of a weekday
("в среду") are formed from them here.  Number words are a table of our own: no library
Attaché ships reads Russian numerals.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from .calendar_words import words as _calendar_words

_DP = _calendar_words()
_I = re.IGNORECASE

# --- sentences (sentences.py) -----------------------------------------------------------
# words written with a full stop that need not end a sentence, lower-cased: "г. Астана",
# "им. Абая", "ул. Ленина", "т.е."; a single initial ("Н. Назарбаев") is one already
ABBREVIATIONS = frozenset({
    "г", "гг", "им", "ул", "пр", "просп", "пл", "пер", "д", "обл", "р-н", "с", "пос", "ст",
    "проф", "акад", "доц", "ген", "тов", "г-н", "г-жа", "т.е", "т.к", "т.н", "т.ч", "и.о",
    "напр", "см", "рис", "стр", "ок", "св", "вв", "в",
})  # fmt: skip
# abbreviations that do end a sentence when a capital follows: units after a number
# ("10 млрд. Стороны ..."), the ends of lists ("и т.д. Затем ..."); one that is in
# ABBREVIATIONS too ends it only after a number ("в 2022 г. Стороны", but "г. Астана")
ABBREVIATIONS_ENDING = frozenset({
    "г", "гг", "вв", "тыс", "млн", "млрд", "трлн", "долл", "руб", "т.д", "т.п", "др",
})  # fmt: skip
# a list item's marker opening a line ("2.", "б)", "iv.")
LIST_MARKER = re.compile(r"(?:\d{1,2}|[а-яА-ЯёЁa-zA-Z]|[ivxIVX]{1,4})[.)]")
# the joints a sentence is split into clauses at: ", а", ", но", ", который", "; " ...
CLAUSE = re.compile(
    r",\s+(?=(?:а|но|однако|тогда\s+как|в\s+то\s+время\s+как|хотя|когда|пока|причем|"
    r"причём|котор(?:ый|ая|ое|ые|ого|ой|ому|ым|ых|ыми|ую|ом))\b)"
    r"|;\s+|\s+и\s+(?=(?:затем|потом|позже|позднее|впоследствии|также)\b)"
    r"|,\s+(?=(?:между\s+тем|тем\s+временем)\b)"
)

# --- numbers (numbers.py) ---------------------------------------------------------------
# number words by value, every case form (a table of our own, see the module docstring)
_NUMBER_FORMS: dict[int, tuple[str, ...]] = {
    0: ("ноль", "нуль", "ноля", "нуля"),
    1: ("один", "одна", "одно", "одного", "одной", "одному", "одним", "одном", "одну"),
    2: ("два", "две", "двух", "двум", "двумя"),
    3: ("три", "трех", "трёх", "трем", "трём", "тремя"),
    4: ("четыре", "четырех", "четырёх", "четырем", "четырём", "четырьмя"),
    5: ("пять", "пяти", "пятью"),
    6: ("шесть", "шести", "шестью"),
    7: ("семь", "семи", "семью"),
    8: ("восемь", "восьми", "восемью", "восьмью"),
    9: ("девять", "девяти", "девятью"),
    10: ("десять", "десяти", "десятью"),
    11: ("одиннадцать", "одиннадцати"),
    12: ("двенадцать", "двенадцати"),
    13: ("тринадцать", "тринадцати"),
    14: ("четырнадцать", "четырнадцати"),
    15: ("пятнадцать", "пятнадцати"),
    16: ("шестнадцать", "шестнадцати"),
    17: ("семнадцать", "семнадцати"),
    18: ("восемнадцать", "восемнадцати"),
    19: ("девятнадцать", "девятнадцати"),
    20: ("двадцать", "двадцати"),
    30: ("тридцать", "тридцати"),
    40: ("сорок", "сорока"),
    50: ("пятьдесят", "пятидесяти"),
    60: ("шестьдесят", "шестидесяти"),
    70: ("семьдесят", "семидесяти"),
    80: ("восемьдесят", "восьмидесяти"),
    90: ("девяносто", "девяноста"),
    100: ("сто", "ста"),
    200: ("двести", "двухсот", "двумстам"),
    300: ("триста", "трехсот", "трёхсот"),
    400: ("четыреста", "четырехсот", "четырёхсот"),
    500: ("пятьсот", "пятисот"),
    600: ("шестьсот", "шестисот"),
    700: ("семьсот", "семисот"),
    800: ("восемьсот", "восьмисот"),
    900: ("девятьсот", "девятисот"),
}
_NUMBER_VALUE = {w: v for v, forms in _NUMBER_FORMS.items() for w in forms}


def _inflect(stems: dict[str, float], endings: Iterable[str]) -> dict[str, float]:
    return {stem + e: v for stem, v in stems.items() for e in endings}


# scale words and their abbreviations ("млрд", "млрд.", "миллиарда", "тыс.")
SCALES: dict[str, float] = {
    "тыс": 1e3,
    "тыс.": 1e3,
    "млн": 1e6,
    "млн.": 1e6,
    "млрд": 1e9,
    "млрд.": 1e9,
    "трлн": 1e12,
    "трлн.": 1e12,
    **_inflect({"тысяч": 1e3}, ("", "а", "и", "у", "ей", "ами", "ах", "ам")),
    **_inflect(
        {"миллион": 1e6, "миллиард": 1e9, "триллион": 1e12}, ("", "а", "ов", "у", "ом", "ами")
    ),
}
SCALE = r"(?:тыс|млн|млрд|трлн)(?:\.|\b)|(?:тысяч|миллион|миллиард|триллион)[а-я]*\b"
SHORT_SCALE = r"(?!)"  # no "5bn" in Russian
# digits: "6,4" (a decimal comma; a decimal point too), "1 200" / "1 200" (thousands
# spaced); DIGITS_VALUE reads what DIGITS matched
DIGITS = r"\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?!\d)(?:,\d+)?|\d+(?:[.,]\d+)?"


def _digits_value(text: str) -> float:
    """'6,4' -> 6.4, '1 200' -> 1200.0."""
    return float(re.sub(r"[ \u00a0\u202f]", "", text).replace(",", "."))


DIGITS_VALUE = _digits_value
_UNITS_SRC = "|".join(sorted(_NUMBER_VALUE, key=len, reverse=True))
_SCALE_WORDS = r"тысяч[аиу]?|(?:миллион|миллиард|триллион)\w*"
WORDNUM = rf"\b(?:{_UNITS_SRC})(?:\s+(?:{_UNITS_SRC}|{_SCALE_WORDS})\b)*(?![\w-])"
NUMBER_WORDS = frozenset(_NUMBER_VALUE) | {"дюжина", "дюжины", "дюжину"}
DOZEN = "дюжин"  # a number word holding it is 12
DOZEN_WORDS = r"дюжин[аыу]?"


def _word_to_number(words: str) -> float:
    """'двадцать пять' -> 25.0, 'две тысячи' -> 2000.0; ValueError when the words are no
    number."""
    total, part = 0.0, 0.0
    found = False
    for w in words.lower().split():
        if w in _NUMBER_VALUE:
            part += _NUMBER_VALUE[w]
        elif w in SCALES:
            total += (part or 1) * SCALES[w]
            part = 0.0
        else:
            raise ValueError(words)
        found = True
    if not found:
        raise ValueError(words)
    return total + part


WORD_TO_NUMBER = _word_to_number

# ordinals: "5-й", "11-ом", "третий", "первого"
_ORDINAL_STEMS = {
    "перв": 1, "втор": 2, "четверт": 4, "четвёрт": 4, "пят": 5, "шест": 6, "седьм": 7,
    "восьм": 8, "девят": 9, "десят": 10, "одиннадцат": 11, "двенадцат": 12,
    "тринадцат": 13, "четырнадцат": 14, "пятнадцат": 15, "шестнадцат": 16,
    "семнадцат": 17, "восемнадцат": 18, "девятнадцат": 19, "двадцат": 20, "тридцат": 30,
}  # fmt: skip
_ADJ_ENDINGS = ("ый", "ой", "ая", "ое", "ые", "ого", "ому", "ым", "ом", "ую", "ых", "ыми")
ORDINALS: dict[str, int] = {
    **{w: int(v) for w, v in _inflect(dict(_ORDINAL_STEMS), _ADJ_ENDINGS).items()},
    **{
        w: 3
        for w in _inflect(
            {"трет": 3}, ("ий", "ья", "ье", "ьи", "ьего", "ьему", "ьим", "ьем", "ью", "ьих", "ьей")
        )
    },
}
ORDINAL = re.compile(
    r"(?i)(?<![\w-])(?:(?P<n>\d+)-?(?:[ыио]?й|[оы]?е|[ао]?я|[оы]?го|[оы]?му|[оы]?м|ых|[ую]?ю)"
    r"|(?P<w>" + "|".join(sorted(ORDINALS, key=len, reverse=True)) + r"))(?![\w-])"
)
QUALIFIERS = [
    (
        "more_than",
        r"более(?:\s+чем)?|свыше|больше(?:\s+чем)?|превыси\w*|превыша\w*|превзош\w*|"
        r"не\s+менее|по\s+меньшей\s+мере|сверх|выше",
    ),
    # a bare "до" is no qualifier: after a verb of change it is "to" ("вырос до",
    # "сократился до", "довести до"), only "вплоть до" is "up to"
    ("less_than", r"менее|меньше|не\s+более|не\s+больше|вплоть\s+до|ниже"),
    (
        "about",
        r"около|почти|порядка|примерно|приблизительно|ориентировочно|близко\s+к|"
        r"приблизи\w*\s+к|приближа\w*\s+к|стрем\w*\s+к|почти\s+на",
    ),
]
QUALIFIER_BEFORE = re.compile(
    r"(?i)(?<![\w-])(?:" + "|".join(f"(?P<{k}>{v})" for k, v in QUALIFIERS) + r")\s+$"
)
BRACKET = re.compile(
    r"\s*[(\[]\s*(?:(?:около|примерно|порядка|почти|свыше|более|или|что\s+эквивалентно|"
    r"эквивалент\w*)\s+)?"
)
# currency names as stems (the endings follow in CURRENCY_PLURAL): "долларов", "долл.",
# "евро", "рублей", "тенге", "юаней", "сомов", "сумов", "лир"
CURRENCY_NAMES = {
    "доллар": ["USD"],
    "долл": ["USD"],
    "евро": ["EUR"],
    "рубл": ["RUB"],
    "руб": ["RUB"],
    "тенге": ["KZT"],
    "юан": ["CNY"],
    "сом": ["KGS"],
    "сум": ["UZS"],
    "лир": ["TRY"],
    "манат": ["AZN", "TMT"],
    "гривн": ["UAH"],
    "драм": ["AMD"],
    "лари": ["GEL"],
    "фунт": ["GBP"],
    "иен": ["JPY"],
    "йен": ["JPY"],
    "вон": ["KRW"],
    "рупи": ["INR"],
}
CURRENCY_PLURAL = r"(?:ов|ами|ам|ах|ей|ям|ях|ом|а|у|е|я|ь|и|ы|ой)?"
CURRENCY_PLURAL_END = ""  # the names are stems already
CURRENCY_ADJ = r"(?!)"  # "американских долларов" is USD without the adjective
US_ADJ = "США"
SHARED_SCALE = re.compile(r"\s*(?:-|–|—|до|или|и)\s*")

# --- dates (dates.py; context.py reads FUTURE) -------------------------------------------
_MONTH_NAMES = (
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december",
)  # fmt: skip
_WEEKDAY_NAMES = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


def _month_forms(number: int) -> tuple[list[str], list[str]]:
    """(full forms, abbreviations) of a month: dateparser's nominative and genitive, and
    the prepositional formed from the genitive ("мая" -> "мае")."""
    names = {n.lower() for n in _DP[_MONTH_NAMES[number - 1]]}
    abbr = [n for n in names if any(o != n and o.startswith(n) for o in names)]
    full = [n for n in names if n not in abbr]
    full += [n[:-1] + "е" for n in full if n[-1] in "ая"]  # "мая" -> "мае", "июля" -> "июле"
    return sorted(set(full)), sorted(set(abbr))


MONTHS: dict[str, int] = {}
_MONTH_ABBR: list[str] = []
for _n in range(1, 13):
    _full, _abbr = _month_forms(_n)
    MONTHS.update(dict.fromkeys(_full + _abbr, _n))
    _MONTH_ABBR += _abbr
del _n, _full, _abbr


def _weekday_forms(index: int) -> list[str]:
    """dateparser's full names of a weekday and their accusative ("среда" -> "среду")."""
    names = [n.lower() for n in _DP[_WEEKDAY_NAMES[index]] if len(n) > 3]
    return sorted(set(names + [n[:-1] + "у" for n in names if n.endswith("а")]))


WEEKDAYS = {w: i for i in range(7) for w in _weekday_forms(i)}  # name -> 0 (Monday) .. 6

_MONTH_FULL = sorted((m for m in MONTHS if m not in _MONTH_ABBR), key=len, reverse=True)
MONTH_NAME_SRC = r"(?i:" + "|".join(_MONTH_FULL) + r")"
MONTH_SRC = (
    r"(?:(?i:"
    + "|".join(_MONTH_FULL)
    + r")\b|(?i:"
    + "|".join(sorted(_MONTH_ABBR, key=len, reverse=True))
    + r")\.)"
)
DAY_SRC = r"(?:[12]\d|3[01]|0?[1-9])(?:-?(?:го|е))?"
YEAR_SRC = r"(?:1[89]\d\d|20\d\d)"
# what may follow a year: "года", "году", "г.", "гг.", "-м", "-го"
_YEAR_WORD = r"(?:-?(?:го|м|й|х)\b)?(?:\s*(?:год[а-я]*|гг?\.?)(?![\w]))?"
DASH_SRC = r"\s*[-–—]\s*"
# counts in words: "пять месяцев", "двадцать пять лет назад" (the values of a compound
# add up)
COUNT_WORDS = {w: v for w, v in _NUMBER_VALUE.items() if 2 <= v < 100}
_COUNT_WORD = "(?:" + "|".join(sorted(COUNT_WORDS, key=len, reverse=True)) + ")"
COUNT_SRC = rf"(?:\d{{1,2}}|(?:{_COUNT_WORD}\s+)?{_COUNT_WORD})"
WEEKDAY_SRC = r"(?i:" + "|".join(sorted(WEEKDAYS, key=len, reverse=True)) + r")"
# a year is a date only when no other noun follows it ("1800 компаний" is a count)
_NOT_COUNTED = r"(?![.,]\d|\s*%|\s+(?!(?:г|гг|год[а-я]*|и|или|по|до|на|в|во|с|—|-)\b)[а-яё])"
_REL_YEAR = r"(?P<yrel>прошл|эт|текущ|нынешн|минувш|следующ|будущ|предыдущ)"

DATE_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    (
        "dm_range_y",
        re.compile(
            rf"(?<![\w.])(?P<d1>{DAY_SRC})(?:{DASH_SRC}|\s+(?:и|по|до)\s+)(?P<d2>{DAY_SRC})\s+"
            rf"(?P<m>{MONTH_SRC}),?\s+(?P<y>{YEAR_SRC}){_YEAR_WORD}"
        ),
    ),
    (
        "dm_range",
        re.compile(
            rf"(?<![\w.])(?P<d1>{DAY_SRC})(?:{DASH_SRC}|\s+(?:и|по|до)\s+)(?P<d2>{DAY_SRC})\s+"
            rf"(?P<m>{MONTH_SRC})(?!,?\s*\d)"
        ),
    ),
    (
        "dmy",
        re.compile(
            rf"(?<![\w.])(?P<d>{DAY_SRC})\s+(?P<m>{MONTH_SRC}),?\s+(?P<y>{YEAR_SRC}){_YEAR_WORD}"
        ),
    ),
    ("iso", re.compile(r"\b(?P<y>(?:19|20)\d\d)-(?P<mo>0[1-9]|1[0-2])-(?P<d>[0-3]\d)\b")),
    (
        "dmy_num",
        re.compile(
            r"(?<![\w.,])(?P<d>0?[1-9]|[12]\d|3[01])\.(?P<mo>0[1-9]|1[0-2])\."
            r"(?P<y>(?:19|20)\d\d|\d\d)(?![\w.,]\d|\d)"
        ),
    ),
    (
        "mm_between",
        re.compile(
            rf"(?i:\b(?:с|от)\s+)(?P<m1>{MONTH_SRC})\s+(?:по|до)\s+(?P<m2>{MONTH_SRC})"
            rf"(?:,?\s+(?P<y>{YEAR_SRC}){_YEAR_WORD})?"
        ),
    ),
    (
        "yy_between",
        re.compile(
            rf"(?i:\b(?:с|от|между)\s+)(?P<y1>{YEAR_SRC})(?:-?(?:го|м))?\s*(?:год[а-я]*\s+)?"
            rf"(?:по|до|и)\s+(?P<y2>{YEAR_SRC}){_YEAR_WORD}"
        ),
    ),
    (
        "yy_range",
        re.compile(rf"(?<![\w.,])(?P<y1>{YEAR_SRC})\s*[-–—/]\s*(?P<y2>{YEAR_SRC}|\d\d)\b"),
    ),
    (
        "mm_range_y",
        re.compile(
            rf"(?P<m1>{MONTH_SRC})\s*[-–—]\s*(?P<m2>{MONTH_SRC}),?\s+(?P<y>{YEAR_SRC}){_YEAR_WORD}"
        ),
    ),
    (
        "part_y",
        re.compile(
            rf"(?:(?P<ord>перв|втор|трет|четв[её]рт|последн|iv|iii|ii|i)[а-яё]*\s+"
            rf"(?P<unit>полугоди|квартал)[а-яё]*|(?:перв[а-яё]*\s+)?(?P<n>{COUNT_SRC})\s+"
            rf"месяц[а-яё]*|(?P<hq>[HQ][1-4]))\s+(?P<y>{YEAR_SRC}){_YEAR_WORD}",
            _I,
        ),
    ),
    (
        "part",
        re.compile(
            r"(?i:\b(?:за|в|во)\s+)(?P<ord>перв|втор|трет|четв[её]рт|iv|iii|ii|i)[а-яё]*\s+"
            r"(?P<unit>полугоди|квартал)[а-яё]*(?!\s+(?:1[89]|20)\d\d)",
            _I,
        ),
    ),
    ("my", re.compile(rf"(?P<m>{MONTH_SRC}),?\s+(?P<y>{YEAR_SRC}){_YEAR_WORD}")),
    ("dm", re.compile(rf"(?<![\w.])(?P<d>{DAY_SRC})\s+(?P<m>{MONTH_SRC})(?!,?\s*\d)")),
    (
        "m",
        re.compile(
            rf"(?i:\b(?:в|во|с|со|до|к|по|от|на|начал[аеоу]|конц[аеу]|середин[аеуы])\s+)"
            rf"(?P<m>{MONTH_SRC})(?:\s+{_REL_YEAR}[а-яё]*\s+год[а-яё]*)?"
        ),
    ),
    ("y", re.compile(rf"(?<![\d$€£¥₽₸.,])\b(?P<y>{YEAR_SRC})\b{_NOT_COUNTED}{_YEAR_WORD}")),
    (
        "weekday",
        re.compile(
            r"(?i)\b(?P<rel>во?(?:\s+(?:прошл|следующ|эт|ближайш|минувш))?)"
            rf"(?:(?<=[лщтш])[а-яё]+)?\s+(?P<wd>{WEEKDAY_SRC})\b"
        ),
    ),
    (
        "rel_year",
        re.compile(
            r"(?i)\b(?P<rel>прошл|эт|текущ|нынешн|минувш|следующ|будущ|предыдущ|"
            r"т(?:ом|ого|от)\s+же)[а-яё]*\s+(?P<unit>год|месяц)(?:а|у|е|ем|ом)?\b"
        ),
    ),
    (
        "rel_day",
        re.compile(
            r"(?i)\b(?P<rel>"
            + "|".join(
                w for key, words in _DP["relative-type"].items() if " day" in key for w in words
            )
            + r")\b"
        ),
    ),
    (
        "ago",
        re.compile(
            rf"(?i)\b(?:(?P<n>{COUNT_SRC}|\d{{3}})\s+)?(?:(?P<half>полгода)|(?P<year>лет|года?)|"
            rf"(?P<month>месяц[аев]*))\s+назад\b"
        ),
    ),
    (
        "past_years",
        re.compile(
            rf"(?i)\b(?:за|в\s+течение|на\s+протяжении)\s+(?:последн|прошедш)[а-яё]*\s+"
            rf"(?P<n>{COUNT_SRC}|\d{{1,3}})\s+(?:лет|года?)\b"
        ),
    ),
    (
        "same_period",
        re.compile(
            r"(?i)\b(?:за|в)\s+(?:аналогичн\w+|т(?:от|ом)\s+же|этот\s+же)\s+период\w*|"
            r"\bв\s+том\s+же\s+году\b"
        ),
    ),
    # "в этот день", "в тот же день": the day the sentence before gives
    ("same_day", re.compile(r"(?i)\b(?:в\s+)?(?:этот|тот)(?:\s+же)?\s+день\b")),
]

DATE_PROBES = {
    "month": re.compile(MONTH_SRC),
    "part": re.compile(r"(?i)полугоди|квартал|месяц|\b[HQ][1-4]\b"),
    "year": re.compile(r"\b(?:1[89]|20)\d\d\b"),
    "digit_month": re.compile(r"\d"),
    "weekday": re.compile(WEEKDAY_SRC),
    "rel": re.compile(r"(?i)\bгод|\bмесяц"),
    "day": re.compile(r"(?i)сегодня|вчера|завтра"),
    "period": re.compile(r"(?i)\bпериод|\bтом\s+же\s+году"),
    "same_day": re.compile(r"(?i)\b(?:этот|тот)(?:\s+же)?\s+день\b"),
    "ago": re.compile(r"(?i)\bназад\b"),
    "past_years": re.compile(r"(?i)\b(?:последн|прошедш)"),
    "numeric": re.compile(r"\d\.\d\d\.\d\d"),
}
# "подписали во вторник": a past verb dates a past day
PAST_BEFORE = re.compile(r"(?i)\b[а-яё]+[аеиоуыя]л(?:[аои])?(?:сь|ся)?\s+$")
FUTURE = re.compile(
    r"(?i)\b(?:буд(?:ет|ут|ем|у|ущ\w*)|планиру\w*|запланирова\w*|намерен\w*|намерева\w*|"
    r"предстои\w*|предстоящ\w*|состоится|состоятся|пройд[её]т|пройдут|ожида\w+ся|"
    r"собира\w+ся|наме[тч]\w*|в\s+следующ\w+|на\s+следующ\w+|"
    # the perfective future of the verbs news of visits and signings use most
    r"(?:посет|прибуд|провед|подпиш|встрет|откро|прим|отправ|соверш|обсуд|посвят)"
    r"(?:ит|ет|ёт|ут|ют|ят|ат|ится|ятся|ется|ются|утся|ется)|"
    r"до\s+(?:конца\s+)?20\d\d\s+года|к\s+20\d\d\s+году|приглашени\w+\s+посетить)\b"
)

# resolving the relative expressions the patterns above find (lower-cased stems; before
# a weekday the preposition and the adjective's stem, one space between)
WEEKDAY_REL_AS_TENSE = ("", "в", "во", "в эт")  # "во вторник": as the clause says
WEEKDAY_REL_FUTURE = ("в следующ", "в ближайш")
WEEKDAY_REL_AFTER_PAST_VERB = ("в следующ", "в ближайш")
REL_UNRESOLVED = ("том же", "того же", "тот же")  # "в том же году": only the context knows
REL_DELTA = {
    "прошл": -1,
    "минувш": -1,
    "предыдущ": -1,
    "эт": 0,
    "текущ": 0,
    "нынешн": 0,
    "следующ": 1,
    "будущ": 1,
}
REL_UNIT_YEAR = "год"
REL_DAY_DELTA = {
    w: (-1 if "ago" in key else 1) * int(key.split()[0] if key[0].isdigit() else key.split()[1])
    for key, words in _DP["relative-type"].items()
    if " day" in key
    for w in words
}
PART_HALF_LETTERS = "Hh"  # "H1 2024" is a half year, "Q3 2024" a quarter
PART_HALF_WORD = "полугоди"
PART_ORDER = {
    "перв": 1,
    "втор": 2,
    "трет": 3,
    "четверт": 4,
    "четвёрт": 4,
    "i": 1,
    "ii": 2,
    "iii": 3,
    "iv": 4,
}

# --- context and pipeline (context.py, pipeline.py) -------------------------------------
# a sentence opening with "Тогда"/"Затем" continues the previous sentence's date
CONNECTIVE = re.compile(
    r"^(?:Тогда|Затем|Впоследствии|Позже|Позднее|Тогда\s+же|В\s+тот\s+же\s+(?:день|год)|"
    r"В\s+ходе\s+(?:этого|того|данного)\s+(?:визита|поездки|встречи|переговоров)|"
    r"В\s+рамках\s+(?:этого|того|данного)\s+(?:визита|поездки))\b"
)
# "АСТАНА, 11 ноября. /ТАСС/.", "Ташкент, 16 февраля, 2017, 11:06 — ИА Регнум.",
# "Бишкек, 05.01.22. /Кабар/.": a city, then a day and month (or a numeric date), at the
# very start of the text
DATELINE = re.compile(
    r"^\s*(?P<city>[А-ЯЁ][А-ЯЁа-яё-]+(?:\s+[А-ЯЁ][А-ЯЁа-яё-]+){0,2})[,.]\s+"
    rf"(?:\d{{1,2}}\s+{MONTH_SRC}(?:,?\s+\d{{4}}(?:\s*г(?:ода|\.))?)?|\d{{1,2}}\.\d{{2}}\.\d{{2,4}})"
    r"(?:,?\s*\d{1,2}:\d{2})?\.?(?:\s*(?:[-–—]+\s*)?(?:/[^/\n]{1,60}/\.?|[А-ЯЁA-Z][\w-]+"
    r"(?:\s+[А-ЯЁA-Z][\w-]+)?\.?))?(?:\s*[-–—]+)?"
)
MAIN_TALKS = re.compile(
    r"(?i)\b(?:переговор\w*|встреч\w*|встрети\w*|саммит\w*|подписа\w*|заседани\w*|"
    r"повыси\w*|подняли)"
)

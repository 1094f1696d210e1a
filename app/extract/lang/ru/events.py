"""Russian words and patterns for events (a section of the Russian language module).

The kinds are the schema's (CONVENTIONS.md section 6).  Russian names an event by a
verbal noun as often as by a verb ("установление дипломатических отношений", "30-летие
установления отношений", "открытие посольства"), so each trigger takes both; words are
stems where their endings vary.  An anniversary is a numbered "-летие" or "годовщина", or
"N лет со дня ..." (the group ``years``: N years since a bilateral event, which the text
marks whatever N is).
"""

from __future__ import annotations

import re

from .core import ORDINALS

_I = re.IGNORECASE
# an ordinal in digits ("11-ом", "3-е") or words ("первом", "одиннадцатое")
_ORD = r"\d+-?(?:[ыио]?й|[оы]?е|[ао]?я|[оы]?го|[оы]?му|[оы]?м|[ую]?ю)|" + "|".join(
    sorted(ORDINALS, key=len, reverse=True)
)

# "дипломатических", "дип" (the short "дипотношения"), "двусторонних", "казахско-турецких"
_RELATIONS = r"(?:[\w-]+\s+){0,3}?(?:дип)?отношени\w*"
# the words a number may be written in before "-летие": "30-летие", "30-летия", "тридцатилетие"
_YEARS_WORD = r"(?:лет(?:и[ея]|ию|ием|ии))"

EVENT_TRIGGERS: list[tuple[str, re.Pattern[str]]] = [
    (
        "recognition",
        re.compile(r"\bпризна(?:л|ла|ли|ни[ея]|ет|ют)\w*\b.{0,60}?\bнезависимост", _I),
    ),
    (
        "diplomatic_relations",
        re.compile(
            r"\b(?:установ(?:или|ил|ила|лени\w*|ить)|устанавлива\w*|"
            r"восстанов(?:или|ил|ила|лени\w*|ить)|нормализ\w*|возобнов\w*)\s+"
            + _RELATIONS
            + r"|\b(?:дипломатические\s+|дип)отношения\s+(?:между\s+[^.;]{0,60}?\s+)?"
            r"(?:были\s+)?(?:официально\s+)?установлены",
            _I,
        ),
    ),
    (
        "embassy_opened",
        re.compile(
            r"\b(?:откры(?:л|ла|ли|ло|лось|лись|ти[еяю]|тием|ть|вает|вают)\w*|учреди\w*|"
            r"учрежд\w*)\s+(?:[\w-]+\s+){0,2}?(?:посольств|генконсульств|"
            r"генеральн\w+\s+консульств|консульств)\w*|"
            r"\b(?:посольств|генконсульств|генеральн\w+\s+консульств|консульств)\w*\b"
            r"[^.]{0,60}?\b(?:открыл(?:ось|ись|о|и)|начал[оаи]?\s+(?:свою\s+)?работ\w*|"
            r"приступил\w*\s+к\s+работе)",
            _I,
        ),
    ),
    (
        "partnership_upgrade",
        re.compile(
            r"\b(?:повы(?:сили|сил|сила|шени\w*|сить)|подня(?:ли|л|ла|ть|ти\w*)|"
            r"выве(?:ли|л|ла|сти|дени\w*)|вывод[аеуя]?|возве(?:ли|л|ла|сти|дени\w*)|"
            r"перев(?:ели|ел|ёл|ести)|достиг\w*|вышл[иа]\s+на)\b[^.]{0,90}?\bпартн[её]рств\w*|"
            r"\b(?:заявлени|декларац|договор|коммюнике)\w*\s+о\s+[«\"„]?(?:[\w-]+\s+){0,4}?"
            r"партн[её]рств\w*|\bустановлени\w*\s+(?:[\w-]+\s+){0,3}?партн[её]рств\w*",
            _I,
        ),
    ),
    (
        "council_established",
        re.compile(
            r"\b(?:созда(?:ли|л|ла|ни[еяю]|ть|н|на|но)|учреди(?:ли|л|ла|ть)|учрежд\w*|"
            r"образова(?:ли|л|ла|ни[еяю]|н|на))\s+(?:[\w-]+\s+){0,3}?"
            # the body's name shows it to be the pair's own: "межправительственный совет",
            # "казахско-турецкая комиссия", "совместный комитет"
            r"(?:межправительственн|межгосударственн|двусторонн|совместн|[а-яё]+ско-[а-яё]+ск)"
            r"\w*\s+(?:[\w-]+\s+){0,3}?(?:совет|комисси|комитет)\w*",
            _I,
        ),
    ),
    (
        "council_meeting",
        re.compile(
            rf"(?<![\w-])(?P<ord>{_ORD})\s+"
            r"(?:совместн\w+\s+)?(?:заседани|сессии|сессия|сессию|встреч)\w*\s+"
            r"(?:[\w-]+\s+){0,6}?(?:совет|комисси|комитет|межправкомисси)\w*|"
            # an unnumbered meeting of a body the text shows to be the pair's own
            r"(?P<named>\b(?:заседани|сессии|сессия)\w*\s+(?:[\w-]+\s+){0,4}?"
            r"(?:межправкомисси\w*|(?:межправительственн|межгосударственн|двусторонн)\w*\s+"
            r"(?:[\w-]+\s+){0,3}?(?:совет|комисси|комитет)\w*))",
            _I,
        ),
    ),
    (
        "anniversary",
        re.compile(
            rf"(?P<ord>\b\d+)\s*-?\s*{_YEARS_WORD}|(?<![\w-])(?P<ord2>{_ORD})\s+годовщин\w*|"
            r"(?P<years>\b\d+)\s+(?:лет|года?)\s+(?:со\s+дня|с\s+момента|с\s+даты)\b",
            _I,
        ),
    ),
    (
        "leadership_change",
        re.compile(
            r"\b(?:вступил\w*\s+в\s+должность|пришел\s+к\s+власти|пришёл\s+к\s+власти|"
            r"ушел\s+в\s+отставку|ушёл\s+в\s+отставку|подал\w*\s+в\s+отставку|"
            r"(?:был|была)\s+(?:пере)?избран\w*|победил\w*\s+на\s+[\w\s-]{0,30}?выбор\w*|"
            r"(?:с\s+)?побед\w*\s+на\s+[\w\s-]{0,30}?выбор\w*|принес\w*\s+присягу)",
            _I,
        ),
    ),
    (
        "unrest",
        re.compile(
            r"\b(?:протест\w*|беспорядк\w*|восстани\w*|столкновени\w*|"
            r"попытк\w+\s+переворот\w*)",
            _I,
        ),
    ),
    (
        "policy",
        re.compile(
            # "виза", "визового режима", never "визит"
            r"\b(?:продл|введ|ввод|отмен|упрощ|упрост|предостав)\w*\b[^.]{0,40}?"
            r"\bвиз(?:[аыу]|ой|ам|ами|ах|ов\w*)?\b|\bбезвизов\w*",
            _I,
        ),
    ),
]
EVENT_KEYWORDS = {
    "recognition": ("призна",),
    "diplomatic_relations": ("отношени",),
    "embassy_opened": ("посольств", "консульств"),
    "partnership_upgrade": ("партнерств", "партнёрств"),
    "council_established": ("совет", "комисси", "комитет"),
    "council_meeting": ("заседани", "сесси", "встреч"),
    "anniversary": ("летие", "летия", "летию", "летием", "летии", "годовщин", "со дня",
                    "с момента", "с даты"),
    "leadership_change": ("должность", "власти", "отставк", "избран", "выбор", "присяг"),
    "unrest": ("протест", "беспоряд", "восстани", "столкновени", "переворот"),
    "policy": ("виз",),
}  # fmt: skip
EVENT_KEYWORD_KIND = {k: kind for kind, ks in EVENT_KEYWORDS.items() for k in ks}
EVENT_FUTURE = re.compile(
    r"\b(?:буд(?:ет|ут)|состоится|состоятся|пройд[её]т|пройдут|планиру\w*|"
    r"запланирован\w*|ожида\w*|предстоящ\w*|предстоит|намечен\w*)\b",
    _I,
)
# an upgrade agreed or signed at the article's event (dated by it when undated)
AGREED = re.compile(
    r"\b(?:договорил\w*|решил\w*|согласил\w*|подписа\w*|подписани\w*|объявил\w*|"
    r"заявил\w*|приняли)\b",
    _I,
)
CLAUSE_LEAD = re.compile(
    r"^(?:и|а|но|которы\w*|котор\w+|когда|причем|причём|а\s+также|между\s+тем|однако)\s+",
    _I,
)
# "Казахстан и Турция повысили ...": the subject a clause opening with its verb lacks
SENTENCE_SUBJECT = re.compile(
    r"^(?:[А-ЯЁ][\w-]*(?:\s+(?:и\s+)?[А-ЯЁ][\w-]*)*)(?:\s+(?:страны|стороны|лидеры))?"
    r"(?=\s+[а-яё])"
)
ANY_EVENT_TRIGGER = re.compile(
    re.sub(r"\(\?P<\w+>", "(?:", "|".join(f"(?:{p.pattern})" for _k, p in EVENT_TRIGGERS)), _I
)
BILATERAL = re.compile(
    r"(?:двусторонн|совместн|межправительственн|межправкомисси|межгосударственн|"
    r"стратегическ|высок\w+\s+уровн|между\s+(?:двумя\s+)?(?:странами|государствами|"
    r"сторонами)|\b[а-яё]+ско-[а-яё]+ск)",
    _I,
)
# past-tense verbs end so: "и повысили ..." opens with its verb
PAST_SUFFIX = ("л", "ла", "ли", "ло", "лись", "лся", "лась")
SAME_YEAR = re.compile(r"(?i)\b(?:в\s+)?том\s+же\s+году\b")
COUNCIL_WORD = re.compile(r"(?:совет|комисси|комитет)", _I)
# "Совет стратегического сотрудничества высокого уровня (ССВУ)": the words before the
# acronym (its escape follows)
COUNCIL_EXPANSION = r"((?i:[^.(]{0,80})\b(?:совет|комисси|комитет)[^.(]{0,80}?)\s*\(\s*"
ANNIVERSARY_WORD = re.compile(
    rf"{_YEARS_WORD}|годовщин|\d+\s+(?:лет|года?)\s+(?:со\s+дня|с\s+момента|с\s+даты)", _I
)
RELATIONS_WORD = re.compile(r"отношени", _I)
INAUGURAL_WORDS = ("учредительном", "учредительное", "учредительного", "учредительная",
                   "учредительной")  # fmt: skip

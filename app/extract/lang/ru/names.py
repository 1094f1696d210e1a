"""Russian words and patterns for names (a section of the Russian language module): the
titles that introduce people, the name pattern, the head nouns of bodies, and
``NAME_FORMS``, the morphology that puts a name written in any case into the nominative.

Titles are written in lower case mid-sentence in Russian (``президента Армении``) and
decline: each title stem takes the case endings of its declension (``_M`` for masculine
nouns, ``_F`` for feminine ones in -а).  The country after a title is in the genitive,
which the gazetteer's Russian forms already hold.
"""

from __future__ import annotations

import re
from typing import Any

from ... import morphology
from . import core as _core

_I = re.IGNORECASE
_M = r"(?:ом|ам|ами|ах|ов|ы|а|у|е)?"  # a masculine noun's case endings (президент-а)
_F = r"(?:ой|ою|ам|ами|ах|ы|е|у|и|а)"  # a feminine (or common) noun in -а (глав-а)
_SOFT = r"(?:ем|ям|ями|ях|ей|я|ю|и|ь)"  # a soft masculine noun (председател-ь)

UPPER = "А-ЯЁA-Z"  # the capital letters (a character class's body)
NAME_WORD = rf"[{UPPER}][\w’'-]*"  # a capitalised word
_SP = r"[^\S\n]+"  # spaces within one line
# Lower-case words of ministers' portfolios (genitive): "министр иностранных дел",
# "министр торговли и интеграции".  Where they end, the name begins.
PORTFOLIO_WORDS = frozenset({
    "иностранных", "дел", "экономики", "торговли", "интеграции", "финансов", "обороны",
    "энергетики", "промышленности", "культуры", "образования", "науки", "транспорта",
    "сельского", "хозяйства", "юстиции", "здравоохранения", "внутренних", "туризма",
    "инвестиций", "развития", "цифрового", "национальной", "экономического", "и",
})  # fmt: skip
_PORTFOLIO = rf"(?:{'|'.join(sorted(PORTFOLIO_WORDS - {'и'}, key=len, reverse=True))})"
# a title or office before a name, in any case (a regex source; "(?i:)" for the capital
# a title takes at the start of a sentence)
TITLE = (
    r"(?i:(?:(?:перв(?:ый|ого|ому|ым|ом)\s+)?вице-)?президент" + _M + "|"
    r"(?:(?:перв(?:ый|ого|ому|ым|ом)\s+)?вице-)?премьер(?:-министр" + _M + ")?"
    r"(?:\s+правительства)?|"
    r"(?:(?:перв(?:ый|ого|ому|ым|ом)\s+)?заместител" + _SOFT + r"\s+)?"
    r"(?:министр" + _M + rf"(?:\s+{_PORTFOLIO}(?:\s+{_PORTFOLIO}){{0,3}})?|"
    r"председател" + _SOFT + r"(?:\s+(?:правительства|парламента|сената|КНР|"
    r"(?:государственной\s+)?думы|совета\s+министров|кабинета\s+министров))?)|"
    r"глав" + _F + r"(?:\s+(?:МИД(?:а|е|ом|у)?|государства|правительства|МВД|"
    r"министерства\s+иностранных\s+дел|внешнеполитического\s+ведомства))?|"
    r"лидер" + _M + "|канцлер" + _M + "|король|короля|королю|королём|королем|"
    r"эмир" + _M + "|султан" + _M + "|посл(?:ом|а|у|е)|посол|спикер" + _M + "|"
    r"генеральн(?:ый|ого|ому|ым|ом)\s+секретар" + _SOFT + "|генсек" + _M + "|"
    r"госсекретар" + _SOFT + "|мэр" + _M + "|губернатор" + _M + "|аким" + _M + "|"
    r"г-н(?:а|у|ом)?|г-жа|г-жи)"
)
# a title and its "of": no "of" in Russian (the genitive follows), so the title alone
OFFICE_OF = rf"(?:{TITLE})\s+"
# honorifics between a title and a name ("господин"): not part of the name
HONORIFIC = r"(?:господин(?:а|у|ом)?|госпож(?:а|и|е|у|ой)|его\s+превосходительств(?:о|а|у|ом))"
NAME_PARTICLE = r"(?:бин|ибн|аль|эль|ад|ас|ибн|де|да|ван|фон|дер|дю|ди)"
# a person's name: group "name" ("Н.А. Саакян", "Арам-Вардан Саакян", "Ли Вэньбо")
NAME = (
    rf"(?P<name>(?:[{UPPER}]\.\s?){{0,2}}{NAME_WORD}"
    rf"(?:{_SP}(?:{NAME_PARTICLE}[-\s])?{NAME_WORD}){{0,3}})"
)
# Head nouns of bodies, lower-case and in the nominative (a phrase's words are matched
# by their dictionary form): "совет", "комиссия", "организация", ...
ORG_HEADS = {
    "совет", "комиссия", "межправкомиссия", "организация", "министерство", "комитет",
    "союз", "ассамблея", "парламент", "правительство", "канцелярия", "агентство",
    "фонд", "банк", "форум", "палата", "сообщество", "содружество", "секретариат",
    "управление", "ведомство", "администрация", "академия", "университет", "институт",
    "ассоциация", "корпорация", "компания", "партия", "альянс", "федерация", "суд",
    "конференция", "совещание", "служба", "дума", "меджлис", "курултай", "хурал",
}  # fmt: skip
BODIES = {"сенат", "конгресс"}


def _titled_person(L: Any, country: str) -> str:
    """A title, the country it is of in the genitive, then the name ("президента
    Армении Арама Саакяна", "глава МИД Монголии Ганбаатар Очир"): groups
    title, of, gov, body, name (gov and body are English constructions: never set)."""
    return (
        rf"(?<![\w-])(?P<title>{L.TITLE})(?:\s+(?:(?:Республики|Королевства|"
        rf"Федеративной\s+Республики)\s+)?(?P<of>{country})(?:\s+в\s+{country})?)?"
        r"(?P<gov>(?!))?(?P<body>(?!))?"
        rf"(?:,|:)?(?:[^\S\n]+|[^\S\n]*\n[^\S\n]*)(?:{L.HONORIFIC}\s+)*{L.NAME}"
    )


def _portfolio_person(L: Any, country: str) -> str:
    """A minister of several portfolios is in ``TITLE`` already (the portfolio words
    are lower-case): a pattern that never matches, with the groups the recogniser reads."""
    return r"(?P<title>(?!))(?P<portfolio>)(?P<of>)(?P<name>)"


def _joint_people(L: Any, country: str) -> str:
    """Two titled people of two countries in one phrase: "президенты Армении и Монголии
    X и Y", "президентов Армении X и Монголии Y" (X of the first, Y of the second), or
    one of them named: "президентов Армении и Монголии Y" (Y of the second).  Groups
    title, a, b, x, y (x is None when only the second is named)."""
    one = rf"{L.NAME_WORD}(?:\s+{L.NAME_WORD}){{0,3}}"
    return (
        r"(?<![\w-])(?P<title>(?i:президент(?:ы|ов|ам|ами|ах)|лидер(?:ы|ов|ам|ами|ах)|"
        r"премьер-министр(?:ы|ов|ам|ами|ах)|министр(?:ы|ов|ам|ами|ах)\s+иностранных\s+дел|"
        r"глав(?:ы|ам|ами|ах)\s+(?:государств|правительств|МИД)))\s+"
        rf"(?P<a>{country})(?:\s+(?P<x>{one}))?\s+и\s+(?P<b>{country}),?\s+"
        rf"(?:(?P<x2>{one})\s+и\s+)?(?P<y>{one})"
    )


TITLED_PERSON = _titled_person
PORTFOLIO_PERSON = _portfolio_person
JOINT_PEOPLE = _joint_people
# "с монгольским коллегой Батбаяром Цэрэндоржем": a counterpart, in any case
COUNTERPART = re.compile(rf"(?<![\w-])коллег(?:а|и|е|у|ой|ою|ами|ам|ах)?,?\s+{NAME}")
# a role in lower case before a name of two words or more ("спецпредставитель Х Y")
LOWER_ROLE = re.compile(
    r"(?<![\w-])(?P<title>спецпредставител" + _SOFT + "|специальн(?:ый|ого|ому|ым)\\s+"
    r"представител" + _SOFT + "|предшественник" + _M + "|преемник" + _M + r"),?\s+"
    rf"(?=[{UPPER}][\w’'-]*\s+[{UPPER}]){NAME}"
)
# "X и его монгольский коллега Y": X is of the other country
PARTNERS = re.compile(
    rf"(?P<a>{NAME_WORD}(?:\s+{NAME_WORD}){{0,3}})\s+и\s+(?:его|её|ее|их)\s+"
    rf"(?:[\w-]+\s+)?коллег\w*,?\s+(?P<b>{NAME_WORD}(?:\s+{NAME_WORD}){{0,3}})"
)
# the gap between a country and the person after it ("монгольского президента X",
# "Армении X"): at most one word
COUNTRY_PERSON_GAP = re.compile(r"\s*(?:[\w-]+\s+){0,1}")
# no country after a name: the genitive puts it between the title and the name
PERSON_COUNTRY_GAP = re.compile(r"(?!)")
# Capitalised words that start a sentence and name nobody
# fmt: off
NOT_NAME = {"В", "Во", "На", "По", "Об", "О", "С", "Со", "К", "У", "И", "А", "Но", "Он", "Она",
            "Они", "Его", "Её", "Ее", "Их", "Это", "Этот", "Эта", "Также", "Так", "Как", "При",
            "После", "До", "Для", "Между", "Глава", "Главы", "Президент", "Премьер-министр",
            "Министр", "Лидер", "Председатель", "Посол", "Республика", "Республики",
            "Правительство", "Государство", "Стороны", "Кроме", "Вместе", "Однако", "Ранее",
            "Напомним", "Сегодня", "Вчера", "Завтра", "Здесь", "Там", "Мы", "Я", "Вы"}
NOT_ORG_START = {"В", "Во", "На", "По", "Об", "О", "С", "Со", "К", "У", "И", "А", "Но", "Это",
                 "Также", "При", "После", "Для", "Между", "Согласно"}
# fmt: on
NAME_SUFFIXES = {"II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "мл", "ст"}
SHORT_WORDS = {"В", "Во", "На", "По", "Об", "О", "С", "Со", "К", "У", "И", "А", "Но", "Он", "Мы"}
DAY_WORDS = {*_core.WEEKDAYS, "сегодня", "вчера", "завтра"}
SURNAME_PRONOUNS: set[str] = set()  # no pronoun of Russian is also a family name
NOT_SURNAMES = {
    "Республика",
    "Республики",
    "Федерация",
    "Федерации",
    "Королевство",
    "Правительство",
    "Правительства",
    "Министерство",
    "Министерства",
    "Государство",
}
# a capitalised phrase that may name a body (the morphology decides where it ends)
ORG_PHRASE = re.compile(rf"{NAME_WORD}(?:{_SP}[\w-]+){{0,7}}")
CALENDAR_WORDS = {*_core.MONTHS, *_core.WEEKDAYS}
DATE_PREPOSITIONS = ("в", "во", "на")
GENERIC_ORG_WORDS = frozenset({"и", "по", "в", "на", "для", "между"})
# adjective endings cut in an organisation's key ("Шанхайская"/"Шанхайской" -> "шанхайск")
ADJECTIVE_SUFFIX = re.compile(r"(?:ая|ой|ую|ий|ый|ого|ому|ым|ом|ое|ые|ых|ими|ей|яя|ее|ие|их)$")
ROLE_WORDS = {
    "Секретарь",
    "Член",
    "Председатель",
    "Директор",
    "Заместитель",
    "Глава",
    "Министр",
    "Президент",
    "Посол",
    "Советник",
    "Руководитель",
}
MEETING_WORDS = {"заседание", "саммит", "встреча", "сессия", "переговоры", "диалог"}
ORG_CONNECTORS = {"и", "по", "в", "на", "для", "–", "—"}
ORG_OF = "при"  # "Совет при Президенте": the body it belongs to follows
ORG_IN = "в"  # "Форум в <город>"
ORG_AND = "и"
ORG_TOPIC_LINKS = ("по",)  # "Комитет по культуре"
ORG_LEADING_LINKS = re.compile(r"^(?:(?:и|по|в|на|для|[–—])\s+)+")
MISSION_NAMES = {"посольство", "консульство", "генеральное консульство", "генконсульство"}
FORMERLY = re.compile(
    r"(?<![\w-])(?:ранее|прежде|бывш(?:ий|ая|ее|ие))(?:\s+(?:называвш\w+|известн\w+\s+как))?"
    rf"\s+(?=[{UPPER}])"
)
# "Статистика X" is no Russian construction: a pattern that never matches (group c)
NAMED_FOR_COUNTRY = re.compile(r"(?P<c>(?!))")


def _mechanism(L: Any, country: str) -> str:
    """A numbered meeting of a named council of two countries ("пятое заседание
    Армяно-монгольского совета ..."): the body named after the meeting.  Group name."""
    return (
        r"(?<![\w-])(?:\d+-?(?:е|го|м)|(?i:перв|втор|трет|четв[её]рт|пят|шест|седьм|восьм|"
        r"девят|десят)\w*)\s+(?i:заседани\w+|сесси\w+|встреч\w+)\s+"
        rf"(?P<name>{L.NAME_WORD}(?:{_SP}[а-яё-]+){{1,6}}?{_SP}"
        r"(?:совета|комиссии|межправкомиссии|комитета)"
        r"(?:\s+(?!по\b)[а-яё]+(?:ого|его|ой|ей|ых|их|ва|ня|ия|ств))*)"
    )


MECHANISM = _mechanism
STYLE_WORDS = {
    "Республика",
    "Республики",
    "Королевство",
    "Королевства",
    "Федеративная",
    "Федеративной",
    "Народная",
    "Народной",
    "Демократическая",
    "Демократической",
    "Исламская",
    "Исламской",
    "Социалистическая",
    "Социалистической",
}
STYLE_ARTICLE = ""  # Russian has no article
STYLE_OF = ""  # nor an "of": the country follows in the genitive
BETWEEN_COUNTRIES = re.compile(r"\s+между\s+\S+\s+и\s+\S+$")
BETWEEN_WORDS = ("между", "и")
# where something happens or someone goes ("в Анкаре", "прибыл в Анкару")
LOCATIVE = re.compile(r"(?<![\w-])(?:в|во|из|до)\s+$", _I)
# the visits' words that the entity recognisers also read
POSSESSIVE_END = re.compile(r"(?!)")  # no possessive ending in Russian names
PLURAL_SUFFIX = "ы"  # "президент" + "ы"
# entity_facts.py: a word before a country name that may make a longer one ("Китайская
# Народная Республика")
LONGER_NAME_BEFORE = re.compile(r"([А-ЯЁ][\w-]*)\s+$")


class _NameForms:
    """The morphology of Russian names (``morphology``), as entities.py reads it."""

    nominative = staticmethod(morphology.nominative_name)
    case_of = staticmethod(morphology.case_of)
    key = staticmethod(morphology.surname_key)
    latin = staticmethod(morphology.latin)
    phrase = staticmethod(morphology.nominative_phrase)
    parse = staticmethod(morphology.parse)
    lemma = staticmethod(morphology.lemma)
    is_person = staticmethod(morphology.is_person_name)
    # a given name and a surname next to each other, no title before them
    pair = re.compile(rf"(?<![\w.-])(?P<name>{NAME_WORD}\s+{NAME_WORD})(?![\w-])")


# How names change with their case: entities.py puts a name into the nominative and ties
# a surname's case forms together with it (English: None, names do not decline).
NAME_FORMS = _NameForms()

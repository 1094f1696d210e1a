"""Russian words and patterns for missions (a section of the Russian language module).

The sending country follows the keyword in the genitive ("посольство Монголии") or
stands before it as an adjective ("вьетнамское посольство"); a city follows "в"/"во" in the
locative ("в Ереване"), which the gazetteer's city forms read.  A country adjective
before the city ("во вьетнамском Хошимине") plays the part of English "Vietnam's Ho Chi Minh City".
"""

from __future__ import annotations

import re

_I = re.IGNORECASE

# events.py reads MISSION_KEYWORD too ("открытие посольства")
MISSION_KEYWORD = re.compile(
    r"(?<![\w-])(?P<kw>поч[её]тн\w+\s+(?:генеральн\w+\s+)?консульств\w*|"
    r"генеральн\w+\s+консульств\w*|генконсульств\w*|консульств\w*|посольств\w*)",
    _I,
)
# mission_kind: the keyword's first word (lower-cased) gives the kind; a bare
# "консульство" is a consulate general, as CONVENTIONS.md says of "consulates"
HONORARY_PREFIXES = ("почетн", "почётн")
CONSULATE_PREFIXES = ("консульств", "генеральн", "генконсул")
# the sender after the keyword in the genitive: "посольство Монголии",
# "генеральное консульство Республики Армения"
OF_COUNTRY = re.compile(r"(?i:(?:(?:поч[её]тн|генеральн)\w+\s+)*[\w-]+)\s+(?P<c>[А-ЯЁ])")
# an adjective right before the keyword: "вьетнамское посольство", "новое армянское посольство"
SENDER_GAP = re.compile(r"\s+(?:(?:нов|перв|собственн|поч[её]тн)\w*\s+)?")
# "Армения открыла посольство", "Вьетнам планирует открыть в 2025 году консульства"
_WHEN = r"(?:(?:в|во|к|до)\s+(?:\d{4}|этом|следующем|текущем|будущем)\s+(?:году|года)\s+)?"
HAS_VERB = re.compile(
    r"\s+(?:(?:уже|также|официально|недавно|ранее|впервые|ещё|еще|планиру\w+|намерен\w*|"
    r"собира\w+ся|решил\w*)\s+)*"
    + _WHEN
    + r"(?:открыл\w*|открыть|откро\w+|открыва\w+|име\w+|содерж\w+|учредил\w*|учредить|"
    r"создал\w*|создать|разместил\w*|держ\w+)\s+"
    + _WHEN
    + r"(?:(?:сво\w+|нов\w+|перв\w+|собственн\w+|ещ[её]|одно|два|две|три|четыре|пять)\s+)*"
)
# the next clause of a sentence has its own subject ("..., а Монголия держит ...")
SUBJECT_CLAUSE = re.compile(r",\s+(?:а|но|тогда\s+как|в\s+то\s+время\s+как)\s+|;\s+|,\s+и\s+")
IN_BEFORE = re.compile(r"\b(?:в|во)\s+$")  # "... в X": X is no subject
# "в Батуми", ", открытые в грузинских городах", "работает в Ереване", "посольство
# республики в Ереване" (the sender named again by a common noun)
MISSION_IN = re.compile(
    r",?\s+(?:(?:республики|страны|государства)\s+)?(?:(?:уже|также|ныне|сейчас|официально|недавно|впервые|открыт\w*|открыл\w*|"
    r"откро\w+|расположен\w*|располага\w+|находя\w+|находи\w+|работа\w+|действу\w+|"
    r"начал\w*\s+работ\w*|заработа\w+|размещ\w+)\s+)*(?:в|во)\s+",
    _I,
)
# "в этом городе", "в том же городе": the city named last
CITY_ANAPHOR = re.compile(r"(?:этом|том|данном)\s+(?:же\s+)?городе\b", _I)
# capitalised runs, to find a city named before ("Улан-Удэ", "Комсомольске-на-Амуре")
CITY_NAME_RUN = re.compile(r"[А-ЯЁ][\w’'-]+(?:\s+[А-ЯЁ][\w’'-]+){0,2}")
# "в портовом городе Хайфоне", "во вьетнамском городе Дананг"
CITY_OF = re.compile(r"(?:[а-яё-]+\s+){0,2}?город\w*\s+(?=[А-ЯЁ])")
# "в своей столице", "в столице" (no name after it): the host's capital
ITS_CAPITAL = re.compile(r"(?:сво\w+\s+|их\s+|е[её]\s+|его\s+)?столиц\w*\b(?!,?\s*[А-ЯЁ])")
# "в армянской столице" (dem), "в столице Армении Ереване" / "в столице, Ереване" (named)
NAMED_CAPITAL = re.compile(
    r"(?:(?P<dem>[а-яё-]+(?:ск|цк)\w+)\s+)?столиц\w*(?:(?P<named>,?\s+(?=[А-ЯЁ]))|(?![\w-]))"
)
# the country after "столице": "в столице Армении" (its capital, unless a city follows)
CAPITAL_OF = re.compile(r"(?<=столиц[аеыу]\s)(?P<cty>[А-ЯЁ][\w-]*)(?=[\s,.]|$),?\s*")
# an adjective of the city's country before it: "во вьетнамском Хошимине" (the mention must
# end in an adjective's ending, so a city or a country name is never taken for one)
POSSESSIVE_GAP = re.compile(
    r"(?<=[кц]ом|[кц]ой|[кц]их|[кц]ий|[кц]ая|[кц]ое|[кц]ие|[кц]ую)\s+"
    r"(?:(?:город\w*|регион\w*|провинци\w*)\s+)?"
)
POSSESSIVE = re.compile(r"(?!)")  # no "Chile's" inside a Russian city's name
# a city after "в": capitalised words joined by spaces or hyphens ("Улан-Удэ",
# "Комсомольске-на-Амуре"), with a bracket after it ("Дананг (Центральный Вьетнам)")
MISSION_CITY = re.compile(r"(?P<c>[А-ЯЁ][\w’'-]*(?:\s+[А-ЯЁ][\w'-]+){0,3})(?:\s*\([^)]*\))?")
LIST_SEP = re.compile(r"\s*(?:,\s*(?:и\s+|а\s+также\s+)?|\s+и\s+|\s+а\s+также\s+)(?:в\s+|во\s+)?")
# the city before the keyword, in a clause that puts the place first: "в Ашхабаде
# действует посольство", "в Москве находится посольство", "в Астрахани было открыто
# консульство", "с 1992 года в Бишкеке работает генконсульство"
CITY_BEFORE_MISSION = re.compile(
    r"(?:^|[\s,(])(?:[вВ]|[вВ]о)\s+(?P<c>[А-ЯЁ][\w’'-]+(?:\s+[А-ЯЁ][\w’'-]+)?)\s+"
    r"(?:(?:уже|также|ныне|сейчас|официально|успешно|с\s+\d{4}\s+года)\s+)*"
    r"(?:действу\w+|находи\w+|работа\w+|расположен\w*|располага\w+|функциониру\w+|"
    r"(?:был[аио]?\s+|будет\s+)?(?:открыт\w*|открыл\w*|откро\w+|учрежден\w*))\s+"
    r"(?:(?:сво\w+|нов\w+|перв\w+)\s+)*$"
)
# a mission's city is given its English name, not the case form the text writes
CITY_AS_WRITTEN = False

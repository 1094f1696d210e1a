"""Russian words and patterns for statistics (a section of the Russian language module).

Words are matched by their stems ("товарооборот\\w*", "инвестиц\\w*"), so one pattern covers
every case form; verbs by their tense ("достигнет", future: a goal; "достиг", past: a
figure).  Russian puts the owner after the noun in the genitive ("инвестиции Армении"):
``POSSESSOR_AFTER_GAP`` says so, where English has "Armenia's investment".
"""

from __future__ import annotations

import re

from .core import COUNT_WORDS as _COUNT_WORDS
from .core import ORDINALS as _ORDINALS

_I = re.IGNORECASE

# number words for "за последние пять лет" (core's table of count words)
PERIOD_NUMBER_WORDS: dict[str, int] = {w: int(v) for w, v in _COUNT_WORDS.items()}
_NUMBER_WORD = "|".join(sorted(PERIOD_NUMBER_WORDS, key=len, reverse=True))

# --- metrics -----------------------------------------------------------------------------
# metric, the noun right after the number (stems), unit, has a direction
COUNT_METRICS: list[tuple[str, re.Pattern[str], str, bool]] = [
    (
        "companies",
        re.compile(r"\b(?:компани|фирм|предприяти|совместн\w+\s+предприяти)\w*|\bСП\b"),
        "companies",
        True,
    ),
    ("joint_projects", re.compile(r"\b(?:совместн\w+\s+)?проект\w*"), "projects", False),
    ("students", re.compile(r"\b(?:студент|учащи)\w*"), "people", True),
    ("tourists", re.compile(r"\b(?:турист|путешественник|посетител)\w*"), "people", True),
    (
        "official_visits",
        re.compile(r"\b(?:(?:официальн|государственн|рабоч)\w+\s+)?визит\w*"),
        "visits",
        True,
    ),
    (
        "bilateral_meetings",
        re.compile(r"\b(?:двусторонн\w+\s+)?(?:встреч|переговор)\w*"),
        "meetings",
        False,
    ),
    (
        "agreements_signed",
        re.compile(r"\b(?:соглашени|документ|договор|меморандум)\w*"),
        "documents",
        False,
    ),
    ("visa_free_stay_days", re.compile(r"\b(?:дн(?:ей|я|и)|суток)\b"), "days", True),
]
# the words right after a number that may hold its noun ("250 предприятий с участием")
NOUN_GAP = re.compile(r"^(?:\s+[\w-]+){0,3}")
# words between a number and its noun that show the number counts something else ("два
# лидера провели переговоры": people, not meetings)
NOT_GAP = re.compile(
    r"\b(?:лидер|сторон|стран|президент|министр|глав|делегаци|государств|руководител|"
    r"провел|провод|подписал|подпиш|был|будет|будут|явля|также|затем)\w*",
    _I,
)
# "количество грузинских студентов во Вьетнаме достигло 4000"
NUMBER_OF = re.compile(
    r"\b(?:количеств\w*|числ[оа]|численност\w*)\s+(?P<noun>(?:[\w-]+\s+){0,2}?"
    r"(?:студент|турист|посетител|компани|фирм|предприяти|совместн\w+\s+проект)\w*)"
    r"[^,;]{0,60}$",
    _I,
)
# "86 тысяч посетили": tourists, in a sentence about tourism
COUNT_VISITING = re.compile(r"\s+(?:посетил|побывал|въехал|приехал|прибыл)\w*")
TOURIST_WORD = re.compile(r"турис", _I)
# "30 тысяч армян посетили Монголию", "3 млн россиян в прошлом году отдыхали в Турции"
# (a short adverbial may stand before the verb)
DEMONYM_VISITED = re.compile(
    r"(?:\s+(?:в|во|за|на)\s+[а-яё]+(?:\s+год\w*)?)?"
    r"\s+(?:посетил|побывал|съездил|приехал|въехал|отдыха|отдохнул|путешествова)\w*"
)
VISA_WORD = "виз"  # "30 дней" count only in a sentence about visas
JOINT = re.compile(
    r"\b(?:совместн|двусторонн|взаимн|обоюдн)\w*|\bмежду\b|\b(?:дв[еу]х?|обе(?:их)?)\s+"
    r"(?:стран|сторон|государств)\w*",
    _I,
)
SCHOLARSHIP = re.compile(r"стипенди", _I)
SIGN_WORD = re.compile(r"подпис", _I)
# a count of documents is a figure only when it sums up years ("с 1992 года подписано 200")
CUMULATIVE = re.compile(
    r"\b(?:с\s+(?:\d{4}|момента|начала|тех\s+пор)|за\s+(?:годы|время|последн\w+|всю\s+"
    r"историю|период)|всего|в\s+общей\s+сложности|на\s+сегодняшний\s+день|к\s+настоящему\s+"
    r"времени|на\s+данный\s+момент)\b",
    _I,
)
# a number that is no amount: "5%", "30 лет", "5-й"
NOT_AMOUNT_AFTER = re.compile(r"\s*(?:%|процент|лет\b|-?(?:й|го|м|ом|е|х)\b|-лет)", _I)

# "торговли" that names an office or a zone, not trade: "министр торговли", "министерства
# промышленности и торговли", "зона свободной торговли" (one lookbehind a form: ``re``
# needs them of fixed width)
_NOT_TRADE_BODY = "".join(
    rf"(?<!{w}\s)"
    for w in (
        "министр", "министра", "министру", "министром", "министерство", "министерства",
        "министерству", "министерстве", "промышленности\\sи", "свободной", "свободная",
    )
)  # fmt: skip
# what an amount of money measures; "block": money of another kind (a loan, a project's
# cost, taxes).  "экономик" is left out: "инвестиции в экономику X" name where money goes.
MONEY_WORDS = re.compile(
    r"(?P<trade_volume>\b(?:товарооборот\w*|" + _NOT_TRADE_BODY + r"торговл[яиеюй]\w*|"
    r"торгов\w+\s+оборот\w*))"
    r"|(?P<investment>\b(?:инвестиц(?!ионн)\w*|инвестор\w*|инвестир\w*|вложени\w*|вложил\w*|"
    r"капиталовложени\w*|ПИИ\b|"
    # "привлечь в экономику X N долларов": money brought into a country's economy
    r"привле[чк]\w*(?=\s+в\s+экономик)))"
    r"|(?P<exports>\bэкспорт(?!н)\w*)"
    r"|(?P<imports>\bимпорт(?!н)\w*)"
    r"|(?P<block>\b(?:кредит|займ|за[её]м|грант|помощ|фонд|бюджет|проект|портфел|контракт|"
    r"долг|финансировани|пакет|ВВП|сделк|соглашени|документ|меморандум|облигаци|депозит|"
    r"резерв|доход|выручк|прибыл|продаж|зарплат|цен[аыуе]\b|стоимост|капитализаци|"
    r"денежн\w+\s+перевод|тендер|заказ|штраф|компенсаци|пожертвовани|субсиди|тариф|налог|"
    r"поступлени|завод|фабрик|комбинат|НПЗ|трубопровод|газопровод|нефтепровод|"
    r"железн\w+\s+дорог|мост|аэропорт)\w*)",
    _I,
)
# a blocking word that makes one money word with the metric word before it
MONEY_COMPOUND = re.compile(r"(?:обязательств|соглашени)\w*", _I)
MONEY_DIRECTION_WORD = re.compile(
    r"\b(?:инвестиц(?!ионн)|инвестор|инвестир|вложени|вложил|экспорт|импорт)\w*", _I
)
# words between an amount and its metric word right after it ("$2 млрд прямых инвестиций")
MONEY_AFTER_GAP = re.compile(
    r"^\s+(?:(?:прям|иностранн|нов|дополнительн|двусторонн|взаимн|общ|годов|суммарн|"
    r"накопленн)\w*\s+|[а-яё-]+[сц]к(?:ий|ая|ое|ие|их|им|ого|ой|ую)\s+){0,2}$"
)
# words describing the amount itself ("$3 млрд вьетнамский кредит"); no preposition or verb
MONEY_BLOCK_GAP = re.compile(
    r"(?:\s+(?!(?:в|во|на|из|от|для|с|со|к|по|за|и|или|а|но|его|её|их|это|этот|эти|"
    r"котор\w*|был\w*|будет|будут|явля\w*|составил\w*|составит)\b)[\w-]+){0,3}\s+",
    _I,
)
# a sentence about the economy: an unnamed amount that it reaches is trade
ECONOMIC = re.compile(
    r"\b(?:торгово-)?экономическ\w+\s+(?:связ|отношени|сотрудничеств|партн[её]рств)\w*|"
    r"\bторгов\w+\s+(?:связ|отношени)\w*",
    _I,
)
# verbs of a level reached ("составил", "достиг", "превысил", "растёт")
LEVEL_VERB = re.compile(
    r"\b(?:состав(?:ил|ля|ит|ят)|достиг|достигл|превы[сш]|выр[ао]с|возр[ао]с|увелич|"
    r"приближ|приблизи|насчитыва|удвои|сократи|держ|дости)\w*",
    _I,
)
# "Он составил $80 млн в 2020 году.": the figure of the sentence before, another year
IT_WAS = re.compile(
    r"\s*(?:Он|Она|Оно|Этот\s+показатель|Эта\s+цифра|Эта\s+сумма|Показатель|Объ[её]м\s+"
    r"(?:торговли|товарооборота))\s+(?:составил|составлял|был|достиг|достигал)\w*"
)

# --- direction ---------------------------------------------------------------------------
# the owner after the metric word: "инвестиции Армении", "экспорт Монголии"
POSSESSOR_AFTER_GAP = re.compile(r"\s+")
# "грузинские инвестиции", "грузинские прямые инвестиции"
DEMONYM_POSSESSOR_GAP = re.compile(r"\s+(?:[а-яё-]+\s+){0,2}")
NAME_POSSESSOR_GAP = re.compile(r"(?!)")  # no "Armenia's investment" in Russian
# the noun a demonym before it makes directional ("вьетнамские студенты", "компании с
# участием армянского капитала")
DEMONYM_NOUNS = {
    "tourists": r"турист",
    "students": r"студент",
    "scholarships": r"студент",
    "companies": r"(?:компани|предприяти|фирм|капитал)",
}
# the source of a figure, no direction: "по данным Армении"
ACCORDING_TO = re.compile(r"(?:по\s+данным|согласно(?:\s+данным)?|по\s+оценк\w+)\s+(?:[\w-]+\s+)?$")
# before a country the money or companies come from: "из Монголии", "с участием армянского"
FROM_BEFORE = re.compile(r"(?:\bиз|\bот|\bсо\s+стороны|участием)\s+$")
# before a country they go to: "в Грузию", "в экономику Грузии"
TO_BEFORE = re.compile(r"(?:\bв|\bво)\s+(?:экономик\w*\s+)?$")
# a country after these is no subject (9 characters before it)
NOT_SUBJECT_BEFORE = re.compile(
    r"(?:\bв|\bво|\bк|\bна|\bс|\bсо|\bдля|\bмежду|\bи|\bпо|\bо|\bоб|\bу|\bпри)\s+$"
)
# visa-free stays "для граждан Вьетнама"
CITIZENS_OF = re.compile(r"\bдля\s+граждан\s+(\w+)", _I)
# "наши компании", "наш экспорт": the speaker's country
FIRST_PERSON = re.compile(
    r"\bнаш\w*\s+(?:[а-яё-]+\s+)?(?:инвест\w*|экспорт\w*|компани\w*|фирм\w*|предприяти\w*|"
    r"студент\w*|турист\w*)",
    _I,
)
# a country followed by a title names the speaker ("монгольский президент")
TITLED = re.compile(
    r"\s+(?:[а-яё-]+\s+){0,2}?(?:министр|президент|премьер|лидер|посол|посл[аеу]|глав|"
    r"делегаци|коллег|канцлер|король|эмир|представител)\w*",
    _I,
)
# investment of both ways: "взаимные инвестиции", "инвестиционное сотрудничество",
# "совместные проекты с общей суммой инвестиций"
SYMMETRIC_INVESTMENT = re.compile(
    r"\b(?:взаимн|совместн|двусторонн|обоюдн)\w*\s+(?:[а-яё]+\s+){0,4}?инвестиц\w*|"
    r"\bинвестиционн\w*\s+сотрудничеств\w*",
    _I,
)
# "торговля с Z", "товарооборот между X и Z": a country outside the pair
OTHER_PAIR_BEFORE = re.compile(r"(?:\bс|\bсо|\bмежду|\bи)\s+$")

# --- goals -------------------------------------------------------------------------------
# a goal: plans, aims, "довести до", the perfective future ("достигнет", "составит")
TARGET = re.compile(
    r"\b(?:план(?:а|ы|ов|ах|ам|ом|ир\w*)?|цел(?:ь|и|ью|ям|ей|ев\w*)|намер\w*|наме[тч]\w*|"
    r"задач\w*|договорил\w*|условил\w*|ориентир\w*|довест\w*|довед\w*|доведен\w*|"
    r"(?:увеличить|нарастить|удвоить|утроить|повысить|поднять|достичь|достигнуть|"
    r"расширить)|выйти\s+на|(?:будет|будут|должен|должна|должны|может|могут|сможет|"
    r"смогут)\s+(?:\w+\s+)?(?:достиг\w*|состав\w*|увелич\w*|превы\w*|выраст\w*|выйти|"
    r"доведен\w*)|достигнет|достигнем|составит|составят|превысит|вырастет|увеличится|"
    r"удвоится|в\s+будущем|в\s+ближайш\w+\s+(?:год\w*|лет)|в\s+перспективе|"
    r"позвол(?:ит|ят)\s+(?:\w+\s+)?(?:привле[чк]\w*|увелич\w*|нарастить|довести)|"
    r"к\s+(?:концу\s+)?20\d\d\s+году)\b",
    _I,
)
# a goal named after the amount: "$5 млрд в ближайшие годы"
TARGET_AFTER = re.compile(
    r"^[^,;.…!?]{0,40}?\b(?:в\s+ближайш\w+|в\s+предстоящ\w+|в\s+перспективе|в\s+будущем)\b",
    _I,
)
# the starting point of "с $5 млрд до $10 млрд", "с нынешних $5 млрд"
START_POINT = re.compile(
    r"(?:\bс|\bот)\s+(?:(?:нынешн|текущ|сегодняшн|существующ)\w*\s+|уровн[яе]\s+|"
    r"около\s+|примерно\s+|почти\s+)*$",
    _I,
)
FROM_END = re.compile(r"(?:\bс|\bот)\s*$")
RANGE_TO = re.compile(r"\s+до\s+")
# "вырос на 6% до $9 млрд": a result, not a goal (verbs of change in the past)
RESULT = re.compile(
    r"\b(?:вырос|выросл|возрос|возросл|увеличил|сократил|снизил|уменьшил|упал|удвоил|"
    r"утроил|составил|достигл|достиг\b)\w*[^,;]{0,60}$",
    _I,
)
CURRENT_BEFORE = re.compile(r"\b(?:текущ|нынешн|сегодняшн)\w*\s*$", _I)
CURRENT_WORD = re.compile(
    r"\b(?:сейчас|ныне|нынешн\w*|текущ\w*\b(?!\s+год)|в\s+настоящее\s+время|на\s+сегодня\w*)",
    _I,
)
NOW = re.compile(
    r"\b(?:сейчас|ныне|в\s+настоящее\s+время|на\s+сегодня(?:шний\s+день)?|на\s+данный\s+"
    r"момент|в\s+настоящий\s+момент|текущ\w*\b(?!\s+(?:год|месяц|квартал|период)))",
    _I,
)

# --- periods -----------------------------------------------------------------------------
# a goal's deadline: "к 2030 году", "до 2030 года"
BY_YEAR = re.compile(
    r"^[^,;.…!?]{0,40}?(?:\bк\s+(?:концу\s+)?|\bдо\s+(?:конца\s+)?(?=20\d\d\s+год))"
    r"(?P<y>20\d\d)\b",
    _I,
)
BY_YEAR_BEFORE = re.compile(r"\bк\s+(?:концу\s+)?(?P<y>20\d\d)\b", _I)
# "$9 млн в 2023 году", "за 2023 год", "по итогам 2023 года"
IN_YEAR_GAP = re.compile(r"\s+(?:в|во|за|по\s+итогам|по\s+результатам)\s+", _I)
# "товарооборот 1,7 млрд и инвестиции 0,6 млрд в 2014 году": a figure of another measure
# joined by "и" shares the year given after it
AND_FIGURE = re.compile(r"\s(?:и|а\s+также)\s", _I)
# "за последние пять лет", "за последнее десятилетие"
PAST_YEARS = re.compile(
    r"\b(?:за|в\s+течение|на\s+протяжении)\s+(?:последн|прошедш|минувш)\w*\s+"
    rf"(?:(?P<n>\d{{1,2}}|{_NUMBER_WORD})\s+(?:лет|года?)\b|(?P<decade>десятилети\w*))",
    _I,
)
# "за первые четыре месяца этого года"
MONTHS_OF = re.compile(
    rf"\bза\s+(?:перв\w+\s+)?(?P<n>\d{{1,2}}|{_NUMBER_WORD})\s+месяц\w*\s+"
    r"(?:(?P<this>этого|текущего|нынешнего|сего)|(?P<last>прошлого|минувшего|"
    r"предыдущего))\s+года\b",
    _I,
)
# "с 1992 года": the period runs from the date to the article's year ("по сравнению с 2015
# годом" is a comparison, no start)
SINCE_BEFORE = re.compile(
    r"(?<!сравнению\s)(?<![\w-])(?:с|со)\s+(?:начала\s+|конца\s+|середины\s+)?$", _I
)
# a date after these is the one compared with ("по сравнению с 2015 годом")
COMPARED_BEFORE = re.compile(r"(?:по\s+сравнению\s+с|против|относительно)\s+$", _I)
INDEPENDENCE_YEAR = "1991"  # "с момента независимости" (the post-Soviet states' year)
SINCE_EVENT = re.compile(
    r"(?:\bс\s+(?:момента\s+)?(?:обретения\s+|провозглашения\s+)?|\bза\s+(?:годы|время|"
    r"период)\s+)(?P<ind>независимост\w*)|\bс\s+(?:момента\s+)?(?:создания|основания|"
    r"учреждения|образования|запуска|начала\s+работы)\s+(?P<name>[А-ЯЁ][\w-]*(?:\s+[\w-]+){0,4})",
    _I,
)
FOUNDED = re.compile(r"\b(?:созда|основа|учрежд|учрежден|образова|запущен|сформирова)\w*", _I)
# a share of the figure just given takes its period ("из них экспорт составил ...")
SHARE_OF = re.compile(r"\b(?:из\s+них|из\s+которых|в\s+том\s+числе|на\s+долю)\b", _I)
# fiscal years: "2022/23 финансовый год", "финансовый год 2023"
FISCAL = re.compile(
    r"\b(?:финансов\w+|фискальн\w+|бюджетн\w+)\s+(?:год\w*\s+)?(?:(?P<a1>(?:19|20)\d\d)"
    r"(?:\s*[-–/]\s*(?P<a2>\d{2}(?:\d\d)?))?|ФГ(?P<a3>\d\d)\b)"
    r"|\b(?P<b1>(?:19|20)\d\d)\s*[-–/]\s*(?P<b2>\d{2}(?:\d\d)?)\s+(?:финансов\w+|"
    r"фискальн\w+|бюджетн\w+)\s+год\w*",
    _I,
)
# the country whose figures a fiscal year follows: "Индия, по данным министерства"
FIGURE_SOURCE = re.compile(
    r",?\s+(?:[\w-]+\s+){0,2}?(?:министерств|бюро|статисти|данн|таможн|правительств|"
    r"нацбанк|центробанк|центральн\w+\s+банк)\w*",
    _I,
)

# --- ranks -------------------------------------------------------------------------------
PARTNER_WORD = "партн"
_ORDINAL_WORDS = "|".join(sorted(_ORDINALS, key=len, reverse=True))
_PARTNER = r"(?:внешне)?(?:торгов|торгово-экономическ|экономическ|коммерческ)\w*\s+партн[её]р"
# "крупнейшим торговым партнёром", "вторым по величине торговым партнёром", "в десятку
# ведущих торговых партнёров" (a count of places, no rank of its own)
RANK = re.compile(
    rf"(?:(?P<ord>{_ORDINAL_WORDS}|\d+-?[а-я]{{1,3}})\s+(?:по\s+(?:величине|значимости|объ[её]му)\s+)?(?:крупнейш\w*\s+)?"
    rf"{_PARTNER}\w*"
    r"|(?<!из\s)(?<!числе\s)(?P<lone>крупнейш|главн|основн|ведущ)\w*\s+"
    rf"{_PARTNER}(?:ом|а|у|е)?\b"
    r"|(?P<n>тройк|пят[её]рк|десятк|двадцатк)\w*\s+(?:[а-яё]+\s+){0,2}?"
    rf"{_PARTNER}\w*)",
    _I,
)
AMONG_BEFORE = re.compile(r"(?:входи\w*|входя\w*|в\s+числе|среди)\s+(?:в\s+)?$", _I)
RANK_OF = re.compile(r"\s+(?:для\s+)?")  # "партнёром Грузии": the ranking country
RANK_OWNER_GAP = re.compile(r"(?!)")  # no "Y's fourth-largest" in Russian
EACH_OTHER = re.compile(r"(?!)")  # "друг друга" follows the noun; not read
CLAUSE_BREAK = re.compile(
    r"[,;]\s+(?:а|но|тогда\s+как|в\s+то\s+время\s+как|и|при\s+этом)\s+|;\s+", _I
)

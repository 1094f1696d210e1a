"""Russian words and patterns for visits (a section of the Russian language module).

Russian has no possessive "'s" and no article, and a visit's visitor follows the noun in
the genitive ("визит президента Турции"), often after the destination ("визит в Турцию
президента Казахстана"); so the patterns that read "the visit of X" here allow a
destination before the visitor.  Words are stems where their endings vary by case or
tense ("визит\\w*"); a verb's perfective future ("посетит", "прибудет") plans a visit,
its past ("посетил", "прибыл") reports one.
"""

from __future__ import annotations

import re

_I = re.IGNORECASE

# the titles of a leader or minister, lower case as Russian writes them mid-sentence
_TITLES = (
    r"президент\w*|премьер\w*|министр\w*|вице-\w+|глав[аеуыо]\w*|лидер\w*|председател\w*|"
    r"канцлер\w*|корол[ьяюе]\w*|эмир\w*|делегаци\w*|наследн\w*\s+принц\w*|"
    r"государственн\w*\s+секретар\w*|госсекретар\w*"
)
# "в Турцию", "в Российскую Федерацию": a destination between the visit word and its visitor
_TO_PLACE = r"(?:\s+(?:в|во|на)\s+(?-i:[А-ЯЁ])[\w-]*(?:\s+(?-i:[А-ЯЁ])[\w-]*){0,2})?"

# --- the visit words ---------------------------------------------------------------------
# The noun in the singular only ("визиты", "визитов" are counted visits, none in
# particular), the verbs of arriving and visiting in every tense and as participles, the
# verbs of welcoming a guest.
VISIT_TRIGGER = re.compile(
    r"(?i)(?<![\w-])(?:визит(?:а|у|ом|е)?|поездк(?:а|и|е|у|ой)|турне|"
    r"посети(?:л|ла|ли|т|ть|вш\w*)|посетят|посеща(?:л|ла|ли|ет|ют|ть)\w*|побывал\w*|"
    r"прибы(?:л|ла|ли|ть|вш\w*|ва(?:ет|ют|ющ\w*|л\w*))|прибуд(?:ет|ут)|прилетел\w*|прилетит|"
    r"приветствова\w*|приветству\w*|приня(?:л|ла|ли|т|та|ты)|принима(?:л|ла|ли|ет|ют)|"
    # "на заседании совета, проходящем в Турции": a leader at a meeting held in a country
    r"(?:заседани|саммит|форум|встреч|переговор)\w*\b[^.;]{0,80}?,\s+"
    r"(?:проходящ|проходивш|состоявш|прошедш)\w*(?=\s+(?:в|во)\s+(?-i:[А-ЯЁ])))(?![\w-])"
    r"(?!\s+(?:участи\w*|решени\w*|закон\w*|документ\w*|заявлени\w*|меры|программ\w*|"
    r"декларац\w*|соглашени\w*|поправк\w*|бюджет\w*|постановлени\w*|указ\w*|"
    r"резолюци\w*|обращени\w*|поздравлени\w*|верительн\w*|звон\w*|к\s+сведению))"
)
# "X приветствовал/принял Y": Y visits X (prefixes of the lower-cased trigger)
HOSTING_VERBS = ("приветств", "приня", "принима")
# "прибыл", "находится с визитом": same-day news, dated by the article when the sentence
# gives no date of its own
VISIT_PRESENT = re.compile(
    r"(?i)\b(?:прибыл[аи]?|прибывает|прибывают|находит\w*|находящ\w*|пребыва\w*)\b"
)
# a date right after another verb is that verb's: "соглашение, подписанное в июле"
OTHER_VERB = re.compile(
    r"(?i)\b(?:подписа\w*|заключ\w*|приня(?:т|л)\w*|объяв\w*|запущ\w*|учрежд\w*|учреди\w*|"
    r"установ\w*|основа\w*|созда\w*|вступи\w*\s+в\s+силу)\s+(?:(?:в|во|еще|ещё)\s+)?$"
)
# "в преддверии саммита в среду": that date is the summit's
AHEAD = re.compile(r"(?i)\b(?:в\s+преддверии|накануне|перед|в\s+рамках\s+подготовки\s+к)\b")
# "город регулярно принимает делегации": a habit, no visit
HABIT = re.compile(
    r"(?i)\b(?:регулярно|часто|обычно|традиционно|ежегодно|постоянно|каждый\s+год|"
    r"из\s+года\s+в\s+год)\s+(?:[\w-]+\s+)?$"
)
# "государственный визит", "с первым официальным визитом", "рабочего визита"
VISIT_KIND = re.compile(
    r"(?i)\b(государственн|официальн|рабоч)(?:[ыи]й|[ое]го|[ое]му|[ыи]м|[ое]м|ая|[ое]й|ую|[ыи]е|[ыи]х)\s+"
    r"(?:[\w-]+\s+)?визит"
)
VISIT_KINDS = {"государственн": "state", "официальн": "official", "рабоч": "working"}
# future and planning words before the visit word, an invitation to come, an announced visit
VISIT_PLANNED = re.compile(
    r"(?i)\b(?:буд(?:ет|ут)|планиру\w*|запланирова\w*|намерен\w*|намерева\w*|"
    r"предстоящ\w*|предстоит|состоится|состоятся|пройд(?:[её]т|ут)|ожида\w*|собира\w*ся|"
    r"посетит|посетят|прибудет|прибудут|прилетит|отправится|совершит|нанес[её]т|"
    r"в\s+преддверии|накануне|пригласи\w*\b.{0,80}?\bпосетить|приглаша\w*\b.{0,80}?\bпосетить|"
    r"приглашени\w*\s+посетить|объяв\w*(?:\s+[\w-]+){0,2}\s+о\s+(?:[\w-]+\s+)?визит\w*)"
)
# "визит ... запланирован на октябрь": the planning word follows the noun (matched at
# the visit word's end, within its clause)
VISIT_PLANNED_AFTER = re.compile(
    r"(?i)[^,;.]{0,80}?\b(?:запланирова\w*|намечен\w*|планиру\w*|ожида\w*ся|состоится|"
    r"состоятся|пройд[её]т|предстоит|будет|будут)\b"
)
# "поблагодарил X за приглашение": X hosts
THANKED = re.compile(r"(?i)\b(?:благодар\w*|признательн\w*)\b.{0,80}\bприглашени\w*")
ACCEPTED = re.compile(r"(?i)\bприня\w*")  # "... за то, что принял приглашение": X is the guest
# a city right after a position: "в Анкаре", "в г. Анкаре", "в столице Турции Анкаре"
CITY_AFTER = re.compile(
    r"^\s*(?:(?:в|во|на|из)\s+)?(?:г\.\s*|город[а-я]*\s+|столиц[а-я]*\s+(?:(?-i:[А-ЯЁ])[\w-]+\s+)?)?"
    r"(?P<city>(?-i:[А-ЯЁ])[\w-]+(?:\s+(?-i:[А-ЯЁ])[\w-]+){0,2})"
)
HERE = re.compile(r"(?i)^\s*здесь\b")
HERE_WORD = "здесь"  # a dateline's city: "переговоры здесь"
IN_OR_HERE = re.compile(r"(?i)\b(?:в|во|здесь)\b")
# "X, который находится с визитом в Y", "X, посетивший Y": X is the visitor (a participle
# right after a comma describes the noun before it)
WHO = re.compile(r"(?i),\s+(?:котор(?:ый|ая|ые|ого|ому)\b[^,]*)?$")
# "X провел переговоры с Y в Анкаре", "переговоры в Анкаре", "встретился ... в г. Анкаре",
# "заявил в Анкаре": the one of them from the other country visits the city's country
_NOSTOP = r"(?:[^.;]|(?<=\b(?-i:[А-ЯЁ]))\.)"  # no sentence end, but an initial ("Р. Эрдоган")
# the verbs of a meeting taking place ("состоялись", "пройдут")
_HAPPEN = (
    r"(?:состоял(?:ись|ось|ся|ась)|состо[ия]тся|прош(?:ли|ло|ла|[её]л)|пройд(?:[её]т|ут)|"
    r"проход(?:ят|ит|или|ило|ила))"
)
TALKS_IN = re.compile(
    r"(?i)\b(?:(?:провел|провёл|провела|провели|проводит|проводят|провод[яи]\w*)\s+"
    r"(?:[\w-]+\s+){0,3}?(?:переговоры|встреч[уи]|заседани[ея]|консультации|"
    r"пресс-конференци[юи]|саммит)|переговор(?:ы|ов|ах)|встретил(?:ся|ась|ись)|"
    r"(?:на|во\s+время|в\s+ходе)\s+встреч[еи]|(?:на|в\s+ходе)\s+заседани[ия]|"
    r"(?:на|в\s+ходе)\s+саммит[ае]|сопредседательствова\w*|председательствова\w*|"
    # "переговоры президентов A и B пройдут в понедельник в <городе>": the talks' own verb
    rf"(?:переговор\w*|встреч[аи]|заседани[ея]|саммит)\b{_NOSTOP}{{0,100}}?\s+{_HAPPEN}"
    r"(?:\s+(?-i:[а-яё0-9])[\w-]*){0,3}?|"
    r"сказал\w*|заявил\w*|выступ(?:ил|ила|ая)\w*|"
    rf"(?:принял\w*\s+участие|открыл\w*|подписал\w*)\b{_NOSTOP}{{0,90}}?)"
    rf"(?:\s+с\b{_NOSTOP}{{0,100}}?)?"
    r"\s+(?:здесь\b|(?:в|во)\s+(?:г\.\s*|городе\s+|столице\s+(?:(?-i:[А-ЯЁ])[\w-]+\s+)?)?(?=(?-i:[А-ЯЁ])))"
    # "В <городе> 15 ноября состоялось заседание ...": the city first, then the meeting
    rf"|(?:^|(?<=[-–—]\s))(?-i:В|Во)\s+(?=(?-i:[А-ЯЁ])[\w-]+(?:\s+[\w-]+){{0,4}}?\s+{_HAPPEN}\s+"
    r"(?:[\w-]+\s+){0,2}?(?:заседани|переговор|встреч|саммит))"
)
SPEAKER = re.compile(rf"(?i)\b(?:{_TITLES})")
SPEECH_VERBS = ("сказал", "заявил", "выступ")
ATTEND_VERBS = ("принял", "приняла", "приняли", "открыл", "подписал")
# "X и Y подписали ... в <городе>" (the signers named right before the verb), not
# "программа, подписанная в <городе>"
SIGNED_TOGETHER = ("подписал",)
TALK_WORDS = (
    "переговор",
    "встреч",
    "встрети",
    "заседани",
    "саммит",
    "консультаци",
    "пресс-конференци",
    "председательств",
    "сказал",
    "заявил",
    "выступ",
    "участие",
    "открыл",
    "подписал",
)
# a date after "с" (since), "после", "до", "к" (by a deadline) is no visit's
SINCE = re.compile(
    r"(?i)(?:\b(?:после|до|начиная\s+с|с\s+момента|со\s+времени|со\s+дня)\b[^,;.]{0,60}|"
    r"(?<![\w-])(?:с|со|к|ко)\s+)$"
)
WHEN_CLAUSE = ", когда"  # "с 2019 года, когда X посетил ...": that date is the visit's
ACTOR = re.compile(rf"(?i)(?<![\w-])(?:{_TITLES}|глав[аыу]\s+государств\w*)")
# "телефонный разговор", "письмо", "поздравление": no visit follows a hosting verb
REMOTE = re.compile(
    r"(?i)[^.]{0,30}?\b(?:звон\w*|телефон\w*|письм\w*|послани\w*|видео\w*|онлайн|"
    r"виртуальн\w*|верительн\w*|поздравлени\w*|решени\w*|предложени\w*|новост\w*)"
)
PRONOUN = re.compile(
    r"(?i)\b(?:его|её|ее|их|мо(?:его|ей|й)|сво(?:его|ей|й)|наш(?:его|ей))\s+(?:[\w-]+\s+){0,2}"
    r"(?:визит|поездк)\w*|\b(?:он|она|они)\s+(?:[\w-]+\s+)?(?:посетил|прибыл|побывал)\w*"
)
HOST_VERB = re.compile(r"(?i)\b(?:приветствова\w*|приня(?:л|ла|ли)|встречал\w*|встретил)\b")
INVITED = re.compile(r"(?i)\b(?:пригласил\w*|приглашаю|приглашает|приглаша\w*)\b")
INVITATION_OF = re.compile(r"(?i)\bпо\s+приглашению\b")
INVITATION_WORD = "приглашени"
LEAD_EVENT = re.compile(
    r"(?i)\b(?:встреч\w*|встретил\w*|переговор\w*|саммит\w*|визит\w*|прибыл\w*|посетил\w*)"
)
RELATIVE_CLAUSE = re.compile(r",\s+котор\w+\b[^,;]*(?:,|$)")
# the plural of the noun is no trigger (VISIT_TRIGGER), so nothing before it is a count
VISITS_COUNTED = re.compile(r"(?!)")
# a country right after the visit word: "визит в Турцию", "посетил Казахстан"
COUNTRY_AFTER_THE = re.compile(r"(?!)")  # no article in Russian
COUNTRY_AFTER = re.compile(r"(?i)(?<![\w-])(?:в|во|на)\s*$")
# "визит казахстанского президента", "визита в Турцию президента Казахстана Токаева":
# the visitor in the genitive after the noun (a destination may come first)
VISITING_GAP = re.compile(rf"^{_TO_PLACE}\s+$")
VISITING_NAME_GAP = re.compile(rf"^{_TO_PLACE}\s+(?:[\w-]+\s+){{0,3}}$")
# "визит президента Казахстана": the country after the visitor's title is the visitor's
VISITING_TITLE_GAP = re.compile(rf"^{_TO_PLACE}\s+(?:{_TITLES})\s+$")
VISITING_WORDS: tuple[str, ...] = ()  # no "visiting X": the genitive after the noun does it
VISIT_OF_BY = re.compile(rf"{_TO_PLACE}\s+(?=(?-i:[А-ЯЁ])|(?i:{_TITLES}))")
VISIT_OF = ""  # the genitive needs no preposition
POSSESSOR_BEFORE = re.compile(r"(?!)")  # no "X's visit"
# a country that is a subject: "Казахстан подписал", "Турция заявила" (a past verb)
SUBJECT_AFTER = re.compile(r"\s+[а-яё]+(?:л|ла|ло|ли)(?:сь|ся)?\b")
# "Россия и Узбекистан ...": two countries as one subject, neither of them a visitor
JOINT_SUBJECT = re.compile(r"\s+(?:и|а\s+также)\s+(?-i:[А-ЯЁ])")
PASSIVE_BEFORE = re.compile(r"(?i)\b(?:был|была|были|было)\s+$")  # "X был принят Y"
# "X находится в Y" is no trigger (STAY_VERBS empty): "находящийся с визитом" has the noun
STAY_VERBS: tuple[str, ...] = ()
STAY_SUBJECT = re.compile(rf"(?i)(?:\b(?:он|она|они)|{_TITLES})$")
# "казахстанский президент сказал в Анкаре", "турецким коллегой"
SPEAKER_AFTER = re.compile(rf"(?i)\s+(?:{_TITLES})")
COUNTERPART_AFTER = re.compile(r"(?i)\s+(?:коллег\w*|(?-i:[А-ЯЁ]))")

"""Russian words and patterns for agreements (a section of the Russian language module).

Documents are matched by their stems ("соглашени", "договор", ...), with the adjectives
that stand before the noun inside the match ("24 межправительственных документа"), so the
count before the phrase and the phrase's own words are both in reach.  Titles are English
(the gold's rule for Russian texts): ``DOC_TITLE`` and ``TITLE_WORDS`` translate a
document's name word by word through the stem table ``_ENGLISH`` and drop what the table
does not know rather than guess it.
"""

from __future__ import annotations

import re

from ...morphology import parse

_I = re.IGNORECASE
_W = r"[а-яёА-ЯЁ-]"  # a letter of a Russian word

# --- documents ---------------------------------------------------------------------------
# case endings of the masculine document nouns ("договор", "протокол", "документ"): a
# closed list, so that "договорились" (agreed) and "протокольный" stay out
_MASC = r"(?:ы|а|ов|ам|ами|ах|у|ом|е)?\b"
# an adjective or participle before the noun ("межправительственных и межведомственных");
# pronouns ("этого", "нашего") stay outside, for DOC_ANAPHOR
_ADJ = (
    r"(?:(?!(?:эт|т|наш|ваш|сво|данн|указанн|вышеуказанн|которы|нов|ряд|други|прочи|"
    r"несколько|многи|вс|соглашени|заявлени|деклараци|документ|договор|протокол|"
    r"меморандум|коммюнике|контракт|программ)\w*\s)(?!\w*[ая]ний\s)"
    + _W
    + r"+(?:ый|ий|ой|ая|яя|ое|ее|ые|ие|ого|его|ому|ему|ым|им|ом|ем|ую|юю|ых|их|ыми|ими)"
    r"\s+(?:и\s+)?)"
)
DOC_NOUN = re.compile(
    r"(?<![\w-])(?P<joint>совместн\w*\s+)?"
    + _ADJ
    + r"{0,3}(?P<noun>заявлени\w*|деклараци\w*|коммюнике|"
    r"меморандум\w*(?:\s+о\s+взаимопонимании)?|соглашени\w*|договор"
    + _MASC
    + r"|протокол"
    + _MASC
    + r"|документ"
    + _MASC
    + r"|контракт"
    + _MASC
    + r"|дорожн\w+\s+карт\w*|план\w*\s+(?:действий|мероприятий|сотрудничества)|"
    r"программ\w*)(?![\w-])",
    _I,
)
# a bare programme is a document only when adopted, approved or signed
PROGRAMME_VERB = re.compile(
    r"(?:принял\w*|приняли|принят\w*|утверди\w*|утвержд\w*|одобри\w*|одобрен\w*|"
    r"подписа\w*)\s+(?:\S+\s+){0,2}$",
    _I,
)
PROGRAMME_NOUN = re.compile(r"программ")  # searched in the lower-cased noun
PROGRAMME_NOUN_END = re.compile(r"программ\w*$")
APPROVED = re.compile(r"утвер[дж]|одобр|\bприня[лт]", _I)
SIGN = re.compile(
    r"(?<![\w-])(?:подписа\w*|подпиш\w*|подписи|подписью|заключ\w*|ратифицир\w*|"
    r"парафирова\w*|приняли|принял[аи]?|принят[аоы]?|утвердил\w*|утвержден\w*|"
    r"обменялись)(?![\w-])",
    _I,
)
# a plan before the document: "будут подписаны", "планируется подписать", "подпишут"
DOC_PLANNED = re.compile(
    r"(?<![\w-])(?:буд(?:ет|ут|ем)|планиру\w*|запланирова\w*|намерен\w*|намерева\w*|"
    r"предстои\w*|предполага\w*|ожида\w*ся|собира\w*ся|подпиш\w*|должн\w*\s+быть|"
    r"готов\w*\s+к\s+подписанию|договорились\s+(?:подписать|заключить))(?![\w-])",
    _I,
)
# ... and after it: "соглашения будут подписаны"
DOC_PLANNED_AFTER = re.compile(
    r"[^,.;:]{0,80}?(?<![\w-])(?:буд(?:ет|ут)|планиру\w*|предстоит|предполагается|"
    r"должн\w*\s+быть\s+подписан\w*)(?![\w-])",
    _I,
)
# "отношения получили статус стратегического партнёрства"
PARTNERSHIP_STATUS = re.compile(
    r"\bстатус\w*\s+(?P<p>(?:" + _W + r"+\s+){0,2}партн[её]рства)(?![\w-])", _I
)
# "в области энергетики и транспорта", "по коммерческим проектам"
AREAS = re.compile(
    r"(?<![\w-])(?:в\s+(?:област|сфер|направлени)\w*|по\s+(?!(?:итог|случа|слов|данн|"
    r"приглашени|мнени|поводу|линии|сравнению|времени)\w*)(?:вопросам\s+)?)"
    r"\s*(?P<list>[^.;:]+)",
    _I,
)
AREA_SPLIT = re.compile(r",\s*(?:а\s+также\s+|и\s+)?|\s+и\s+|\s+а\s+также\s+")
AREA_ARTICLE = re.compile(r"^(?:так\w*\s+как|други\w*)\s+", _I)
SIGN_PAST = re.compile(
    r"(?<![\w-])(?:подписал\w*|подписан\w*|подписани\w*|заключил\w*|заключен\w*|"
    r"приняли|принял[аи]?|принят[аоы]?|обменялись)(?![\w-])",
    _I,
)
PRESENT_PERFECT = re.compile(r"(?!)")  # Russian has no present perfect: the past dates it
# "соглашения ... подписаны", "документ был подписан": done, whatever the clause said
DONE_AFTER = re.compile(
    r"(?:\s+(?!(?:буд|должн|планир|предстои|мож|могут)\w*)[^\s,.;:]+){0,4}?\s+(?:(?:был[аио]?|уже)\s+)?(?:подписан[аоы]?|заключен[аоы]?|"
    r"принят[аоы]?|ратифицирован[аоы]?)(?![\w-])",
    _I,
)
NOT_DOC = re.compile(
    r"деклараци\w*\s+о\s+(?:государственном\s+)?(?:суверенитете|независимости)|"
    r"заявлени\w*\s+(?:МИД|пресс-служб|представител)",
    _I,
)
INSTRUMENTS_NOUN: tuple[str, ...] = ()  # no such noun in Russian
INSTRUMENTS_CUE = re.compile(r"(?!)")
EXCHANGE_NOUN: tuple[str, ...] = ()  # "обмен нотами" is no document noun here
PLURAL_IRREGULAR: tuple[str, ...] = ()
MOU_PLURAL = ""  # every plural needs a verb
STATEMENT_NOUN = "заявлени"  # a joint or signed statement only
# a statement someone signed is a document, joint or not ("подписал с ... заявление")
STATEMENT_SIGNED = re.compile(r"(?<![\w-])подписа\w*(?![\w-])[^.;:]*$", _I)
# a singular needs a signing verb or a year in its clause ("в декларации говорится": none)
SINGLE_NEEDS_VERB = (
    "соглашени", "договор", "протокол", "контракт", "документ", "план", "дорожн",
    "деклараци", "коммюнике",
)  # fmt: skip
PARTNERSHIP_CONTEXT_NOUNS = ("соглашени", "договор", "протокол")
DOC_ANAPHOR = re.compile(
    r"(?<![\w-])(?:эт\w+|данн\w+|указанн\w+|вышеуказанн\w+|тот|того|той|ту|тех|их|"
    r"сво\w+)\s+(?:совместн\w+\s+)?$",
    _I,
)
DOC_NAMES_OTHER = re.compile(r"\s+(?:о|об|по)\s", _I)
BATCH_JOIN = re.compile(r"\s+(?:и|а\s+также)\s+", _I)
# a relative clause takes its date from the main clause: "..., который подписал"
SIGNED_WHEN = re.compile(
    r"\s*(?:когда|где|после\s+(?:того|чего)|котор(?:ый|ая|ое|ые|ого|ой|ому|ым|ых|ыми|ую|ом))\b",
    _I,
)
# kind_of: noun prefixes per kind (the noun lower-cased)
DECLARATION_NOUNS = ("деклараци", "заявлени", "коммюнике")
MEMORANDUM_NOUNS = ("меморандум",)
AGREEMENT_NOUN = ("соглашени", "договор")
PARTNERSHIP_WORD = "партн"  # "партнерство", "партнёрство" (in the lower-cased context)
PARTNERSHIP_NAME = re.compile(r"((?:" + _W + r"+\s+){0,2}партн[её]рств\w*)", _I)
NAME_BEFORE = re.compile(r"(?!)")  # Russian names a document after its noun, not before
NAME_OF = re.compile(r"(?!)")
SUBJECT_ON = re.compile(r"\s+(?:о|об|по)\s+([^,.;(]{3,80}?)(?=[,.;(]|$)", _I)
BATCH_STOPWORDS: tuple[str, ...] = ()  # the batch's words come from DOC_TITLE

# --- titles: English output (the gold's rule for Russian texts) -------------------------
TITLE_PARTNERSHIP = "{} agreement"  # "Strategic partnership agreement"
TITLE_DROP_WORDS = ("The", "A", "An", "This", "That", "Joint")
TITLE_JOINT = "Joint "
TITLE_ON = " on "
TITLE_OF = "of"
TITLE_AND = " and "
BATCH_TAIL_PLANNED = "to be signed"
BATCH_TAIL_AT_VISIT = "signed during the visit"
BATCH_TAIL_SIGNED = "signed"

# Stems (lower case, ё as е) -> English, longest stem first when looked up.  A table of
# our own: no library translates Russian offline; it holds the document nouns and the
# topics treaties and memoranda name most.  A noun's English plural follows "|".
_ENGLISH: dict[str, str] = {
    # documents
    "соглашени": "agreement|agreements",
    "договор": "treaty|treaties",
    "меморандум": "memorandum|memorandums",
    "деклараци": "declaration|declarations",
    "заявлени": "statement|statements",
    "коммюнике": "communiqué|communiqués",
    "протокол": "protocol|protocols",
    "документ": "document|documents",
    "контракт": "contract|contracts",
    "программ": "programme|programmes",
    "дорожн": "road",
    "карт": "map|maps",
    "план": "plan|plans",
    "действий": "action",
    "мероприятий": "measures",
    # kinds of document and partnership
    "совместн": "joint",
    "межправительственн": "intergovernmental",
    "межгосударственн": "interstate",
    "межведомственн": "interagency",
    "межрегиональн": "interregional",
    "двусторонн": "bilateral",
    "коммерческ": "commercial",
    "стратегическ": "strategic",
    "всеобъемлющ": "comprehensive",
    "всесторонн": "comprehensive",
    "расширенн": "enhanced",
    "углубленн": "deepened",
    "вечн": "eternal",
    "дружб": "friendship",
    "добрососедств": "good-neighbourliness",
    "партнерств": "partnership",
    "союзничеств": "alliance",
    "союзническ": "allied",
    "союзн": "allied",
    "взаимопониман": "understanding",
    "намерени": "intention|intentions",
    "сотрудничеств": "cooperation",
    "взаимодействи": "interaction",
    "установлени": "establishment",
    "дипломатическ": "diplomatic",
    "отношени": "relations",
    "взаимн": "mutual",
    "защит": "protection",
    "поощрени": "promotion",
    "избежани": "avoidance",
    "двойн": "double",
    "налогообложени": "taxation",
    "отмен": "abolition",
    "визов": "visa",
    "безвизов": "visa-free",
    "режим": "regime",
    "поездк": "travel",
    "граждан": "citizens",
    "свободн": "free",
    "торговл": "trade",
    "торгов": "trade",
    "экономическ": "economic",
    "инвестиц": "investment|investments",
    "инвестиционн": "investment",
    "культурн": "cultural",
    "культур": "culture",
    "гуманитарн": "humanitarian",
    "научн": "scientific",
    "наук": "science",
    "техническ": "technical",
    "образовани": "education",
    "здравоохранени": "health care",
    "туризм": "tourism",
    "транспорт": "transport",
    "энергетик": "energy",
    "энергетическ": "energy",
    "сельск": "agricultural",
    "хозяйств": "economy",
    "промышленн": "industrial",
    "военн": "military",
    "оборон": "defence",
    "безопасност": "security",
    "таможенн": "customs",
    "информационн": "information",
    "цифров": "digital",
    "космическ": "space",
    "проект": "project|projects",
    "финансов": "financial",
    "банковск": "banking",
    "спорт": "sport",
    "молодежн": "youth",
    "молодеж": "youth",
    "миграци": "migration",
    "трудов": "labour",
    "правов": "legal",
    "помощ": "assistance",
    "уголовн": "criminal",
    "дел": "matters",
    "связ": "communications",
    "строительств": "construction",
}
_STEMS = sorted(_ENGLISH, key=len, reverse=True)
# the prepositions a document's name continues with, and what each is in English
_PREPOSITIONS = {"о": "on", "об": "on", "по": "on", "в области": "in", "в сфере": "in",
                 "в сферах": "in", "в областях": "in"}  # fmt: skip
_LINKS = {"и": "and", "а также": "and"}
_IDIOMS = {"о взаимопонимании": "of understanding"}  # "memorandum of understanding"
_TOKEN = re.compile(
    r"о\s+взаимопонимании|в\s+(?:области|сфере|сферах|областях)|а\s+также|[а-яёА-ЯЁ-]+|"
    r"[«»\"“”„]|\S",
    re.I,
)
_QUOTES = '«»"“”„'
_NOUN_POS = ("NOUN",)
_ADJ_POS = ("ADJF", "PRTF", "NUMR")


def _stem_word(word: str) -> str | None:
    """A Russian word's English from the stem table (singular|plural), else None."""
    low = word.lower().replace("ё", "е")
    for stem in _STEMS:
        if low.startswith(stem) and len(low) - len(stem) <= 4:
            return _ENGLISH[stem]
    return None


def _reading(word: str) -> tuple[str, bool, bool]:
    """(part of speech, plural, genitive) of a word's best noun or adjective reading."""
    for p in parse(word):
        pos = str(p.tag.POS)
        if pos in _NOUN_POS + _ADJ_POS:
            return pos, p.tag.number == "plur", p.tag.case == "gent"
    return "", False, False


def _translate(words: str, plural_head: bool | None = None) -> tuple[str, bool]:
    """A Russian phrase in English, word by word (adjectives stay before their noun, a
    genitive after a noun takes "of"); it stops at the first word the table does not
    know.  plural_head forces the number of the phrase's last noun.  Also whether the
    phrase was read to its end."""
    out: list[str] = []
    prev = ""  # "noun", "adj", "link"
    tokens = [t for t in _TOKEN.findall(words) if t not in _QUOTES]
    complete = True
    for k, tok in enumerate(tokens):
        low = re.sub(r"\s+", " ", tok.lower())
        if low in _LINKS and out and k + 1 < len(tokens):
            out.append(_LINKS[low])
            prev = "link"
            continue
        if low in _IDIOMS and out:
            out.append(_IDIOMS[low])
            prev = "noun"
            continue
        if low in _PREPOSITIONS and out and prev == "noun":
            out.append(_PREPOSITIONS[low])
            prev = "prep"
            continue
        english = _stem_word(tok)
        pos, plural, genitive = _reading(tok)
        if english is None and pos in _ADJ_POS and k + 1 < len(tokens):
            complete = False  # an adjective we cannot translate is left out
            continue
        if english is None:
            complete = False
            break
        if pos in _NOUN_POS and plural_head is not None and k == len(tokens) - 1:
            plural = plural_head
        sg, _, pl = english.partition("|")
        if prev == "noun" and genitive:
            out.append("of")
        out.append(pl if plural and pl and pos in _NOUN_POS else sg)
        prev = "noun" if pos in _NOUN_POS else "adj"
    while out and out[-1] in ("and", "of", "on", "in"):
        out.pop()
        complete = False
    for k in range(len(out) - 2, 0, -1):  # "on the establishment of"
        if out[k - 1] in ("on", "in") and out[k + 1] == "of":
            out.insert(k, "the")
    return " ".join(out), complete


def _title_words(phrase: str) -> str:
    """Lower-case English words for a Russian phrase (an area, a partnership's name); ""
    where the first word is unknown."""
    return _translate(phrase)[0]


TITLE_WORDS = _title_words

# what follows a document's noun that is part of its name: "о ...", "по ...", "в области
# ...", or a genitive ("Протокол намерений"); it ends at punctuation, "между", a digit
_SUBJECT = re.compile(
    r"\s+(?P<s>(?:(?:о|об|по)\s+|в\s+(?:области|сфере)\s+)?[«\"“]?[а-яёА-ЯЁ][^,.;:()\d]*)", _I
)


def _doc_title(phrase: str, after: str, plural: bool) -> str:
    """The English title of a document: its noun phrase ("совместное заявление") and the
    name after it ("о стратегическом партнёрстве"), translated; the name is left out
    where its first word is unknown."""
    words = phrase.split()
    while len(words) > 1 and _stem_word(words[0].strip(_QUOTES)) is None:
        words.pop(0)  # a word we cannot translate, or a noun the pattern took for an
        # adjective ("коллегой заявление")
    head, _ = _translate(" ".join(words), plural)
    if not head:
        head = "documents" if plural else "document"
    m = _SUBJECT.match(after)
    tail = ""
    if m:
        subject = m.group("s")
        first = subject.split()[0].lower()
        lead = ""
        if first in ("о", "об", "по"):
            lead, subject = "on", subject.split(None, 1)[1] if " " in subject else ""
        elif first == "в":
            lead, subject = "in", subject.split(None, 2)[2] if subject.count(" ") >= 2 else ""
        elif _reading(subject.split()[0].strip(_QUOTES))[2]:
            lead = "of"  # "Протокол намерений"
        if lead:
            name, _ = _translate(subject)
            if name:
                if lead in ("on", "in") and name.split()[1:2] == ["of"]:
                    name = f"the {name}"  # "on the establishment of ..."
                tail = f" {lead} {name}"
    title = head + tail
    return title[0].upper() + title[1:]


DOC_TITLE = _doc_title

# "соглашения", "декларации" are a plural or a singular's other case: a count before
# them, the word before them or a plural verb after them decides
_COUNT_BEFORE = re.compile(
    r"(?<![\w-])(?:\d+|дв[аеу]\w*|тр[иеё]\w*|четыр\w*|пят\w*|шест\w*|сем\w*|восьм\w*|"
    r"восем\w*|девят\w*|десят\w*|\w+надцат\w*|двадцат\w*|тридцат\w*|сорок\w*|"
    r"несколько|нескольк\w+|ряд\w*|пакет\w*)\s+(?:из\s+)?(?:" + _ADJ + r")*$",
    _I,
)
_PLURAL_AFTER = re.compile(
    r"^[^,.;:]{0,80}?(?<![\w-])(?:подписаны|заключены|приняты|были|будут|стали|вступили)"
    r"(?![\w-])",
    _I,
)


def _doc_plural(noun: str, before: str, after: str) -> bool:
    """Whether a document noun names several documents: its form, where it is a plural
    only; else the words around it.  A count before it makes any form plural ("24
    документа")."""
    if _COUNT_BEFORE.search(before):
        return True
    head = noun.split()[0]
    readings = [p for p in parse(head) if str(p.tag.POS) == "NOUN"]
    numbers = {p.tag.number for p in readings}
    if numbers == {"plur"}:
        return True
    if "plur" not in numbers or any("Fixd" in p.tag for p in readings):
        return False  # an indeclinable noun ("коммюнике") is one document without a count
    # both: the word before decides (a plural adjective or a verb governs a plural, a
    # noun a genitive singular); at the opening of its clause it is a nominative plural
    words = before.split()
    if not words:
        return True
    prev = words[-1].strip(_QUOTES + ",")
    for p in parse(prev):
        pos = str(p.tag.POS)
        if pos in ("ADJF", "PRTF"):
            if p.tag.number == "plur" and p.tag.case in ("nomn", "accs"):
                return True
            continue
        if pos in ("VERB", "INFN", "PRTS"):
            return True
        if pos == "NOUN":
            break
    return bool(_PLURAL_AFTER.search(after))


DOC_PLURAL = _doc_plural


# the documents a plural names one by one: "договоров о X (2004 год) и о Y (2005 год)"
_MEMBER_RUN = re.compile(r"\s+((?:о|об)\s+(?:[^.;:,()]|\([^()]{0,40}\))*)", _I)
_MEMBER_SPLIT = re.compile(r"\s*(?:,\s*|\s+и\s+|\s+а\s+также\s+)(?=(?:о|об)\s)", _I)


def _doc_members(after: str) -> list[tuple[int, int]]:
    """The spans (in after) of the documents a plural noun lists one by one, each with
    its preposition ("о X", "об Y"); [] where it lists fewer than two."""
    m = _MEMBER_RUN.match(after)
    if not m:
        return []
    run, start = m.group(1), m.start(1)
    spans, pos = [], 0
    for sep in _MEMBER_SPLIT.finditer(run):
        spans.append((start + pos, start + sep.start()))
        pos = sep.end()
    spans.append((start + pos, start + len(run.rstrip())))
    return spans if len(spans) >= 2 else []


DOC_MEMBERS = _doc_members

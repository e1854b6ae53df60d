"""Heuristic grammar checks without a parser: passive voice, nominal style, negations, address.

Passive (Dutch): a form of *worden* with a past participle, or a form of *zijn* with a past
participle of a verb that does not form its perfect tense with *zijn* ("is gebouwd" is passive, "is
gegaan", "zijn gekomen", "is veranderd" are perfect tenses). When a form of *hebben* is present,
"zijn" is read as the possessive ("heeft zijn huis verkocht"). Participles are recognised by shape:
``ge…d/t/en``, a separable particle + ``ge…``, or an inseparable prefix (be-, ver-, ont-, her-, er-,
ge-) with ``-d``, or a listed strong participle; common adjectives of that shape are excluded.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from textmeter import lexicon
from textmeter.words import word_set

WORDEN = word_set("word wordt worden werd werden")
ZIJN = word_set("ben bent is zijn was waren geweest")
HEBBEN = word_set("heb hebt heeft hebben had hadden")

_PARTICLES = tuple(
    word_set(
        """
        aan af bij binnen buiten dicht door in langs los mee na neer om onder op over rond samen
        tegen terug thuis toe uit vast voor vooruit voorbij vrij weg achter kapot open goed
        kennis plaats deel bekend klaar schoon stil teleur
        """
    )
)
_PARTICLE_RE = "|".join(sorted(_PARTICLES, key=len, reverse=True))
_GE_RE = re.compile(rf"^(?:{_PARTICLE_RE})?ge[a-zëï]{{2,}}(?:d|t|en)$")
_INSEPARABLE_RE = re.compile(r"^(?:be|ver|ont|her|ge|mis|onder|over)[a-zëï]{2,}d$")
# After a form of "worden", a -t form with an inseparable prefix is a participle too ("werd verzet").
_INSEPARABLE_T_RE = re.compile(r"^(?:be|ver|ont|her|ge|onder|over)[a-zëï]{2,}t$")
# Strong participles with an inseparable prefix, and weak ones ending in -t (those are ambiguous
# with the present tense: "hij betaalt" / "betaald", so only listed forms count).
_LISTED = word_set(
    """
    besproken beschreven bewezen begonnen begrepen besloten bezocht bedacht betrokken
    bevonden bevolen bedreven bedrogen beloofd verboden verbonden vergeten verkregen
    verloren verschenen verstreken verzonden verdwenen vertrokken verweten verwezen
    vervangen verworven verkocht verstuurd vernomen verricht verplicht verwacht ontvangen
    ontnomen ontslagen ontdekt ontworpen ontstaan ontwikkeld ondernomen ondervonden
    onderschreven onderzocht onderbroken overleden overgenomen overwogen overschreden
    herschreven herkend erkend ervaren behandeld bereikt besteld betaald bepaald beperkt
    benoemd beoordeeld bewaard beantwoord verwerkt verbeterd veranderd verhoogd verlaagd
    verlengd vermeld vermeden verzocht gebruikt gemaakt gedaan onderhouden verzet
    """
)
# Adjectives and nouns that look like participles.
_NOT_PARTICIPLES = word_set(
    """
    onderhoud ondergrond overvloed overleg
    gebied gebieden gebit gebed gezond gezondheid geld gedicht gezicht gewicht gerecht
    gevecht geluid geduld geleden gelegen gewend geschikt gemiddeld gerust gewoon gewond
    genoeg gebouwen geheimen gedachten gewoonten gezinnen gezichten gesprekken geluiden
    genen geweten geboorte verliefd verlegen verrast bereid beroemd bekend bedoeling
    verleden verstand verband verbond bestand bedrijven verhalen bezoeken gehad verantwoord
    bevoegd gelukkig geheel verschillend belangrijk volwassen bewust bedroefd gebonden
    beleefd verlegd verstandig verkeerd ervaren geïnteresseerd gemotiveerd benieuwd verbaasd
    beleid behoud verbod begaafd beschaafd bejaard gedeeltelijk gebruiken geloven genieten
    gebeuren gelden gewennen geraken gehoorzamen genezen getuigen gedogen gelukken gebaren
    geleiden gelijken
    """
)
# Verbs whose perfect tense uses "zijn": "is gegaan" and "zijn gekomen" are not passive.
_ZIJN_PARTICIPLES = word_set(
    """
    gegaan gekomen gebleven geworden gestorven gebeurd gelukt geslaagd gevallen gestegen
    gedaald gegroeid gekrompen gevlucht geland gestart gestopt geëindigd gezakt gerezen
    gevlogen gereisd gerend gelopen gefietst gereden gezwommen gesprongen gezeild gevaren
    gevolgd geweest gebleken geboren gebeurd gegroeid geraakt gezonken gestruikeld getrouwd
    gescheiden gewaarschuwd ontstaan verdwenen vertrokken verschenen overleden begonnen
    verlopen verstreken ontsnapt verhuisd veranderd mislukt verongelukt ontwaakt bevallen
    toegenomen afgenomen opgegroeid verdronken verbleekt vergaan vervallen verouderd
    ontploft ingestort opgehouden
    """
)
# "Er is … gegaan" and the like: if the participle is a zijn-verb after a separable particle.
_PARTICLE_PREFIX_RE = re.compile(rf"^(?:{_PARTICLE_RE})(ge[a-zëï]+)$")

ENGLISH_BE = word_set("am is are was were be been being")
_EN_IRREGULAR = word_set(
    """
    done made given taken written seen known shown sent paid told found held kept left lost
    meant built bought brought caught chosen drawn driven eaten fallen felt forgotten
    forgiven frozen gotten hidden hit hurt laid led let put read run said sold set shot shut
    spent spoken stolen struck sung swept taught thrown understood won worn broken begun
    """
)
_EN_NOT_PARTICIPLES = word_set(
    """
    need indeed bed red seed feed speed hundred married tired interested pleased concerned
    based used supposed able aged naked wicked sacred
    """
)


_EN_ADVERBS = word_set("not also being been often never always then")


@dataclass(frozen=True, slots=True)
class Passive:
    auxiliary: int  # index of the auxiliary in the word list
    participle: int


def is_participle(word: str) -> bool:
    """Does ``word`` (lower case) look like a Dutch past participle?"""
    if word in _NOT_PARTICIPLES or len(word) < 5:
        return False
    if word in _LISTED:
        return True
    if word.endswith("heid"):
        return False
    if word.endswith("end") and lexicon.zipf(word[:-1], "nl") >= 3.0 and lexicon.zipf(word[:-1] + "en", "nl") < 2.0:
        return False  # a present participle: vervelend (vervelen + d), not getekend (tekenen)
    return bool(_GE_RE.match(word) or _INSEPARABLE_RE.match(word))


def _is_zijn_verb(participle: str) -> bool:
    if participle in _ZIJN_PARTICIPLES:
        return True
    match = _PARTICLE_PREFIX_RE.match(participle)
    return bool(match and match.group(1) in _ZIJN_PARTICIPLES)


_WINDOW = 12


def find_passive(words: Sequence[str], lang: str) -> Passive | None:
    """The first passive construction in a sentence's lower-case words, or None."""
    if lang == "en":
        return _find_passive_en(words)
    has_hebben = any(w in HEBBEN for w in words)
    auxiliaries = [i for i, w in enumerate(words) if w in WORDEN or (w in ZIJN and not (w == "zijn" and has_hebben))]
    if not auxiliaries:
        return None
    participle = [w != "geworden" and is_participle(w) for w in words]
    for aux in auxiliaries:
        worden = words[aux] in WORDEN
        # The participle stands within a dozen words of its auxiliary (before it in a subclause).
        for part in range(max(0, aux - _WINDOW), min(len(words), aux + _WINDOW + 1)):
            if part == aux:
                continue
            word = words[part]
            if worden:
                if participle[part] or (word not in _NOT_PARTICIPLES and _INSEPARABLE_T_RE.match(word)):
                    return Passive(aux, part)
            elif participle[part] and not _is_zijn_verb(word):
                return Passive(aux, part)
    return None


def _find_passive_en(words: Sequence[str]) -> Passive | None:
    for i, word in enumerate(words):
        if word not in ENGLISH_BE:
            continue
        for j in range(i + 1, min(i + 4, len(words))):
            candidate = words[j]
            if candidate in _EN_NOT_PARTICIPLES:
                break
            if candidate in _EN_IRREGULAR or (candidate.endswith("ed") and len(candidate) > 4):
                return Passive(i, j)
            skippable = candidate.endswith("ly") or candidate in _EN_ADVERBS
            if not skippable:
                break
    return None


# --- nominal style -------------------------------------------------------------------------------

_LIGHT_VERB_PHRASES: tuple[tuple[str, ...], ...] = tuple(
    tuple(p.split())
    for p in (
        "zorg dragen voor",
        "in overweging nemen",
        "tot uitvoering brengen",
        "in behandeling nemen",
        "in behandeling genomen",
        "een besluit nemen",
        "een besluit genomen",
        "een beslissing nemen",
        "een beslissing genomen",
        "in kennis stellen",
        "in kennis gesteld",
        "ter beschikking stellen",
        "ter beschikking gesteld",
        "melding maken van",
        "gebruik maken van",
        "gebruik kan worden gemaakt",
        "een bijdrage leveren",
        "een bezoek brengen",
        "tot stand brengen",
        "tot stand gekomen",
        "in werking treden",
        "een aanvraag indienen",
        "een aanvraag doen",
        "een afspraak maken",
        "onderzoek doen naar",
        "aandacht besteden aan",
        "toestemming verlenen",
        "uitvoering geven aan",
        "vorm geven aan",
        "invulling geven aan",
        "inzicht geven in",
        "make a decision",
        "give consideration to",
        "carry out an",
        "conduct an",
        "provide assistance",
        "make an application",
        "take into consideration",
    )
)
_HET_PREPOSITIONS = word_set("voor bij na door met tijdens zonder over om van")
_NOT_INFINITIVES = word_set(
    """
    leven eten wezen examen teken wapen laken volgen zegen verleden heden open eigen
    volgende andere gehele hele nieuwe gewone zelfde
    """
)
# Nouns in -ing that are not (felt as) nominalisations.
_NOT_NOMINAL = word_set(
    """
    ding dingen koning koningin ring kring woning woningen leerling leerlingen jongeling
    zending meeting training trainingen parking marketing camping housing sterling
    """
)


def nominalisations(words: Sequence[str], lang: str) -> list[tuple[int, int]]:
    """Spans (first index, index after last) of nominal-style items in lower-case words.

    Dutch: nouns in -ing(en) / -atie(s) / -tie(s) with a matching verb (betaling/betalen,
    organisatie/organiseren), nouns in -heid/-heden, "het + infinitive" after a preposition or before
    "van", and light-verb phrases ("zorg dragen voor"). English: -tion/-ment/-ance nouns and
    light-verb phrases.
    """
    found: list[tuple[int, int]] = []
    i = 0
    n = len(words)
    while i < n:
        phrase = _light_verb_at(words, i)
        if phrase:
            found.append((i, i + phrase))
            i += phrase
            continue
        word = words[i]
        if lang == "en":
            if len(word) > 6 and word.endswith(("tion", "tions", "ment", "ments", "ance", "ence")):
                found.append((i, i + 1))
        elif word == "het" and i + 1 < n and _is_het_infinitive(words[i + 1]):
            before = words[i - 1] if i else ""
            after = words[i + 2] if i + 2 < n else ""
            if before in _HET_PREPOSITIONS or after == "van":
                found.append((i, i + 2))
                i += 2
                continue
        elif _is_dutch_nominalisation(word):
            found.append((i, i + 1))
        i += 1
    return found


def _light_verb_at(words: Sequence[str], i: int) -> int:
    for phrase in _LIGHT_VERB_PHRASES:
        size = len(phrase)
        if words[i] == phrase[0] and tuple(words[i : i + size]) == phrase:
            return size
    return 0


def _is_het_infinitive(word: str) -> bool:
    return len(word) > 4 and word.endswith("en") and word not in _NOT_INFINITIVES and not is_participle(word)


def _is_dutch_nominalisation(word: str) -> bool:
    if len(word) < 7 or word in _NOT_NOMINAL:
        return False
    if word.endswith(("heid", "heden")):
        return True
    for suffix in ("ingen", "ing"):
        if word.endswith(suffix):
            stem = word[: -len(suffix)]
            return _verb_exists(stem + "en") or _verb_exists(_undouble(stem) + "en")
    for suffix in ("aties", "atie", "ties", "tie"):
        if word.endswith(suffix):
            stem = word[: -len(suffix)]
            candidates = (stem + "eren", stem + "teren", stem + "iseren")
            return any(_verb_exists(c) for c in candidates)
    return False


def _undouble(stem: str) -> str:
    """betal -> betaal: an open syllable in the noun is a long vowel in the verb stem."""
    if len(stem) >= 2 and stem[-2] in "aeou" and stem[-1] not in "aeiou":
        return stem[:-1] + stem[-2] + stem[-1]
    return stem


def _verb_exists(infinitive: str) -> bool:
    return lexicon.zipf(infinitive, "nl") >= 2.0


# --- negations and address -------------------------------------------------------------------------

NEGATIONS = {
    "nl": word_set("niet geen nooit niets niemand nergens noch"),
    "en": word_set("not no never nothing nobody nowhere neither nor n't"),
}
FORMAL = word_set("u uw")
INFORMAL = word_set("je jij jou jouw")


def negations(words: Sequence[str], lang: str) -> list[int]:
    negation_words = NEGATIONS["en" if lang == "en" else "nl"]
    return [i for i, w in enumerate(words) if w in negation_words]

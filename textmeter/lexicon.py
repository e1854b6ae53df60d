"""Word lists and word frequency: stop words, language detection, Zipf values, compound heads.

Frequencies come from wordfreq's offline "large" lists (Dutch and English, CC BY-SA 4.0). The list
is loaded once per language on first use (about 0.6 s) and then read as a plain dict, which is far
faster than calling ``wordfreq.zipf_frequency`` for every token.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from functools import lru_cache

from textmeter.words import word_set

# Function words (determiners, pronouns, prepositions, conjunctions, auxiliaries, common adverbs).
# They are excluded from word familiarity and rare-word counts and used for language detection.
DUTCH_FUNCTION_WORDS: frozenset[str] = word_set(
    """
    de het een der des den 't ik jij je u hij zij ze wij we jullie mij me jou hem haar ons
    hen hun zich zichzelf elkaar mijn jouw uw zijn haar onze ons hun m'n z'n dit dat deze
    die wat wie welk welke waar wanneer hoe waarom waarop waarmee waarin waarvoor er hier
    daar daarom daarna daarbij daarmee daarvoor daarin daarop daarover daardoor en of maar
    want dus omdat doordat als zoals dan toen terwijl hoewel tenzij zodat nadat voordat
    totdat sinds indien mits noch ofwel zowel in op aan bij met van voor na naar uit over
    onder boven tussen door om tot tegen zonder tijdens volgens binnen buiten achter naast
    langs rond per via vanaf sinds te niet geen nooit wel ook nog al toch zo zeer heel erg
    meer meest minder veel weinig is ben bent zijn was waren wordt word worden werd werden
    geweest heb hebt heeft hebben had hadden kan kun kunt kunnen kon konden zal zult zullen
    zou zouden moet moeten moest moesten mag mogen mocht wil wilt willen wou wilde gaat gaan
    ging gingen doe doet doen deed deden alle alles iets niets iemand niemand elk elke ieder
    iedere sommige andere ander nu dan toen straks vaak soms altijd even eens weer zelfs
    alleen ook ja nee misschien eigenlijk gewoon best
    """
)

ENGLISH_FUNCTION_WORDS: frozenset[str] = word_set(
    """
    the a an this that these those i you he she it we they me him her us them my your his
    its our their mine yours who whom whose which what where when why how and or but so
    because if then than as while although though unless until since in on at by with from
    for of to into onto over under above between through about against without during before
    after around along across behind beyond within per via not no never yes also too very
    more most less much many few some any all each every is am are was were be been being
    has have had having do does did doing can could will would shall should may might must
    there here now then just only even still again already always often sometimes
    """
)

# Words that are frequent in one language and rare in the other: used to detect the language.
_DUTCH_MARKERS = word_set(
    """
    de het een en van ik je jij u hij zij wij niet geen is zijn wordt worden dat die deze
    dit met voor naar bij ook maar als om te er op aan uit over onze uw hun wat
    """
)
_ENGLISH_MARKERS = word_set(
    """
    the a an and of i you he she we they not no is are was were be been that this these with
    for to at by from but if it its our your their what which who have has
    """
)


def detect_language(words: Iterable[str]) -> str:
    """'nl' or 'en' by the share of marker words; Dutch wins a tie (it is the portal's language)."""
    nl = en = 0
    for word in words:
        lower = word.lower()
        if lower in _DUTCH_MARKERS:
            nl += 1
        if lower in _ENGLISH_MARKERS:
            en += 1
    return "en" if en > nl else "nl"


def is_function_word(word: str, lang: str) -> bool:
    words = ENGLISH_FUNCTION_WORDS if lang == "en" else DUTCH_FUNCTION_WORDS
    return word.lower() in words


@lru_cache(maxsize=2)
def _frequencies(lang: str) -> dict[str, float]:
    from wordfreq import get_frequency_dict

    return get_frequency_dict(lang, wordlist="large")


@lru_cache(maxsize=65536)
def zipf(word: str, lang: str) -> float:
    """Zipf frequency (log10 of occurrences per billion words) of ``word``; 0.0 when unknown."""
    frequency = _frequencies(lang).get(word.lower().replace("’", "'"), 0.0)
    if frequency <= 0.0:
        return 0.0
    return round(math.log10(frequency) + 9.0, 2)


# Linking elements between the parts of a Dutch compound: huis|s|deur, boek|en|kast.
_LINKS = ("", "s", "en", "e")
_MIN_PART = 3
_KNOWN = 3.0  # a compound part must be at least this frequent
# Suffixes that look like words ("lijk" = corpse): never a compound head.
_NOT_HEADS = word_set(
    "lijk lijke lijken lijkheid heid heden baar bare loos loze schap isch ische achtig achtige ing ingen tje tjes ster sters erij aar aars ling lingen ist isten iteit"
)


@lru_cache(maxsize=32768)
def split_compound(word: str, lang: str = "nl") -> tuple[str, str] | None:
    """Split a Dutch compound into (modifier, head) when both parts are common words.

    Follows LiNT's rule that a transparent compound is as familiar as its head. The longest head
    wins ("gemeente|raadsvergadering" loses to "gemeenteraads|vergadering"). Recursion covers
    modifiers that are compounds themselves. Only for Dutch; English writes compounds apart.
    """
    if lang != "nl":
        return None
    lower = word.lower()
    if "-" in lower:
        modifier, _, head = lower.rpartition("-")
        if len(head) >= _MIN_PART and zipf(head, lang) >= _KNOWN:
            return modifier, head
        return None
    for cut in range(_MIN_PART, len(lower) - _MIN_PART + 1):
        head = lower[cut:]
        if head in _NOT_HEADS or zipf(head, lang) < _KNOWN:
            continue
        left = lower[:cut]
        for link in _LINKS:
            if link and not left.endswith(link):
                continue
            modifier = left[: len(left) - len(link)] if link else left
            if len(modifier) < _MIN_PART:
                continue
            if zipf(modifier, lang) >= _KNOWN or split_compound(modifier, lang) is not None:
                return left, head
    return None


def familiarity(word: str, lang: str) -> float:
    """Zipf of ``word``, or of its head when it is a rarer transparent compound (LiNT rule)."""
    value = zipf(word, lang)
    if value >= _KNOWN:
        return value
    parts = split_compound(word, lang)
    if parts is None:
        return value
    return max(value, zipf(parts[1], lang))

"""Every user-facing string of textmeter, in Dutch and English.

Kept in one module so that the Django portal can wrap the Dutch strings for translation later and so
that the wording for learners can be reviewed in one place. Texts are plain, short and address the
learner with "je" (the portal's house style). Placeholders use ``str.format`` names.
"""

from __future__ import annotations

from typing import Final

# Reasons for highlights. Key -> (Dutch, English).
REASONS: Final[dict[str, tuple[str, str]]] = {
    "long_sentence": (
        "Lange zin: {words} woorden. Voor B1 houd je zinnen liefst onder de {limit} woorden. Knip de zin in tweeën.",
        "Long sentence: {words} words. Aim for fewer than {limit} words. Split the sentence.",
    ),
    "very_long_sentence": (
        "Erg lange zin: {words} woorden. Zo'n zin moet een lezer vaak twee keer lezen. "
        "Maak er twee of drie zinnen van.",
        "Very long sentence: {words} words. Readers often need to read it twice. Make two or three sentences of it.",
    ),
    "passive": (
        "Lijdende vorm ('{aux} … {participle}'). Zeg wie iets doet: maak de zin actief.",
        "Passive voice ('{aux} … {participle}'). Say who does what: make the sentence active.",
    ),
    "nominal": (
        "Naamwoordstijl: {items}. Gebruik liever een werkwoord, bijvoorbeeld 'je vraagt aan' "
        "in plaats van 'het aanvragen van'.",
        "Nominal style: {items}. Prefer a verb, for example 'decide' instead of 'make a decision'.",
    ),
    "negations": (
        "Meer dan één ontkenning ({items}). Dat is lastig te volgen. Zeg het liever positief.",
        "More than one negation ({items}). That is hard to follow. Say it positively.",
    ),
    "rare_word": (
        "Weinig gebruikt woord: het komt {frequency} voor. Kies een bekender woord of leg het uit.",
        "Uncommon word: it occurs {frequency}. Choose a more common word or explain it.",
    ),
    "officialese": (
        "Ambtelijk of moeilijk: schrijf liever '{alternative}'.",
        "Formal or wordy: write '{alternative}' instead.",
    ),
    "long_word": (
        "Lang woord: {syllables} lettergrepen. Lange woorden lezen moeilijk. Kun je het korter zeggen of opsplitsen?",
        "Long word: {syllables} syllables. Long words are hard to read. Can you say it shorter?",
    ),
    "long_compound": (
        "Lange samenstelling: {syllables} lettergrepen ({parts}). Lange samenstellingen lezen "
        "moeilijk. Kun je het korter of in meer woorden zeggen?",
        "Long compound: {syllables} syllables ({parts}). Can you split it up?",
    ),
    "abbreviation": (
        "Afkorting zonder uitleg: schrijf de eerste keer voluit wat '{abbr}' betekent.",
        "Abbreviation without explanation: spell out what '{abbr}' means the first time.",
    ),
    "mixed_address": (
        "Je spreekt de lezer aan met 'u' én met 'je'. Kies één vorm en houd die vast.",
        "",
    ),
}

FREQUENCY_PHRASES: Final[dict[str, tuple[str, str]]] = {
    "below_one": ("minder dan 1 keer per miljoen woorden", "less than once per million words"),
    "per_million": ("ongeveer {n} keer per miljoen woorden", "about {n} times per million words"),
}

# B1 checklist. Key -> (Dutch label, English label).
B1_CRITERIA: Final[dict[str, tuple[str, str]]] = {
    "mean_sentence_length": (
        "Gemiddelde zinslengte hooguit {threshold} woorden",
        "Mean sentence length at most {threshold} words",
    ),
    "long_sentences": (
        "Hooguit {threshold}% van de zinnen langer dan 20 woorden",
        "At most {threshold}% of sentences longer than 20 words",
    ),
    "very_long_sentences": (
        "Geen zinnen langer dan 30 woorden",
        "No sentences longer than 30 words",
    ),
    "rare_words": (
        "Hooguit {threshold}% weinig gebruikte woorden",
        "At most {threshold}% uncommon words",
    ),
    "passive": (
        "Hooguit {threshold}% zinnen in de lijdende vorm",
        "At most {threshold}% passive sentences",
    ),
    "nominal": (
        "Hooguit {threshold} naamwoordconstructies per 100 woorden",
        "At most {threshold} nominalisations per 100 words",
    ),
    "officialese": (
        "Hooguit {threshold} ambtelijk(e) woord(en) per 100 woorden",
        "At most {threshold} formal or wordy phrase(s) per 100 words",
    ),
    "paragraphs": (
        "Alinea's hooguit {threshold} woorden",
        "Paragraphs at most {threshold} words",
    ),
    "address": (
        "De lezer steeds op dezelfde manier aangesproken (u of je)",
        "",
    ),
}

B1_VERDICTS: Final[dict[str, tuple[str, str]]] = {
    "fits": ("Past bij B1 (indicatie)", "Fits B1 (indication)"),
    "almost": ("Bijna B1 (indicatie)", "Almost B1 (indication)"),
    "above": ("Boven B1 (indicatie)", "Above B1 (indication)"),
}

B1_NOTE: Final[tuple[str, str]] = (
    "Dit is een indicatie, geen officieel taalniveau. Het ERK (A1-C2) beschrijft hoe goed iemand "
    "een vreemde taal beheerst; een meetinstrument kan niet zeggen of jouw lezers de tekst "
    "begrijpen. Gebruik de punten hieronder om je tekst te verbeteren.",
    "This is an indication, not an official level. CEFR (A1-C2) describes foreign-language "
    "skill; no measurement can tell whether your readers will understand the text.",
)

WARNINGS: Final[dict[str, tuple[str, str]]] = {
    "short_text": (
        "De tekst is kort ({words} woorden, {sentences} zinnen). De cijfers zijn dan minder betrouwbaar.",
        "The text is short ({words} words, {sentences} sentences). The figures are less reliable.",
    ),
    "no_sentences": (
        "De tekst bestaat alleen uit kopjes of opsommingen zonder punt. We hebben die als zinnen gemeten.",
        "The text consists only of headings or list items. They were measured as sentences.",
    ),
    "html_stripped": (
        "De tekst bevatte HTML-codes. We hebben die weggehaald en alleen de tekst gemeten.",
        "The text contained HTML tags. They were removed and only the text was measured.",
    ),
}

# Douma's norm table (DBNL 1977) for Flesch-Douma, and Flesch's bands for English.
DOUMA_BANDS: Final[tuple[tuple[float, str], ...]] = (
    (90.0, "zeer gemakkelijk"),
    (80.0, "gemakkelijk"),
    (70.0, "tamelijk gemakkelijk"),
    (60.0, "normaal"),
    (45.0, "tamelijk moeilijk"),
    (30.0, "moeilijk"),
    (float("-inf"), "zeer moeilijk"),
)
FLESCH_BANDS: Final[tuple[tuple[float, str], ...]] = (
    (90.0, "very easy"),
    (80.0, "easy"),
    (70.0, "fairly easy"),
    (60.0, "standard"),
    (50.0, "fairly difficult"),
    (30.0, "difficult"),
    (float("-inf"), "very difficult"),
)
DIFFICULTY_BANDS: Final[tuple[tuple[float, str, str], ...]] = (
    (80.0, "zeer moeilijk", "very hard"),
    (60.0, "moeilijk", "hard"),
    (40.0, "gemiddeld", "average"),
    (20.0, "eenvoudig", "easy"),
    (float("-inf"), "zeer eenvoudig", "very easy"),
)

ERRORS: Final[dict[str, tuple[str, str]]] = {
    "empty": (
        "Er is geen tekst om te meten. Plak een tekst of kies een bestand.",
        "There is no text to measure. Paste a text or choose a file.",
    ),
    "no_words": (
        "De tekst bevat geen woorden om te meten, alleen getallen, tekens of links.",
        "The text has no words to measure, only numbers, symbols or links.",
    ),
    "too_long": (
        "De tekst is te lang om te meten ({size}). De grens is {limit}. Meet een deel van de tekst.",
        "The text is too long to measure ({size}). The limit is {limit}. Measure part of it.",
    ),
    "unsupported_file": (
        "Bestand '{name}' kan niet gemeten worden. Kies een .txt-, .md- of .docx-bestand.",
        "File '{name}' cannot be measured. Choose a .txt, .md or .docx file.",
    ),
    "corrupt_docx": (
        "Bestand '{name}' is geen geldig Word-bestand (.docx) of is beschadigd. Sla het opnieuw op "
        "als .docx en probeer het nog eens.",
        "File '{name}' is not a valid Word document (.docx) or is damaged. Save it again as .docx and retry.",
    ),
    "not_text": (
        "Bestand '{name}' bevat geen gewone tekst. Sla het op als tekst (UTF-8) of als .docx.",
        "File '{name}' does not contain plain text. Save it as UTF-8 text or as .docx.",
    ),
    "html": (
        "De tekst bevat HTML-codes. Plak de tekst zonder opmaakcodes.",
        "The text contains HTML markup. Paste the text without markup.",
    ),
    "language": (
        "Taal '{lang}' wordt niet ondersteund. Kies nl (Nederlands) of en (Engels).",
        "Language '{lang}' is not supported. Choose nl (Dutch) or en (English).",
    ),
}


def reason(key: str, lang: str, **values: object) -> str:
    """The reason text for highlight ``key`` in ``lang``, filled in with ``values``."""
    nl, en = REASONS[key]
    template = en if lang == "en" and en else nl
    return template.format(**values)


def frequency_phrase(zipf: float, lang: str) -> str:
    """'about 3 times per million words' for a Zipf value (Zipf = log10(per billion))."""
    per_million = 10 ** (zipf - 3)
    index = 1 if lang == "en" else 0
    if per_million < 1:
        return FREQUENCY_PHRASES["below_one"][index]
    return FREQUENCY_PHRASES["per_million"][index].format(n=round(per_million))


def b1_label(key: str, lang: str, threshold: object) -> str:
    nl, en = B1_CRITERIA[key]
    template = en if lang == "en" and en else nl
    return template.format(threshold=threshold)


def pick(pair: tuple[str, str], lang: str, **values: object) -> str:
    """Pick the Dutch or English member of ``pair`` (Dutch when English is missing)."""
    template = pair[1] if lang == "en" and pair[1] else pair[0]
    return template.format(**values)


def band(score: float, lang: str) -> str:
    bands = FLESCH_BANDS if lang == "en" else DOUMA_BANDS
    for lower, label in bands:
        if score >= lower:
            return label
    return bands[-1][1]


def difficulty_band(score: float, lang: str) -> str:
    for lower, nl, en in DIFFICULTY_BANDS:
        if score >= lower:
            return en if lang == "en" else nl
    return "very easy" if lang == "en" else "zeer eenvoudig"


def error(key: str, **values: object) -> tuple[str, str]:
    nl, en = ERRORS[key]
    return nl.format(**values), en.format(**values)

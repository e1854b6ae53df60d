"""Measure a text: counts, formulas, highlights, the B1 checklist and the difficulty figure."""

from __future__ import annotations

import statistics
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from typing import Any

from textmeter import difficulty as difficulty_model
from textmeter import grammar, jargon, lexicon, messages, syllables
from textmeter.errors import EmptyTextError, NoWordsError, TextTooLongError, UnknownLanguageError
from textmeter.html import looks_like_html, strip_html
from textmeter.text import Kind, Sentence, Token, parse
from textmeter.words import word_set

MAX_CHARACTERS = 1_000_000
WORDS_PER_MINUTE = 200
LONG_SENTENCE = 20
VERY_LONG_SENTENCE = 30
RARE_ZIPF = 3.0
LONG_WORD_SYLLABLES = 4
LONG_WORD_LETTERS = 13
LONG_COMPOUND_SYLLABLES = 5
SHORT_TEXT_WORDS = 100
SHORT_TEXT_SENTENCES = 5
LANGUAGES = ("nl", "en")
# Abbreviations every reader knows; they are not flagged.
KNOWN_ABBREVIATIONS = word_set("EU VS NL UK USA TV OK WC ID PC CV USB DNA")
_PLACEHOLDER_OPEN = frozenset("[{<")


@dataclass(slots=True)
class Highlight:
    """One flagged place in the text. ``start``/``end`` are offsets into the measured text."""

    scope: str  # "sentence" or "word"
    kind: str  # long_sentence, passive, nominal, negations, rare_word, officialese, ...
    start: int
    end: int
    text: str
    reason: str
    suggestion: str | None = None
    marks: list[tuple[int, int]] = field(default_factory=list)  # e.g. auxiliary and participle


@dataclass(slots=True)
class SentenceDetail:
    start: int
    end: int
    words: int
    syllables: int
    flags: list[str]
    unit: str = "sentence"


@dataclass(slots=True)
class Criterion:
    key: str
    label: str
    passed: bool
    value: float
    threshold: float
    comparison: str = "<="


@dataclass(slots=True)
class B1Check:
    verdict: str  # "fits", "almost", "above"
    label: str
    indication: bool
    note: str
    passed: int
    total: int
    criteria: list[Criterion]


@dataclass(slots=True)
class Measurement:
    """The result of :func:`measure`. ``to_dict()`` gives the JSON form documented in README.md."""

    language: str
    language_detected: bool
    characters: int
    paragraphs: int
    sentences: int
    headings: int
    list_items: int
    words: int
    excluded: dict[str, int]
    reading_time_seconds: int
    mean_sentence_length: float
    median_sentence_length: float
    longest_sentence: int
    long_sentence_share: float
    very_long_sentences: int
    syllables: int
    syllables_per_word: float
    letters_per_word: float
    flesch_douma: float | None
    brouwer: float | None
    flesch_reading_ease: float | None
    flesch_kincaid_grade: float | None
    formula_band: str
    mean_familiarity: float
    rare_words: int
    rare_word_rate: float
    long_words: int
    long_word_share: float
    passive_sentences: int
    passive_rate: float
    nominalisations: int
    nominal_per_100_words: float
    nominal_sentences: int
    officialese: int
    officialese_per_100_words: float
    negation_sentences: int
    abbreviations: int
    abbreviations_per_100_words: float
    address: dict[str, Any]
    longest_paragraph_words: int
    difficulty: float
    difficulty_label: str
    difficulty_contributions: dict[str, float]  # logit points per feature vs. the centre text
    b1: B1Check
    sentence_details: list[SentenceDetail]
    highlights: list[Highlight]
    warnings: list[str]
    measured_text: str | None = None  # set only when the input was changed (HTML stripped)

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        for key in ("flesch_douma", "brouwer", "flesch_reading_ease", "flesch_kincaid_grade"):
            if data[key] is None:
                del data[key]
        if data["measured_text"] is None:
            del data["measured_text"]
        for item in data["highlights"]:
            item["marks"] = [list(mark) for mark in item["marks"]]
        return data


@dataclass(slots=True)
class _Word:
    token: Token
    text: str
    lower: str
    syllables: int
    familiarity: float
    content: bool


@dataclass(slots=True)
class _SentenceStats:
    sentence: Sentence
    words: list[_Word]
    lowers: list[str]  # lower-case words incl. names, for grammar checks
    lower_tokens: list[Token]
    passive: grammar.Passive | None
    nominal: list[tuple[int, int]]
    officialese: list[tuple[int, int, jargon.Entry]]
    negations: list[int]
    abbreviations: list[Token]


_WORD_SYMBOLS = frozenset("%&±=~")


def measure(text: str, lang: str | None = None, *, html: str = "strip") -> Measurement:
    """Measure ``text``. ``lang`` is "nl", "en" or None (detect). ``html`` is "strip" or "refuse".

    Raises a :class:`~textmeter.errors.TextMeterError` subclass for input that cannot be measured.
    """
    if lang is not None and lang not in LANGUAGES:
        raise UnknownLanguageError(lang)
    if len(text) > MAX_CHARACTERS:
        raise TextTooLongError(len(text.encode("utf-8", "replace")), MAX_CHARACTERS)
    warnings: list[str] = []
    measured_text: str | None = None
    if looks_like_html(text):
        if html == "refuse":
            from textmeter.errors import HtmlInputError

            raise HtmlInputError()
        text = measured_text = strip_html(text)
        warnings.append("html_stripped")
    if not text.strip():
        raise EmptyTextError()

    structure = parse(text)
    all_words = [token.text for sentence in structure.sentences for token in sentence.tokens if token.kind is Kind.WORD]
    if not all_words:
        raise NoWordsError()
    detected = lang is None
    language = lexicon.detect_language(all_words) if lang is None else lang

    stats = [_analyse_sentence(sentence, language) for sentence in structure.sentences]
    counted = [s for s in stats if s.words]
    if not counted:
        raise NoWordsError()
    if structure.fallback:
        warnings.append("no_sentences")
    return _assemble(text, language, detected, structure, stats, warnings, measured_text)


def preload(*languages: str) -> None:
    """Load the word-frequency lists and hyphenation patterns now (about 0.6 s per language), e.g.
    when the portal starts, instead of during the first measurement."""
    for lang in languages or LANGUAGES:
        lexicon.zipf("de", lang)
        syllables.count("de", lang)


def _is_sentence_start(tokens: Sequence[Token], index: int) -> bool:
    for position in range(index - 1, -1, -1):
        previous = tokens[position]
        if previous.kind in (Kind.WORD, Kind.NUMBER, Kind.ABBREVIATION, Kind.URL, Kind.EMAIL):
            return False
        if previous.text in (":", "•", "-", "–", "—", "(", '"', "“", "„", "'", "‘"):
            return True
    return True


def _analyse_sentence(sentence: Sentence, lang: str) -> _SentenceStats:
    words: list[_Word] = []
    lowers: list[str] = []
    lower_tokens: list[Token] = []
    tokens = sentence.tokens
    for index, token in enumerate(tokens):
        if token.kind is Kind.ABBREVIATION:
            lowers.append(token.lower)
            lower_tokens.append(token)
            if len(token.text) == 2 and token.text[0].isupper():
                continue  # an initial belongs to a name
            letters = token.text.replace(".", "")
            words.append(_Word(token, token.text, token.lower, max(1, len(letters) // 2), 6.0, False))
            continue
        if token.kind is not Kind.WORD:
            continue
        lower = token.lower
        lowers.append(lower)
        lower_tokens.append(token)
        if _is_name_or_acronym(tokens, index, lang):
            continue
        function = lexicon.is_function_word(lower, lang)
        words.append(
            _Word(
                token,
                token.text,
                lower,
                syllables.count(token.text, lang),
                lexicon.familiarity(lower, lang),
                not function,
            )
        )
    passive = grammar.find_passive(lowers, lang)
    nominal = grammar.nominalisations(lowers, lang)
    officialese = jargon.find(lowers, lang)
    negations = grammar.negations(lowers, lang)
    abbreviations = [
        t
        for t in tokens
        if (t.kind is Kind.ABBREVIATION and not (len(t.text) == 2 and t.text[0].isupper()))
        or (t.kind is Kind.SYMBOL and t.text in _WORD_SYMBOLS)
    ]
    return _SentenceStats(
        sentence, words, lowers, lower_tokens, passive, nominal, officialese, negations, abbreviations
    )


def _is_acronym(text: str) -> bool:
    letters = [ch for ch in text if ch.isalpha()]
    return len(letters) >= 2 and all(ch.isupper() for ch in letters)


def _is_name_or_acronym(tokens: Sequence[Token], index: int, lang: str) -> bool:
    token = tokens[index]
    text = token.text
    if _is_acronym(text) or any(ch.isdigit() for ch in text):
        return True
    if not text[0].isupper():
        return False
    if lexicon.is_function_word(text, lang):
        return False  # "U" and "Uw" in letters, "I" in English
    return not _is_sentence_start(tokens, index)


def _rate(part: float, whole: float) -> float:
    return part / whole if whole else 0.0


def _assemble(
    text: str,
    lang: str,
    detected: bool,
    structure: Any,
    stats: list[_SentenceStats],
    warnings: list[str],
    measured_text: str | None,
) -> Measurement:
    counted = [s for s in stats if s.words]
    lengths = [len(s.words) for s in counted]
    n_sentences = len(counted)
    all_words = [w for s in counted for w in s.words]
    n_words = len(all_words)
    n_syllables = sum(w.syllables for w in all_words)
    asl = n_words / n_sentences
    asw = n_syllables / n_words
    letters = sum(len(w.text.replace("-", "").replace("'", "")) for w in all_words) / n_words
    content = [w for w in all_words if w.content]
    familiarity = statistics.fmean(w.familiarity for w in content) if content else 7.0
    rare = [w for w in content if w.familiarity < RARE_ZIPF]
    long_words = [w for w in all_words if w.syllables >= LONG_WORD_SYLLABLES or len(w.text) >= LONG_WORD_LETTERS]
    passive = [s for s in counted if s.passive is not None]
    n_nominal = sum(len(s.nominal) for s in counted)
    n_officialese = sum(len(s.officialese) for s in counted)
    negation_sentences = [s for s in counted if len(s.negations) >= 2]
    n_abbreviations = sum(len(s.abbreviations) for s in stats)
    long_sentences = [n for n in lengths if n > LONG_SENTENCE]
    very_long = [n for n in lengths if n > VERY_LONG_SENTENCE]

    excluded = _excluded_counts(stats)
    all_tokens_words = sum(1 for s in structure.sentences for t in s.tokens if t.kind is Kind.WORD) + sum(
        1 for u in structure.units for t in u.tokens if t.kind is Kind.WORD
    )
    if structure.fallback:
        all_tokens_words -= sum(1 for u in structure.units for t in u.tokens if t.kind is Kind.WORD)

    paragraph_words: dict[int, int] = {}
    for s in counted:
        paragraph_words[s.sentence.paragraph] = paragraph_words.get(s.sentence.paragraph, 0) + len(s.words)
    formal, informal = _address_counts(stats, lang)

    features = difficulty_model.features(
        mean_sentence_length=asl,
        mean_familiarity=familiarity,
        passive_rate=_rate(len(passive), n_sentences),
        officialese_per_100_words=100 * _rate(n_officialese, n_words),
        abbreviations_per_100_words=100 * _rate(n_abbreviations, n_words),
    )
    score = difficulty_model.difficulty(features)

    if lang == "en":
        fre: float | None = 206.835 - 1.015 * asl - 84.6 * asw
        fk: float | None = 0.39 * asl + 11.8 * asw - 15.59
        douma = brouwer = None
        band = messages.band(fre or 0.0, lang)
    else:
        douma = 206.835 - 0.93 * asl - 77 * asw
        brouwer = 195 - 2 * asl - 66.67 * asw
        fre = fk = None
        band = messages.band(douma, lang)

    measurement = Measurement(
        language=lang,
        language_detected=detected,
        characters=len(text),
        paragraphs=len(structure.paragraphs),
        sentences=n_sentences,
        headings=sum(1 for u in structure.units if u.kind == "heading"),
        list_items=sum(1 for u in structure.units if u.kind == "list_item"),
        words=n_words,
        excluded=excluded,
        reading_time_seconds=round(60 * all_tokens_words / WORDS_PER_MINUTE),
        mean_sentence_length=round(asl, 2),
        median_sentence_length=float(statistics.median(lengths)),
        longest_sentence=max(lengths),
        long_sentence_share=round(_rate(len(long_sentences), n_sentences), 4),
        very_long_sentences=len(very_long),
        syllables=n_syllables,
        syllables_per_word=round(asw, 3),
        letters_per_word=round(letters, 2),
        flesch_douma=None if douma is None else round(douma, 1),
        brouwer=None if brouwer is None else round(brouwer, 1),
        flesch_reading_ease=None if fre is None else round(fre, 1),
        flesch_kincaid_grade=None if fk is None else round(fk, 1),
        formula_band=band,
        mean_familiarity=round(familiarity, 2),
        rare_words=len(rare),
        rare_word_rate=round(_rate(len(rare), len(content)), 4),
        long_words=len(long_words),
        long_word_share=round(_rate(len(long_words), n_words), 4),
        passive_sentences=len(passive),
        passive_rate=round(_rate(len(passive), n_sentences), 4),
        nominalisations=n_nominal,
        nominal_per_100_words=round(100 * _rate(n_nominal, n_words), 2),
        nominal_sentences=sum(1 for s in counted if len(s.nominal) >= 2),
        officialese=n_officialese,
        officialese_per_100_words=round(100 * _rate(n_officialese, n_words), 2),
        negation_sentences=len(negation_sentences),
        abbreviations=n_abbreviations,
        abbreviations_per_100_words=round(100 * _rate(n_abbreviations, n_words), 2),
        address={"formal": formal, "informal": informal, "mixed": bool(formal and informal)},
        longest_paragraph_words=max(paragraph_words.values(), default=0),
        difficulty=round(score, 1),
        difficulty_label=messages.difficulty_band(score, lang),
        difficulty_contributions=difficulty_model.contributions(features),
        b1=None,  # type: ignore[arg-type]  # filled in below
        sentence_details=[_detail(s) for s in stats],
        highlights=_highlights(stats, lang, formal, informal),
        warnings=[],
        measured_text=measured_text,
    )
    measurement.b1 = b1_check(measurement)
    if n_words < SHORT_TEXT_WORDS or n_sentences < SHORT_TEXT_SENTENCES:
        warnings.append("short_text")
    measurement.warnings = [
        messages.pick(messages.WARNINGS[key], lang, words=n_words, sentences=n_sentences) for key in warnings
    ]
    return measurement


def features_of(measurement: Measurement) -> difficulty_model.Features:
    """The difficulty features of a measurement (for calibration and comparison)."""
    return difficulty_model.features(
        mean_sentence_length=measurement.mean_sentence_length,
        mean_familiarity=measurement.mean_familiarity,
        passive_rate=measurement.passive_rate,
        officialese_per_100_words=measurement.officialese_per_100_words,
        abbreviations_per_100_words=measurement.abbreviations_per_100_words,
    )


def _excluded_counts(stats: list[_SentenceStats]) -> dict[str, int]:
    counts = {"numbers": 0, "urls": 0, "emails": 0, "names": 0, "acronyms": 0}
    for s in stats:
        counted = {id(w.token) for w in s.words}
        for token in s.sentence.tokens:
            if token.kind is Kind.NUMBER:
                counts["numbers"] += 1
            elif token.kind is Kind.URL:
                counts["urls"] += 1
            elif token.kind is Kind.EMAIL:
                counts["emails"] += 1
            elif token.kind in (Kind.WORD, Kind.ABBREVIATION) and id(token) not in counted:
                counts["acronyms" if _is_acronym(token.text) else "names"] += 1
    return counts


def _address_counts(stats: list[_SentenceStats], lang: str) -> tuple[int, int]:
    if lang == "en":
        return 0, 0
    formal = informal = 0
    for s in stats:
        for word in s.lowers:
            if word in grammar.FORMAL:
                formal += 1
            elif word in grammar.INFORMAL:
                informal += 1
    return formal, informal


def _flags(s: _SentenceStats) -> list[str]:
    flags = []
    n = len(s.words)
    if n > VERY_LONG_SENTENCE:
        flags.append("very_long_sentence")
    elif n > LONG_SENTENCE:
        flags.append("long_sentence")
    if s.passive is not None:
        flags.append("passive")
    if len(s.nominal) >= 2:
        flags.append("nominal")
    if len(s.negations) >= 2:
        flags.append("negations")
    return flags


def _detail(s: _SentenceStats) -> SentenceDetail:
    return SentenceDetail(
        start=s.sentence.start,
        end=s.sentence.end,
        words=len(s.words),
        syllables=sum(w.syllables for w in s.words),
        flags=_flags(s),
        unit=s.sentence.unit,
    )


def _span_text(tokens: Sequence[Token], first: int, last: int) -> tuple[int, int]:
    return tokens[first].start, tokens[last - 1].end


def _highlights(stats: list[_SentenceStats], lang: str, formal: int, informal: int) -> list[Highlight]:
    highlights: list[Highlight] = []
    seen_acronyms: set[str] = set()
    explained: set[str] = set()
    minority = grammar.INFORMAL if informal <= formal else grammar.FORMAL
    for s in stats:
        sentence = s.sentence
        n = len(s.words)
        for flag in _flags(s):
            marks: list[tuple[int, int]] = []
            values: dict[str, object] = {"words": n, "limit": LONG_SENTENCE}
            suggestion = None
            if flag == "passive" and s.passive is not None:
                aux = s.lower_tokens[s.passive.auxiliary]
                part = s.lower_tokens[s.passive.participle]
                marks = [(aux.start, aux.end), (part.start, part.end)]
                values = {"aux": aux.text, "participle": part.text}
            elif flag == "nominal":
                items = [_span_text(s.lower_tokens, a, b) for a, b in s.nominal]
                marks = items
                values = {"items": ", ".join(_quoted(s, a, b) for a, b in s.nominal)}
            elif flag == "negations":
                marks = [(s.lower_tokens[i].start, s.lower_tokens[i].end) for i in s.negations]
                values = {"items": ", ".join(f"'{s.lower_tokens[i].text}'" for i in s.negations)}
            highlights.append(
                Highlight(
                    "sentence",
                    flag,
                    sentence.start,
                    sentence.end,
                    _slice(s),
                    messages.reason(flag, lang, **values),
                    suggestion,
                    marks,
                )
            )
        flagged: set[int] = set()
        for first, last, entry in s.officialese:
            start, end = _span_text(s.lower_tokens, first, last)
            flagged.update(id(s.lower_tokens[i]) for i in range(first, last))
            highlights.append(
                Highlight(
                    "word",
                    "officialese",
                    start,
                    end,
                    " ".join(t.text for t in s.lower_tokens[first:last]),
                    messages.reason("officialese", lang, alternative=entry.alternative),
                    entry.alternative,
                )
            )
        for word in s.words:
            if id(word.token) in flagged:
                continue
            if word.content and word.familiarity < RARE_ZIPF and word.token.kind is Kind.WORD:
                highlights.append(
                    Highlight(
                        "word",
                        "rare_word",
                        word.token.start,
                        word.token.end,
                        word.text,
                        messages.reason(
                            "rare_word",
                            lang,
                            frequency=messages.frequency_phrase(word.familiarity, lang),
                        ),
                    )
                )
            elif word.syllables >= LONG_COMPOUND_SYLLABLES and word.token.kind is Kind.WORD:
                parts = lexicon.split_compound(word.lower, lang)
                if parts is not None:
                    reason = messages.reason(
                        "long_compound",
                        lang,
                        syllables=word.syllables,
                        parts=" + ".join(parts),
                    )
                    kind = "long_compound"
                else:
                    reason = messages.reason("long_word", lang, syllables=word.syllables)
                    kind = "long_word"
                if parts is not None or word.syllables >= 6:
                    highlights.append(Highlight("word", kind, word.token.start, word.token.end, word.text, reason))
        tokens = sentence.tokens
        for index, token in enumerate(tokens):
            if token.kind is not Kind.WORD:
                continue
            if lang == "nl" and formal and informal and token.lower in minority:
                highlights.append(
                    Highlight(
                        "word",
                        "mixed_address",
                        token.start,
                        token.end,
                        token.text,
                        messages.reason("mixed_address", lang),
                    )
                )
            acronym = token.text
            if not _is_acronym(acronym) or not (2 <= len(acronym) <= 6):
                continue
            if acronym in KNOWN_ABBREVIATIONS or acronym in seen_acronyms:
                continue
            if index and tokens[index - 1].text in _PLACEHOLDER_OPEN:
                continue  # [NAME] placeholders in anonymised text
            if lexicon.zipf(acronym.lower(), lang) >= 4.5 and len(acronym) > 3:
                continue  # a shouted word: LET OP
            seen_acronyms.add(acronym)
            after = tokens[index + 1].text if index + 1 < len(tokens) else ""
            before = tokens[index - 1].text if index else ""
            if after == "(" or before == "(" or acronym in explained:
                explained.add(acronym)
                continue
            highlights.append(
                Highlight(
                    "word",
                    "abbreviation",
                    token.start,
                    token.end,
                    token.text,
                    messages.reason("abbreviation", lang, abbr=acronym),
                )
            )
    highlights.sort(key=lambda h: (h.start, h.scope != "sentence", h.end))
    return highlights


def _quoted(s: _SentenceStats, first: int, last: int) -> str:
    return "'" + " ".join(t.text for t in s.lower_tokens[first:last]) + "'"


def _slice(s: _SentenceStats) -> str:
    tokens = s.sentence.tokens
    pieces = []
    previous_end = tokens[0].start
    for token in tokens:
        if token.start > previous_end:
            pieces.append(" ")
        pieces.append(token.text)
        previous_end = token.end
    return "".join(pieces)


def b1_check(m: Measurement) -> B1Check:
    """The B1 checklist (an indication): each criterion with its figure and threshold."""
    lang = m.language
    rows: list[tuple[str, float, float]] = [
        ("mean_sentence_length", m.mean_sentence_length, 15),
        ("long_sentences", round(100 * m.long_sentence_share, 1), 10),
        ("very_long_sentences", m.very_long_sentences, 0),
        ("rare_words", round(100 * m.rare_word_rate, 1), 10),
        ("passive", round(100 * m.passive_rate, 1), 10),
        ("nominal", m.nominal_per_100_words, 3),
        ("officialese", m.officialese_per_100_words, 1),
        ("paragraphs", m.longest_paragraph_words, 100),
    ]
    if lang == "nl":
        rows.append(("address", 1 if m.address["mixed"] else 0, 0))
    criteria = [
        Criterion(
            key,
            messages.b1_label(key, lang, _fmt(threshold)),
            value <= threshold,
            value,
            threshold,
        )
        for key, value, threshold in rows
    ]
    failed = sum(1 for c in criteria if not c.passed)
    verdict = "fits" if failed == 0 else "almost" if failed <= 2 else "above"
    return B1Check(
        verdict=verdict,
        label=messages.pick(messages.B1_VERDICTS[verdict], lang),
        indication=True,
        note=messages.pick(messages.B1_NOTE, lang),
        passed=len(criteria) - failed,
        total=len(criteria),
        criteria=criteria,
    )


def _fmt(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else str(value)

"""Metamorphic tests: changes to a text that must move the figures in a known direction (L4)."""

from __future__ import annotations

import random

from hypothesis import given, settings
from hypothesis import strategies as st

from textmeter import measure

SENTENCES = [
    "De gemeente stuurt u volgende week een brief over de nieuwe regels.",
    "Wij bellen u als de aanvraag klaar is.",
    "Het formulier wordt door de afdeling Burgerzaken gecontroleerd.",
    "Teneinde uw aanvraag te beoordelen, hebben wij aanvullende gegevens nodig.",
    "De cursus duurt zes weken en begint in maart.",
    "U kunt het bedrag in drie termijnen betalen.",
    "Neem uw paspoort mee naar de afspraak.",
    "De resultaten van het onderzoek naar de bereikbaarheid van de wijk zijn bekendgemaakt.",
    "Het aanvragen van een vergunning kost ongeveer twee weken.",
    "Kinderen tot twaalf jaar mogen gratis mee.",
]
AVERAGES = (
    "mean_sentence_length",
    "syllables_per_word",
    "rare_word_rate",
    "mean_familiarity",
    "passive_rate",
    "long_sentence_share",
    "nominal_per_100_words",
    "officialese_per_100_words",
    "difficulty",
    "flesch_douma",
    "brouwer",
)
texts = st.lists(st.sampled_from(SENTENCES), min_size=1, max_size=8)


def figures(text: str) -> dict[str, float]:
    m = measure(text, "nl")
    return {key: getattr(m, key) for key in AVERAGES}


def test_L4_splitting_a_long_sentence_lowers_mean_sentence_length() -> None:
    long = (
        "Wij hebben uw aanvraag voor een parkeervergunning ontvangen en we gaan die binnen zes "
        "weken beoordelen omdat we eerst moeten controleren of u in de wijk woont."
    )
    split = (
        "Wij hebben uw aanvraag voor een parkeervergunning ontvangen. We gaan die binnen zes "
        "weken beoordelen. We moeten eerst controleren of u in de wijk woont."
    )
    before, after = measure(long, "nl"), measure(split, "nl")
    assert after.mean_sentence_length < before.mean_sentence_length
    assert after.long_sentence_share <= before.long_sentence_share
    assert after.difficulty < before.difficulty
    assert after.flesch_douma is not None and before.flesch_douma is not None
    assert after.flesch_douma > before.flesch_douma


def test_L4_a_frequent_synonym_lowers_the_rare_word_rate() -> None:
    rare = "Wij verzoeken u de bijgevoegde documenten te ondertekenen en te retourneren."
    common = "Wij vragen u de papieren bij deze brief te tekenen en terug te sturen."
    before, after = measure(rare, "nl"), measure(common, "nl")
    assert after.rare_word_rate < before.rare_word_rate
    assert after.mean_familiarity > before.mean_familiarity


def test_L4_an_active_rewrite_lowers_the_passive_count() -> None:
    passive = "De aanvraag wordt door de gemeente beoordeeld. Daarna krijgt u bericht."
    active = "De gemeente beoordeelt de aanvraag. Daarna krijgt u bericht."
    assert measure(active, "nl").passive_sentences < measure(passive, "nl").passive_sentences


@settings(max_examples=40, deadline=None, database=None)
@given(texts)
def test_L4_duplicating_the_text_leaves_averages_unchanged(sentences: list[str]) -> None:
    text = " ".join(sentences)
    assert figures(text + "\n\n" + text) == figures(text)


@settings(max_examples=40, deadline=None, database=None)
@given(texts, st.randoms(use_true_random=False))
def test_L4_shuffling_sentences_leaves_averages_unchanged(sentences: list[str], rnd: random.Random) -> None:
    shuffled = sentences[:]
    rnd.shuffle(shuffled)
    assert figures(" ".join(shuffled)) == figures(" ".join(sentences))


@settings(max_examples=40, deadline=None, database=None)
@given(texts, st.lists(st.sampled_from(["\n\n", "\n\n# Kopje\n\n", "\n\nTussenkop\n\n", " "]), min_size=8, max_size=8))
def test_L4_blank_lines_and_headings_do_not_change_sentence_figures(
    sentences: list[str], separators: list[str]
) -> None:
    plain = " ".join(sentences)
    structured = "# Titel van de brief\n\n" + "".join(sentence + separators[i] for i, sentence in enumerate(sentences))
    a, b = measure(plain, "nl"), measure(structured, "nl")
    assert (b.sentences, b.words) == (a.sentences, a.words)
    assert figures(structured) == figures(plain)
    assert b.headings >= 1

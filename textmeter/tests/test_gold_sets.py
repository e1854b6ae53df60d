"""Component gold sets: syllables, sentence splitting and passive voice (L4)."""

from __future__ import annotations

import pytest

from textmeter import grammar, syllables
from textmeter.tests.conftest import read_tsv
from textmeter.text import parse

SYLLABLE_THRESHOLD = 0.98  # reached: 268/269 (squash is the miss)
SPLIT_THRESHOLD = 1.0
PASSIVE_THRESHOLD = 0.95


def test_L4_syllable_gold_set_accuracy() -> None:
    rows = read_tsv("syllables_nl.tsv")
    assert len(rows) >= 150
    failures = [(w, int(n), syllables.count_dutch(w)) for w, n in rows if syllables.count_dutch(w) != int(n)]
    accuracy = 1 - len(failures) / len(rows)
    print(f"syllables: {len(rows) - len(failures)}/{len(rows)} = {accuracy:.3f}; failures: {failures}")
    assert accuracy >= SYLLABLE_THRESHOLD, failures


def test_L4_syllables_english() -> None:
    cases = {"make": 1, "state": 1, "reading": 2, "readability": 5, "table": 2, "wanted": 2, "named": 1}
    wrong = {w: syllables.count_english(w) for w, n in cases.items() if syllables.count_english(w) != n}
    assert not wrong


SPLITS: list[tuple[str, list[str]]] = [
    (
        "Wij bellen u bijv. morgen. Daarna sturen wij een brief.",
        ["Wij bellen u bijv. morgen.", "Daarna sturen wij een brief."],
    ),
    ("Dit geldt o.a. voor huurders. Kopers betalen zelf.", ["Dit geldt o.a. voor huurders.", "Kopers betalen zelf."]),
    ("Dhr. Jansen komt morgen. Mevr. De Vries komt later.", ["Dhr. Jansen komt morgen.", "Mevr. De Vries komt later."]),
    ("Reageer z.s.m. Dan kunnen wij u helpen.", ["Reageer z.s.m.", "Dan kunnen wij u helpen."]),
    (
        "De cursus begint op 1 jan. 2024 in Utrecht. Wees op tijd.",
        ["De cursus begint op 1 jan. 2024 in Utrecht.", "Wees op tijd."],
    ),
    (
        "De kosten zijn € 1.250,50 per jaar. Dat is inclusief btw.",
        ["De kosten zijn € 1.250,50 per jaar.", "Dat is inclusief btw."],
    ),
    (
        "Dr. Jansen en dr. P. de Boer geven les. Zij zijn ervaren.",
        ["Dr. Jansen en dr. P. de Boer geven les.", "Zij zijn ervaren."],
    ),
    ('Hij zei: "Kom morgen terug." Daarna liep hij weg.', ['Hij zei: "Kom morgen terug."', "Daarna liep hij weg."]),
    ('"Kom je ook?", vroeg ze. Ik knikte.', ['"Kom je ook?", vroeg ze.', "Ik knikte."]),
    ("Wat kost het? Dat hangt ervan af! Bel ons.", ["Wat kost het?", "Dat hangt ervan af!", "Bel ons."]),
    ("Het begint om 10.30 uur. Neem koffie mee.", ["Het begint om 10.30 uur.", "Neem koffie mee."]),
    ("Zie art. 3 van de wet. Lees ook blz. 12.", ["Zie art. 3 van de wet.", "Lees ook blz. 12."]),
    ("Neem mee:\n- uw paspoort\n- een pasfoto\n\nDaarna kunt u verder.", ["Neem mee:", "Daarna kunt u verder."]),
    ("# Inleiding\n\nDit is de tekst. Hij is kort.", ["Dit is de tekst.", "Hij is kort."]),
    ("Inleiding\nDit is de tekst.", ["Dit is de tekst."]),
    (
        "Mail naar info@amsterdam.nl. Of kijk op www.amsterdam.nl. Dank u.",
        ["Mail naar info@amsterdam.nl.", "Of kijk op www.amsterdam.nl.", "Dank u."],
    ),
    ("We wachten... Dan gaan we verder.", ["We wachten...", "Dan gaan we verder."]),
    (
        "Het bedrag is ca. 12 euro p.p. en wordt later betaald.",
        ["Het bedrag is ca. 12 euro p.p. en wordt later betaald."],
    ),
    (
        "Dit gebeurt in het voorjaar (maart t/m mei). Daarna stopt het.",
        ["Dit gebeurt in het voorjaar (maart t/m mei).", "Daarna stopt het."],
    ),
    (
        "Meer dan 75% van de mensen was tevreden. Dat is veel.",
        ["Meer dan 75% van de mensen was tevreden.", "Dat is veel."],
    ),
    ("Het gaat om de heer A. Bakker. Hij woont in Delft.", ["Het gaat om de heer A. Bakker.", "Hij woont in Delft."]),
    (
        "Geachte mevrouw Pietersen,\n\nWij hebben uw brief ontvangen. Dank daarvoor.\n\nMet vriendelijke groet,\n\nJan de Vries",
        ["Wij hebben uw brief ontvangen.", "Dank daarvoor."],
    ),
    ("1. Vul het formulier in.\n2. Stuur het op.", ["Vul het formulier in.", "Stuur het op."]),
    ("Het boek (zie hfst. 2) is goed. Lees het.", ["Het boek (zie hfst. 2) is goed.", "Lees het."]),
    ("Dat is de regel, enz. Maar er zijn uitzonderingen.", ["Dat is de regel, enz.", "Maar er zijn uitzonderingen."]),
    ("Op 3 okt. vergaderen wij. De agenda volgt.", ["Op 3 okt. vergaderen wij.", "De agenda volgt."]),
    ("Zij woont in de St. Jansstraat 4. Kom langs!", ["Zij woont in de St. Jansstraat 4.", "Kom langs!"]),
    ("Het kost ca. € 12,50 p.p. Kinderen gratis.", ["Het kost ca. € 12,50 p.p.", "Kinderen gratis."]),
    (
        "Lees de brief.\nVul het formulier in\nen stuur het terug.",
        ["Lees de brief.", "Vul het formulier in\nen stuur het terug."],
    ),
    ("Hij vroeg: 'Waarom?' Niemand wist het.", ["Hij vroeg: 'Waarom?'", "Niemand wist het."]),
]


def test_L4_sentence_splitting_gold_set() -> None:
    failures = []
    for text, expected in SPLITS:
        got = [text[s.start : s.end] for s in parse(text).sentences]
        if got != expected:
            failures.append((text, got))
    accuracy = 1 - len(failures) / len(SPLITS)
    print(f"sentence splitting: {len(SPLITS) - len(failures)}/{len(SPLITS)} = {accuracy:.3f}; failures: {failures}")
    assert accuracy >= SPLIT_THRESHOLD, failures


def test_L4_headings_and_list_items_are_units_not_sentences() -> None:
    structure = parse("# Titel\n\nEen zin hier.\n\n- punt een\n- punt twee\n\nKop\n===\n\nNog een zin.")
    assert [u.kind for u in structure.units] == ["heading", "list_item", "list_item", "heading"]
    assert len(structure.sentences) == 2


def test_L4_passive_gold_set_accuracy() -> None:
    rows = read_tsv("passive_nl.tsv")
    assert len(rows) >= 50
    failures = []
    for label, sentence in rows:
        words = [w.lower() for w in sentence.rstrip(".").replace(",", " ").split()]
        got = grammar.find_passive(words, "nl") is not None
        if got != (label == "1"):
            failures.append((label, sentence))
    accuracy = 1 - len(failures) / len(rows)
    print(f"passive: {len(rows) - len(failures)}/{len(rows)} = {accuracy:.3f}; failures: {failures}")
    assert accuracy >= PASSIVE_THRESHOLD, failures


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [("The form was sent yesterday.", True), ("The letter is being written.", True), ("She went home.", False)],
)
def test_L4_passive_english(sentence: str, expected: bool) -> None:
    words = sentence.rstrip(".").lower().split()
    assert (grammar.find_passive(words, "en") is not None) is expected


def test_L4_passive_held_out_set_accuracy() -> None:
    """A second set, written after the heuristic was tuned and never used to change it."""
    rows = read_tsv("passive_nl_heldout.tsv")
    failures = []
    for label, sentence in rows:
        words = [w.lower() for w in sentence.rstrip(".").split()]
        if (grammar.find_passive(words, "nl") is not None) != (label == "1"):
            failures.append((label, sentence))
    accuracy = 1 - len(failures) / len(rows)
    print(f"passive (held out): {len(rows) - len(failures)}/{len(rows)} = {accuracy:.3f}; failures: {failures}")
    assert accuracy >= 0.95, failures  # reached: 23/24 ("De winkel is gesloten" is a state, not a passive)

"""The public API used by the portal: measure, read_document, compare, Measurement.to_dict (L4)."""

from __future__ import annotations

import json

import textmeter
from textmeter import compare, measure, read_document
from textmeter.tests.test_cli import make_docx

LETTER = (
    "# Uw aanvraag\n\n"
    "Geachte mevrouw De Vries,\n\n"
    "Wij hebben uw aanvraag op 12 maart 2024 ontvangen. Teneinde uw aanvraag in behandeling te "
    "nemen, dient u middels het formulier op www.voorbeeld.nl aanvullende gegevens te verstrekken. "
    "De aanvraag wordt daarna door de afdeling Vergunningen beoordeeld. Neem contact op met de "
    "GGD als je vragen hebt.\n\n"
    "Met vriendelijke groet,\n\n"
    "Jan Bakker\n"
)


def test_L4_measure_dutch_letter() -> None:
    m = measure(LETTER)
    assert m.language == "nl" and m.language_detected
    assert m.sentences == 4
    assert m.headings >= 1
    assert m.excluded["numbers"] == 2 and m.excluded["urls"] == 1
    assert m.passive_sentences == 1
    assert m.officialese >= 3
    assert m.address == {"formal": 3, "informal": 1, "mixed": True}
    assert m.flesch_douma is not None and m.brouwer is not None and m.flesch_reading_ease is None
    assert 0 < m.difficulty < 100
    kinds = {h.kind for h in m.highlights}
    assert {"passive", "officialese", "abbreviation", "mixed_address"} <= kinds
    for h in m.highlights:
        assert LETTER[h.start : h.end] == h.text or h.scope == "sentence"
        assert h.reason
    teneinde = next(h for h in m.highlights if h.text == "Teneinde")
    assert teneinde.suggestion == "om"
    passive = next(h for h in m.highlights if h.kind == "passive")
    assert [LETTER[a:b] for a, b in passive.marks] == ["wordt", "beoordeeld"]


def test_L4_b1_checklist_is_an_indication_with_figures() -> None:
    m = measure(LETTER)
    assert m.b1.indication is True
    assert "indicatie" in m.b1.label and "indicatie" in m.b1.note
    keys = {c.key for c in m.b1.criteria}
    assert {"mean_sentence_length", "rare_words", "passive", "officialese", "address"} <= keys
    for criterion in m.b1.criteria:
        assert criterion.passed == (criterion.value <= criterion.threshold)
    assert m.b1.passed + sum(1 for c in m.b1.criteria if not c.passed) == m.b1.total


def test_L4_to_dict_is_json_with_the_documented_keys() -> None:
    data = json.loads(json.dumps(measure(LETTER).to_dict()))
    for key in ("language", "sentences", "words", "flesch_douma", "difficulty", "b1", "highlights"):
        assert key in data
    assert "flesch_reading_ease" not in data and "measured_text" not in data
    highlight = data["highlights"][0]
    assert set(highlight) == {"scope", "kind", "start", "end", "text", "reason", "suggestion", "marks"}
    english = measure("The report was written by the team. We read it twice.", "en").to_dict()
    assert "flesch_reading_ease" in english and "flesch_kincaid_grade" in english
    assert "flesch_douma" not in english


def test_L4_language_detection_and_forcing() -> None:
    assert measure("The cat sat on the mat and it was happy with that.").language == "en"
    assert measure("De kat zat op de mat en was daar blij mee.").language == "nl"
    forced = measure("De kat zat op de mat.", "en")
    assert forced.language == "en" and not forced.language_detected


def test_L4_rare_words_and_long_compounds_are_highlighted() -> None:
    m = measure("De parkeerregelingsadministratie is onderhavig aan een kwaliteitsaudit.", "nl")
    kinds = {(h.kind, h.text) for h in m.highlights}
    assert ("long_compound", "parkeerregelingsadministratie") in kinds
    assert ("officialese", "onderhavig") in kinds


def test_L4_nominal_style_and_negations() -> None:
    m = measure(
        "Het indienen van de aanvraag en de betaling van de kosten vinden plaats na de beslissing. "
        "Het is niet zo dat u geen recht heeft op een uitkering.",
        "nl",
    )
    assert m.nominal_sentences == 1
    assert m.negation_sentences == 1
    assert {"nominal", "negations"} <= {h.kind for h in m.highlights}


def test_L4_read_document_docx_keeps_headings_and_lists() -> None:
    data = make_docx(
        [
            ("Wat moet u doen", "Heading1"),
            ("Neem deze papieren mee:", None),
            ("uw paspoort", "ListParagraph"),
            ("een pasfoto", "ListParagraph"),
            ("Daarna maken wij de pas.", None),
        ]
    )
    text = read_document("brief.docx", data)
    assert text.splitlines()[0] == "# Wat moet u doen"
    assert "- uw paspoort" in text
    m = measure(text)
    assert (m.headings, m.list_items, m.sentences) == (1, 2, 2)


def test_L4_read_document_text_encodings() -> None:
    assert read_document("a.txt", "Één zin.".encode("utf-8-sig")) == "Één zin."
    assert read_document("a.md", "Één zin.".encode("cp1252")) == "Één zin."
    assert read_document("a.txt", "Één zin.\r\n".encode("utf-16")) == "Één zin.\n"


def test_L4_compare_before_and_after() -> None:
    before = (
        "Teneinde uw aanvraag in behandeling te kunnen nemen, dient u middels het bijgevoegde "
        "formulier aanvullende gegevens te verstrekken, waarna de aanvraag door ons wordt beoordeeld."
    )
    after = "Wij willen uw aanvraag graag bekijken. Stuur ons daarvoor het formulier. Dan beoordelen wij uw aanvraag."
    result = compare(before, after)
    assert result.easier
    verdicts = {c.figure: c.verdict for c in result.changes}
    assert verdicts["difficulty"] == "better"
    assert verdicts["mean_sentence_length"] == "better"
    assert verdicts["passive_rate"] == "better"
    assert json.dumps(result.to_dict())


def test_L4_public_names() -> None:
    for name in ("measure", "read_document", "compare", "Measurement", "Highlight", "TextMeterError"):
        assert hasattr(textmeter, name)


def test_L4_no_django_import() -> None:
    import subprocess
    import sys

    code = "import sys, textmeter; textmeter.measure('Een zin.'); print('django' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)  # noqa: S603
    assert out.stdout.strip() == "False"

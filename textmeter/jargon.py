"""Officialese ("ambtelijke taal") and jargon, each with a plainer alternative.

Our own curated list, written for this project from the plain-language advice used in the writing
courses. It is not copied from any list. A phrase is matched on whole words, case-insensitively; a
word ending in ``*`` matches any word that starts with it ("verstrek*" matches "verstrekt").
Replace or extend it with the company's ishetb1.nl export when that becomes available.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

# phrase | plainer alternative
_DUTCH = """
aangaande | over
aanmerken als | zien als
aanstonds | straks, zo meteen
aanvang | begin
aanvangen | beginnen
aanwenden | gebruiken
aanzienlijk | veel, flink
ad hoc | voor deze ene keer
adequaat | goed, geschikt
alsmede | en, ook
alvorens | voordat
ambtshalve | uit zichzelf (door de gemeente)
autonoom | zelfstandig
behoudens | behalve
beëindig* | stoppen
begroting | plan voor geld
beogen | willen, als doel hebben
beoogd* | bedoeld, gewenst
bereikbaarheid | hoe je er komt
betreffende | over
bevoegd* | mag, heeft het recht
bewerkstelligen | zorgen voor, regelen
bij dezen | hierbij
bijgevolg | daarom
binnen het kader van | bij, voor
bovengenoemd* | die hierboven staat
c.q. | of
casu quo | of
cognitief | met het denken
conform | volgens
consequentie | gevolg
consequenties | gevolgen
dan wel | of
danwel | of
de onderhavige | deze
derhalve | daarom
desalniettemin | toch
desgewenst | als u wilt
desondanks | toch
dienaangaande | daarover
dientengevolge | daardoor
diens | zijn, haar
dient te | moet
dienen te | moeten
doch | maar
doorgaans | meestal
effectueren | uitvoeren, regelen
eerdergenoemd* | die eerder genoemd is
evenwel | maar, toch
evenals | net als, en
faciliteren | mogelijk maken, helpen
fiatteren | goedkeuren
geenszins | helemaal niet
geëigend | geschikt
gelet op | omdat, door
gezien het feit dat | omdat
hetgeen | wat
hiertoe | daarvoor
hieromtrent | hierover
hierbij | (kan vaak weg)
immer | altijd
impact | gevolg, invloed
implementeren | invoeren
implementatie | invoering
in casu | in dit geval
in de gelegenheid stellen | de kans geven
in de nabije toekomst | binnenkort
in het kader van | bij, voor
in overleg treden | overleggen
in overweging nemen | bekijken, nadenken over
in samenspraak met | samen met
in werking treden | gaan gelden
indien | als
initiëren | beginnen, starten
inzake | over
inzage | kijken in
inzichtelijk maken | laten zien
ingevolge | volgens
integraal | helemaal, samen
jegens | tegenover, voor
kenbaar maken | laten weten
krachtens | volgens
legitimatie | identiteitsbewijs
legitimeren | identiteitsbewijs laten zien
mede | ook
meermaals | vaak, meer dan eens
met betrekking tot | over
met ingang van | vanaf
met inachtneming van | rekening houdend met
middels | met, via
mits | als, op voorwaarde dat
m.b.t. | over
nadien | daarna
nader | later, meer
navolgend* | volgend
noch | en ook niet
nopen | dwingen
nochtans | toch
omtrent | over
onderhavig* | deze
ongeacht | wat ook
onverwijld | meteen
onverminderd | ook, zonder afbreuk aan
op basis van | volgens, door
op grond van | volgens, door
opteren voor | kiezen voor
overeenkomstig | volgens
participeren | meedoen
participatie | meedoen
per omgaande | meteen
plaatsvinden | gebeuren, zijn
plaatsvindt | gebeurt, is
plaatsgevonden | gebeurd, geweest
prioriteit | voorrang
reeds | al
relevant | belangrijk, van belang
respectievelijk | en, of
retourneren | terugsturen
schrijven van | brief van
sedert | sinds
significant | flink, groot
stakeholders | betrokkenen
structureel | altijd, blijvend
ten aanzien van | over, voor
ten behoeve van | voor
ten einde | om
ten gevolge van | door
ten tijde van | tijdens
ten laste van | betaald door
ten opzichte van | vergeleken met
teneinde | om
terzake | hierover
terstond | meteen
thans | nu
tevens | ook
ter attentie van | voor
ter beschikking stellen | geven, lenen
ter hand stellen | geven
ter zake | hierover
toereikend | genoeg
uiterlijk | op zijn laatst
uitsluitend | alleen
vanwege het feit dat | omdat
verifiëren | controleren
verstrek* | geven
verzoeke | graag
vigerend* | geldend
vooralsnog | voorlopig
voornemens zijn | van plan zijn
voorts | verder, ook
voorwaardelijk | onder voorwaarden
vorderen | eisen
wegens | door, omdat
woonachtig | wonend
zorg dragen voor | zorgen voor
zulks | dat
zodoende | zo, daarom
zonder uitzondering | allemaal
zijnde | als, die is
aldus | zo
aldaar | daar
alhier | hier
ambtelijk | van de overheid
beschikking | besluit
bezwaarschrift | bezwaarbrief
ingeval | als
jl. | vorige
kwalitatief | goed
kwantitatief | in aantallen
onverlet | toch
ontberen | missen
prolongeren | verlengen
restitutie | terugbetaling
restitueren | terugbetalen
sanctie | straf
sancties | straffen
subsidiabel | kan subsidie krijgen
voldoen aan | zich houden aan
woonlasten | kosten voor wonen
zienswijze | mening
aangezien | omdat
beschikken over | hebben
bijgaand* | hierbij, bij deze brief
bovenstaand* | dit, hierboven
onderstaand* | hieronder
constateren | zien, merken
constateert | ziet, merkt
geconstateerd | gezien, gemerkt
dergelijk* | zo'n, zulke
desbetreffend* | die, deze
dusdanig | zo
echter | maar
gaarne | graag
geschieden | gebeuren
geschiedt | gebeurt
hetwelk | wat
informeren | laten weten, vertellen
ingaande | vanaf
ofschoon | hoewel
ondersteunen | helpen
ondersteuning | hulp
ontvangen | krijgen
ontvangt | krijgt
retour | terug
spoedig | snel
tijdig | op tijd
toelichten | uitleggen
toelichting | uitleg
trachten | proberen
tracht | probeert
vermelden | noemen
vermeld | genoemd
vervolgens | daarna, dan
verzoeken | vragen
verzoekt | vraagt
voornoemd* | die al genoemd is
wederom | weer
wijzigen | veranderen
wijziging | verandering
wijzigingen | veranderingen
zodanig | zo
""".strip()

_ENGLISH = """
utilise | use
utilize | use
utilisation | use
utilization | use
commence | start
commencement | start
in order to | to
prior to | before
subsequent to | after
in the event that | if
with regard to | about
with respect to | about
in relation to | about
pursuant to | under
in accordance with | under, following
notwithstanding | despite
aforementioned | this, these
hereby | (often not needed)
herewith | with this
henceforth | from now on
therein | in it
whereby | by which
endeavour | try
endeavor | try
facilitate | help
ascertain | find out
terminate | end
termination | end
approximately | about
sufficient | enough
additional | more, extra
assistance | help
in excess of | more than
at this point in time | now
due to the fact that | because
in light of the fact that | because
a large number of | many
in the near future | soon
on a daily basis | daily
obtain | get
purchase | buy
remuneration | pay
requirement | need, rule
demonstrate | show
implement | carry out
leverage | use
""".strip()


@dataclass(frozen=True, slots=True)
class Entry:
    words: tuple[str, ...]
    alternative: str

    @property
    def phrase(self) -> str:
        return " ".join(self.words)


def _parse(table: str) -> tuple[Entry, ...]:
    entries = []
    for line in table.splitlines():
        phrase, _, alternative = line.partition("|")
        entries.append(Entry(tuple(phrase.split()), alternative.strip()))
    return tuple(entries)


@lru_cache(maxsize=2)
def entries(lang: str) -> tuple[Entry, ...]:
    return _parse(_ENGLISH if lang == "en" else _DUTCH)


@lru_cache(maxsize=2)
def _index(lang: str) -> dict[str, list[Entry]]:
    """Entries by their first word (without ``*``), longest phrase first."""
    index: dict[str, list[Entry]] = {}
    for entry in entries(lang):
        index.setdefault(entry.words[0].rstrip("*"), []).append(entry)
    for bucket in index.values():
        bucket.sort(key=lambda e: -len(e.words))
    return index


def _word_matches(pattern: str, word: str) -> bool:
    if pattern.endswith("*"):
        return word.startswith(pattern[:-1])
    return word == pattern


@lru_cache(maxsize=2)
def _prefixes(lang: str) -> tuple[str, ...]:
    return tuple(key for key, bucket in _index(lang).items() if any(e.words[0].endswith("*") for e in bucket))


def find(words: Sequence[str], lang: str) -> list[tuple[int, int, Entry]]:
    """Matches in a sequence of lower-case words: (first index, index after last, entry)."""
    index = _index(lang)
    prefixes = _prefixes(lang)
    matches: list[tuple[int, int, Entry]] = []
    i = 0
    while i < len(words):
        word = words[i]
        candidates = list(index.get(word, ()))
        if word.startswith(prefixes):
            for prefix in prefixes:
                if word.startswith(prefix) and prefix != word:
                    candidates.extend(e for e in index[prefix] if e.words[0].endswith("*"))
        matched = None
        for entry in candidates:
            size = len(entry.words)
            if i + size <= len(words) and all(
                _word_matches(p, w) for p, w in zip(entry.words, words[i : i + size], strict=True)
            ):
                matched = entry
                break
        if matched is not None:
            matches.append((i, i + len(matched.words), matched))
            i += len(matched.words)
        else:
            i += 1
    return matches

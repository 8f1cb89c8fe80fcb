import { Random } from './random.js';

/** Dutch function words, mixed into descriptions as in real text (not part of the ranked vocabulary). */
export const FUNCTION_WORDS = ['de', 'het', 'een', 'en', 'van', 'voor', 'met', 'op', 'in', 'om', 'te', 'bij', 'je', 'we', 'die', 'dat', 'zo', 'ook', 'naar', 'over', 'aan', 'uit', 'door', 'of', 'wat', 'hoe', 'waar', 'welke'];

/**
 * Content words in a plausible order of frequency for teaching material (rank 0 most common).
 * Followed by a long tail of compounds built below, as Dutch forms them freely.
 */
const COMMON = `
oefening oefeningen werkblad les leerlingen klas leerjaar opdracht opdrachten uitleg
lezen schrijven rekenen taal wiskunde spelling woorden zinnen tekst teksten
breuken getallen tafels meten tijd klok geld kommagetallen procenten verhoudingen
natuur dieren planten water lucht seizoenen weer lente zomer herfst winter
geschiedenis aardrijkskunde kaart wereld europa belgie vlaanderen steden rivieren bergen
frans engels duits woordenschat grammatica werkwoorden vervoegen lidwoorden meervoud uitspraak
spel spelletje quiz toets toetsen evaluatie herhaling samenvatting schema stappenplan
presentatie video filmpje liedje verhaal prentenboek gedicht poezie toneel drama
muziek ritme tekenen knutselen kleuren vormen figuren meetkunde hoeken lijnen symmetrie
lichaam gezondheid voeding sport bewegen turnen zwemmen spelen buiten veiligheid verkeer
computer programmeren robot coderen internet mediawijsheid veilig digitaal tablet app
wetenschap techniek proefjes experiment energie elektriciteit magneten licht geluid warmte
ruimte planeten zon maan sterren aarde klimaat milieu afval recyclage duurzaam
familie vriendschap gevoelens emoties pesten samenwerken burgerschap rechten democratie verkiezingen
middeleeuwen romeinen ridders kastelen prehistorie egypte grieken oorlog vrede revolutie
economie bedrijf markt prijs budget sparen begroting bank handel export
biologie cel organen bloed hart longen skelet spieren zintuigen voortplanting
chemie atomen moleculen reacties zuren stoffen mengsels oplossingen metalen
fysica kracht snelheid beweging druk golven elektronen stroom spanning weerstand
aanvankelijk technisch begrijpend luisteren spreken gesprek debat mening argumenten brief
kleuter kleuters peuters jonge kinderen zorg differentiatie remediering uitbreiding extra
bordspel kaartjes memory domino bingo puzzel zoekplaat kruiswoordraadsel rebus raadsel
thema project hoeken contract planbord weektaak dagplanning jaarplanning leerplan eindtermen
`.trim().split(/\s+/);

const STEMS = `reken lees schrijf taal woord zin klank letter getal tafel maal deel plus min meet weeg
kaart land stad dier plant boom bloem water zee lucht weer zon maan ster aard vuur steen
school klas les leer werk oefen speel spel zoek kijk luister spreek denk maak bouw teken
kleur vorm lijn hoek cirkel blok kubus geld munt klok tijd dag week maand jaar feest
lichaam hoofd hand voet hart oog oor mond tand huid bot spier bloed cel eiwit vet suiker
boek blad brief kaartje prent film foto lied muziek dans toneel pop robot computer code`.trim().split(/\s+/);

const HEADS = `blad boek spel les kaart doos bord lijst schema quiz toets opdracht vraag antwoord
reeks rij kring hoek tafel plan idee project werk map set pakket kist tas muur lijn
strook tabel grafiek plaat model proef test kaartje puzzel ladder trap weg tocht reis
verhaal liedje rijm versje dans taak doel regel ritme vorm`.trim().split(/\s+/);

/** The ranked vocabulary: common words first, then two-part compounds in a seeded order, then the tail. */
export function buildVocabulary(): string[] {
  const seen = new Set(COMMON);
  const compounds: string[] = [];
  for (const stem of STEMS) {
    for (const head of HEADS) {
      const word = stem + head;
      if (!seen.has(word)) {
        seen.add(word);
        compounds.push(word);
      }
    }
  }
  const random = new Random('vocabulary');
  // A long tail of three-part compounds ("rekenkaartspel"): words only a few resources hold.
  const tail: string[] = [];
  while (tail.length < 60_000) {
    const word = random.pick(STEMS) + random.pick(STEMS) + random.pick(HEADS);
    if (!seen.has(word)) {
      seen.add(word);
      tail.push(word);
    }
  }
  for (let i = compounds.length - 1; i > 0; i--) {
    const j = Math.floor(random.next() * (i + 1));
    [compounds[i], compounds[j]] = [compounds[j]!, compounds[i]!];
  }
  return [...COMMON, ...compounds, ...tail];
}

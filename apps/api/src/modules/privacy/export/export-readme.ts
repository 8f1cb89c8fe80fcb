/** One file of the archive, described in Dutch and English for README.txt. */
export interface ArchiveFileDescription {
  file: string;
  nl: string;
  en: string;
}

/** README.txt at the root of the archive: what each file holds, in Dutch and then English. */
export function exportReadme(files: readonly ArchiveFileDescription[], createdAt: Date, stats: { missingFiles: number }): string {
  const when = createdAt.toISOString();
  const width = Math.max(...files.map((f) => f.file.length)) + 2;
  const list = (language: 'nl' | 'en') => files.map((f) => `  ${f.file.padEnd(width)}${f[language]}`).join('\n');
  const missingNl = stats.missingFiles > 0 ? `\n${stats.missingFiles} bestand(en) konden niet uit de opslag gelezen worden; ze staan wel in resources.json.\n` : '';
  const missingEn = stats.missingFiles > 0 ? `\n${stats.missingFiles} file(s) could not be read from storage; they are still listed in resources.json.\n` : '';
  return `LESPLEIN — JOUW GEGEVENS / YOUR DATA
====================================

Nederlands
----------
Dit archief bevat alle gegevens die Lesplein over jou bijhoudt, gemaakt op ${when} (UTC).
Elk bestand is JSON (UTF-8): een lijst van records, behalve profile.json (één object).
Tijdstippen staan in UTC (ISO 8601). Andere leden worden enkel bij hun weergavenaam genoemd.
De bestanden die je zelf uploadde, staan in de map files/ (per leermiddel).
${missingNl}
${list('nl')}

Je hebt het recht op inzage en overdraagbaarheid van je gegevens (AVG art. 15 en 20).
Vragen? Neem contact op via het privacyadres op de pagina 'Mijn gegevens'.

English
-------
This archive holds all the data Lesplein keeps about you, made at ${when} (UTC).
Every file is JSON (UTF-8): a list of records, except profile.json (one object).
Times are in UTC (ISO 8601). Other members are named by their display name only.
The files you uploaded are in the folder files/ (one folder per resource).
${missingEn}
${list('en')}

You have the right of access to and portability of your data (GDPR art. 15 and 20).
Questions? Use the privacy contact on the 'My data' page.
`;
}

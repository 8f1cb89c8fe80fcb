import { composeMail } from '../../../core/mail/compose-mail.js';
import type { OutgoingMail } from '../../../core/mail/mail.types.js';

const dateIn = (locale: 'nl' | 'en', date: Date) =>
  new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'nl-BE', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Brussels' }).format(date);

/** The e-mail with the download link of a ready export, in the member's language. */
export function exportReadyMail(to: string, name: string, locale: string, url: string, expiresAt: Date): OutgoingMail {
  if (locale === 'en') {
    return composeMail(
      to,
      'Your data export is ready',
      [
        `Hello ${name},`,
        'The export of your Lesplein data you asked for is ready: a ZIP archive with a JSON file per category and the files you uploaded.',
        `The link below works until ${dateIn('en', expiresAt)} (Brussels time). Anyone with the link can download the archive, so do not share it. If you did not ask for this export, change your password.`,
      ],
      { url, label: 'Download my data' },
    );
  }
  return composeMail(
    to,
    'Je gegevensexport is klaar',
    [
      `Dag ${name},`,
      'De export van je Lesplein-gegevens die je aanvroeg, is klaar: een ZIP-archief met een JSON-bestand per categorie en de bestanden die je uploadde.',
      `De link hieronder werkt tot ${dateIn('nl', expiresAt)} (Brusselse tijd). Iedereen met de link kan het archief downloaden: deel hem dus niet. Vroeg je deze export niet aan? Wijzig dan je wachtwoord.`,
    ],
    { url, label: 'Mijn gegevens downloaden' },
  );
}

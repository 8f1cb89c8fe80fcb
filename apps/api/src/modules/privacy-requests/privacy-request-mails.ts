import type { PrivacyRequestKind } from '@lesplein/contracts/privacy-request';
import { composeMail } from '../../core/mail/compose-mail.js';
import type { OutgoingMail } from '../../core/mail/mail.types.js';

const KIND = {
  nl: { restriction: 'beperking van de verwerking', objection: 'bezwaar tegen de verwerking', rectification: 'verbetering van gegevens', question: 'vraag aan de functionaris voor gegevensbescherming', feedback: 'feedback' },
  en: { restriction: 'restriction of processing', objection: 'objection to processing', rectification: 'rectification of data', question: 'question to the data protection officer', feedback: 'feedback' },
} satisfies Record<'nl' | 'en', Record<PrivacyRequestKind, string>>;

export interface OutcomeMail {
  to: string;
  name: string | null;
  locale: string;
  kind: PrivacyRequestKind;
  receivedAt: Date;
  outcome: 'answered' | 'rejected';
  answer: string;
  privacyEmail: string;
}

/** The outcome of a request, in the requester's language, with where to complain. */
export function outcomeMail(input: OutcomeMail): OutgoingMail {
  const date = (locale: string) => input.receivedAt.toLocaleDateString(locale === 'en' ? 'en-GB' : 'nl-BE', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Brussels' });
  if (input.locale === 'en') {
    const kind = KIND.en[input.kind];
    return composeMail(input.to, input.outcome === 'answered' ? 'Answer to your request' : 'Your request was refused', [
      input.name ? `Hello ${input.name},` : 'Hello,',
      input.outcome === 'answered' ? `Here is our answer to your request of ${date('en')} (${kind}):` : `We refused your request of ${date('en')} (${kind}), for this reason:`,
      input.answer,
      `Questions? Write to ${input.privacyEmail}. You may also lodge a complaint with the data protection authority.`,
    ]);
  }
  const kind = KIND.nl[input.kind];
  return composeMail(input.to, input.outcome === 'answered' ? 'Antwoord op je verzoek' : 'Je verzoek werd afgewezen', [
    input.name ? `Dag ${input.name},` : 'Dag,',
    input.outcome === 'answered' ? `Dit is ons antwoord op je verzoek van ${date('nl')} (${kind}):` : `We wezen je verzoek van ${date('nl')} (${kind}) af, om deze reden:`,
    input.answer,
    `Vragen? Schrijf naar ${input.privacyEmail}. Je kunt ook een klacht indienen bij de Gegevensbeschermingsautoriteit.`,
  ]);
}

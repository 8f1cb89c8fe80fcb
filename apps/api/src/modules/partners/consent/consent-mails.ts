import { composeMail } from '../../../core/mail/compose-mail.js';
import type { OutgoingMail } from '../../../core/mail/mail.types.js';

const copy = {
  granted: {
    nl: (name: string, partner: string) => ({
      subject: `Je gaf toestemming aan ${partner}`,
      lines: [`Dag ${name},`, `Je gaf ${partner} toestemming om gegevens van je Lesplein-account te ontvangen. Het ontvangstbewijs zit in de bijlage. Je kunt je toestemming op elk moment intrekken bij "Externe autorisaties".`],
      label: 'Externe autorisaties',
    }),
    en: (name: string, partner: string) => ({
      subject: `You authorised ${partner}`,
      lines: [`Hello ${name},`, `You allowed ${partner} to receive data from your Lesplein account. The receipt is attached. You can withdraw your consent at any time under "External authorisations".`],
      label: 'External authorisations',
    }),
  },
  withdrawn: {
    nl: (name: string, partner: string, dpo: string) => ({
      subject: `Toestemming voor ${partner} ingetrokken`,
      lines: [`Dag ${name},`, `Je toestemming voor ${partner} is ingetrokken; de partner krijgt geen gegevens meer. Gegevens die de partner al ontving, vallen onder zijn verantwoordelijkheid: vraag ${dpo} om ze te wissen. Het ontvangstbewijs zit in de bijlage.`],
      label: 'Externe autorisaties',
    }),
    en: (name: string, partner: string, dpo: string) => ({
      subject: `Consent for ${partner} withdrawn`,
      lines: [`Hello ${name},`, `Your consent for ${partner} was withdrawn; the partner receives no more data. Data the partner already received is its responsibility: ask ${dpo} to erase it. The receipt is attached.`],
      label: 'External authorisations',
    }),
  },
};

/** The e-mail with the consent receipt attached, on grant and on withdrawal, in the member's language. */
export function consentReceiptMail(input: {
  to: string;
  firstName: string;
  locale: string;
  event: 'granted' | 'withdrawn';
  partnerName: string;
  dpoEmail: string;
  pageUrl: string;
  consentId: string;
  receipt: object;
}): OutgoingMail {
  const locale = input.locale === 'en' ? 'en' : 'nl';
  const c = input.event === 'granted' ? copy.granted[locale](input.firstName, input.partnerName) : copy.withdrawn[locale](input.firstName, input.partnerName, input.dpoEmail);
  return {
    ...composeMail(input.to, c.subject, c.lines, { url: input.pageUrl, label: c.label }),
    attachments: [{ filename: `consent-receipt-${input.consentId}.json`, contentType: 'application/json', content: JSON.stringify(input.receipt, null, 2) }],
  };
}

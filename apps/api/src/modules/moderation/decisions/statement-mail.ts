import { composeMail } from '../../../core/mail/compose-mail.js';
import type { OutgoingMail } from '../../../core/mail/mail.types.js';

type Locale = 'nl' | 'en';

const ACTIONS: Record<string, Record<Locale, string>> = {
  hide: { nl: 'je bijdrage is verborgen', en: 'your contribution was hidden' },
  remove: { nl: 'je bijdrage is verwijderd', en: 'your contribution was removed' },
  warn: { nl: 'je krijgt een waarschuwing', en: 'you receive a warning' },
  suspend: { nl: 'je account is tijdelijk geschorst', en: 'your account is suspended for a while' },
  ban: { nl: 'je account is afgesloten', en: 'your account is closed' },
  reject: { nl: 'je leermiddel is na nazicht niet gepubliceerd', en: 'your resource was not published after review' },
};

/**
 * The statement of reasons (Digital Services Act art. 17): what was decided, on which facts and
 * rule, until when, and how to appeal. Sent to the member concerned by every decision but dismiss.
 */
export function statementOfReasonsMail(input: {
  to: string;
  firstName: string;
  locale: string;
  action: string;
  reasons: string;
  ground: string;
  suspendedUntil: Date | null;
  appealUrl: string;
}): OutgoingMail {
  const locale: Locale = input.locale === 'en' ? 'en' : 'nl';
  const what = ACTIONS[input.action]?.[locale] ?? input.action;
  const until = input.suspendedUntil ? input.suspendedUntil.toISOString().slice(0, 10) : null;
  if (locale === 'en') {
    return composeMail(
      input.to,
      'A moderation decision about you',
      [
        `Hello ${input.firstName},`,
        `A moderator decided: ${what}${until ? ` until ${until}` : ''}.`,
        `Reasons: ${input.reasons}`,
        `Rule applied: ${input.ground}`,
        'You may appeal this decision once; another moderator will look at it.',
      ],
      { url: input.appealUrl, label: 'See the decision and appeal' },
    );
  }
  return composeMail(
    input.to,
    'Een beslissing van de moderatoren over jou',
    [
      `Dag ${input.firstName},`,
      `Een moderator besliste: ${what}${until ? ` tot ${until}` : ''}.`,
      `Redenen: ${input.reasons}`,
      `Toegepaste regel: ${input.ground}`,
      'Je kunt één keer bezwaar maken tegen deze beslissing; een andere moderator bekijkt het.',
    ],
    { url: input.appealUrl, label: 'Beslissing bekijken en bezwaar maken' },
  );
}

/** The outcome of the member's appeal. */
export function appealOutcomeMail(input: { to: string; firstName: string; locale: string; overturned: boolean; text: string; url: string }): OutgoingMail {
  if (input.locale === 'en') {
    return composeMail(
      input.to,
      input.overturned ? 'Your appeal was granted' : 'Your appeal was turned down',
      [`Hello ${input.firstName},`, input.overturned ? 'Another moderator looked at your appeal and reversed the decision.' : 'Another moderator looked at your appeal and kept the decision.', `Explanation: ${input.text}`],
      { url: input.url, label: 'See the decision' },
    );
  }
  return composeMail(
    input.to,
    input.overturned ? 'Je bezwaar is aanvaard' : 'Je bezwaar is afgewezen',
    [`Dag ${input.firstName},`, input.overturned ? 'Een andere moderator bekeek je bezwaar en draaide de beslissing terug.' : 'Een andere moderator bekeek je bezwaar en behield de beslissing.', `Toelichting: ${input.text}`],
    { url: input.url, label: 'Beslissing bekijken' },
  );
}

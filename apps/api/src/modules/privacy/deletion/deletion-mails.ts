import { composeMail as compose } from '../../../core/mail/compose-mail.js';

type Locale = 'nl' | 'en';
const asLocale = (locale: string): Locale => (locale === 'en' ? 'en' : 'nl');
const day = (at: Date, locale: Locale) => at.toLocaleDateString(locale === 'en' ? 'en-GB' : 'nl-BE', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Brussels' });

const copy = {
  scheduled: {
    nl: (name: string, at: string, keep: boolean) => ({
      subject: 'Je account wordt verwijderd',
      lines: [
        `Dag ${name},`,
        `Je vroeg om je Lesplein-account te verwijderen. Je account is nu vergrendeld en wordt op ${at} definitief verwijderd.`,
        keep ? 'Je leermiddelen en reacties blijven staan zonder je naam ("voormalig lid").' : 'Je leermiddelen en reacties worden mee verwijderd.',
        'Bedacht? Tot dan kun je de verwijdering annuleren met de knop hieronder. Vroeg jij dit niet? Annuleer dan en wijzig je wachtwoord.',
      ],
      label: 'Verwijdering annuleren',
    }),
    en: (name: string, at: string, keep: boolean) => ({
      subject: 'Your account will be deleted',
      lines: [
        `Hello ${name},`,
        `You asked to delete your Lesplein account. Your account is now locked and will be deleted for good on ${at}.`,
        keep ? 'Your resources and comments stay without your name ("former member").' : 'Your resources and comments will be deleted too.',
        'Changed your mind? Until then you can cancel the deletion with the button below. Did you not ask for this? Cancel, then change your password.',
      ],
      label: 'Cancel the deletion',
    }),
  },
  cancelled: {
    nl: (name: string) => ({ subject: 'Verwijdering van je account geannuleerd', lines: [`Dag ${name},`, 'De verwijdering van je Lesplein-account is geannuleerd. Je kunt je weer aanmelden. Toestemmingen voor partners zijn ingetrokken; die geef je opnieuw wanneer je een partner weer gebruikt.'] }),
    en: (name: string) => ({ subject: 'Deletion of your account cancelled', lines: [`Hello ${name},`, 'The deletion of your Lesplein account was cancelled. You can log in again. Consents given to partners were withdrawn; you give them again when you next use a partner.'] }),
  },
  inactivityWarning: {
    nl: (name: string, at: string) => ({
      subject: 'Je Lesplein-account wordt binnenkort verwijderd',
      lines: [`Dag ${name},`, `Je hebt je al lang niet meer aangemeld op Lesplein. Zoals onze privacyverklaring belooft, verwijderen we accounts die drie jaar niet gebruikt werden. Je account wordt op ${at} verwijderd; je leermiddelen en reacties blijven dan staan zonder je naam.`, 'Wil je je account houden? Meld je dan voor die datum aan; meer hoef je niet te doen.'],
      label: 'Aanmelden',
    }),
    en: (name: string, at: string) => ({
      subject: 'Your Lesplein account will be deleted soon',
      lines: [`Hello ${name},`, `You have not logged in to Lesplein for a long time. As our privacy statement promises, we delete accounts that have not been used for three years. Your account will be deleted on ${at}; your resources and comments will then stay without your name.`, 'Want to keep your account? Log in before that date; that is all.'],
      label: 'Log in',
    }),
  },
  completed: {
    nl: (name: string) => ({ subject: 'Je account is verwijderd', lines: [`Dag ${name},`, 'Je Lesplein-account is verwijderd, samen met je gegevens, zoals beloofd in onze privacyverklaring. Partners die gegevens kregen, zijn op de hoogte gebracht. Dit is de laatste e-mail die je van ons krijgt.'] }),
    en: (name: string) => ({ subject: 'Your account has been deleted', lines: [`Hello ${name},`, 'Your Lesplein account has been deleted together with your data, as promised in our privacy statement. Partners that received data have been notified. This is the last e-mail you will get from us.'] }),
  },
};

/** The e-mails of account deletion, in the member's language. */
export const DeletionMails = {
  scheduled: (to: string, name: string, locale: string, executeAfter: Date, keep: boolean, url: string) => {
    const l = asLocale(locale);
    const c = copy.scheduled[l](name, day(executeAfter, l), keep);
    return compose(to, c.subject, c.lines, { url, label: c.label });
  },
  cancelled: (to: string, name: string, locale: string) => {
    const c = copy.cancelled[asLocale(locale)](name);
    return compose(to, c.subject, c.lines);
  },
  inactivityWarning: (to: string, name: string, locale: string, deleteOn: Date, url: string) => {
    const l = asLocale(locale);
    const c = copy.inactivityWarning[l](name, day(deleteOn, l));
    return compose(to, c.subject, c.lines, { url, label: c.label });
  },
  completed: (to: string, name: string, locale: string) => {
    const c = copy.completed[asLocale(locale)](name);
    return compose(to, c.subject, c.lines);
  },
};

import { composeMail as compose } from '../../core/mail/compose-mail.js';

type Locale = 'nl' | 'en';
const asLocale = (locale: string): Locale => (locale === 'en' ? 'en' : 'nl');

const copy = {
  verify: {
    nl: (name: string) => ({ subject: 'Bevestig je e-mailadres', lines: [`Dag ${name},`, 'Welkom bij Lesplein. Bevestig je e-mailadres om je account te activeren. De link werkt 48 uur en één keer.'], label: 'E-mailadres bevestigen' }),
    en: (name: string) => ({ subject: 'Confirm your e-mail address', lines: [`Hello ${name},`, 'Welcome to Lesplein. Confirm your e-mail address to activate your account. The link works once, for 48 hours.'], label: 'Confirm e-mail address' }),
  },
  alreadyRegistered: {
    nl: (name: string) => ({ subject: 'Poging om te registreren met je adres', lines: [`Dag ${name},`, 'Iemand probeerde een account te maken met dit e-mailadres, maar je hebt al een account. Was jij dat? Meld je dan gewoon aan, of vraag een nieuw wachtwoord aan. Anders mag je deze mail negeren.'], label: 'Aanmelden' }),
    en: (name: string) => ({ subject: 'Attempt to register with your address', lines: [`Hello ${name},`, 'Someone tried to create an account with this e-mail address, but you already have one. If that was you, just log in or reset your password. Otherwise you can ignore this e-mail.'], label: 'Log in' }),
  },
  reset: {
    nl: (name: string) => ({ subject: 'Nieuw wachtwoord instellen', lines: [`Dag ${name},`, 'Je vroeg een nieuw wachtwoord aan. De link werkt één keer, gedurende 1 uur. Vroeg je niets aan? Negeer deze mail dan; je wachtwoord blijft ongewijzigd.'], label: 'Nieuw wachtwoord kiezen' }),
    en: (name: string) => ({ subject: 'Set a new password', lines: [`Hello ${name},`, 'You asked for a new password. The link works once, for 1 hour. If you did not ask, ignore this e-mail; your password stays the same.'], label: 'Choose a new password' }),
  },
  passwordChanged: {
    nl: (name: string) => ({ subject: 'Je wachtwoord is gewijzigd', lines: [`Dag ${name},`, 'Het wachtwoord van je Lesplein-account is zonet gewijzigd en je andere sessies zijn afgemeld. Was jij dit niet? Vraag dan meteen een nieuw wachtwoord aan.'], label: 'Wachtwoord vergeten' }),
    en: (name: string) => ({ subject: 'Your password was changed', lines: [`Hello ${name},`, 'The password of your Lesplein account was just changed and your other sessions were signed out. If this was not you, reset your password at once.'], label: 'Forgot password' }),
  },
  confirmNewEmail: {
    nl: (name: string) => ({ subject: 'Bevestig je nieuwe e-mailadres', lines: [`Dag ${name},`, 'Bevestig dit nieuwe e-mailadres voor je Lesplein-account. De link werkt één keer, gedurende 24 uur.'], label: 'Nieuw e-mailadres bevestigen' }),
    en: (name: string) => ({ subject: 'Confirm your new e-mail address', lines: [`Hello ${name},`, 'Confirm this new e-mail address for your Lesplein account. The link works once, for 24 hours.'], label: 'Confirm new e-mail address' }),
  },
  emailChangeRequested: {
    nl: (name: string) => ({ subject: 'Wijziging van je e-mailadres aangevraagd', lines: [`Dag ${name},`, 'Er werd gevraagd om het e-mailadres van je Lesplein-account te wijzigen. Het oude adres blijft gelden tot het nieuwe bevestigd is. Was jij dit niet? Wijzig dan meteen je wachtwoord.'] }),
    en: (name: string) => ({ subject: 'Change of your e-mail address requested', lines: [`Hello ${name},`, 'Someone asked to change the e-mail address of your Lesplein account. The old address stays in use until the new one is confirmed. If this was not you, change your password at once.'] }),
  },
  emailChanged: {
    nl: (name: string) => ({ subject: 'Je e-mailadres is gewijzigd', lines: [`Dag ${name},`, 'Het e-mailadres van je Lesplein-account is gewijzigd; berichten gaan voortaan naar het nieuwe adres. Was jij dit niet? Neem dan contact op met de beheerders.'] }),
    en: (name: string) => ({ subject: 'Your e-mail address was changed', lines: [`Hello ${name},`, 'The e-mail address of your Lesplein account was changed; messages now go to the new address. If this was not you, contact the administrators.'] }),
  },
  twoFactorChanged: {
    nl: (name: string, on: boolean) => ({ subject: on ? 'Tweestapsverificatie ingeschakeld' : 'Tweestapsverificatie uitgeschakeld', lines: [`Dag ${name},`, on ? 'Tweestapsverificatie is nu ingeschakeld voor je account.' : 'Tweestapsverificatie is uitgeschakeld voor je account. Was jij dit niet? Wijzig dan meteen je wachtwoord.'] }),
    en: (name: string, on: boolean) => ({ subject: on ? 'Two-factor authentication enabled' : 'Two-factor authentication disabled', lines: [`Hello ${name},`, on ? 'Two-factor authentication is now enabled for your account.' : 'Two-factor authentication was disabled for your account. If this was not you, change your password at once.'] }),
  },
};

/** The e-mails of the accounts capability, in the member's language. */
export const AccountMails = {
  verify: (to: string, name: string, locale: string, url: string) => {
    const c = copy.verify[asLocale(locale)](name);
    return compose(to, c.subject, c.lines, { url, label: c.label });
  },
  alreadyRegistered: (to: string, name: string, locale: string, url: string) => {
    const c = copy.alreadyRegistered[asLocale(locale)](name);
    return compose(to, c.subject, c.lines, { url, label: c.label });
  },
  reset: (to: string, name: string, locale: string, url: string) => {
    const c = copy.reset[asLocale(locale)](name);
    return compose(to, c.subject, c.lines, { url, label: c.label });
  },
  passwordChanged: (to: string, name: string, locale: string, url: string) => {
    const c = copy.passwordChanged[asLocale(locale)](name);
    return compose(to, c.subject, c.lines, { url, label: c.label });
  },
  confirmNewEmail: (to: string, name: string, locale: string, url: string) => {
    const c = copy.confirmNewEmail[asLocale(locale)](name);
    return compose(to, c.subject, c.lines, { url, label: c.label });
  },
  emailChangeRequested: (to: string, name: string, locale: string) => {
    const c = copy.emailChangeRequested[asLocale(locale)](name);
    return compose(to, c.subject, c.lines);
  },
  emailChanged: (to: string, name: string, locale: string) => {
    const c = copy.emailChanged[asLocale(locale)](name);
    return compose(to, c.subject, c.lines);
  },
  twoFactorChanged: (to: string, name: string, locale: string, enabled: boolean) => {
    const c = copy.twoFactorChanged[asLocale(locale)](name, enabled);
    return compose(to, c.subject, c.lines);
  },
};

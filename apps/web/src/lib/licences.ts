import type { Licence } from '@lesplein/contracts/resource';

/** What a Creative Commons licence asks of whoever reuses the work. */
export type LicenceCondition = 'attribution' | 'shareAlike' | 'nonCommercial' | 'noDerivatives';

interface LicenceInfo {
  /** The licence's own short name (not translated), e.g. "CC BY-SA 4.0". */
  shortName: string;
  /** Path of the Creative Commons deed, or null when the work is not openly licensed. */
  deedPath: string | null;
  conditions: readonly LicenceCondition[];
}

/**
 * The licences members choose from, in the order the form shows them (most open first). Type-only
 * import of the contract, so this module stays out of zod's way; `satisfies` keeps it complete.
 */
export const licences = {
  CC0: { shortName: 'CC0 1.0', deedPath: 'publicdomain/zero/1.0', conditions: [] },
  'CC-BY': { shortName: 'CC BY 4.0', deedPath: 'licenses/by/4.0', conditions: ['attribution'] },
  'CC-BY-SA': { shortName: 'CC BY-SA 4.0', deedPath: 'licenses/by-sa/4.0', conditions: ['attribution', 'shareAlike'] },
  'CC-BY-NC': { shortName: 'CC BY-NC 4.0', deedPath: 'licenses/by-nc/4.0', conditions: ['attribution', 'nonCommercial'] },
  'CC-BY-NC-SA': { shortName: 'CC BY-NC-SA 4.0', deedPath: 'licenses/by-nc-sa/4.0', conditions: ['attribution', 'nonCommercial', 'shareAlike'] },
  'CC-BY-ND': { shortName: 'CC BY-ND 4.0', deedPath: 'licenses/by-nd/4.0', conditions: ['attribution', 'noDerivatives'] },
  'CC-BY-NC-ND': { shortName: 'CC BY-NC-ND 4.0', deedPath: 'licenses/by-nc-nd/4.0', conditions: ['attribution', 'nonCommercial', 'noDerivatives'] },
  'all-rights-reserved': { shortName: '©', deedPath: null, conditions: [] },
} as const satisfies Record<Licence, LicenceInfo>;

export const licenceOrder = Object.keys(licences) as Licence[];

/** The human-readable deed of a licence in the interface language, or null for "all rights reserved". */
export function licenceDeedUrl(licence: Licence, language: string): string | null {
  const info: LicenceInfo = licences[licence];
  if (!info.deedPath) return null;
  return `https://creativecommons.org/${info.deedPath}/deed.${language === 'en' ? 'en' : 'nl'}`;
}

/** True for the licences that let others reuse the work without asking. */
export function isOpenLicence(licence: Licence): boolean {
  return licences[licence].deedPath !== null;
}

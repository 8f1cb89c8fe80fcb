import type { Licence } from '@lesplein/contracts/resource';

export const LICENCES: Record<Licence, { name: string; url: string | null }> = {
  CC0: { name: 'CC0 1.0', url: 'https://creativecommons.org/publicdomain/zero/1.0/' },
  'CC-BY': { name: 'CC BY 4.0', url: 'https://creativecommons.org/licenses/by/4.0/' },
  'CC-BY-SA': { name: 'CC BY-SA 4.0', url: 'https://creativecommons.org/licenses/by-sa/4.0/' },
  'CC-BY-NC': { name: 'CC BY-NC 4.0', url: 'https://creativecommons.org/licenses/by-nc/4.0/' },
  'CC-BY-NC-SA': { name: 'CC BY-NC-SA 4.0', url: 'https://creativecommons.org/licenses/by-nc-sa/4.0/' },
  'CC-BY-ND': { name: 'CC BY-ND 4.0', url: 'https://creativecommons.org/licenses/by-nd/4.0/' },
  'CC-BY-NC-ND': { name: 'CC BY-NC-ND 4.0', url: 'https://creativecommons.org/licenses/by-nc-nd/4.0/' },
  'all-rights-reserved': { name: 'Alle rechten voorbehouden / All rights reserved', url: null },
};

/**
 * A ready-to-copy attribution line (TASL: title, author, source, licence), e.g.
 * "„Breuken oefenen” door An Peeters, via Lesplein (https://…/resources/…), CC BY 4.0 (https://…)".
 */
export function attributionLine(input: { title: string; authorName: string | null; licence: Licence; url: string }): string {
  const licence = LICENCES[input.licence];
  const author = input.authorName ? ` door ${input.authorName}` : '';
  const licencePart = licence.url ? `${licence.name} (${licence.url})` : licence.name;
  if (input.licence === 'CC0') return `„${input.title}”${author}, via Lesplein (${input.url}), vrij van rechten: ${licencePart}`;
  return `„${input.title}”${author}, via Lesplein (${input.url}), ${licencePart}`;
}

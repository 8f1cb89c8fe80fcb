import { describe, expect, it } from 'vitest';
import { Licence } from '@lesplein/contracts/resource';
import { isOpenLicence, licenceDeedUrl, licenceOrder, licences } from './licences';

describe('licences', () => {
  it('covers every licence of the contract', () => {
    expect([...licenceOrder].sort()).toEqual([...Licence.options].sort());
  });

  it('links to the Creative Commons deed in the interface language', () => {
    expect(licenceDeedUrl('CC-BY-SA', 'nl')).toBe('https://creativecommons.org/licenses/by-sa/4.0/deed.nl');
    expect(licenceDeedUrl('CC-BY-NC-ND', 'en')).toBe('https://creativecommons.org/licenses/by-nc-nd/4.0/deed.en');
    expect(licenceDeedUrl('CC0', 'nl')).toBe('https://creativecommons.org/publicdomain/zero/1.0/deed.nl');
    expect(licenceDeedUrl('all-rights-reserved', 'nl')).toBeNull();
  });

  it('lists what each licence asks', () => {
    expect(licences.CC0.conditions).toEqual([]);
    expect(licences['CC-BY-NC-SA'].conditions).toEqual(['attribution', 'nonCommercial', 'shareAlike']);
    expect(isOpenLicence('CC-BY')).toBe(true);
    expect(isOpenLicence('all-rights-reserved')).toBe(false);
  });
});

import type { FacetName } from '@lesplein/contracts/search';
import type { Taxonomy } from '@lesplein/contracts/taxonomy';
import type { TFunction } from 'i18next';
import { taxonomyName } from '../../../features/taxonomy/get-taxonomy';
import { languageName } from '../../../lib/format';

/** How a facet value reads in the interface language (taxonomy names, types, languages, licences…). */
export function facetLabel(facet: FacetName, value: string, t: TFunction, language: string, taxonomy: Taxonomy | undefined): string {
  switch (facet) {
    case 'subject':
    case 'level': {
      const items: readonly { key: string; nameNl: string; nameEn: string }[] = facet === 'subject' ? (taxonomy?.subjects ?? []) : (taxonomy?.levels ?? []);
      const item = items.find((candidate) => candidate.key === value);
      return item ? taxonomyName(item, language) : value;
    }
    case 'type':
      return t(`resourceTypes.${value}`, { defaultValue: value });
    case 'licence':
      return t(`licences.${value}.name`, { defaultValue: value });
    case 'language':
      return languageName(value, language);
    case 'age':
      return t('search.ageBand', { band: value.replace('-', '–') });
    case 'media':
      return t(`search.media.${value}`, { defaultValue: value });
  }
}

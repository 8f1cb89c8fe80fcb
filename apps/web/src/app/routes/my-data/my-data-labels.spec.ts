import { describe, expect, it } from 'vitest';
import { MyDataField } from '@lesplein/contracts/my-data';
import nl from '../../../locales/nl.json';
import en from '../../../locales/en.json';
import { DELETION_ACTIONS, modelLabel, piiModels } from './my-data-labels';

// The API lists every model of the schema that carries a `/// @pii` tag; read the same schema here.
const schemaFiles = import.meta.glob<string>(['../../../../../api/prisma/schema.prisma', '../../../../../api/prisma/models/*.prisma'], {
  query: '?raw',
  import: 'default',
  eager: true,
});
const models = [...new Set(Object.values(schemaFiles).flatMap(piiModels))].sort();

const bundles = { nl: nl.myData, en: en.myData };

describe('my data labels', () => {
  it('reads the data inventory of the schema', () => {
    expect(Object.keys(schemaFiles).length).toBeGreaterThan(1);
    expect(models).toEqual(expect.arrayContaining(['Member', 'Resource', 'Favourite', 'Session', 'LoginHistoryEntry', 'PartnerConsent']));
  });

  it.each(Object.entries(bundles))('names every model the API can list (%s)', (_language, bundle) => {
    const labels = bundle.models as Record<string, string>;
    expect(models.filter((model) => modelLabel(labels, model) === model)).toEqual([]);
  });

  it.each(Object.entries(bundles))('explains every deletion action of the contract (%s)', (_language, bundle) => {
    expect([...DELETION_ACTIONS].sort()).toEqual([...MyDataField.shape.atDeletion.options].sort());
    for (const action of DELETION_ACTIONS) expect(bundle.atDeletion[action], action).toBeTruthy();
  });

  it('falls back to the model name when a label is missing', () => {
    expect(modelLabel({ Member: 'Je profiel' }, 'Member')).toBe('Je profiel');
    expect(modelLabel({ Member: 'Je profiel' }, 'NewThing')).toBe('NewThing');
    expect(modelLabel({}, 'toString')).toBe('toString');
  });

  it('finds only models with a tag', () => {
    const source = 'model A {\n  id String\n}\n\nmodel B {\n  /// @pii erase purpose="x" basis="y" retention="z"\n  email String\n}\n';
    expect(piiModels(source)).toEqual(['B']);
  });
});

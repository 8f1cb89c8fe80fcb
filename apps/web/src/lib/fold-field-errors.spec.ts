import { describe, expect, it } from 'vitest';
import { foldFieldErrors } from './fold-field-errors';

describe('foldFieldErrors', () => {
  const fields = ['name', 'redirectUris', 'notice', 'notice.subProcessors', 'notice.purposes'];

  it('puts item errors on the field that holds the list, the most specific field first', () => {
    const folded = foldFieldErrors({ 'redirectUris.1': 'Een https-adres', 'notice.subProcessors.0': 'Te lang', 'notice.retention': 'Vul in' }, fields);
    expect(folded.fieldErrors).toEqual({ redirectUris: 'Een https-adres', 'notice.subProcessors': 'Te lang', notice: 'Vul in' });
    expect(folded.rest).toEqual([]);
  });

  it('keeps the first message per field and returns errors no field covers', () => {
    const folded = foldFieldErrors({ 'redirectUris.0': 'Eerste', 'redirectUris.2': 'Tweede', _form: 'Niets te wijzigen', names: 'Ander veld' }, fields);
    expect(folded.fieldErrors).toEqual({ redirectUris: 'Eerste' });
    expect(folded.rest).toEqual(['Niets te wijzigen', 'Ander veld']);
  });
});

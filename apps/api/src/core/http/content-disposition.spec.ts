import { describe, expect, it } from 'vitest';
import { contentDisposition } from './content-disposition.js';

describe('contentDisposition', () => {
  it('keeps plain names plain', () => {
    expect(contentDisposition('werkblad.pdf', 'attachment')).toBe('attachment; filename="werkblad.pdf"');
  });
  it('adds a UTF-8 filename* for other names and escapes quotes', () => {
    expect(contentDisposition('Oefenblad één.pdf', 'attachment')).toBe(`attachment; filename="Oefenblad ??n.pdf"; filename*=UTF-8''Oefenblad%20%C3%A9%C3%A9n.pdf`);
    expect(contentDisposition('a "quote".txt', 'inline')).toBe('inline; filename="a \\"quote\\".txt"');
    expect(contentDisposition("l'élève (1).txt", 'inline')).toBe(`inline; filename="l'?l?ve (1).txt"; filename*=UTF-8''l%27%C3%A9l%C3%A8ve%20%281%29.txt`);
  });
});

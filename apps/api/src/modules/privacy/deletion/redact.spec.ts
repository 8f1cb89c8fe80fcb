import { describe, expect, it } from 'vitest';
import { replaceMentions } from '../../community/comments.mentions.js';
import { REDACTED, redactIdentifiers } from './redact.js';

const member = { firstName: 'Zoë', lastName: 'Van den Broeck', email: 'zoe.vdb@example.org', handle: 'zoe-van-den-broeck' };

describe('redacting a deleted member from text that stays', () => {
  it('replaces the full name, last name, first name, address and handle, in any case', () => {
    expect(redactIdentifiers('Groeten, Zoë Van den Broeck (zoe.vdb@example.org)', member)).toBe(`Groeten, ${REDACTED} (${REDACTED})`);
    expect(redactIdentifiers('ZOË schreef dit; VAN DEN BROECK ook; zie zoe-van-den-broeck', member)).toBe(`${REDACTED} schreef dit; ${REDACTED} ook; zie ${REDACTED}`);
  });

  it('matches decomposed accents too, and only whole words', () => {
    expect(redactIdentifiers('Zoe\u0308 was hier', member)).toBe(`${REDACTED} was hier`);
    expect(redactIdentifiers('Zoëlla en Van den Broecks', member)).toBe('Zoëlla en Van den Broecks');
  });

  it('leaves names shorter than three letters alone', () => {
    expect(redactIdentifiers('Al is een woord', { firstName: 'Al', lastName: 'Bo', email: 'a@b.c', handle: 'al-bo' })).toBe('Al is een woord');
  });
});

describe('rewriting @mentions of a deleted member', () => {
  it('turns each @handle into plain text, any case, and leaves longer handles and addresses alone', () => {
    const text = 'Dank @zoe-van-den-broeck en @ZOE-VAN-DEN-BROECK! Niet @zoe-van-den-broeck-2 of mail@zoe-van-den-broeck.';
    expect(replaceMentions(text, 'zoe-van-den-broeck', 'voormalig lid')).toBe('Dank voormalig lid en voormalig lid! Niet @zoe-van-den-broeck-2 of mail@zoe-van-den-broeck.');
  });
});

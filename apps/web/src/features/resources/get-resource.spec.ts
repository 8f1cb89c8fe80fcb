import { describe, expect, it } from 'vitest';
import type { ResourceDetail } from '@lesplein/contracts/resource';
import { filesAwaitingThumbnail, THUMBNAIL_MAX_POLLS, THUMBNAIL_POLL_MS, thumbnailPoller } from './get-resource';

type File = Pick<ResourceDetail['files'][number], 'id' | 'previewKind' | 'hasThumbnail'>;
const file = (id: string, previewKind: File['previewKind'], hasThumbnail: boolean): File => ({ id, previewKind, hasThumbnail });
const state = (files: File[], dataUpdatedAt: number) => ({ state: { data: { files } as unknown as ResourceDetail, dataUpdatedAt } }) as Parameters<ReturnType<typeof thumbnailPoller>>[0];

describe('filesAwaitingThumbnail', () => {
  it('lists images and PDFs without a thumbnail yet', () => {
    expect(
      filesAwaitingThumbnail([file('a', 'image', false), file('b', 'pdf', true), file('c', 'pdf', false), file('d', 'video', false), file('e', 'none', false)]),
    ).toEqual(['a', 'c']);
  });
});

describe('thumbnailPoller', () => {
  it('polls while a thumbnail is missing and stops when it is there', () => {
    const poll = thumbnailPoller();
    expect(poll(state([file('a', 'image', false)], 1))).toBe(THUMBNAIL_POLL_MS);
    // Evaluated again without a new answer (a re-render): still polling, not counted.
    expect(poll(state([file('a', 'image', false)], 1))).toBe(THUMBNAIL_POLL_MS);
    expect(poll(state([file('a', 'image', true)], 2))).toBe(false);
  });

  it('gives up after a bounded number of answers', () => {
    const poll = thumbnailPoller();
    let at = 1;
    expect(poll(state([file('a', 'pdf', false)], at))).toBe(THUMBNAIL_POLL_MS);
    for (let i = 1; i < THUMBNAIL_MAX_POLLS; i++) expect(poll(state([file('a', 'pdf', false)], ++at))).toBe(THUMBNAIL_POLL_MS);
    expect(poll(state([file('a', 'pdf', false)], ++at))).toBe(false);
    // A new file starts a new round.
    expect(poll(state([file('a', 'pdf', false), file('b', 'image', false)], ++at))).toBe(THUMBNAIL_POLL_MS);
  });

  it('does not poll without data', () => {
    const poll = thumbnailPoller();
    expect(poll({ state: { data: undefined, dataUpdatedAt: 0 } } as Parameters<typeof poll>[0])).toBe(false);
  });
});

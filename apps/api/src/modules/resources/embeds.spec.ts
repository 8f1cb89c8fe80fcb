import { describe, expect, it } from 'vitest';
import { embedFor } from './embeds.js';

describe('embedFor', () => {
  it('recognises YouTube links in their usual forms', () => {
    const expected = { provider: 'youtube', embedUrl: 'https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ' };
    expect(embedFor('https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=10')).toEqual(expected);
    expect(embedFor('https://youtu.be/dQw4w9WgXcQ')).toEqual(expected);
    expect(embedFor('https://m.youtube.com/shorts/dQw4w9WgXcQ')).toEqual(expected);
  });

  it('recognises Vimeo links', () => {
    expect(embedFor('https://vimeo.com/76979871')).toEqual({ provider: 'vimeo', embedUrl: 'https://player.vimeo.com/video/76979871?dnt=1' });
  });

  it('leaves other links alone', () => {
    expect(embedFor('https://www.klascement.net/')).toBeNull();
    expect(embedFor('https://youtube.com.evil.example/watch?v=dQw4w9WgXcQ')).toBeNull();
    expect(embedFor(null)).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import { renderMarkdown } from './markdown.js';

describe('renderMarkdown', () => {
  it('renders Markdown', () => {
    expect(renderMarkdown('**Breuken** oefenen\n\n- één\n- twee')).toBe('<p><strong>Breuken</strong> oefenen</p>\n<ul>\n<li>één</li>\n<li>twee</li>\n</ul>\n');
  });

  it('never lets script through', () => {
    const html = renderMarkdown('<script>alert(1)</script> <img src=x onerror=alert(1)> [klik](javascript:alert(1)) <a href="x" onclick="y">a</a>');
    expect(html).not.toMatch(/<script|<img|<a[^>]*\son\w+=|href="javascript:/i);
    expect(html).toContain('&lt;script&gt;');
  });

  it('marks links as external and untrusted', () => {
    expect(renderMarkdown('[site](https://example.org)')).toContain('<a href="https://example.org" rel="nofollow noopener noreferrer ugc" target="_blank">site</a>');
  });
});

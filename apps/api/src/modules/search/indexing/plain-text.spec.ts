import { describe, expect, it } from 'vitest';
import { markdownToPlainText } from './plain-text.js';

describe('markdownToPlainText', () => {
  it('keeps the words and drops markup, URLs and raw HTML', () => {
    expect(markdownToPlainText('# Breuken\n\nOefen **breuken** & [kommagetallen](https://example.org/x) <script>alert(1)</script>\n\n- één\n- twee')).toBe(
      'Breuken Oefen breuken & kommagetallen <script>alert(1)</script> één twee',
    );
  });
});

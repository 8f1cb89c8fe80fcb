import MarkdownIt from 'markdown-it';
import sanitizeHtml from 'sanitize-html';

// Raw HTML in Markdown is not rendered at all; the output is sanitised again as defence in depth.
const markdown = new MarkdownIt({ html: false, linkify: true, typographer: false, breaks: false });

const ALLOWED = {
  allowedTags: ['p', 'br', 'strong', 'em', 'code', 'pre', 'blockquote', 'ul', 'ol', 'li', 'a', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 's'],
  allowedAttributes: { a: ['href', 'title'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  transformTags: { a: sanitizeHtml.simpleTransform('a', { rel: 'nofollow noopener noreferrer ugc', target: '_blank' }) },
} satisfies sanitizeHtml.IOptions;

/** Markdown → safe HTML (no scripts, no event handlers, no javascript: links, no raw HTML). */
export function renderMarkdown(source: string): string {
  return sanitizeHtml(markdown.render(source), { ...ALLOWED, allowedAttributes: { a: ['href', 'title', 'rel', 'target'] } });
}

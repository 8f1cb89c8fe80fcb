import MarkdownIt from 'markdown-it';
import { stripMarks } from '../engine/highlight.js';

const markdown = new MarkdownIt({ html: false, linkify: false, typographer: false });
const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'" };

/** Markdown → the plain text that is searched and highlighted (link texts kept, URLs and markup dropped). */
export function markdownToPlainText(source: string): string {
  const html = markdown.render(stripMarks(source));
  return html
    .replace(/<[^>]*>/g, ' ')
    .replace(/&(amp|lt|gt|quot|#39);/g, (entity) => ENTITIES[entity] ?? entity)
    .replace(/\s+/g, ' ')
    .trim();
}

import type { AdminPolicyVersion, PolicyVersionSummary, PolicyVersionView } from '@lesplein/contracts/privacy-policy';
import { renderMarkdown } from '../resources/markdown.js';
import type { PoliciesRepository } from './policies.repository.js';

type SummaryRow = Awaited<ReturnType<PoliciesRepository['summaries']>>[number];
type VersionRow = NonNullable<Awaited<ReturnType<PoliciesRepository['byNumber']>>>;
type AdminRow = Awaited<ReturnType<PoliciesRepository['adminList']>>[number];

export function toPolicySummary(row: SummaryRow): PolicyVersionSummary {
  return { version: row.number, substantial: row.substantial, summaryNl: row.summaryNl, summaryEn: row.summaryEn, publishedAt: row.publishedAt.toISOString() };
}

/**
 * The statement's headings sit under the page's own h1 and the h2 of the text's section, so a
 * Markdown `#` becomes an h3 (and so on, at most h6): one h1 per page, no skipped levels.
 */
export function demoteHeadings(html: string): string {
  return html.replace(/<(\/?)h([1-6])>/g, (_match, slash: string, level: string) => `<${slash}h${Math.min(Number(level) + 2, 6)}>`);
}

/** The whole version; the Markdown is rendered and sanitised here, so the web client never renders raw Markdown. */
export function toPolicyView(row: VersionRow): PolicyVersionView {
  return { ...toPolicySummary(row), htmlNl: demoteHeadings(renderMarkdown(row.textNl)), htmlEn: demoteHeadings(renderMarkdown(row.textEn)) };
}

export function toAdminPolicyVersion(row: AdminRow): AdminPolicyVersion {
  return {
    ...toPolicySummary(row),
    textNl: row.textNl,
    textEn: row.textEn,
    acceptances: row._count.acceptances,
    publishedBy: row.publishedBy ? { handle: row.publishedBy.handle, displayName: `${row.publishedBy.firstName} ${row.publishedBy.lastName}` } : null,
  };
}

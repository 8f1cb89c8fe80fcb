import type { KoaContextWithOIDC } from 'oidc-provider';
import { NotFound } from '../../../core/errors/domain-error.js';
import { toProblem } from '../../../core/errors/problem.js';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

function escapeHtml(value: unknown): string {
  return String(value ?? '').replace(/[&<>"']/g, (char) => ESCAPES[char] ?? char);
}

/**
 * The page a browser sees when an authorisation request cannot go back to the partner (unknown
 * client, wrong redirect URI…): plain HTML without scripts, every value escaped.
 */
export function renderProviderError(ctx: KoaContextWithOIDC, out: { error: string; error_description?: string }): void {
  ctx.type = 'html';
  ctx.set('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'");
  ctx.body = `<!doctype html>
<html lang="nl"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Aanmelden bij een partner lukt niet / Signing in to a partner failed</title>
<style>body{font-family:system-ui,sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem;line-height:1.5}code{background:#eee;padding:0 .25rem}</style></head>
<body><main>
<h1>Aanmelden bij een partner lukt niet</h1>
<p>De aanvraag van de partner is ongeldig. Er werden geen gegevens gedeeld. Meld het aan de partner als dit blijft gebeuren.</p>
<p lang="en">The partner's request is not valid. No data was shared. Tell the partner if this keeps happening.</p>
<p><code>${escapeHtml(out.error)}</code>${out.error_description ? ` — ${escapeHtml(out.error_description)}` : ''}</p>
<p><a href="/">Lesplein</a></p>
</main></body></html>`;
}

/**
 * Provider middleware (runs around its router): an address under /oidc that names no endpoint, or
 * names one with a method it does not take, gets our 404 problem+json like any other unknown
 * address, instead of Koa's plain-text "Not Found". Found by test/fuzz-outside-nest.e2e-spec.ts.
 */
export async function unknownAddressAsProblem(ctx: KoaContextWithOIDC, next: () => Promise<unknown>): Promise<void> {
  await next();
  if (ctx.status !== 404 || ctx.body != null) return;
  const { problem } = toProblem(NotFound('Page'));
  const url = (ctx.req as { originalUrl?: string }).originalUrl ?? ctx.url;
  ctx.status = 404;
  ctx.type = 'application/problem+json; charset=utf-8';
  ctx.body = JSON.stringify({ ...problem, instance: url.split('?')[0] });
}

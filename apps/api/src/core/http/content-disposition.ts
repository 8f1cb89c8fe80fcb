/**
 * A Content-Disposition header per RFC 6266: an ASCII fallback `filename` (non-ASCII replaced
 * by "?", quotes and backslashes escaped) plus `filename*` in UTF-8 (RFC 8187) when needed.
 * (The content-disposition package's current major needs Node 22, and its older one clashes
 * with the newer copy Fastify brings along; this is the small part we need.)
 */
export function contentDisposition(fileName: string, type: 'attachment' | 'inline'): string {
  const plain = /^[\x20-\x7e]*$/.test(fileName);
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '?').replace(/["\\]/g, '\\$&');
  if (plain) return `${type}; filename="${ascii}"`;
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${type}; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

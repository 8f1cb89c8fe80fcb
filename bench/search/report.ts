import fs from 'node:fs';
import type { Latency } from './measure.js';

export interface Report {
  date: string;
  machine: string;
  /** How PostgreSQL ran (its memory settings). */
  postgres: string;
  size: number;
  seed: string;
  vocabulary: number;
  fingerprint: string;
  loadSeconds: number;
  indexSeconds: number | null;
  /** How the corpus was indexed. */
  indexedBy: string;
  engine: string | null;
  /** `http-1`, `http-8` (GET /api/resources/:id) and `sql` (SELECT by primary key). */
  reference: Record<string, Latency>;
  /** `estimated`: the share of answers (warm-up included) whose counts were estimated from a sample. */
  queries: Array<{ name: string; concurrency: number; latency: Latency; estimated: number | null }>;
}

const START = '<!-- bench:search:start -->';
const END = '<!-- bench:search:end -->';

const INTRO = `# Benchmarks

Benchmarks are not tests: they measure, they do not pass or fail, and their figures depend on
the machine. Each one compares what it measures with a reference measured in the same run on
the same machine, so the **ratios** are what to compare between runs and machines.

## Search (\`npm run bench:search -- --resources N\`)

The generator in \`bench/search/\` builds a deterministic corpus (the same seed and size give the
same rows; the fingerprint below proves it): Dutch words drawn with Zipf's law over a ranked
vocabulary (common teaching words, two-part compounds and a long tail of three-part compounds),
function words mixed into descriptions, subjects and levels from the taxonomy the API seeds
(a level's ages give the age range), types, licences and languages in realistic proportions,
about 40 resources per author, 95 % published. It loads the corpus into a fresh embedded
PostgreSQL (with \`shared_buffers\` as a database server would have it: 1 GB by default,
\`--shared-buffers\` to change) with multi-row inserts, indexes it from scratch (the API's \`search:reindex\`, or,
without that command, \`search.index\` outbox jobs run by the API's own worker), starts the built
API and measures over HTTP, at concurrency 1 and 8 (each request from another client address
through \`X-Forwarded-For\`, as many visitors would, so per-address rate limits do not apply;
each search is also recorded in the anonymous figures, as in production):

- queries with a common, medium or rare term, two terms, a faceted top-20 (term + subject +
  type), filters only, a typo, and autocomplete (\`/api/search/suggest\`);
- the reference: \`GET /api/resources/:id\` for published resources (the whole HTTP stack and a
  primary-key fetch; it also counts an anonymous view) and, for scale, the bare SQL
  \`SELECT … WHERE id = $1\`.

Above about 1,000 matches the PostgreSQL engine counts totals and facets over a sample and says
so (\`estimated\`, ADR 0013); the last column is the share of such answers per query class.

The issue's targets apply at 1,000,000 resources on a 2-core machine: faceted top-20 p95 ≤ 50 ms
at concurrency 1, autocomplete p95 ≤ 20 ms, indexing from scratch under 10 minutes. Runs at a
smaller size show the method works; they do not show the targets are met.
`;

const ms = (value: number) => (Number.isFinite(value) ? value.toFixed(1) : '–');

/** Replaces the search section's figures in docs/benchmarks.md (creating the file when absent). */
export function writeReport(file: string, report: Report): string {
  const existing = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : INTRO;
  const base = existing.includes(START) ? existing : `${existing.trimEnd()}\n\n${START}\n${END}\n`;
  const before = base.slice(0, base.indexOf(START) + START.length);
  const after = base.slice(base.indexOf(END));
  return write(file, `${before}\n${figures(report)}\n${after}`);
}

function write(file: string, text: string): string {
  fs.writeFileSync(file, text);
  return file;
}

function figures(report: Report): string {
  const httpRef = (concurrency: number) => report.reference[`http-${concurrency}`];
  const lines = [
    `### Latest run (${report.date})`,
    '',
    `- Machine: ${report.machine}`,
    `- PostgreSQL: ${report.postgres}`,
    `- Corpus: ${report.size.toLocaleString('en')} resources, seed \`${report.seed}\`, vocabulary of ${report.vocabulary.toLocaleString('en')} words, fingerprint \`${report.fingerprint.slice(0, 16)}\``,
    `- Loading the corpus: ${report.loadSeconds.toFixed(1)} s`,
    `- Indexing from scratch: ${report.indexSeconds === null ? 'not done (the API had no search engine in this run)' : `${report.indexSeconds.toFixed(1)} s, by ${report.indexedBy}`}`,
    '',
    '| Reference | Concurrency | Requests | p50 ms | p95 ms | p99 ms |',
    '| --- | ---: | ---: | ---: | ---: | ---: |',
    ...[1, 8].flatMap((c) => (httpRef(c) ? [`| GET /api/resources/:id | ${c} | ${httpRef(c)!.requests} | ${ms(httpRef(c)!.p50)} | ${ms(httpRef(c)!.p95)} | ${ms(httpRef(c)!.p99)} |`] : [])),
    ...(report.reference.sql ? [`| SQL by primary key | 1 | ${report.reference.sql.requests} | ${ms(report.reference.sql.p50)} | ${ms(report.reference.sql.p95)} | ${ms(report.reference.sql.p99)} |`] : []),
    '',
  ];
  if (report.queries.length === 0) {
    lines.push('Search latency: not measured (the API had no `/api/search` or no `search:reindex` in this run).');
  } else {
    lines.push(
      `Search (${report.engine} engine); ratio = p95 of the query ÷ p95 of the HTTP reference at the same concurrency:`,
      '',
      '| Query | Concurrency | Requests | Errors | p50 ms | p95 ms | p99 ms | p95 ratio | Estimated counts |',
      '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
      ...report.queries.map(({ name, concurrency, latency, estimated }) => {
        const reference = httpRef(concurrency);
        const ratio = reference ? (latency.p95 / reference.p95).toFixed(1) : '–';
        const share = estimated === null ? '–' : `${Math.round(estimated * 100)} %`;
        return `| ${name} | ${concurrency} | ${latency.requests} | ${latency.errors} | ${ms(latency.p50)} | ${ms(latency.p95)} | ${ms(latency.p99)} | ${ratio} | ${share} |`;
      }),
    );
  }
  return lines.join('\n');
}

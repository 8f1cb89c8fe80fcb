// `npm run bench`: runs every `bench:*` script of the root package.json in turn, passing the
// arguments on (e.g. `npm run bench -- --resources 100000`). Benchmarks write docs/benchmarks.md.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';

const { scripts } = JSON.parse(fs.readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const names = Object.keys(scripts).filter((name) => name.startsWith('bench:')).sort();
for (const name of names) {
  console.log(`\n> npm run ${name}`);
  const result = spawnSync('npm', ['run', name, '--', ...process.argv.slice(2)], { stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

// The pass/fail table every fault script prints and writes to docs/benchmarks.md.
import { table } from '../api/stack.js';

export interface Check {
  check: string;
  expected: string;
  observed: string;
  pass: boolean;
}

export function check(name: string, expected: string, observed: string, pass: boolean): Check {
  return { check: name, expected, observed, pass };
}

export function checksTable(checks: Check[]): string {
  return table([['Check', 'Expected', 'Observed', 'Result'], ...checks.map((c) => [c.check, c.expected, c.observed, c.pass ? 'pass' : '**FAIL**'])]);
}

export function printChecks(title: string, checks: Check[]): void {
  console.log(`\n${title}`);
  const width = Math.max(...checks.map((c) => c.check.length));
  for (const c of checks) console.log(`  ${c.pass ? 'PASS' : 'FAIL'}  ${c.check.padEnd(width)}  ${c.observed}  (expected ${c.expected})`);
  console.log('');
}

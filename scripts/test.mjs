// `npm test`: everything a reviewer needs, in order, stopping at the first failure.
//
//   1 build       turbo run build (contracts, api incl. prisma generate, web)
//   2 lint        npm run lint (ESLint, including the import boundaries)
//   3 typecheck   turbo run typecheck typecheck:bench (every workspace, and bench/ against the API's sources)
//   4 boundaries  node --test scripts/lint-boundaries.test.mjs (the boundaries really fire)
//   5 unit        turbo run test (each workspace's vitest; the API's starts its own PostgreSQL + SMTP)
//   6 e2e         ensure Chromium (Debian package), then npm run e2e -w @lesplein/web
//
// Options (after `npm test --`):
//   --only=a,b    run only these steps (later steps may need earlier ones' output, e.g. build)
//   --skip=a,b    run all but these steps
//   --list        print the steps and exit
// The last line is always "N passed, N failed" (counting steps).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { ensureChromium } from './ensure-chromium.mjs';

const ROOT = path.resolve(import.meta.dirname, '..');
const IS_WINDOWS = process.platform === 'win32';
const MINUTE = 60_000;

const baseEnv = {
  ...process.env,
  TURBO_TELEMETRY_DISABLED: '1',
  TURBO_NO_UPDATE_NOTIFIER: '1',
  NO_UPDATE_NOTIFIER: '1',
  NPM_CONFIG_UPDATE_NOTIFIER: 'false',
};

const bin = (name) => path.join(ROOT, 'node_modules', '.bin', IS_WINDOWS ? `${name}.cmd` : name);
const turbo = (...args) => [bin('turbo'), ['run', ...args, '--log-order=grouped']];
const npm = (...args) => ['npm', args];

/** Each step: a name, what it runs (shown in its header), and a guard against hangs. */
const STEPS = [
  { name: 'build', timeoutMs: 10 * MINUTE, command: turbo('build', '--output-logs=errors-only') },
  { name: 'lint', timeoutMs: 5 * MINUTE, command: npm('run', 'lint') },
  { name: 'typecheck', timeoutMs: 5 * MINUTE, command: turbo('typecheck', 'typecheck:bench', '--output-logs=errors-only') },
  {
    name: 'boundaries',
    timeoutMs: 2 * MINUTE,
    command: [process.execPath, ['--test', '--test-reporter=spec', 'scripts/lint-boundaries.test.mjs']],
  },
  { name: 'unit', timeoutMs: 12 * MINUTE, command: turbo('test', '--output-logs=full') },
  {
    name: 'e2e',
    timeoutMs: 12 * MINUTE,
    command: npm('run', 'e2e', '--workspace', '@lesplein/web'),
    // Finds Debian's Chromium, installing it with apt-get when missing and allowed.
    prepare: async () => ({ CHROMIUM_PATH: await ensureChromium() }),
  },
];

function parseArgs(argv) {
  const names = STEPS.map((step) => step.name);
  const list = (value, flag) => {
    const picked = value.split(',').map((s) => s.trim()).filter(Boolean);
    const unknown = picked.filter((name) => !names.includes(name));
    if (unknown.length) fail(`${flag}: unknown step(s) ${unknown.join(', ')}; steps are ${names.join(', ')}`);
    return picked;
  };
  let only;
  let skip = [];
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split(/=(.*)/s, 2);
    const value = () => inline ?? argv[++i] ?? fail(`${flag} needs a value`);
    if (flag === '--only') only = list(value(), flag);
    else if (flag === '--skip') skip = list(value(), flag);
    else if (flag === '--list') {
      for (const step of STEPS) console.log(`${step.name.padEnd(11)} ${describe(step)}`);
      process.exit(0);
    } else fail(`unknown option ${argv[i]} (use --only=a,b, --skip=a,b or --list)`);
  }
  return STEPS.filter((step) => (only ? only.includes(step.name) : true) && !skip.includes(step.name));
}

function fail(message) {
  console.error(`scripts/test.mjs: ${message}`);
  process.exit(2);
}

function describe(step) {
  const [command, args] = step.command;
  const shown = command === process.execPath ? 'node' : path.basename(command).replace(/\.cmd$/, '');
  return [shown, ...args].join(' ') + (step.prepare ? '  (after ensuring Chromium)' : '');
}

const seconds = (ms) => `${(ms / 1000).toFixed(1)}s`;
const rule = (text) => `\n━━ ${text} ${'━'.repeat(Math.max(3, 96 - text.length))}`;

/** The step's child process group, so Ctrl-C and the hang guard reach every process it started. */
let current;

function run(step, extraEnv) {
  const [command, args] = step.command;
  return new Promise((resolve) => {
    const child = spawn(command, args, {
      cwd: ROOT,
      env: { ...baseEnv, ...extraEnv },
      stdio: 'inherit',
      detached: !IS_WINDOWS, // own process group
      shell: IS_WINDOWS,
    });
    current = child;
    let timedOut = false;
    const guard = setTimeout(() => {
      timedOut = true;
      console.error(`\n✖ ${step.name} exceeded ${step.timeoutMs / MINUTE} minutes; stopping it.`);
      signalGroup(child, 'SIGTERM');
      setTimeout(() => signalGroup(child, 'SIGKILL'), 15_000).unref();
    }, step.timeoutMs);
    child.once('error', (error) => {
      clearTimeout(guard);
      resolve({ ok: false, reason: `could not start ${command}: ${error.message}` });
    });
    child.once('exit', (code, signal) => {
      clearTimeout(guard);
      current = undefined;
      if (timedOut) resolve({ ok: false, reason: `timed out after ${step.timeoutMs / MINUTE} min` });
      else if (code === 0) resolve({ ok: true });
      else resolve({ ok: false, reason: signal ? `killed by ${signal}` : `exit code ${code}` });
    });
  });
}

function signalGroup(child, signal) {
  try {
    if (IS_WINDOWS) child.kill(signal);
    else process.kill(-child.pid, signal);
  } catch {
    // Already gone.
  }
}

// Ctrl-C / SIGTERM: pass the signal on to the running step and let it shut down cleanly
// (the API tests stop their embedded PostgreSQL); a second Ctrl-C stops waiting.
let interrupted = false;
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    if (interrupted) process.exit(130);
    interrupted = true;
    console.error(`\n${signal}: stopping the running step…`);
    if (current) signalGroup(current, signal);
  });
}

async function main() {
  const steps = parseArgs(process.argv.slice(2));
  if (!fs.existsSync(bin('turbo'))) fail('node_modules is missing or incomplete: run `npm install` first.');

  console.log(
    `Lesplein tests: ${steps.map((s) => s.name).join(', ')}  (node ${process.version}, ${os.cpus().length} cpus)`,
  );
  const results = [];
  const started = performance.now();
  for (const [index, step] of steps.entries()) {
    if (interrupted) break;
    console.log(rule(`[${index + 1}/${steps.length}] ${step.name}: ${describe(step)}`));
    const t0 = performance.now();
    let outcome;
    try {
      const extraEnv = step.prepare ? await step.prepare() : {};
      outcome = await run(step, extraEnv);
    } catch (error) {
      outcome = { ok: false, reason: error instanceof Error ? error.message : String(error) };
    }
    const ms = performance.now() - t0;
    results.push({ step, ms, ...outcome });
    console.log(outcome.ok ? `✔ ${step.name} passed in ${seconds(ms)}` : `✖ ${step.name} failed in ${seconds(ms)}: ${outcome.reason}`);
    if (!outcome.ok) break;
  }

  console.log(rule(`Summary (${seconds(performance.now() - started)})`));
  for (const step of steps) {
    const result = results.find((r) => r.step === step);
    if (!result) console.log(`  -  ${step.name.padEnd(11)} not run`);
    else if (result.ok) console.log(`  ✔  ${step.name.padEnd(11)} ${seconds(result.ms).padStart(7)}`);
    else console.log(`  ✖  ${step.name.padEnd(11)} ${seconds(result.ms).padStart(7)}  ${result.reason}`);
  }
  const passed = results.filter((r) => r.ok).length;
  const failed = results.length - passed;
  console.log(`${passed} passed, ${failed} failed`);
  process.exitCode = failed > 0 || interrupted || results.length < steps.length ? 1 : 0;
}

await main();

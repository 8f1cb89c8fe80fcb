// `npm run dev`: the whole platform in watch mode.
//
//   1. builds packages/contracts once (turbo) and generates the Prisma client if it is missing;
//   2. runs in parallel, output prefixed per process:
//        contracts  tsc -w on packages/contracts (the API and web pick up new schemas)
//        api        npm run dev -w @lesplein/api  (tsx watch; http://localhost:3000; embedded PostgreSQL)
//        web        npm run dev -w @lesplein/web  (Vite; http://localhost:5173, proxies /api to 3000)
//   3. Ctrl-C or SIGTERM is passed on to every process, and we wait until they have all exited
//      (the API stops its embedded PostgreSQL); a second Ctrl-C kills them outright.
// If one process exits by itself, the others are stopped too.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';

const ROOT = path.resolve(import.meta.dirname, '..');
const IS_WINDOWS = process.platform === 'win32';
const WEB_URL = 'http://localhost:5173';
const API_URL = 'http://localhost:3000';

const useColor = Boolean(process.stdout.isTTY) && !process.env.NO_COLOR;
const paint = (code, text) => (useColor ? `\x1b[${code}m${text}\x1b[0m` : text);
const bin = (name) => path.join(ROOT, 'node_modules', '.bin', IS_WINDOWS ? `${name}.cmd` : name);

const env = {
  ...process.env,
  TURBO_TELEMETRY_DISABLED: '1',
  NO_UPDATE_NOTIFIER: '1',
  NPM_CONFIG_UPDATE_NOTIFIER: 'false',
  ...(useColor ? { FORCE_COLOR: '1' } : {}),
};

const PROCESSES = [
  {
    name: 'contracts',
    color: 35,
    command: bin('tsc'),
    args: ['-w', '--preserveWatchOutput', '-p', 'packages/contracts/tsconfig.build.json'],
  },
  {
    name: 'api',
    color: 36,
    command: 'npm',
    args: ['run', 'dev', '--workspace', '@lesplein/api'],
    // Links in mails and the allowed browser origin should be the Vite server the browser uses.
    env: { PUBLIC_URL: process.env.PUBLIC_URL ?? WEB_URL },
  },
  { name: 'web', color: 33, command: 'npm', args: ['run', 'dev', '--workspace', '@lesplein/web'] },
];

const width = Math.max(...PROCESSES.map((p) => p.name.length));
const log = (message) => process.stdout.write(`${paint(1, '[dev]'.padEnd(width + 3))} ${message}\n`);

/** Runs a preparation command to completion with inherited output; exits on failure. */
function runOnce(command, args, extraEnv = {}) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: ROOT, env: { ...env, ...extraEnv }, stdio: 'inherit', shell: IS_WINDOWS });
    child.once('error', (error) => {
      log(`could not run ${command}: ${error.message}`);
      process.exit(1);
    });
    child.once('exit', (code, signal) => {
      if (code === 0) return resolve();
      log(`${[path.basename(command), ...args].join(' ')} failed (${signal ?? `exit code ${code}`})`);
      process.exit(code ?? 1);
    });
  });
}

const running = new Map(); // name → ChildProcess
let shuttingDown = false;
let exitCode = 0;

function pipe(stream, prefix, target) {
  readline.createInterface({ input: stream, crlfDelay: Infinity }).on('line', (line) => target.write(`${prefix} ${line}\n`));
}

function start(proc) {
  const child = spawn(proc.command, proc.args, {
    cwd: ROOT,
    env: { ...env, ...proc.env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: !IS_WINDOWS, // own process group: we decide when and how it is signalled
    shell: IS_WINDOWS,
  });
  const prefix = paint(proc.color, `[${proc.name}]`.padEnd(width + 2));
  pipe(child.stdout, prefix, process.stdout);
  pipe(child.stderr, prefix, process.stderr);
  running.set(proc.name, child);
  child.once('error', (error) => log(`${proc.name} could not start: ${error.message}`));
  child.once('exit', (code, signal) => {
    running.delete(proc.name);
    log(`${proc.name} exited (${signal ?? `exit code ${code}`})`);
    if (!shuttingDown) {
      exitCode = code || 1;
      shutdown('SIGTERM', `${proc.name} stopped, so the others are stopped too`);
    } else if (running.size === 0) {
      log('all processes have stopped');
      process.exit(exitCode);
    }
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

function shutdown(signal, reason) {
  if (shuttingDown) {
    log('second signal: killing the remaining processes');
    for (const child of running.values()) signalGroup(child, 'SIGKILL');
    process.exit(130);
  }
  shuttingDown = true;
  log(`${reason}; waiting for ${[...running.keys()].join(', ') || 'nothing'} to stop (Ctrl-C again to force)…`);
  if (running.size === 0) process.exit(exitCode);
  for (const child of running.values()) signalGroup(child, signal);
}

process.on('SIGINT', () => shutdown('SIGINT', 'SIGINT received'));
process.on('SIGTERM', () => shutdown('SIGTERM', 'SIGTERM received'));

if (!fs.existsSync(bin('turbo'))) {
  console.error('node_modules is missing or incomplete: run `npm install` first.');
  process.exit(1);
}

log('building packages/contracts once…');
await runOnce(bin('turbo'), ['run', 'build', '--filter=@lesplein/contracts', '--output-logs=errors-only']);
if (!fs.existsSync(path.join(ROOT, 'apps/api/src/generated/prisma'))) {
  log('generating the Prisma client…');
  // prisma generate only needs some DATABASE_URL; no database is contacted.
  await runOnce('npm', ['exec', '--workspace', '@lesplein/api', '--', 'prisma', 'generate'], {
    DATABASE_URL: process.env.DATABASE_URL ?? 'postgresql://localhost/unused',
  });
}

if (!shuttingDown) {
  for (const proc of PROCESSES) start(proc);
  log(`open ${paint(1, WEB_URL)} (Vite, proxies /api to the API on ${API_URL}); Ctrl-C stops everything`);
}

// `npm run dev -w @lesplein/api`: compile with tsc (esbuild-based runners such as tsx do not emit
// the decorator metadata Nest's dependency injection needs), recompile on change and restart
// the server with `node --watch`. Ctrl-C reaches both; the server stops its PostgreSQL cleanly.
import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';

const dir = path.resolve(import.meta.dirname, '..');
const tsc = path.join(dir, '..', '..', 'node_modules', '.bin', 'tsc');

const first = spawnSync('npm', ['run', 'build'], { cwd: dir, stdio: 'inherit' });
if (first.status !== 0) process.exit(first.status ?? 1);

const children = [
  spawn(tsc, ['--watch', '--preserveWatchOutput', '-p', 'tsconfig.build.json'], { cwd: dir, stdio: 'inherit' }),
  spawn(process.execPath, ['--watch', '--watch-preserve-output', 'dist/main.js'], { cwd: dir, stdio: 'inherit' }),
];
const stop = (signal) => children.forEach((child) => child.kill(signal));
process.on('SIGINT', () => stop('SIGINT'));
process.on('SIGTERM', () => stop('SIGTERM'));
let running = children.length;
for (const child of children) child.on('exit', () => --running === 0 && process.exit(0));

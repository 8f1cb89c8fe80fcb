// Finds the Chromium the browser tests drive through playwright-core, installing Debian's
// `chromium` package with apt when it is missing and we are allowed to (root, or passwordless
// sudo). It never downloads a browser build itself.
//
//   node scripts/ensure-chromium.mjs   → prints the executable's path on stdout (logs on stderr)
//   import { ensureChromium, findChromium } from './ensure-chromium.mjs'
//
// Lookup order: $CHROMIUM_PATH, /usr/bin/chromium, /usr/bin/chromium-browser, `which chromium`.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const CHROMIUM_MISSING_MESSAGE =
  "Chromium is needed for the browser tests: install Debian's `chromium` package (apt-get install chromium) or set CHROMIUM_PATH";

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser'];

function isExecutableFile(file) {
  try {
    if (!fs.statSync(file).isFile()) return false;
    fs.accessSync(file, fs.constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * Returns the Chromium executable to use, or undefined when none is installed. Throws when
 * CHROMIUM_PATH is set but does not point at an executable: an explicit choice that is wrong
 * should fail loudly rather than fall back to another browser.
 */
export function findChromium(env = process.env) {
  const fromEnv = env.CHROMIUM_PATH?.trim();
  if (fromEnv) {
    if (isExecutableFile(fromEnv)) return fromEnv;
    throw new Error(`CHROMIUM_PATH is set to ${fromEnv}, which is not an executable file. ${CHROMIUM_MISSING_MESSAGE}.`);
  }
  for (const candidate of CANDIDATES) {
    if (isExecutableFile(candidate)) return candidate;
  }
  const which = spawnSync('which', ['chromium'], { encoding: 'utf8' });
  const found = which.status === 0 ? which.stdout.trim().split('\n')[0] : '';
  if (found && isExecutableFile(found)) return found;
  return undefined;
}

/** 'root' when we are root, 'sudo' when passwordless sudo works, otherwise undefined. */
function privilege() {
  if (process.getuid?.() === 0) return 'root';
  const sudo = spawnSync('sudo', ['-n', 'true'], { stdio: 'ignore' });
  return sudo.status === 0 ? 'sudo' : undefined;
}

function isAptSystem() {
  return process.platform === 'linux' && fs.existsSync('/etc/debian_version') && isExecutableFile('/usr/bin/apt-get');
}

/** Runs apt-get (as root or through sudo), streaming its output to stderr. */
function aptGet(args, how) {
  const [command, argv] = how === 'sudo' ? ['sudo', ['-n', '--preserve-env=DEBIAN_FRONTEND', 'apt-get', ...args]] : ['apt-get', args];
  process.stderr.write(`$ ${how === 'sudo' ? 'sudo ' : ''}apt-get ${args.join(' ')}\n`);
  return new Promise((resolve, reject) => {
    const child = spawn(command, argv, {
      stdio: ['ignore', process.stderr, process.stderr],
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
    child.once('error', reject);
    child.once('exit', (code, signal) =>
      code === 0 ? resolve() : reject(new Error(`apt-get ${args.join(' ')} failed (${signal ?? `exit code ${code}`})`)),
    );
  });
}

/**
 * Resolves to the path of a usable Chromium, installing Debian's package when it is missing
 * and we may. Rejects with a message that says what to do otherwise.
 */
export async function ensureChromium() {
  const existing = findChromium();
  if (existing) return existing;

  const how = privilege();
  if (!isAptSystem() || !how) {
    const why = !isAptSystem() ? 'this is not a Debian/apt system' : 'we are not root and passwordless sudo is unavailable';
    throw new Error(`${CHROMIUM_MISSING_MESSAGE}. (Not installing it automatically: ${why}.)`);
  }

  process.stderr.write("Chromium not found; installing Debian's chromium package with apt-get…\n");
  // Wait for a concurrent apt/dpkg run instead of failing on its lock.
  const lockWait = ['-o', 'DPkg::Lock::Timeout=300'];
  try {
    await aptGet([...lockWait, 'update'], how);
    await aptGet([...lockWait, 'install', '-y', 'chromium'], how);
  } catch (error) {
    throw new Error(`${CHROMIUM_MISSING_MESSAGE}. (Automatic installation failed: ${error.message}.)`);
  }
  const installed = findChromium();
  if (!installed) throw new Error(`${CHROMIUM_MISSING_MESSAGE}. (apt-get succeeded but no chromium executable was found.)`);
  return installed;
}

const isMain = process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  try {
    const executable = await ensureChromium();
    const version = spawnSync(executable, ['--version'], { encoding: 'utf8', timeout: 30_000 });
    process.stderr.write(`Chromium: ${executable}${version.status === 0 ? ` (${version.stdout.trim()})` : ''}\n`);
    process.stdout.write(`${executable}\n`);
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  }
}

import fs from 'node:fs';
import path from 'node:path';
import type { Plugin } from 'vite';
import { pickMessages, STARTUP_KEYS, type Messages } from './src/locales/startup-keys';

const PREFIX = 'virtual:startup-locale/';

/**
 * `import messages from 'virtual:startup-locale/nl'`: the start-up part of a locale
 * (src/locales/startup-keys.ts), cut from src/locales/<language>.json at build time so the
 * start-up bundle does not carry the whole file.
 */
export function startupLocale(): Plugin {
  const localesDir = path.resolve(import.meta.dirname, 'src', 'locales');
  return {
    name: 'lesplein-startup-locale',
    resolveId(id) {
      return id.startsWith(PREFIX) ? `\0${id}` : null;
    },
    load(id) {
      if (!id.startsWith(`\0${PREFIX}`)) return null;
      const language = id.slice(PREFIX.length + 1);
      if (!/^[a-z]{2}$/.test(language)) throw new Error(`Unknown locale ${language}`);
      const file = path.join(localesDir, `${language}.json`);
      this.addWatchFile(file);
      const messages = JSON.parse(fs.readFileSync(file, 'utf8')) as Messages;
      return `export default JSON.parse(${JSON.stringify(JSON.stringify(pickMessages(messages, STARTUP_KEYS)))});`;
    },
  };
}

import fs from 'node:fs';
import path from 'node:path';

export type PiiAction = 'erase' | 'anonymise' | 'detach' | 'retain';

export interface SchemaField {
  model: string;
  name: string;
  type: string;
  /** The `/// @pii …` tag, when present. */
  pii?: { action: PiiAction; purpose: string; basis: string; retention: string };
  /** Why this field must be tagged, when it must. */
  personal?: string;
  /** The column is a PostgreSQL uuid (`@db.Uuid`). */
  uuid?: boolean;
}

const ATTRIBUTE = (name: string) => new RegExp(`${name}="([^"]*)"`);
const PERSONAL_NAME = /^(email|newEmail|emailHash|ip|ipPrefix|userAgent|firstName|lastName|phone|address|dateOfBirth|placeOfResidence)$/i;

/**
 * Reads every model of the Prisma schema folder with its `/// @pii` tags, and marks which fields
 * must carry one: every field of Member, every foreign key to Member, and fields whose names say
 * they hold personal data (e-mail, IP, user agent, names…).
 */
export function readInventory(prismaDir: string): SchemaField[] {
  const files = [path.join(prismaDir, 'schema.prisma'), ...fs.readdirSync(path.join(prismaDir, 'models')).filter((f) => f.endsWith('.prisma')).map((f) => path.join(prismaDir, 'models', f))];
  const fields: SchemaField[] = [];
  for (const file of files) {
    const source = fs.readFileSync(file, 'utf8');
    for (const match of source.matchAll(/^model (\w+) \{([\s\S]*?)^\}/gm)) {
      const model = match[1]!;
      const lines = match[2]!.split('\n');
      const memberKeys = new Set<string>();
      for (const line of lines) {
        const relation = /^\s*\w+\s+Member\??\s+@relation\([^)]*fields:\s*\[([^\]]+)\]/.exec(line);
        if (relation) relation[1]!.split(',').forEach((key) => memberKeys.add(key.trim()));
      }
      let docs: string[] = [];
      for (const line of lines) {
        const trimmed = line.trim();
        if (trimmed.startsWith('///')) {
          docs.push(trimmed.slice(3).trim());
          continue;
        }
        const field = /^(\w+)\s+([\w[\]?]+)/.exec(trimmed);
        if (!field || trimmed.startsWith('@@')) {
          docs = [];
          continue;
        }
        const [, name, type] = field as unknown as [string, string, string];
        const tag = docs.find((doc) => doc.startsWith('@pii '));
        const entry: SchemaField = { model, name, type };
        if (trimmed.includes('@db.Uuid')) entry.uuid = true;
        if (tag) {
          const action = tag.split(/\s+/)[1] as PiiAction;
          entry.pii = {
            action,
            purpose: ATTRIBUTE('purpose').exec(tag)?.[1] ?? '',
            basis: ATTRIBUTE('basis').exec(tag)?.[1] ?? '',
            retention: ATTRIBUTE('retention').exec(tag)?.[1] ?? '',
          };
        }
        if (memberKeys.has(name)) entry.personal = 'links to a member';
        else if (model === 'Member' && name !== 'id' && !isRelationField(trimmed, type)) entry.personal = 'describes a member';
        else if (PERSONAL_NAME.test(name) && !isRelationField(trimmed, type)) entry.personal = 'its name says it holds personal data';
        fields.push(entry);
        docs = [];
      }
    }
  }
  return fields;
}

function isRelationField(line: string, type: string): boolean {
  const base = type.replace(/[[\]?]/g, '');
  return line.includes('@relation') || (type.endsWith('[]') && /^[A-Z]/.test(base) && !['String', 'Int', 'BigInt', 'Boolean', 'DateTime'].includes(base));
}

// Proves that the import boundaries in eslint.config.js fire (and stay quiet where imports are
// allowed). Lints small snippets under made-up file paths with ESLint's Node API; the files do
// not need to exist. Run: node --test scripts/lint-boundaries.test.mjs
import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, it } from 'node:test';
import { ESLint } from 'eslint';

const ROOT = path.resolve(import.meta.dirname, '..');
const eslint = new ESLint({ cwd: ROOT });

const BOUNDARY_RULES = new Set(['no-restricted-imports', 'lesplein/no-imports-into', 'lesplein/no-cross-feature-imports']);

/** Boundary messages reported for `code` linted as if it were the file `file` (repo-relative). */
async function boundaryMessages(file, code) {
  const [result] = await eslint.lintText(code, { filePath: path.join(ROOT, file) });
  assert.ok(result, `no lint result for ${file}`);
  const fatal = result.messages.filter((m) => m.fatal);
  assert.deepEqual(fatal, [], `parse error in snippet for ${file}`);
  return result.messages.filter((m) => BOUNDARY_RULES.has(m.ruleId ?? ''));
}

/** Each case: [file, import statement, expected message fragment or null when allowed]. */
const PRISMA = /Only repositories touch Prisma/;
const CONTRACTS = /packages\/contracts is shared/;
const WEB_TO_API = /web client may not import API code/;
const API_TO_WEB = /API may not import web-client code/;
const FEATURES = /Features don't import each other; move shared code to components\/ or lib\//;

const cases = [
  // apps/api: only repositories (and the listed infrastructure places) use Prisma.
  ['apps/api/src/modules/resources/resources.service.ts', "import { PrismaClient } from '../../generated/prisma/client.js';", PRISMA],
  ['apps/api/src/modules/resources/resources.service.ts', "import type { Resource } from '../../generated/prisma/client.js';", PRISMA],
  ['apps/api/src/modules/resources/resources.controller.ts', "import { Prisma } from '@prisma/client';", PRISMA],
  ['apps/api/src/modules/resources/resources.mapper.ts', "export * from '../../generated/prisma/models.js';", PRISMA],
  ['apps/api/src/modules/resources/resources.repository.ts', "import { PrismaClient } from '../../generated/prisma/client.js';", null],
  ['apps/api/src/core/database/prisma.service.ts', "import { PrismaClient } from '../../generated/prisma/client.js';", null],
  ['apps/api/src/cli/reindex.ts', "import { PrismaClient } from '../generated/prisma/client.js';", null],
  ['apps/api/test/factories/member.factory.ts', "import { PrismaClient } from '../../src/generated/prisma/client.js';", null],
  ['apps/api/scripts/anonymise.ts', "import { PrismaClient } from '../src/generated/prisma/client.js';", null],
  ['apps/api/prisma/seed.ts', "import { PrismaClient } from '../src/generated/prisma/client.js';", null],
  ['apps/api/src/modules/resources/resources.service.ts', "import { ResourceSchema } from '@lesplein/contracts/resource';", null],

  // apps/api never imports the web client.
  ['apps/api/src/modules/resources/resources.service.ts', "import { x } from '@lesplein/web/src/lib/config';", API_TO_WEB],
  ['apps/api/src/modules/resources/resources.service.ts', "import { x } from '../../../../web/src/lib/config.js';", API_TO_WEB],

  // packages/contracts: zod and plain types only.
  ['packages/contracts/src/resource.ts', "import { Injectable } from '@nestjs/common';", CONTRACTS],
  ['packages/contracts/src/resource.ts', "import type { Resource } from '@prisma/client';", CONTRACTS],
  ['packages/contracts/src/resource.ts', "import { useState } from 'react';", CONTRACTS],
  ['packages/contracts/src/resource.ts', "import { createRoot } from 'react-dom/client';", CONTRACTS],
  ['packages/contracts/src/resource.ts', "import { x } from '@lesplein/api/src/config/env';", CONTRACTS],
  ['packages/contracts/src/resource.ts', "import { x } from '../../../apps/api/src/config/env.js';", CONTRACTS],
  ['packages/contracts/src/resource.ts', "import { x } from '../../../apps/web/src/lib/config.js';", CONTRACTS],
  ['packages/contracts/src/resource.ts', "import { z } from 'zod';", null],
  ['packages/contracts/src/resource.ts', "import { PageSchema } from './common.js';", null],

  // apps/web: features are independent; the web client never imports the API.
  ['apps/web/src/features/resources/ResourcePage.tsx', "import { useFolders } from '../collections/useFolders';", FEATURES],
  ['apps/web/src/features/resources/hooks/useResource.ts', "import { x } from '../../collections/api/get-folder';", FEATURES],
  ['apps/web/src/features/resources/ResourcePage.tsx', "import { x } from '../../features/community/follow';", FEATURES],
  ['apps/web/src/features/resources/ResourcePage.tsx', "import { x } from '@/features/community/follow';", FEATURES],
  ['apps/web/src/features/resources/ResourcePage.tsx', "const m = await import('../search/SearchPage'); void m;", FEATURES],
  ['apps/web/src/features/resources/ResourcePage.tsx', "import { x } from './get-resource';", null],
  ['apps/web/src/features/resources/hooks/useResource.ts', "import { x } from '../get-resource';", null],
  ['apps/web/src/features/resources/ResourcePage.tsx', "import { Button } from '../../components/ui/Button';", null],
  ['apps/web/src/features/resources/ResourcePage.tsx', "import { apiClient } from '../../lib/api-client';", null],
  ['apps/web/src/app/routes.tsx', "import { ResourcePage } from '../features/resources/ResourcePage';", null],
  ['apps/web/src/lib/api-client.ts', "import { ProblemSchema } from '@lesplein/contracts/common';", null],
  ['apps/web/src/lib/api-client.ts', "import { x } from '@lesplein/api/src/main';", WEB_TO_API],
  ['apps/web/src/lib/api-client.ts', "import { x } from '../../../api/src/config/env';", WEB_TO_API],
  ['apps/web/e2e/support/stack.ts', "import { x } from '../../../api/src/config/env.js';", WEB_TO_API],
  ['apps/web/src/lib/api-client.ts', "import { Prisma } from '@prisma/client';", WEB_TO_API],
];

describe('import boundaries in eslint.config.js', () => {
  for (const [file, code, expected] of cases) {
    const title = `${expected ? 'reports' : 'allows'} ${code}  (in ${file})`;
    it(title, async () => {
      const messages = await boundaryMessages(file, code);
      if (expected === null) {
        assert.deepEqual(messages.map((m) => `${m.ruleId}: ${m.message}`), [], 'expected no boundary error');
      } else {
        assert.equal(messages.length, 1, `expected exactly one boundary error, got: ${JSON.stringify(messages.map((m) => m.message))}`);
        assert.match(messages[0].message, expected);
        assert.equal(messages[0].severity, 2, 'boundary violations must be errors');
      }
    });
  }

  it('lints every boundary snippet with the project config (no file is ignored)', async () => {
    for (const [file] of cases) {
      assert.equal(await eslint.isPathIgnored(path.join(ROOT, file)), false, `${file} is ignored by eslint.config.js`);
    }
  });
});

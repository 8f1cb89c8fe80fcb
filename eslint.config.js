// ESLint flat config for the whole monorepo. No type-aware rules, so `npm run lint` stays fast.
//
// Besides the usual recommended rules it enforces the architecture's import boundaries
// (docs/CONVENTIONS.md); every message says what the rule is and where the code should go:
//   - apps/api: only repositories (and the database core, CLI, scripts, seeds, tests) use Prisma;
//   - packages/contracts: no Nest, Prisma, React or app imports (API and web share it);
//   - apps/web: features don't import each other; web and API never import each other.
// scripts/lint-boundaries.test.mjs proves each boundary fires.
import path from 'node:path';
import { defineConfig } from 'eslint/config';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const ROOT = import.meta.dirname;

const MESSAGES = {
  prisma:
    'Only repositories touch Prisma (docs/CONVENTIONS.md): move this query into a *.repository.ts and let it return plain objects or types it exports.',
  contracts:
    'packages/contracts is shared by the API and the browser: keep it to zod schemas and plain types, with no Nest, Prisma, React or app imports.',
  webToApi:
    'The web client may not import API code: share the shape through a zod schema in packages/contracts (@lesplein/contracts).',
  apiToWeb:
    'The API may not import web-client code: share the shape through a zod schema in packages/contracts (@lesplein/contracts).',
  features: "Features don't import each other; move shared code to components/ or lib/.",
};

// ---------------------------------------------------------------------------------------------
// A small local plugin for boundaries that depend on where a file and its import *resolve*,
// which string patterns cannot express (relative paths such as '../../../api/src/x').
// ---------------------------------------------------------------------------------------------

/** Calls `check(specifier, node)` for every static import/export-from and literal dynamic import. */
function importVisitor(check) {
  const fromSource = (node) => {
    if (node.source && typeof node.source.value === 'string') check(node.source.value, node.source);
  };
  return {
    ImportDeclaration: fromSource,
    ExportNamedDeclaration: fromSource,
    ExportAllDeclaration: fromSource,
    ImportExpression(node) {
      if (node.source.type === 'Literal' && typeof node.source.value === 'string') check(node.source.value, node.source);
    },
  };
}

const toPosix = (p) => p.split(path.sep).join('/');

/** The importing file relative to the repository root, in POSIX form. */
function fileFromRoot(context) {
  return toPosix(path.relative(ROOT, context.physicalFilename ?? context.filename));
}

/** A relative specifier resolved to a repository-relative POSIX path; undefined for bare ones. */
function resolveFromRoot(context, specifier) {
  if (!specifier.startsWith('.')) return undefined;
  const file = context.physicalFilename ?? context.filename;
  return toPosix(path.relative(ROOT, path.resolve(path.dirname(file), specifier)));
}

const noImportsInto = {
  meta: {
    type: 'problem',
    docs: { description: 'Forbid relative imports that resolve into a given directory of the repository.' },
    schema: [
      {
        type: 'array',
        items: {
          type: 'object',
          properties: { dir: { type: 'string' }, message: { type: 'string' } },
          required: ['dir', 'message'],
          additionalProperties: false,
        },
      },
    ],
    messages: { forbidden: "'{{specifier}}' resolves into {{dir}}/. {{message}}" },
  },
  create(context) {
    const rules = context.options[0] ?? [];
    return importVisitor((specifier, node) => {
      const target = resolveFromRoot(context, specifier);
      if (target === undefined) return;
      for (const { dir, message } of rules) {
        if (target === dir || target.startsWith(`${dir}/`)) {
          context.report({ node, messageId: 'forbidden', data: { specifier, dir, message } });
          return;
        }
      }
    });
  },
};

const FEATURE_FILE = /^apps\/web\/src\/features\/([^/]+)\//;
// Path-alias forms such as '@/features/x', '~/features/x' or 'src/features/x'.
const FEATURE_ALIAS = /^(?:@|~|#|src)\/(?:.*\/)?features\/([^/]+)/;

const noCrossFeatureImports = {
  meta: {
    type: 'problem',
    docs: { description: 'A file in apps/web/src/features/<a>/ may not import from another feature.' },
    schema: [],
    messages: { crossFeature: "features/{{from}} imports features/{{to}} ('{{specifier}}'). {{message}}" },
  },
  create(context) {
    const from = FEATURE_FILE.exec(fileFromRoot(context))?.[1];
    if (from === undefined) return {};
    return importVisitor((specifier, node) => {
      const resolved = resolveFromRoot(context, specifier);
      const to = resolved === undefined ? FEATURE_ALIAS.exec(specifier)?.[1] : FEATURE_FILE.exec(`${resolved}/`)?.[1];
      if (to !== undefined && to !== from) {
        context.report({ node, messageId: 'crossFeature', data: { from, to, specifier, message: MESSAGES.features } });
      }
    });
  },
};

const lesplein = {
  meta: { name: 'lesplein-local' },
  rules: { 'no-imports-into': noImportsInto, 'no-cross-feature-imports': noCrossFeatureImports },
};

// ---------------------------------------------------------------------------------------------
// no-restricted-imports option building blocks. A later config object replaces (not merges)
// a rule's options, so each file group below lists every restriction that applies to it.
// ---------------------------------------------------------------------------------------------

const PRISMA_PATTERNS = [
  { group: ['@prisma/client', '@prisma/client/*', '.prisma/client', '.prisma/client/*'], message: MESSAGES.prisma },
  { regex: '(^|/)generated/prisma(/|$)', message: MESSAGES.prisma },
];
// Relative paths into another app are caught by lesplein/no-imports-into (it resolves them).
const WEB_FROM_API = [{ regex: '^@lesplein/web(/|$)', message: MESSAGES.apiToWeb }];
const API_FROM_WEB = [
  { regex: '^@lesplein/api(/|$)', message: MESSAGES.webToApi },
  { group: ['@prisma/*', '@nestjs/*'], message: MESSAGES.webToApi },
];
const CONTRACTS_PATTERNS = [
  {
    group: ['@nestjs/*', '@prisma/*', '.prisma/*', 'react', 'react/*', 'react-dom', 'react-dom/*'],
    message: MESSAGES.contracts,
  },
  { regex: '^@lesplein/(api|web)(/|$)|(^|/)generated/prisma(/|$)', message: MESSAGES.contracts },
];

const restrict = (...patterns) => ['error', { patterns: patterns.flat() }];

// Places in apps/api allowed to use the Prisma client directly.
const PRISMA_ALLOWED = [
  'apps/api/src/**/*.repository.ts',
  'apps/api/src/core/database/**',
  'apps/api/src/cli/**',
  'apps/api/test/**',
  'apps/api/scripts/**',
  'apps/api/prisma/**',
];

const TS_FILES = ['**/*.{ts,tsx,mts,cts}'];

export default defineConfig([
  {
    ignores: [
      '**/dist/**',
      '**/node_modules/**',
      'apps/api/src/generated/**',
      '**/coverage/**',
      '**/.data/**',
      '**/.turbo/**',
      '**/.tmp/**',
      'apps/web/test-results/**',
    ],
  },
  { linterOptions: { reportUnusedDisableDirectives: 'error' } },

  js.configs.recommended,
  { files: TS_FILES, extends: [tseslint.configs.recommended] },
  {
    files: TS_FILES,
    rules: {
      // `_`-prefixed names mark parameters and bindings that are unused on purpose.
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
    },
  },
  {
    // Test code may leave response bodies loosely typed (e.g. an HTTP test client's `T = any`).
    files: ['apps/*/test/**', 'apps/web/e2e/**', '**/*.spec.ts', '**/*.spec.tsx', '**/*.e2e-spec.ts', '**/*.e2e.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['**/*.{js,mjs,cjs}'],
    rules: {
      'no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' }],
    },
  },

  // Globals: Node for tooling, the API and configs; the browser for the web client's sources.
  {
    files: ['**/*.{js,mjs,cjs,ts,mts,cts,tsx}'],
    languageOptions: { ecmaVersion: 2023, sourceType: 'module', globals: { ...globals.node } },
  },
  {
    files: ['apps/web/src/**'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    files: ['packages/contracts/src/**'],
    languageOptions: { globals: { ...globals['shared-node-browser'] } },
  },

  // React hooks rules for the web client's components, and for its .ts files that define hooks
  // (one file per API operation exports a fetcher, query options and a use… hook).
  {
    files: ['apps/web/**/*.tsx', 'apps/web/src/**/*.ts'],
    extends: [reactHooks.configs.flat.recommended],
  },

  // ---- Import boundaries ----------------------------------------------------------------------
  { plugins: { lesplein } },
  {
    files: ['apps/api/**'],
    rules: {
      'no-restricted-imports': restrict(PRISMA_PATTERNS, WEB_FROM_API),
      'lesplein/no-imports-into': ['error', [{ dir: 'apps/web', message: MESSAGES.apiToWeb }]],
    },
  },
  {
    files: PRISMA_ALLOWED,
    rules: { 'no-restricted-imports': restrict(WEB_FROM_API) },
  },
  {
    files: ['packages/contracts/**'],
    rules: {
      'no-restricted-imports': restrict(CONTRACTS_PATTERNS),
      'lesplein/no-imports-into': ['error', [{ dir: 'apps', message: MESSAGES.contracts }]],
    },
  },
  {
    files: ['apps/web/**'],
    rules: {
      'no-restricted-imports': restrict(API_FROM_WEB),
      'lesplein/no-imports-into': ['error', [{ dir: 'apps/api', message: MESSAGES.webToApi }]],
    },
  },
  {
    files: ['apps/web/src/features/**'],
    rules: { 'lesplein/no-cross-feature-imports': 'error' },
  },
]);

import fs from 'node:fs';
import path from 'node:path';

import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';

const ROOT = import.meta.dirname;

// Test code and the test helpers themselves may reach into the dev cluster and lib/testing;
// nothing else may.
const TEST_FILES = ['**/*.test.ts', '**/*.test.tsx', '**/*.itest.ts'];

const noKubernetesClient = {
  name: '@kubernetes/client-node',
  message: 'Cluster access lives in server-only lib/ modules.',
};

const noTestCode = [
  {
    // Aliased: @/lib/testing/..., @/devcluster/...
    regex: '^@/(?:lib/testing|devcluster)(?:/|$)',
    message: 'Product code may not import test helpers (lib/testing) or the dev cluster.',
  },
  {
    // Relative: ../testing/admin, ../../devcluster/src/x, ./lib/testing, ...
    regex: '^\\.{1,2}/(?:.*/)?(?:testing|devcluster)(?:/|$)',
    message: 'Product code may not import test helpers (lib/testing) or the dev cluster.',
  },
];

// --- stratus/no-server-only-in-client -----------------------------------------------------------
// A 'use client' file must not import a project module that starts with `import 'server-only'`
// (the build would fail, or worse, server code would be bundled for the browser). Type-only
// imports are erased at compile time and are allowed.

const RESOLVE_SUFFIXES = ['', '.ts', '.tsx', '/index.ts', '/index.tsx'];
const SERVER_ONLY_IMPORT = /^\s*import\s+['"]server-only['"]/m;
const serverOnlyCache = new Map(); // file -> { mtimeMs, serverOnly }

function isFile(file) {
  try {
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

function resolveProjectImport(specifier, fromFile) {
  let base;
  if (specifier.startsWith('@/')) base = path.join(ROOT, specifier.slice(2));
  else if (specifier.startsWith('./') || specifier.startsWith('../'))
    base = path.resolve(path.dirname(fromFile), specifier);
  else return null; // bare package import
  for (const suffix of RESOLVE_SUFFIXES) {
    if (isFile(base + suffix)) return base + suffix;
  }
  return null;
}

function isServerOnly(file) {
  let mtimeMs;
  try {
    mtimeMs = fs.statSync(file).mtimeMs;
  } catch {
    return false;
  }
  const cached = serverOnlyCache.get(file);
  if (cached && cached.mtimeMs === mtimeMs) return cached.serverOnly;
  const serverOnly = SERVER_ONLY_IMPORT.test(fs.readFileSync(file, 'utf8'));
  serverOnlyCache.set(file, { mtimeMs, serverOnly });
  return serverOnly;
}

function isTypeOnly(node) {
  if (node.importKind === 'type' || node.exportKind === 'type') return true;
  // `import { type A, type B } from 'x'` is erased too (no verbatimModuleSyntax here).
  const specifiers = node.specifiers ?? [];
  return (
    specifiers.length > 0 &&
    specifiers.every((s) => s.importKind === 'type' || s.exportKind === 'type')
  );
}

const noServerOnlyInClient = {
  meta: {
    type: 'problem',
    docs: {
      description: "Disallow importing `import 'server-only'` modules from 'use client' files",
    },
    schema: [],
    messages: {
      serverOnly: 'Client components may not import server-only modules ({{path}}).',
    },
  },
  create(context) {
    const first = context.sourceCode.ast.body[0];
    const isClient = first?.type === 'ExpressionStatement' && first.directive === 'use client';
    if (!isClient) return {};
    const check = (node) => {
      if (!node.source || typeof node.source.value !== 'string' || isTypeOnly(node)) return;
      const target = resolveProjectImport(node.source.value, context.filename);
      if (target && isServerOnly(target)) {
        context.report({
          node: node.source,
          messageId: 'serverOnly',
          data: { path: path.relative(ROOT, target).split(path.sep).join('/') },
        });
      }
    };
    return {
      ImportDeclaration: check,
      // Re-exports pull the module into the client bundle just the same.
      ExportNamedDeclaration: check,
      ExportAllDeclaration: check,
    };
  },
};

const stratus = { rules: { 'no-server-only-in-client': noServerOnlyInClient } };

const config = [
  ...nextVitals,
  ...nextTs,
  {
    ignores: [
      '.next/**',
      '.next-test/**',
      '.next-bench/**',
      'node_modules/**',
      '.devcluster/**',
      'test-results/**',
      'playwright-report/**',
      'next-env.d.ts',
    ],
  },
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
    },
  },
  // no-restricted-imports: a later block's options REPLACE an earlier block's for the same file,
  // so each block below carries every restriction that applies to the files it matches.
  {
    // Product code may not touch the cluster from the browser, nor import test code.
    files: ['app/**', 'components/**'],
    ignores: TEST_FILES,
    rules: {
      'no-restricted-imports': ['error', { paths: [noKubernetesClient], patterns: noTestCode }],
    },
  },
  {
    // Tests under app/ and components/ may use test helpers, but still not the cluster client.
    files: TEST_FILES.flatMap((t) => [`app/${t}`, `components/${t}`]),
    rules: {
      'no-restricted-imports': ['error', { paths: [noKubernetesClient] }],
    },
  },
  {
    // Product lib/ code may use the cluster client, but not test helpers or the dev cluster.
    files: ['lib/**'],
    ignores: [...TEST_FILES, 'lib/testing/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: noTestCode }],
    },
  },
  {
    files: ['app/**', 'components/**', 'lib/**'],
    plugins: { stratus },
    rules: {
      'stratus/no-server-only-in-client': 'error',
    },
  },
];

export default config;

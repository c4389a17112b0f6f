// ESLint for the whole repository: `npm run lint` (zero warnings; part of `npm test` and so of CI).
// TypeScript gets typescript-eslint's strict-type-checked set with type information from each
// workspace's own tsconfig (projectService); the Node scripts (.mjs) get ESLint's recommended set.
// Import boundaries are `no-restricted-imports` patterns, generated per folder depth below, so a
// relative path is read exactly: libs never import apps, the web app and the API never import each
// other, an API feature folder is entered only through its `index.js`, and a web feature folder
// (apps/web/src/features/*) only through its `index.ts`.
import { readdirSync, existsSync } from 'node:fs';
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';
import local from './eslint-rules/kebab-case-file-names.js';

const TS = ['**/*.ts', '**/*.tsx'];
const TESTS = ['**/*.spec.ts', '**/*.spec.tsx', 'apps/api/test/**', 'apps/web/src/test/**', 'e2e/**'];

const NODE_GLOBALS = Object.fromEntries(
  [
    'process',
    'console',
    'Buffer',
    'URL',
    'URLSearchParams',
    'setTimeout',
    'clearTimeout',
    'setInterval',
    'clearInterval',
    'setImmediate',
    'fetch',
    'AbortController',
    'AbortSignal',
    'TextEncoder',
    'TextDecoder',
    'structuredClone',
    'performance',
    'queueMicrotask',
    'crypto',
  ].map((name) => [name, 'readonly']),
);

// ── import boundaries ────────────────────────────────────────────────────────────────────────
const up = (n) => `(\\.\\./){${n}}`;
const otherApp = (depth, app) => [
  {
    regex: `^${up(depth + 1)}${app}(/|$)|^${up(depth + 2)}apps/${app}(/|$)|^@dari/${app}(/|$)`,
    message: `apps/${app === 'api' ? 'web' : 'api'} does not import apps/${app}: share code through libs/contracts.`,
  },
];
// Feature folders of apps/api/src: a folder with an index.ts is a feature, entered only through it.
const API_SRC = 'apps/api/src';
const apiFeatures = existsSync(API_SRC)
  ? readdirSync(API_SRC, { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && existsSync(`${API_SRC}/${entry.name}/index.ts`))
      .map((entry) => entry.name)
  : [];
const MAX_DEPTH = 6;
/** Globs for the .ts/.tsx files exactly `depth` folders below `root` (depth 0: files in root). */
const atDepth = (root, depth) => [`${root}/${'*/'.repeat(depth)}*.ts`, `${root}/${'*/'.repeat(depth)}*.tsx`];

const boundaryBlocks = [
  {
    files: ['libs/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '(^|/)apps/|^@dari/(api|web)(/|$)',
              message: 'libs/ never imports from apps/: move the code into a lib.',
            },
          ],
        },
      ],
    },
  },
];
for (const app of ['api', 'web']) {
  const other = app === 'api' ? 'web' : 'api';
  for (let depth = 0; depth <= MAX_DEPTH; depth++) {
    boundaryBlocks.push({
      files: atDepth(`apps/${app}`, depth),
      rules: { 'no-restricted-imports': ['error', { patterns: otherApp(depth, other) }] },
    });
  }
}
for (const feature of apiFeatures) {
  const others = apiFeatures.filter((name) => name !== feature);
  if (others.length === 0) continue;
  for (let depth = 1; depth <= MAX_DEPTH; depth++) {
    // A file `depth` folders below apps/api (apps/api/src/<feature>/x.ts is depth 2) reaches
    // src with depth-1 `../`.
    const toSrc = up(depth);
    boundaryBlocks.push({
      files: atDepth(`${API_SRC}/${feature}`, depth - 1),
      rules: {
        'no-restricted-imports': [
          'error',
          {
            patterns: [
              ...otherApp(depth + 1, 'web'),
              {
                regex: `^${toSrc}(${others.join('|')})/(?!index\\.js$)`,
                message: 'Import another API feature only through its index.js (../<feature>/index.js).',
              },
            ],
          },
        ],
      },
    });
  }
}

// The composition root (app.module.ts) and the command-line programs (cli/) wire features together,
// and they too take each feature only through its index.js. (entities.ts, the list of entities
// TypeORM loads, is the one file that names files inside features.)
if (apiFeatures.length > 0) {
  for (const [files, depth] of [
    [[`${API_SRC}/app.module.ts`], 1],
    [atDepth(`${API_SRC}/cli`, 0), 2],
  ]) {
    boundaryBlocks.push({
      files,
      rules: {
        'no-restricted-imports': [
          'error',
          {
            patterns: [
              ...otherApp(depth, 'web'),
              {
                regex: `^${depth === 1 ? '\\./' : up(depth - 1)}(${apiFeatures.join('|')})/(?!index\\.js$)`,
                message: 'Import an API feature only through its index.js (<feature>/index.js).',
              },
            ],
          },
        ],
      },
    });
  }
}

// Feature folders of apps/web/src/features: each is entered by the others only through its index.ts,
// by the alias (`@/features/<feature>`) or a relative path (`../../<feature>`).
const WEB_FEATURES_DIR = 'apps/web/src/features';
const webFeatures = existsSync(WEB_FEATURES_DIR)
  ? readdirSync(WEB_FEATURES_DIR, { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name)
  : [];
for (const feature of webFeatures) {
  const others = webFeatures.filter((name) => name !== feature).join('|');
  if (!others) continue;
  for (let depth = 0; depth <= MAX_DEPTH - 3; depth++) {
    // A file `depth` folders below apps/web/src/features/<feature> is depth + 3 below apps/web and
    // reaches apps/web/src/features with depth + 1 `../`.
    boundaryBlocks.push({
      files: atDepth(`${WEB_FEATURES_DIR}/${feature}`, depth),
      rules: {
        'no-restricted-imports': [
          'error',
          {
            patterns: [
              ...otherApp(depth + 3, 'api'),
              {
                regex: `^(@/features/|${up(depth + 1)})(${others})/(?!index$)`,
                message: 'Import another web feature only through its index (@/features/<feature>).',
              },
            ],
          },
        ],
      },
    });
  }
}

export default defineConfig([
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      '**/dist-types/**',
      'apps/web/public/**',
      'test-results/**',
      'playwright-report/**',
      '**/coverage/**',
      'libs/curriculum/courses/**',
      'libs/curriculum/facts/**',
      'libs/curriculum/glossary/**',
    ],
  },
  { linterOptions: { reportUnusedDisableDirectives: 'error' } },

  // Node scripts and this config: ESLint's recommended set.
  {
    files: ['**/*.mjs', '**/*.js'],
    extends: [js.configs.recommended],
    languageOptions: { ecmaVersion: 'latest', sourceType: 'module', globals: NODE_GLOBALS },
  },

  // TypeScript: strict and type-checked.
  {
    files: TS,
    extends: [js.configs.recommended, tseslint.configs.strictTypeChecked],
    languageOptions: {
      parserOptions: {
        projectService: {
          // Files no tsconfig includes: the libs' tests and vitest configs (their tsconfig builds
          // src only). The API's scripts (run by tsx) have their own, apps/api/scripts/tsconfig.json.
          allowDefaultProject: ['libs/*/src/*.spec.ts', 'libs/*/vitest.config.ts'],
          maximumDefaultProjectFileMatchCount_THIS_WILL_SLOW_DOWN_LINTING: 16,
        },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    plugins: { local },
    rules: {
      'local/kebab-case-file-names': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      // Nest modules are classes with only a decorator.
      '@typescript-eslint/no-extraneous-class': ['error', { allowWithDecorator: true }],
      // Numbers read fine in a template; everything else must be a string already.
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      // `onClick={() => setOpen(false)}` is React's idiom; a void returned from a block still counts.
      '@typescript-eslint/no-confusing-void-expression': ['error', { ignoreArrowShorthand: true }],
      // A leading underscore marks a deliberately unused name; `{ drop, ...rest }` picks keys off.
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
    },
  },
  {
    files: TESTS,
    rules: {
      // `expect(service.method).toHaveBeenCalled()` passes a method without calling it.
      '@typescript-eslint/unbound-method': 'off',
      // Tests read response bodies as parsed JSON (`any`) and assert on their shape field by field.
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      // In a test `rows.find(...)!` is the assertion: a missing row fails right there.
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },

  ...boundaryBlocks,
]);

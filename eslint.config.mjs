// ESLint for the whole monorepo (`npm run lint`, part of `npm test`, zero warnings allowed).
// Formatting is Prettier's job (`npm run format:check`): nothing here is stylistic, so the two never disagree.
// TypeScript is linted with type information (typescript-eslint's project service finds each file's
// tsconfig: apps/web/tsconfig.json for the web, the root tsconfig.json for everything else), because the
// bugs worth a lint step here are async ones — a promise nobody awaits, or an async handler given to
// something that ignores its result — and only the type checker can see those.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

/** The Node globals the repo's plain-JS scripts (CommonJS) use; `globals` is not a declared dependency. */
const nodeGlobals = Object.fromEntries(
  [
    'require',
    'module',
    'exports',
    '__dirname',
    '__filename',
    'process',
    'console',
    'Buffer',
    'URL',
    'setTimeout',
    'clearTimeout',
    'setInterval',
    'clearInterval',
    'setImmediate',
  ].map((name) => [name, 'readonly']),
);

export default tseslint.config(
  {
    // Build output, dependencies, run artefacts, vendored data and generated code: nothing written by hand.
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      'coverage/**',
      'test-artifacts/**',
      'bench/out/**',
      '.apertura/**',
      'libs/geo/data/**',
      '**/*.generated.ts',
      // The web's API types, generated from the OpenAPI document (`npm run api:types`).
      'apps/web/src/shared/api-schema.d.ts',
    ],
  },
  {
    // A disable comment that no longer suppresses anything is an error, so they cannot go stale again.
    linterOptions: { reportUnusedDisableDirectives: 'error' },
  },
  js.configs.recommended,
  {
    rules: {
      // Matching control characters is deliberate wherever a regex does it here (input sanitising, XML
      // 1.0 validity, header safety), always spelt as \u escapes; the rule would only demand a disable
      // comment at each of them.
      'no-control-regex': 'off',
    },
  },
  {
    files: ['**/*.{ts,tsx,mts}'],
    extends: [tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      // The codebase has no `any`; keep it that way (tests included).
      '@typescript-eslint/no-explicit-any': 'error',
      // A promise nobody awaits, or an async function given to a callback that ignores its result (a JSX
      // event prop), loses its rejection. The web's async event handlers catch and show their own errors
      // (an error alert), so they are attached as `onSubmit={(e) => void submit(e)}`: the `void` says
      // "fire and forget, failures handled inside", and the rule keeps every new one honest.
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      // `_name` marks a binding kept on purpose (a destructured field left out of a rest, an unused
      // callback parameter required by a signature).
      '@typescript-eslint/no-unused-vars': [
        'error',
        {
          argsIgnorePattern: '^_',
          varsIgnorePattern: '^_',
          caughtErrorsIgnorePattern: '^_',
          destructuredArrayIgnorePattern: '^_',
          ignoreRestSiblings: true,
        },
      ],
      // Off on purpose — they do not earn their cost here:
      // - no-unsafe-*: TypeORM's `query()` and supertest's `body` are typed `any` by those libraries; the
      //   rows are given types at the call site (and checked by tests against real PostgreSQL). Turning
      //   these on means ~2,200 casts that add no safety.
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      // - unbound-method: fires on every `expect(mock.method)` and on Nest's decorator-bound handlers.
      '@typescript-eslint/unbound-method': 'off',
      // - require-await: async functions without `await` are deliberate here (interfaces that return a
      //   promise, async generators over in-memory data, test doubles); the rule only adds noise.
      '@typescript-eslint/require-await': 'off',
      // - no-unnecessary-type-assertion: a cleanup, not a bug finder; left for a separate change.
      '@typescript-eslint/no-unnecessary-type-assertion': 'off',
      // - no-base-to-string: answers, definitions and library errors are `unknown` JSON here, and
      //   `String(value)` of one is deliberate; the rule flags every such call (none was a bug).
      //   restrict-template-expressions (on) still catches an object or array put in a template.
      '@typescript-eslint/no-base-to-string': 'off',
      // - no-unsafe-enum-comparison: Nest's `getStatus()` is a number and `HttpStatus` a numeric enum;
      //   comparing the two is the framework's idiom.
      '@typescript-eslint/no-unsafe-enum-comparison': 'off',
      // A caught `unknown` passed on unchanged (`reject(err)`) is propagation, not a new non-Error reason.
      '@typescript-eslint/prefer-promise-reject-errors': ['error', { allowThrowingUnknown: true }],
    },
  },
  {
    // A function longer than a screen hides its seams: split it where its comments already say "now …"
    // (issue #14). Blank lines and comments do not count. Tests (a describe block is one long function by
    // nature) and migrations (a schema written down once, never changed) are exempt.
    files: ['apps/**/*.{ts,tsx}', 'libs/**/*.ts'],
    ignores: ['**/*.spec.ts', '**/*.spec.tsx', '**/migrations/**'],
    rules: { 'max-lines-per-function': ['error', { max: 80, skipBlankLines: true, skipComments: true }] },
  },
  {
    files: ['apps/web/**/*.{ts,tsx}'],
    // rules-of-hooks is an error; exhaustive-deps is a warning, which `--max-warnings 0` makes a failure.
    extends: [reactHooks.configs['recommended-latest']],
  },
  {
    // Plain-JS Node scripts and configs (CommonJS unless .mjs): no type information, Node globals.
    files: ['**/*.{js,cjs}'],
    languageOptions: { sourceType: 'commonjs', globals: nodeGlobals },
  },
  {
    files: ['**/*.mjs'],
    languageOptions: { sourceType: 'module', globals: nodeGlobals },
  },
);

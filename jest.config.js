// One jest config for the monorepo. TypeScript is transpiled by SWC (fast on 2 cores);
// type checking is a separate step (`npm run typecheck`) that `npm test` runs first.
const fs = require('fs');
const swc = JSON.parse(fs.readFileSync(`${__dirname}/.swcrc`, 'utf8'));
delete swc.$schema;

const moduleNameMapper = {
  '^@apertura/reasons-text$': '<rootDir>/libs/metric/src/reasons-text.ts',
  '^@apertura/sanitize-html$': '<rootDir>/libs/questionnaire/src/sanitize-html.ts',
  '^@apertura/(db|queue|questionnaire|metric|geo|config)$': '<rootDir>/libs/$1/src',
  '^@apertura/(db|queue|questionnaire|metric|geo|config)/(.*)$': '<rootDir>/libs/$1/src/$2',
};
const transform = { '^.+\\.(t|j)s$': ['@swc/jest', swc] };
const base = {
  rootDir: __dirname,
  moduleNameMapper,
  transform,
  testEnvironment: 'node',
  moduleFileExtensions: ['ts', 'js', 'json'],
};

module.exports = {
  testTimeout: 90000,
  globalSetup: '<rootDir>/test/support/global-setup.js',
  projects: [
    { ...base, displayName: 'unit', testMatch: ['<rootDir>/libs/**/*.spec.ts', '<rootDir>/apps/**/*.spec.ts'] },
    {
      ...base,
      displayName: 'e2e',
      testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'],
    },
  ],
};

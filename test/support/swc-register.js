/**
 * `node -r ./test/support/swc-register.js some.ts`: runs the TypeScript sources directly, the way
 * jest does (SWC with the repo's .swcrc, `@apertura/*` aliases onto libs/<name>/src). Used to start
 * real worker processes in fault tests without a build step.
 */
'use strict';
const fs = require('fs');
const path = require('path');
const Module = require('module');
const { transformSync } = require('@swc/core');

const root = path.resolve(__dirname, '..', '..');
const swcrc = JSON.parse(fs.readFileSync(path.join(root, '.swcrc'), 'utf8'));
delete swcrc.$schema;
const LIBS = new Set(['db', 'queue', 'questionnaire', 'metric', 'geo', 'config']);

const resolveFilename = Module._resolveFilename;
Module._resolveFilename = function (request, parent, isMain, options) {
  const m = /^@apertura\/([a-z]+)(\/.*)?$/.exec(request);
  const mapped = m && LIBS.has(m[1]) ? path.join(root, 'libs', m[1], 'src', m[2] || '') : request;
  return resolveFilename.call(this, mapped, parent, isMain, options);
};

require.extensions['.ts'] = function compileTypeScript(module, filename) {
  const source = fs.readFileSync(filename, 'utf8');
  const { code } = transformSync(source, { ...swcrc, filename, swcrc: false, configFile: false });
  module._compile(code, filename);
};

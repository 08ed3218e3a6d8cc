#!/usr/bin/env node
// `npm run bench [-- --size national …]`: runs bench/run.ts straight from the TypeScript sources
// through the repo's SWC require hook (the same one the fault tests use to start real workers).
'use strict';
require('../test/support/swc-register.js');

require('../bench/run.ts')
  .main(process.argv.slice(2))
  .then(() => process.exit(process.exitCode ?? 0))
  .catch((err) => {
    console.error(err instanceof Error ? err.stack : err);
    process.exit(1);
  });

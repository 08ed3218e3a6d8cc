#!/usr/bin/env node
/**
 * `npm start`: builds the server and the web app, applies migrations, seeds the demo round when the
 * database has none (skip with APERTURA_DEMO=false), then runs the API and the worker until Ctrl-C.
 */
const { spawn, execSync } = require('child_process');
const path = require('path');

const root = path.join(__dirname, '..');
const run = (cmd) => execSync(cmd, { cwd: root, stdio: 'inherit', env: process.env });

run('npm run build');
run('node dist/apps/api/src/cli.js migrate');
if (process.env.APERTURA_DEMO !== 'false') {
  try {
    run('node dist/apps/api/src/cli.js demo --if-empty');
  } catch {
    console.error('Demo seeding failed; continuing with an empty platform.');
  }
}

const children = [
  spawn(process.execPath, ['dist/apps/api/src/main.js'], { cwd: root, stdio: 'inherit', env: process.env }),
  spawn(process.execPath, ['dist/apps/worker/src/main.js'], { cwd: root, stdio: 'inherit', env: process.env }),
];
let stopping = false;
const stop = (code) => {
  if (stopping) return;
  stopping = true;
  for (const c of children) c.kill('SIGTERM');
  setTimeout(() => process.exit(code), 3000).unref();
};
for (const c of children) c.on('exit', (code) => stop(code ?? 1));
process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));

#!/usr/bin/env node
/**
 * `npm start`: builds the server and the web app (skipped when the sources are unchanged since the last
 * build), applies migrations, seeds the demo round when the database has none (skip with
 * APERTURA_DEMO=false), then runs the API and the worker until Ctrl-C. The demo sign-in is printed
 * last, once the API answers and the worker is up, so it is not lost above the services' start-up logs.
 */
const { spawn, execSync } = require('child_process');
const { createHash } = require('crypto');
const fs = require('fs');
const http = require('http');
const path = require('path');

const root = path.join(__dirname, '..');
const run = (cmd) => execSync(cmd, { cwd: root, stdio: 'inherit', env: process.env });

/** Everything the build reads (sources, configs, lock file); outputs and dependencies excluded. */
const INPUT_DIRS = ['apps', 'libs'];
const INPUT_FILES = ['package.json', 'package-lock.json', 'tsconfig.json', 'tsconfig.build.json', 'nest-cli.json'];
const SKIP_DIRS = new Set(['node_modules', 'dist', '.vite']);
const STAMP = path.join(root, 'dist', '.build-stamp');
const OUTPUTS = [
  path.join(root, 'dist', 'apps', 'api', 'src', 'main.js'),
  path.join(root, 'dist', 'apps', 'worker', 'src', 'main.js'),
  path.join(root, 'apps', 'web', 'dist', 'index.html'),
];

/**
 * A hash of the build inputs' paths and contents. Contents, not mtimes: a checkout or a copy touches
 * mtimes without changing anything, and hashing the few MB of sources takes well under a second.
 */
function sourcesHash() {
  const hash = createHash('sha256');
  const walk = (dir) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!SKIP_DIRS.has(entry.name)) walk(full);
      } else if (entry.isFile()) {
        hash.update(path.relative(root, full)).update('\0').update(fs.readFileSync(full)).update('\0');
      }
    }
  };
  for (const d of INPUT_DIRS) walk(path.join(root, d));
  for (const f of INPUT_FILES) {
    const full = path.join(root, f);
    if (fs.existsSync(full)) hash.update(f).update('\0').update(fs.readFileSync(full)).update('\0');
  }
  return hash.digest('hex');
}

function buildIfChanged() {
  const current = sourcesHash();
  const previous = fs.existsSync(STAMP) ? fs.readFileSync(STAMP, 'utf8').trim() : null;
  if (process.env.APERTURA_FORCE_BUILD !== 'true' && previous === current && OUTPUTS.every((f) => fs.existsSync(f))) {
    console.log(
      'Build is up to date with the sources; skipping `npm run build` (APERTURA_FORCE_BUILD=true forces it).',
    );
    return;
  }
  run('npm run build');
  // Written only after a successful build, so a failed one is retried next time.
  fs.mkdirSync(path.dirname(STAMP), { recursive: true });
  fs.writeFileSync(STAMP, `${current}\n`);
}

/** Resolves when GET <url> answers 200 (or after `ms`, so a slow start still shows the banner). */
function waitFor200(url, ms) {
  const deadline = Date.now() + ms;
  return new Promise((resolve) => {
    const attempt = () => {
      const req = http.get(url, (res) => {
        res.resume();
        if (res.statusCode === 200) resolve(true);
        else retry();
      });
      req.on('error', retry);
      req.setTimeout(2000, () => req.destroy());
    };
    const retry = () => (Date.now() > deadline ? resolve(false) : setTimeout(attempt, 200));
    attempt();
  });
}

/** Forwards a child's output line by line and resolves when a line matches `ready` (or after `ms`). */
function forward(child, ready, ms) {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), ms);
    for (const [stream, out] of [
      [child.stdout, process.stdout],
      [child.stderr, process.stderr],
    ]) {
      let pending = '';
      stream.on('data', (chunk) => {
        pending += chunk.toString();
        const lines = pending.split('\n');
        pending = lines.pop();
        for (const line of lines) {
          out.write(`${line}\n`);
          if (ready.test(line)) {
            clearTimeout(timer);
            resolve(true);
          }
        }
      });
      stream.on('end', () => pending && out.write(pending));
    }
  });
}

buildIfChanged();
run('node dist/apps/api/src/cli/cli.js migrate');
let banner = '';
if (process.env.APERTURA_DEMO !== 'false') {
  try {
    banner = execSync('node dist/apps/api/src/cli/cli.js demo --if-empty', {
      cwd: root,
      stdio: ['inherit', 'pipe', 'inherit'],
      env: process.env,
    }).toString();
  } catch {
    console.error('Demo seeding failed; continuing with an empty platform.');
  }
}

const spawnNode = (script) =>
  spawn(process.execPath, [script], { cwd: root, stdio: ['inherit', 'pipe', 'pipe'], env: process.env });
const api = spawnNode('dist/apps/api/src/main.js');
const worker = spawnNode('dist/apps/worker/src/main.js');
const children = [api, worker];
const apiListening = forward(api, /API listening on/, 120_000);
const workerStarted = forward(worker, /Worker started/, 120_000);

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

(async () => {
  const port = process.env.PORT || '3000';
  await apiListening;
  await waitFor200(`http://127.0.0.1:${port}/health/ready`, 60_000);
  await workerStarted;
  if (banner && !stopping) process.stdout.write(banner.endsWith('\n') ? banner : `${banner}\n`);
})();

#!/usr/bin/env node
// `npm run migration:run`: builds the server if needed and applies pending migrations.
const { existsSync } = require('fs');
const { execSync } = require('child_process');
const path = require('path');

const root = path.join(__dirname, '..');
const cli = path.join(root, 'dist/apps/api/src/cli/cli.js');
if (!existsSync(cli)) execSync('npm run build:server', { cwd: root, stdio: 'inherit' });
execSync(`node ${cli} migrate`, { cwd: root, stdio: 'inherit' });

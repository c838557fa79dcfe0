'use strict';

// Run by the Maven build (exec-maven-plugin): installs the pinned npm packages of
// package-lock.json into the given folder (target/node-interop) with `npm ci`.
// `npm ci` always deletes node_modules and installs again; a stamp holding the SHA-256 of the
// lock file it installed lets later builds skip it while the lock file is unchanged.
//
// Usage: node install.js <target-folder>

const crypto = require('crypto');
const fs = require('fs');
const path = require('path');
const { spawnSync } = require('child_process');

const target = process.argv[2];
if (!target) {
  process.stderr.write('usage: node install.js <target-folder>\n');
  process.exit(2);
}
const source = __dirname;
fs.mkdirSync(target, { recursive: true });
for (const file of ['package.json', 'package-lock.json']) {
  fs.copyFileSync(path.join(source, file), path.join(target, file));
}

const lock = fs.readFileSync(path.join(target, 'package-lock.json'));
const digest = crypto.createHash('sha256').update(lock).digest('hex');
const stamp = path.join(target, 'node_modules', '.installed-lock.sha256');
if (fs.existsSync(stamp) && fs.readFileSync(stamp, 'utf8').trim() === digest) {
  console.log('[node-interop] npm packages up to date in ' + target);
  process.exit(0);
}

console.log('[node-interop] npm ci in ' + target);
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const result = spawnSync(npm, ['ci', '--no-audit', '--no-fund'], {
  cwd: target,
  stdio: 'inherit',
  shell: process.platform === 'win32',
});
if (result.error) {
  process.stderr.write('[node-interop] could not run npm: ' + result.error.message + '\n');
  process.exit(1);
}
if (result.status !== 0) {
  process.exit(result.status === null ? 1 : result.status);
}
fs.writeFileSync(stamp, digest + '\n');

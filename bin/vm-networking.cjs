#!/usr/bin/env node
// Runs the TypeScript CLI directly (no build step) through tsx's CommonJS register API.
'use strict';
const path = require('path');

const { register } = require('tsx/cjs/api');
const api = register({ namespace: 'vm-networking-cli' });
const { main } = api.require(path.join(__dirname, '..', 'src', 'cli', 'main.ts'), __filename);

Promise.resolve(main(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr }))
  .then((code) => {
    process.exitCode = code;
  })
  .catch((err) => {
    process.stderr.write(`vm-networking: ${err && err.stack ? err.stack : err}\n`);
    process.exitCode = 2;
  });

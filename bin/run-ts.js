#!/usr/bin/env node
// Runs one TypeScript script (npm scripts use it): node bin/run-ts.js scripts/build.ts [args]
'use strict';
require('tsx/cjs');
const path = require('node:path');
const file = path.resolve(process.argv[2]);
process.argv.splice(1, 2, file);
const mod = require(file);
if (typeof mod.main === 'function') {
  Promise.resolve(mod.main(process.argv.slice(2))).then(
    (code) => { if (typeof code === 'number') process.exitCode = code; },
    (err) => { process.stderr.write(`${err && err.stack ? err.stack : String(err)}\n`); process.exitCode = 1; },
  );
}

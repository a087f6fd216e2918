#!/usr/bin/env node
// CLI entry: loads the TypeScript sources through tsx so that no compile step is needed.
'use strict';
require('tsx/cjs');
require('../bridge/cli/main.ts').main(process.argv).catch((err) => {
  process.stderr.write(`psa-fo-sync: ${err && err.message ? err.message : String(err)}\n`);
  process.exitCode = 2;
});

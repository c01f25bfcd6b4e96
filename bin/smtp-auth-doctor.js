#!/usr/bin/env node
// Starts the bundled CLI (self-contained: the package has no runtime dependencies). CommonJS
// (bin/package.json), so that a command that only reads and prints never starts Node's ES module
// loader (dist/start.cjs, src/cli/start.ts). In a checkout the bundle is built by `npm ci` /
// `npm install` (prepare) or `npm run build`; a packed package carries it.
"use strict";
let start;
try {
  start = require.resolve("../dist/start.cjs");
} catch {
  process.stderr.write("smtp-auth-doctor: the build is missing. Run `npm run build` first. / ビルドがありません。先に `npm run build` を実行してください。\n");
  process.exitCode = 2;
}
if (start) require(start);

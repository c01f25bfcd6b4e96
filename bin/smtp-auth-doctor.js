#!/usr/bin/env node
// Starts the bundled CLI (self-contained: the package has no runtime dependencies). In a checkout the
// bundle is built by `npm ci` / `npm install` (prepare) or `npm run build`; a packed package carries it.
import("../dist/cli.js").catch((error) => {
  if (error && error.code === "ERR_MODULE_NOT_FOUND" && String(error.message).includes("dist")) {
    process.stderr.write("smtp-auth-doctor: the build is missing. Run `npm run build` first. / ビルドがありません。先に `npm run build` を実行してください。\n");
    process.exitCode = 2;
    return;
  }
  throw error;
});

// The package's start (bin/smtp-auth-doctor.js requires dist/start.cjs): a command that only reads
// and prints runs the fast part of the bundle from V8's code cache, without Node's ES module loader;
// every other one imports the full part (see route.ts).
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { runWithCodeCache } from "./code-cache.js";
import { fastRoute, runKind } from "./route.js";

const argv = process.argv.slice(2);
if (fastRoute(argv)) {
  runWithCodeCache(join(__dirname, "fast.cjs"), runKind(argv), process.env, require);
} else {
  void import(pathToFileURL(join(__dirname, "cli.js")).href);
}

// The one test command: build, type-check (strict), lint, then every test with Node's runner.
// Usage: npm test [-- --only-unit] [-- <file filter substring>…]
import { spawnSync } from "node:child_process";
import { readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";

const args = process.argv.slice(2);
const onlyUnit = args.includes("--only-unit");
const filters = args.filter((a) => !a.startsWith("--"));
const root = new URL("..", import.meta.url).pathname;

function step(name, cmd, cmdArgs, env = {}) {
  process.stdout.write(`\n== ${name}\n`);
  const r = spawnSync(cmd, cmdArgs, { stdio: "inherit", cwd: root, env: { ...process.env, ...env } });
  if (r.status !== 0) {
    process.stdout.write(`\n== ${name} failed (exit ${r.status ?? r.signal})\n`);
    process.exit(r.status || 1);
  }
}

function findTests(dir) {
  const out = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...findTests(p));
    else if (/\.test\.tsx?$/.test(name)) out.push(relative(root, p));
  }
  return out.sort();
}

if (filters.length === 0) {
  step("setup (test prerequisites)", process.execPath, ["scripts/test-setup.mjs"]);
  step("build", process.execPath, ["scripts/build.mjs"]);
  step("typecheck", process.execPath, ["node_modules/typescript/bin/tsc", "--noEmit", "-p", "tsconfig.json"]);
  step("lint", process.execPath, ["node_modules/eslint/bin/eslint.js", "--max-warnings", "0", "."]);
}
let files = findTests(join(root, "test"));
if (onlyUnit) files = files.filter((f) => !f.includes("/e2e/"));
if (filters.length) files = files.filter((f) => filters.some((s) => f.includes(s)));
if (files.length === 0) {
  console.error("no test files matched");
  process.exit(1);
}
step(`tests (${files.length} files)`, process.execPath, ["--import", "tsx", "--test", "--test-concurrency=2",
  "--test-reporter=tap", "--test-reporter-destination=stdout",
  "--test-reporter=./scripts/failures-reporter.mjs", "--test-reporter-destination=stdout", `--test-timeout=${process.env.SAD_TEST_TIMEOUT ?? 120000}`, ...files], {
  FORCE_COLOR: "0",
  NO_COLOR: "1",
  SMTP_AUTH_DOCTOR_TEST: "1",
});

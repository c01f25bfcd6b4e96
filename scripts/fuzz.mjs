// The long fuzz run: `npm run fuzz` builds, then runs the property and fuzz tests (test/fuzz) with
// many more inputs than `npm test` and a new seed each time (printed, so that a failure can be
// replayed with SAD_FUZZ_SEED=<seed>). SAD_FUZZ_RUNS sets the number of inputs per kind.
import { spawnSync } from "node:child_process";

const root = new URL("..", import.meta.url).pathname;
const runs = process.env.SAD_FUZZ_RUNS ?? "20000";
const seed = process.env.SAD_FUZZ_SEED ?? String(Math.floor(Math.random() * 2 ** 31));
process.stdout.write(`fuzz: ${runs} inputs per kind, seed ${seed} (replay: SAD_FUZZ_SEED=${seed} SAD_FUZZ_RUNS=${runs} npm run fuzz)\n`);
const build = spawnSync(process.execPath, ["scripts/build.mjs"], { cwd: root, stdio: "inherit" });
if (build.status !== 0) process.exit(build.status ?? 1);
const r = spawnSync(process.execPath, ["scripts/test.mjs", "test/fuzz/"], {
  cwd: root,
  stdio: "inherit",
  env: { ...process.env, SAD_FUZZ_RUNS: runs, SAD_FUZZ_SEED: seed, SAD_TEST_TIMEOUT: String(4 * 3600 * 1000) },
});
process.exit(r.status ?? 1);

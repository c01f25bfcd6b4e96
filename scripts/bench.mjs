// npm run bench [-- <name>…]: builds, then runs every bench/<name>.ts (each exports run()) and prints its figures.
import { spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";

const root = new URL("..", import.meta.url).pathname;
const only = process.argv.slice(2);
const build = spawnSync(process.execPath, ["scripts/build.mjs"], { cwd: root, stdio: "inherit" });
if (build.status !== 0) process.exit(build.status ?? 1);
const names = readdirSync(new URL("../bench/", import.meta.url))
  .filter((f) => f.endsWith(".ts") && !f.startsWith("_"))
  .map((f) => f.replace(/\.ts$/, ""))
  .filter((n) => only.length === 0 || only.includes(n))
  .sort();
let failed = 0;
for (const name of names) {
  process.stdout.write(`\n## ${name}\n`);
  const r = spawnSync(process.execPath, ["--import", "tsx", "bench/_run.ts", name], { cwd: root, stdio: "inherit", env: { ...process.env, FORCE_COLOR: "0" } });
  if (r.status !== 0) failed++;
}
process.exit(failed ? 1 : 0);

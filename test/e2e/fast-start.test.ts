// The two parts of the bundle (src/cli/route.ts) and the code cache (src/cli/code-cache.ts), run as a
// help desk runs them: the built program in a staging copy (so that dist/ of the checkout, which other
// tests use at the same time, is left alone). Whichever part runs, the output is what the sources
// print; the cache is made on the first run, used later, remade when damaged, and never needed.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { after, before, test } from "node:test";
import { runCli } from "../helpers/run-cli.js";

const root = fileURLToPath(new URL("../..", import.meta.url));
const work = mkdtempSync(join(tmpdir(), "fast-start-"));
const dist = join(work, "dist");
const EXAMPLE = join(root, "examples", "printer-tenant-smtp-auth-off.json");
const REPLY = "535 5.7.139 Authentication unsuccessful, the request did not meet the criteria to be authenticated successfully. Contact your administrator.";

function runBuilt(args: string[], env: NodeJS.ProcessEnv = {}): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, ["--import", join(root, "test", "helpers", "loopback-only.mjs"), join(work, "bin", "smtp-auth-doctor.js"), ...args], {
    cwd: work,
    env: { PATH: process.env.PATH, HOME: work, LANG: "C", NO_COLOR: "1", SMTP_AUTH_DOCTOR_TODAY: "2026-11-22", ...env },
    stdio: ["ignore", "pipe", "pipe"],
    encoding: "utf8",
    timeout: 60_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const caches = () => readdirSync(dist).filter((f) => f.endsWith(".cache")).sort();

before(() => {
  cpSync(join(root, "bin"), join(work, "bin"), { recursive: true });
  const build = spawnSync(process.execPath, [join(root, "scripts", "build.mjs"), "--outdir", dist], { cwd: root, encoding: "utf8" });
  assert.equal(build.status, 0, build.stderr);
});

after(() => {
  chmodSync(dist, 0o755);
  rmSync(work, { recursive: true, force: true });
});

const SAME: string[][] = [
  ["--version"],
  ["--help", "--lang", "ja"],
  ["help"],
  ["diagnose", "--case", EXAMPLE],
  ["diagnose", "--case", EXAMPLE, "--json", "--lang", "ja"],
  ["diagnose", "--case", EXAMPLE, "--format", "handover", "--admin-lang", "ja"],
  ["diagnose", "--resume", "sad1.cut"],
  ["explain", REPLY],
  ["explain", REPLY, "--lang", "ja", "--device", "canon"],
  ["options", "--case", EXAMPLE],
  ["devices", "ricoh", "--lang", "ja"],
  ["nonsense"],
  ["--lang", "xx"],
  // The full part: a sign-in's flags are checked before anything signs in; the wizard needs a terminal.
  ["diagnose", "--live", "--case", EXAMPLE],
  ["wizard"],
  ["whatif", "--case", EXAMPLE, "--json"],
];

for (const args of SAME) {
  test(`built \`${args.map((a) => a.replace(root, "")).join(" ")}\` prints what the sources print`, async () => {
    const built = runBuilt(args);
    const source = await runCli(args);
    assert.equal(built.stdout, source.stdout);
    assert.equal(built.stderr, source.stderr);
    assert.equal(built.code, source.code);
    assert.doesNotMatch(built.stderr, /not in the fast part/);
  });
}

test("the code cache: one per kind of run, made on the first run and then used; a damaged one is remade", () => {
  for (const f of caches()) rmSync(join(dist, f));
  const first = runBuilt(["diagnose", "--case", EXAMPLE]);
  assert.deepEqual(caches(), ["fast.cjs.diagnose-text.cache"]);
  const file = join(dist, "fast.cjs.diagnose-text.cache");
  const made = statSync(file).mtimeMs;
  const second = runBuilt(["diagnose", "--case", EXAMPLE]);
  assert.equal(second.stdout, first.stdout);
  assert.equal(statSync(file).mtimeMs, made, "a usable cache is left as it is");
  runBuilt(["explain", REPLY]);
  assert.deepEqual(caches(), ["fast.cjs.diagnose-text.cache", "fast.cjs.explain-text.cache"]);

  // A run that stops at bad input writes none: the cache would hold only the error's path for every later run of that command.
  for (const f of caches()) rmSync(join(dist, f));
  assert.equal(runBuilt(["diagnose", "--case", "no-such-case.json"]).code, 2);
  assert.deepEqual(caches(), []);
  runBuilt(["diagnose", "--case", EXAMPLE]);
  assert.deepEqual(caches(), ["fast.cjs.diagnose-text.cache"]);

  writeFileSync(file, Buffer.from("not a code cache at all"));
  const damaged = runBuilt(["diagnose", "--case", EXAMPLE]);
  assert.equal(damaged.stdout, first.stdout);
  assert.equal(damaged.stderr, "");
  assert.ok(statSync(file).size > 10_000, "remade");
  assert.ok(!readdirSync(dist).some((f) => f.endsWith(".tmp")), "no temporary file left");
});

test("no cache is needed: switched off, or a folder that cannot be written", () => {
  for (const f of caches()) rmSync(join(dist, f));
  const off = runBuilt(["diagnose", "--case", EXAMPLE], { SMTP_AUTH_DOCTOR_CODE_CACHE: "0" });
  assert.deepEqual(caches(), []);
  // A cache that can be neither read nor written (a folder in its place: root writes anywhere else).
  const blocked = join(dist, "fast.cjs.diagnose-text.cache");
  mkdirSync(blocked);
  try {
    const r = runBuilt(["diagnose", "--case", EXAMPLE]);
    assert.equal(r.stdout, off.stdout);
    assert.equal(r.stderr, "");
    assert.ok(statSync(blocked).isDirectory());
    assert.ok(!readdirSync(dist).some((f) => f.endsWith(".tmp")), "no temporary file left");
  } finally {
    rmSync(blocked, { recursive: true });
  }
  if (process.getuid?.() === 0) return; // root writes in a read-only folder too
  chmodSync(dist, 0o555);
  try {
    const readOnly = runBuilt(["diagnose", "--case", EXAMPLE]);
    assert.equal(readOnly.stdout, off.stdout);
    assert.equal(readOnly.stderr, "");
    assert.deepEqual(caches(), []);
  } finally {
    chmodSync(dist, 0o755);
  }
});

test("a missing build says how to make it", () => {
  const empty = join(work, "empty");
  mkdirSync(empty);
  cpSync(join(root, "bin"), join(empty, "bin"), { recursive: true });
  const r = spawnSync(process.execPath, [join(empty, "bin", "smtp-auth-doctor.js"), "--version"], { encoding: "utf8" });
  assert.equal(r.status, 2);
  assert.match(r.stderr, /npm run build/);
  assert.ok(!existsSync(join(empty, "dist")));
});

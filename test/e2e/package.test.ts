// The package as a help-desk PC gets it: packed with `npm pack`, installed from the tarball into an
// empty folder with no node_modules (offline, with an empty npm cache: nothing may come from a
// registry), then run from there. The bundle must be self-contained: the install holds this one
// package and nothing else, and `--version`, `explain` and `diagnose --case` (ja and en) print exactly
// what the CLI built from the sources prints.
//
// The tarball is built in a staging copy (scripts/build.mjs --outdir), so that dist/ of the checkout,
// which other tests run at the same time, is left alone.
import assert from "node:assert/strict";
import { spawnSync, type SpawnSyncReturns } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { after, before, test } from "node:test";
import { catalogFiles, catalogIndex, readAreas, shardIndex, storeModule } from "../../scripts/catalogs.mjs";
import { AREAS, type AreaName } from "../../src/i18n/store.js";
import { runCli } from "../helpers/run-cli.js";

const root = fileURLToPath(new URL("../..", import.meta.url));
const work = mkdtempSync(join(tmpdir(), "package-test-"));
const stage = join(work, "stage");
const app = join(work, "app");
const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { name: string; version: string; files: string[] };
const npmCli = join(dirname(process.execPath), "..", "lib", "node_modules", "npm", "bin", "npm-cli.js");
let installed = "";
let packed: string[] = [];

/** A clean environment: no npm_config_* inherited from `npm test`, an empty cache, no registry. */
function npmEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: work, npm_config_cache: join(work, "npm-cache"), npm_config_update_notifier: "false" };
  return env;
}

function npm(args: string[], cwd: string): SpawnSyncReturns<string> {
  const [cmd, pre] = existsSync(npmCli) ? [process.execPath, [npmCli]] : ["npm", []];
  return spawnSync(cmd, [...pre, ...args], { cwd, env: npmEnv(), encoding: "utf8", timeout: 120_000 });
}

function runPacked(args: string[]): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [join(installed, "bin", "smtp-auth-doctor.js"), ...args], {
    cwd: app,
    env: { PATH: process.env.PATH, HOME: work, LANG: "C", NO_COLOR: "1", SMTP_AUTH_DOCTOR_TODAY: "2026-11-22" },
    encoding: "utf8",
    timeout: 60_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

before(() => {
  // A staging copy with the package's files, built there.
  mkdirSync(stage);
  cpSync(join(root, "package.json"), join(stage, "package.json"));
  for (const entry of pkg.files) if (entry !== "dist" && existsSync(join(root, entry))) cpSync(join(root, entry), join(stage, entry), { recursive: true });
  const build = spawnSync(process.execPath, [join(root, "scripts", "build.mjs"), "--outdir", join(stage, "dist")], { cwd: root, encoding: "utf8" });
  assert.equal(build.status, 0, `build: ${build.stderr}`);
  // The build ran above; the staging copy has no scripts/ for `prepare`.
  const pack = npm(["pack", "--ignore-scripts", "--json", "--pack-destination", work], stage);
  assert.equal(pack.status, 0, `npm pack: ${pack.stderr}`);
  const [info] = JSON.parse(pack.stdout) as { filename: string; files: { path: string }[] }[];
  assert.ok(info);
  packed = info.files.map((f) => f.path);
  const tarball = join(work, info.filename);

  // An empty folder (only a package.json so that npm installs here), far from any node_modules.
  mkdirSync(app);
  writeFileSync(join(app, "package.json"), JSON.stringify({ name: "help-desk-pc", private: true }));
  const install = npm(["install", "--offline", "--no-audit", "--no-fund", tarball], app);
  assert.equal(install.status, 0, `npm install from the tarball, offline: ${install.stderr}`);
  installed = join(app, "node_modules", pkg.name);
});

after(() => rmSync(work, { recursive: true, force: true }));

test("the install holds this one package and nothing else (no runtime dependencies)", () => {
  const modules = readdirSync(join(app, "node_modules")).filter((n) => !n.startsWith("."));
  assert.deepEqual(modules, [pkg.name]);
  const manifest = JSON.parse(readFileSync(join(installed, "package.json"), "utf8")) as { dependencies?: Record<string, string> };
  assert.deepEqual(Object.keys(manifest.dependencies ?? {}), []);
  // No folder above the install may hold packages the bundle could fall back on.
  for (let dir = dirname(app); dir !== dirname(dir); dir = dirname(dir)) assert.equal(existsSync(join(dir, "node_modules")), false, `${dir}/node_modules`);
});

test("the package carries both parts of the bundle and its start, never a code cache (V8's, made on the user's PC)", () => {
  for (const file of ["bin/smtp-auth-doctor.js", "bin/package.json", "dist/start.cjs", "dist/fast.cjs", "dist/cli.js"]) assert.ok(packed.includes(file), file);
  assert.deepEqual(packed.filter((f) => f.endsWith(".cache") || f.endsWith(".tmp")), []);
});

test("the catalogs of the bundle: one JSON file per area and language, equal to the sources", () => {
  const dir = join(installed, "dist", "i18n");
  const expected = Object.keys(AREAS).flatMap((area) => [`${area}.en.json`, `${area}.ja.json`]);
  assert.deepEqual(readdirSync(dir).sort(), expected.sort());
  for (const [area, tables] of Object.entries(AREAS)) {
    for (const lang of ["en", "ja"] as const) assert.deepEqual(JSON.parse(readFileSync(join(dir, `${area}.${lang}.json`), "utf8")), tables[lang], `${area}.${lang}`);
  }
});

test("the bundle's catalog index finds the area of every key, and none for other text", async () => {
  const areas = await readAreas(root);
  const shards = shardIndex(areas);
  const index = catalogIndex(areas);
  const store = (await import(`data:text/javascript;base64,${Buffer.from(storeModule(index, shards, catalogFiles(areas, shards).ranges)).toString("base64")}`)) as { areaOf: (key: string) => string | undefined };
  for (const [area, tables] of Object.entries(AREAS) as [AreaName, { en: Record<string, string> }][]) for (const key of Object.keys(tables.en)) assert.equal(store.areaOf(key), area, key);
  for (const other of ["constructor", "__proto__", "causes.x.title", "", "."]) assert.equal(store.areaOf(other), undefined, other);
});

test("the bundle parses a part of an area at a time: every key's shard holds it, in both languages, and the shards of an area are the area", async () => {
  const areas = await readAreas(root);
  const shards = shardIndex(areas);
  const { files, ranges } = catalogFiles(areas, shards);
  const store = (await import(`data:text/javascript;base64,${Buffer.from(storeModule(catalogIndex(areas), shards, ranges)).toString("base64")}`)) as { shardOf: (key: string) => number | undefined };
  /** What the bundle's loadShard parses: the shard's bytes of its area's file, as an object. */
  const parsed = (id: number, lang: "en" | "ja"): Record<string, string> => {
    const [area, enAt, enLength, jaAt, jaLength] = ranges[id] as [string, number, number, number, number];
    const [at, length] = lang === "en" ? [enAt, enLength] : [jaAt, jaLength];
    return JSON.parse(`{${Buffer.from(files[`${area}.${lang}.json`] as string).toString("utf8", at, at + length)}}`) as Record<string, string>;
  };
  for (const [area, tables] of Object.entries(AREAS) as [AreaName, Record<"en" | "ja", Record<string, string>>][]) {
    for (const lang of ["en", "ja"] as const) {
      const whole: Record<string, string> = {};
      ranges.forEach(([a], id) => a === area && Object.assign(whole, parsed(id, lang)));
      assert.deepEqual(whole, tables[lang], `${area}.${lang}`);
      for (const key of Object.keys(tables.en)) {
        const id = store.shardOf(key);
        assert.ok(id !== undefined && parsed(id, lang)[key] === tables[lang][key], `${lang} ${key}`);
      }
    }
  }
  for (const other of ["constructor", "__proto__", "", "."]) assert.equal(store.shardOf(other), undefined, other);
  // A diagnosis needs a few keys of the plan's area: its shards are small parts of it.
  const planShards = ranges.filter(([a]) => a === "plan");
  assert.ok(planShards.length > 10 && planShards.every(([, , , , jaLength]) => jaLength < 20_000), `${planShards.length} shards`);
});

test("--version prints the package's version", () => {
  const r = runPacked(["--version"]);
  assert.equal(r.code, 0, r.stderr);
  assert.equal(r.stdout.trim(), pkg.version);
});

const REPLY = "535 5.7.139 Authentication unsuccessful, basic authentication is disabled. [YT3PR01CA0122.CANPRD01.PROD.OUTLOOK.COM 2026-11-19T03:07:00.315Z 08DD393115E98C2B]";

for (const lang of ["ja", "en"] as const) {
  test(`explain "535 5.7.139 …" (${lang}) prints what the sources print`, async () => {
    const packed = runPacked(["explain", REPLY, "--lang", lang]);
    const source = await runCli(["explain", REPLY, "--lang", lang]);
    assert.equal(packed.stderr, "");
    assert.match(packed.stdout, /5\.7\.139/);
    assert.equal(packed.stdout, source.stdout);
    assert.equal(packed.code, source.code);
  });

  test(`diagnose --case with an example of the package (${lang}) prints what the sources print`, async () => {
    const packed = runPacked(["diagnose", "--case", join(installed, "examples", "japanese-paste.json"), "--lang", lang]);
    const source = await runCli(["diagnose", "--case", join(root, "examples", "japanese-paste.json"), "--lang", lang]);
    assert.equal(packed.stderr, "");
    assert.match(packed.stdout, /auth-policy-blocks-basic/);
    assert.equal(packed.stdout, source.stdout);
    assert.equal(packed.code, source.code);
  });
}

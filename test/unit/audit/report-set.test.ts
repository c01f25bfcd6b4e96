// The audit's files are written as one set (src/audit/export.ts): into a temporary folder, then moved
// into place under a commit note. These tests build the states a killed run leaves (the kill itself
// is in test/e2e/audit-kill.test.ts) and check that the next run finishes or clears them.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, test } from "node:test";
import { COMMIT_NOTE, jsonChunks, recoverReportSet, TEMP_PREFIX, writeReportSet, type SetFile } from "../../../src/audit/export.js";
import { isAppError } from "../../../src/errors.js";

const root = mkdtempSync(join(tmpdir(), "audit-set-"));
after(() => rmSync(root, { recursive: true, force: true }));
let n = 0;
const fresh = () => {
  const d = join(root, `d${++n}`);
  mkdirSync(d);
  return d;
};
const deadPid = () => spawnSync(process.execPath, ["-e", "0"]).pid as number;
const files = (tag: string, names = ["audit-report.md", "audit-accounts.csv", "audit-mailboxes.csv", "audit-report.json"]): SetFile[] =>
  names.map((name) => ({ name, chunks: () => [`${tag} `, name, "\r\n".repeat(3)] }));
/** Every entry of the folder (a hidden leftover shows as "(hidden)"). */
const contents = (dir: string) => Object.fromEntries(readdirSync(dir).sort().map((f) => [f, f.startsWith(".") ? "(hidden)" : readFileSync(join(dir, f), "utf8")]));
const expected = (tag: string, names = ["audit-report.md", "audit-accounts.csv", "audit-mailboxes.csv", "audit-report.json"]) =>
  Object.fromEntries([...names].sort().map((name) => [name, `${tag} ${name}${"\r\n".repeat(3)}`]));

test("a set is written whole; nothing of the work is left beside it", async () => {
  const dir = fresh();
  writeFileSync(join(dir, "notes.txt"), "the user's own file");
  await writeReportSet(dir, files("A"), { force: false });
  assert.deepEqual(contents(dir), { ...expected("A"), "notes.txt": "the user's own file" });
});

test("without force an existing file stops the run before anything moves; with force the old set is replaced, stale files of the set removed", async () => {
  const dir = fresh();
  await writeReportSet(dir, files("A"), { force: false });
  await assert.rejects(writeReportSet(dir, files("B"), { force: false }), (e: unknown) => isAppError(e) && e.code === "file.exists");
  assert.deepEqual(contents(dir), expected("A"), "old set untouched, no temporary folder left");
  const smaller = ["audit-report.md", "audit-accounts.csv", "audit-report.json"];
  await writeReportSet(dir, files("B", smaller), { force: true, stale: ["audit-report.md", "audit-accounts.csv", "audit-mailboxes.csv", "audit-report.json", "unrelated.txt"] });
  assert.deepEqual(contents(dir), expected("B", smaller), "the old audit-mailboxes.csv does not stay beside the new report");
});

test("killed while moving files into place: the next run finishes the move (the new set, complete)", async () => {
  const dir = fresh();
  await writeReportSet(dir, files("old"), { force: false });
  // What a run killed after moving two of four files leaves behind.
  const pid = deadPid();
  const tmpName = `${TEMP_PREFIX}${pid}-Xy12Zw`;
  const tmp = join(dir, tmpName);
  mkdirSync(tmp);
  const names = ["audit-report.md", "audit-accounts.csv", "audit-mailboxes.csv", "audit-report.json"];
  for (const name of names) writeFileSync(join(tmp, name), `new ${name}${"\r\n".repeat(3)}`);
  for (const name of names.slice(0, 2)) {
    writeFileSync(join(dir, name), readFileSync(join(tmp, name)));
    rmSync(join(tmp, name));
  }
  writeFileSync(join(dir, COMMIT_NOTE), JSON.stringify({ pid, tmp: tmpName, files: names, remove: [] }));
  await recoverReportSet(dir);
  assert.deepEqual(contents(dir), expected("new"));
});

test("a note from a process that still runs is waited for; an old one is finished whatever its process id", async () => {
  const dir = fresh();
  const tmp = `${TEMP_PREFIX}${process.ppid}-Ab34Cd`;
  mkdirSync(join(dir, tmp));
  writeFileSync(join(dir, tmp, "audit-report.md"), "new");
  writeFileSync(join(dir, COMMIT_NOTE), JSON.stringify({ pid: process.ppid, tmp, files: ["audit-report.md"], remove: [] }));
  const t0 = Date.now();
  await assert.rejects(recoverReportSet(dir), (e: unknown) => isAppError(e) && e.code === "file.busy");
  assert.ok(Date.now() - t0 >= 2500, "it waited before giving up");
  assert.ok(existsSync(join(dir, COMMIT_NOTE)), "a running commit is not touched");
  const old = new Date(Date.now() - 10 * 60_000);
  utimesSync(join(dir, COMMIT_NOTE), old, old);
  await recoverReportSet(dir);
  assert.deepEqual(contents(dir), { "audit-report.md": "new" });
});

test("temporary folders of killed runs are removed; a running run's folder stays; a foreign note is refused and nothing is moved", async () => {
  const dir = fresh();
  const dead = `${TEMP_PREFIX}${deadPid()}-Dd11Ee`;
  const alive = `${TEMP_PREFIX}${process.ppid}-Ff22Gg`;
  mkdirSync(join(dir, dead));
  writeFileSync(join(dir, dead, "audit-report.md"), "half");
  mkdirSync(join(dir, alive));
  await writeReportSet(dir, files("A"), { force: false });
  assert.equal(existsSync(join(dir, dead)), false);
  assert.ok(existsSync(join(dir, alive)));
  rmSync(join(dir, alive), { recursive: true });
  for (const note of ['{"pid":1,"tmp":"../../etc","files":["audit-report.md"],"remove":[]}', '{"pid":1,"tmp":".smtp-auth-doctor-audit-1-Ab","files":["../x"],"remove":[]}', "not json"]) {
    writeFileSync(join(dir, COMMIT_NOTE), note);
    await assert.rejects(recoverReportSet(dir), (e: unknown) => isAppError(e) && e.code === "file.bad-note");
  }
  rmSync(join(dir, COMMIT_NOTE));
  assert.deepEqual(contents(dir), expected("A"));
});

test("the JSON report written an account at a time is JSON.stringify(report, null, 2) byte for byte (control characters escaped)", () => {
  const reports: Record<string, unknown>[] = [
    { schema: "x", accounts: [] },
    { schema: "x", inputs: [{ file: "a.csv" }], accounts: [{ upn: "a", ips: [{ ip: "1", count: 2 }], options: [] }, { upn: "b", n: {} }], plan: null },
    { note: "\u0000accounts\u0000", nested: { accounts: "\u0000accounts\u0000" }, accounts: [null, "s", 3, [], {}], tail: [1, { z: "y" }] },
  ];
  for (const r of reports) assert.equal([...jsonChunks(r)].join(""), `${JSON.stringify(r, null, 2)}\n`);
  const hostile = { accounts: [{ upn: "x\u001b]52;c;AAAA\u0007y", name: "\u202eevil\u0085" }] };
  const text = [...jsonChunks(hostile)].join("");
  // eslint-disable-next-line no-control-regex
  assert.doesNotMatch(text, /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202e]/, "no raw control or bidi character");
  assert.deepEqual(JSON.parse(text), hostile, "the same value for a script");
});

test("--force when one old file cannot be moved (Windows: open in Excel; here: immutable): the old set stays, whole", async (t) => {
  const dir = fresh();
  await writeReportSet(dir, files("old"), { force: false });
  const locked = join(dir, "audit-mailboxes.csv");
  if (spawnSync("chattr", ["+i", locked]).status !== 0) {
    t.skip("chattr +i is not available here (needs a Linux file system and the right to set it)");
    return;
  }
  try {
    await assert.rejects(writeReportSet(dir, files("new"), { force: true }), (e: unknown) => isAppError(e) && e.code === "file.write-failed" && String(e.params.file).endsWith("audit-mailboxes.csv"));
  } finally {
    spawnSync("chattr", ["-i", locked]);
  }
  assert.deepEqual(contents(dir), expected("old"), "the two files already replaced were put back; nothing left behind");
  await writeReportSet(dir, files("new"), { force: true });
  assert.deepEqual(contents(dir), expected("new"));
});

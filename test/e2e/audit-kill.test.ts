// `audit --out` killed with SIGKILL at random points (seeded): the built CLI is run on a large export
// and killed while it reads or while it writes; each time the folder must hold the old set of files
// or the new one, complete (byte for byte), and the next run must work: write when the folder has no
// set, refuse without --force and replace with --force when it has one, and leave nothing behind.
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { after, before, test } from "node:test";
import { COMMIT_NOTE } from "../../src/audit/export.js";
import { ensureBuilt } from "../helpers/built.js";
import { writeMailboxesCsv } from "../helpers/audit-data.js";

const root = fileURLToPath(new URL("../..", import.meta.url));
const bin = join(root, "bin", "smtp-auth-doctor.js");
const work = mkdtempSync(join(tmpdir(), "audit-kill-"));
const out = join(work, "reports");
const SEED = 20261122;
const ROUNDS = 12;

type SetName = "A" | "B" | "C";
const inputs: Record<SetName, string> = { A: join(work, "a.csv"), B: join(work, "b.csv"), C: join(work, "c.csv") };
/** Each set as it must look: file name → SHA-256 of the content. */
const sets = {} as Record<SetName, Record<string, string>>;
let fullMs = 0;
let writeMs = 0;

before(async () => {
  ensureBuilt();
  // Large enough that reading and writing take a good part of a second each.
  await writeMailboxesCsv(inputs.A, 100_000);
  await writeMailboxesCsv(inputs.B, 110_000);
  await writeMailboxesCsv(inputs.C, 20);
  for (const name of ["A", "B", "C"] as const) {
    clear();
    const started = Date.now();
    const watch = firstNewEntry(new Set());
    const r = await run(name, false);
    assert.equal(r.code, 0, r.stderr);
    if (name !== "C") {
      fullMs = Math.max(fullMs, Date.now() - started);
      writeMs = Math.max(writeMs, Date.now() - ((await watch.at) ?? started));
    }
    watch.stop();
    sets[name] = snapshot().visible;
  }
  clear();
});
after(() => rmSync(work, { recursive: true, force: true }));

function clear(): void {
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out);
}

function snapshot(): { visible: Record<string, string>; hidden: string[] } {
  const visible: Record<string, string> = {};
  const hidden: string[] = [];
  for (const f of readdirSync(out).sort()) {
    if (f.startsWith(".")) hidden.push(f);
    else visible[f] = createHash("sha256").update(readFileSync(join(out, f))).digest("hex");
  }
  return { visible, hidden };
}

function args(name: SetName, force: boolean): string[] {
  return [bin, "audit", "--mailboxes", inputs[name], "--tenant-smtp-auth", "on", "--change", "disable-unused", "--out", out, ...(force ? ["--force"] : [])];
}

const env = { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", TMPDIR: tmpdir(), LANG: "C", NO_COLOR: "1", SMTP_AUTH_DOCTOR_TODAY: "2026-11-22" };

function run(name: SetName, force: boolean): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args(name, force), { env, stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stderr }));
  });
}

/** When the first entry that was not in `known` appears in the folder (the write phase begins). */
function firstNewEntry(known: ReadonlySet<string>): { at: Promise<number | undefined>; stop: () => void } {
  let stop = false;
  const at = new Promise<number | undefined>((resolve) => {
    const poll = () => {
      if (stop) return resolve(undefined);
      if (readdirSync(out).some((f) => !known.has(f))) return resolve(Date.now());
      setTimeout(poll, 1);
    };
    poll();
  });
  return { at, stop: () => (stop = true) };
}

/** Seeded random numbers (mulberry32), so that a failure can be replayed. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const same = (a: Record<string, string>, b: Record<string, string>) => JSON.stringify(a) === JSON.stringify(b);

test(`SIGKILL at ${ROUNDS} random points (seed ${SEED}): the old set or the new one, complete, and the next run works`, async (t) => {
  const random = rng(SEED);
  const outcomes: Record<string, number> = {};
  let state: SetName | "none" = "none";
  for (let round = 0; round < ROUNDS; round++) {
    if (round % 4 === 3) {
      clear();
      state = "none";
    }
    const target: SetName = round % 2 === 0 ? "A" : "B";
    const before = snapshot();
    const old: Record<string, string> = state === "none" ? {} : sets[state];
    assert.deepEqual(before.visible, old);
    const child = spawn(process.execPath, args(target, state !== "none"), { env, stdio: "ignore" });
    const exited = new Promise<number | null>((resolve) => child.on("close", (code) => resolve(code)));
    let finished = false;
    void exited.then(() => (finished = true));
    // A third of the kills anywhere in the run; the rest while it writes.
    const whileWriting = random() >= 1 / 3;
    const delay = random() * (whileWriting ? writeMs : fullMs);
    if (whileWriting) {
      const watch = firstNewEntry(new Set(readdirSync(out)));
      await Promise.race([watch.at, exited]);
      watch.stop();
    }
    await new Promise((r) => setTimeout(r, delay));
    child.kill("SIGKILL");
    await exited;
    const what: string = `round ${round}: ${target} over ${state}, killed ${whileWriting ? "after writing began" : "after start"} +${Math.round(delay)} ms`;

    const after = snapshot();
    let now: SetName | "none";
    if (after.hidden.includes(COMMIT_NOTE)) {
      // Killed while moving files into place: the next run finishes the move first (then, without
      // --force, refuses to overwrite the complete new set).
      outcomes.commit = (outcomes.commit ?? 0) + 1;
      const r = await run(target, false);
      assert.equal(r.code, 2, `${what}: ${r.stderr}`);
      assert.deepEqual(snapshot().visible, sets[target], `${what}: the interrupted commit was finished`);
      now = target;
    } else if (same(after.visible, sets[target])) {
      outcomes[finished ? "finished" : "new"] = (outcomes[finished ? "finished" : "new"] ?? 0) + 1;
      now = target;
    } else {
      assert.deepEqual(after.visible, old, `${what}: neither the new set nor the old one`);
      outcomes.old = (outcomes.old ?? 0) + 1;
      now = state;
    }

    // The next run.
    if (now === "none") {
      const r = await run("C", false);
      assert.equal(r.code, 0, `${what}: a rerun into a folder without a set works: ${r.stderr}`);
    } else {
      const refused = await run("C", false);
      assert.equal(refused.code, 2, what);
      assert.match(refused.stderr, /already exists/, what);
      assert.deepEqual(snapshot().visible, sets[now], `${what}: a refused run changes nothing`);
      const forced = await run("C", true);
      assert.equal(forced.code, 0, `${what}: ${forced.stderr}`);
    }
    const rerun = snapshot();
    assert.deepEqual(rerun.visible, sets.C, what);
    assert.deepEqual(rerun.hidden, [], `${what}: nothing of the killed run is left`);
    state = "C";
  }
  t.diagnostic(`outcomes: ${JSON.stringify(outcomes)}; full run ${fullMs} ms, write phase ${writeMs} ms`);
});

// The audit's off-heap record logs (src/audit/spill.ts) and the collector's duplicate handling that
// uses them: values read back exactly, in memory or on file; temporary folders removed, also those
// a killed run left; duplicates settled the same way whatever the partition size.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { AuditCollector, SETTING_DISABLED, SETTING_ENABLED, SETTING_FOLLOW, type SettingCode } from "../../../src/audit/collector.js";
import { field, NumberLog, RecordLog, SpillSpace, unfield } from "../../../src/audit/spill.js";

const TRICKY = [
  "",
  "plain@contoso.com",
  "tab\there",
  "line\nbreak",
  "cr\rlf\r\n",
  "back\\slash\\t not a tab",
  "\\u0041 stays six characters",
  "lone high \ud800 surrogate",
  "lone low \udc00 surrogate",
  "paired 😀 stays",
  "\udbff",
  "利用者 42, 営業部",
  "x".repeat(100_000),
];

test("a field reads back exactly, whatever it holds (TAB, LF, CR, backslash, lone surrogates)", () => {
  for (const s of TRICKY) {
    const f = field(s);
    assert.ok(!/[\t\n\r]/.test(f), `no separator left in ${JSON.stringify(s.slice(0, 30))}`);
    assert.equal(unfield(f), s);
  }
});

test("a record log gives its records back in order, in memory and on file, and removes its file", () => {
  const space = new SpillSpace();
  try {
    const small = new RecordLog(space);
    const onFile = new RecordLog(space, { memoryBytes: 0, bufferBytes: 64 });
    const records: string[] = [];
    for (let i = 0; i < 3000; i++) records.push(field(TRICKY[i % TRICKY.length] as string) + (i % 5 === 0 ? "" : `#${i}`));
    for (const r of records) {
      small.append(r);
      onFile.append(r);
    }
    assert.deepEqual([...onFile.records()], records, "on file (records longer than the buffer included)");
    assert.deepEqual([...onFile.records()], records, "read twice");
    assert.equal(onFile.count, records.length);
    const dir = space.path();
    const before = readdirSync(dir).length;
    assert.ok(before > 0);
    onFile.dispose();
    assert.equal(readdirSync(dir).length, before - 1, "its file is gone");
    // 3000 records of up to 300 KB do not fit in 1 MiB: this one moved to a file too.
    assert.deepEqual([...small.records()], records);
    const tiny = new RecordLog(new SpillSpace());
    tiny.append("a");
    tiny.append("");
    tiny.append("b\\tc");
    assert.deepEqual([...tiny.records()], ["a", "", "b\\tc"], "small logs never touch the disk");
  } finally {
    space.dispose();
  }
});

test("a number log keeps fixed records on file", () => {
  const space = new SpillSpace();
  try {
    const log = new NumberLog(space, 3);
    for (let i = 0; i < 10_000; i++) log.push(i, (i * 2654435761) >>> 0, 0xffffffff - i);
    const back: number[] = [];
    log.forEach((a, b, c) => {
      assert.equal(b, (a * 2654435761) >>> 0);
      assert.equal(c, 0xffffffff - a);
      back.push(a);
    });
    assert.equal(back.length, 10_000);
    assert.ok(back.every((v, i) => v === i));
  } finally {
    space.dispose();
  }
});

test("temporary folders: removed on dispose; a killed run's folder is removed by the next; a running one is left", () => {
  const dead = spawnSync(process.execPath, ["-e", "0"]).pid as number;
  const stale = join(tmpdir(), `smtp-auth-doctor-spill-${dead}-Ab12Cd`);
  const alive = join(tmpdir(), `smtp-auth-doctor-spill-${process.ppid}-Ef34Gh`);
  mkdirSync(join(stale, "inner"), { recursive: true });
  mkdirSync(alive, { recursive: true });
  try {
    const space = new SpillSpace();
    const dir = space.path();
    assert.ok(existsSync(dir));
    assert.equal(existsSync(stale), false, "the folder of a process that is gone");
    assert.ok(existsSync(alive), "the folder of a running process");
    space.dispose();
    assert.equal(existsSync(dir), false);
    space.dispose();
  } finally {
    rmSync(stale, { recursive: true, force: true });
    rmSync(alive, { recursive: true, force: true });
  }
});

/** Seeded random numbers (mulberry32). */
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

/** What the audit did before records went off the heap: one Map, the later setting at the first place. */
function reference(records: { id: string; setting: SettingCode; name?: string }[]) {
  const byKey = new Map<string, number>();
  const out: { identity: string; displayName?: string; setting: SettingCode }[] = [];
  let duplicates = 0;
  for (const r of records) {
    const k = byKey.get(r.id.toLowerCase());
    if (k !== undefined) {
      duplicates++;
      (out[k] as { setting: SettingCode }).setting = r.setting;
      continue;
    }
    byKey.set(r.id.toLowerCase(), out.length);
    out.push(r.name === undefined ? { identity: r.id, setting: r.setting } : { identity: r.id, displayName: r.name, setting: r.setting });
  }
  return { out, duplicates, byKey };
}

test("duplicate mailboxes: the same result in one partition, in many, and on file (seeded, 40 inputs)", () => {
  const settings: SettingCode[] = [SETTING_DISABLED, SETTING_ENABLED, SETTING_FOLLOW];
  const asBool = (c: SettingCode) => (c === SETTING_DISABLED ? true : c === SETTING_ENABLED ? false : null);
  for (let run = 0; run < 40; run++) {
    const r = rng(run + 1);
    const distinct = 1 + Math.floor(r() * 300);
    const n = Math.floor(r() * 600);
    const records = Array.from({ length: n }, () => {
      const k = Math.floor(r() * distinct);
      const id = r() < 0.5 ? `user${k}@contoso.com` : `USER${k}@Contoso.COM`;
      const rec: { id: string; setting: SettingCode; name?: string } = { id: k % 17 === 0 ? `${id}\t${k}` : id, setting: settings[Math.floor(r() * 3)] as SettingCode };
      if (r() < 0.7) rec.name = `名前 ${k}\n${Math.floor(r() * 9)}`;
      return rec;
    });
    const ref = reference(records);
    const accounts = [...ref.byKey.keys()].filter((_, i) => i % 7 === 0);
    for (const opts of [{}, { partitionSize: 1 }, { partitionSize: 7, memoryBytes: 0 }]) {
      const col = new AuditCollector(opts);
      try {
        for (const a of accounts) col.signIn({ upn: a, at: "2026-11-20T00:00:00Z", errorCode: 0 }, 1);
        records.forEach((rec, line) => col.mailbox(rec.id, asBool(rec.setting), line, rec.name));
        col.finish();
        const got = [...col.mailboxes()].map((m) => (m.displayName === undefined ? { identity: m.identity, setting: m.setting } : { identity: m.identity, displayName: m.displayName, setting: m.setting }));
        const what = `run ${run}, ${JSON.stringify(opts)}`;
        assert.deepEqual(got, ref.out, what);
        assert.equal(col.duplicates, ref.duplicates, what);
        assert.equal(col.mailboxCount, ref.out.length, what);
        const counts = col.settingCounts();
        for (const c of settings) assert.equal(counts[c], ref.out.filter((m) => m.setting === c).length, what);
        for (const a of accounts) {
          const m = col.accountMailbox(a);
          assert.deepEqual(m && { identity: m.identity, displayName: m.displayName, setting: m.setting }, { identity: ref.out[ref.byKey.get(a) as number]?.identity, displayName: ref.out[ref.byKey.get(a) as number]?.displayName, setting: ref.out[ref.byKey.get(a) as number]?.setting }, what);
        }
      } finally {
        col.dispose();
      }
    }
  }
});

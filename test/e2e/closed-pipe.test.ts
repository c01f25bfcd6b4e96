// A reader that goes away (`explain … | head -1`, a pager quit early) is ordinary use, not a bug: the program ends with
// its own exit code, never "Internal error: write EPIPE" and 70 (found in a persona's run, 2026-12-04: 6 of 8 runs).
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { closeSync, existsSync, openSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { test } from "node:test";

const root = fileURLToPath(new URL("../..", import.meta.url));

/** Runs the built program with its stdout closed by the reader before the first byte: every write then fails with EPIPE. */
function withClosedStdout(args: string[]): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", join(root, "test", "helpers", "loopback-only.mjs"), join(root, "bin", "smtp-auth-doctor.js"), ...args], {
      cwd: root,
      env: { PATH: process.env.PATH, HOME: process.env.HOME, LANG: "C", NO_COLOR: "1", SMTP_AUTH_DOCTOR_CODE_CACHE: "0" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    child.stdout.destroy();
    let stderr = "";
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString("utf8")));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stderr }));
  });
}

test("a closed stdout ends explain, diagnose and devices with their own exit codes, not 70", async () => {
  const runs: Array<[string[], number]> = [
    [["explain", "--vendor", "xerox", "027-779", "--lang", "ja"], 3],
    [["explain", "535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Tenant."], 1],
    [["diagnose", "--case", join(root, "examples", "printer-tenant-smtp-auth-off.json")], 1],
    [["devices"], 0],
  ];
  for (const [args, expected] of runs) {
    const r = await withClosedStdout(args);
    assert.equal(r.code, expected, `${args.join(" ")}: exit ${r.code}, stderr ${r.stderr}`);
    assert.ok(!/EPIPE|Internal error|内部エラー/.test(r.stderr), r.stderr);
  }
});

// A full disk (persona round 6, P6-15): "diagnose … > /dev/full" said "Internal error: ENOSPC … This is a bug" and exit 70.
test("an output on a full disk ends with exit 4 and says so in the user's language, not 'a bug' and 70", { skip: !existsSync("/dev/full") }, async () => {
  for (const [lang, words] of [["en", /could not be written \(ENOSPC/], ["ja", /出力を書き込めませんでした \(ENOSPC/]] as const) {
    const r = await new Promise<{ code: number | null; stderr: string }>((resolve, reject) => {
      const out = openSync("/dev/full", "w");
      const child = spawn(process.execPath, [join(root, "bin", "smtp-auth-doctor.js"), "diagnose", "--case", join(root, "examples", "printer-tenant-smtp-auth-off.json"), "--lang", lang], {
        cwd: root,
        env: { PATH: process.env.PATH, HOME: process.env.HOME, LANG: "C", NO_COLOR: "1", SMTP_AUTH_DOCTOR_CODE_CACHE: "0" },
        stdio: ["ignore", out, "pipe"],
      });
      closeSync(out);
      let stderr = "";
      child.stderr?.on("data", (d: Buffer) => (stderr += d.toString("utf8")));
      child.on("error", reject);
      child.on("close", (code) => resolve({ code, stderr }));
    });
    assert.equal(r.code, 4, r.stderr);
    assert.match(r.stderr, words);
    assert.ok(!/Internal error|内部エラー|bug|不具合/.test(r.stderr), r.stderr);
  }
});

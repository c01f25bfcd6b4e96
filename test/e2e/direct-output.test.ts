// The fast part writes a report that goes to a file straight to its descriptor (src/cli/direct-output.ts): the same bytes
// as through a pipe.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { closeSync, mkdtempSync, openSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { test } from "node:test";

const root = fileURLToPath(new URL("../..", import.meta.url));

test("the built program writes the same report to a file as to a pipe", { skip: process.platform === "win32" }, () => {
  const args = [join(root, "bin", "smtp-auth-doctor.js"), "explain", "--lang", "ja", "535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Tenant."];
  const env = { PATH: process.env.PATH, HOME: process.env.HOME, LANG: "C", SMTP_AUTH_DOCTOR_TODAY: "2026-11-22" };
  const piped = spawnSync(process.execPath, args, { env, encoding: "utf8" });
  const file = join(mkdtempSync(join(tmpdir(), "sad-direct-")), "report.txt");
  const fd = openSync(file, "w");
  const toFile = spawnSync(process.execPath, args, { env, stdio: ["ignore", fd, "pipe"] });
  closeSync(fd);
  assert.equal(toFile.status, piped.status);
  assert.equal(piped.status, 1);
  assert.match(piped.stdout, /貼り付けた文字列からわかること/);
  assert.equal(readFileSync(file, "utf8"), piped.stdout);
});

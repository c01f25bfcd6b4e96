// The built program, as the tests that run it need it: built once if dist/ lacks what bin/ starts.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";

const root = new URL("../..", import.meta.url).pathname;

/** Build dist/ unless bin/smtp-auth-doctor.js already finds its start there (`npm test` builds first; a filtered run may not have). */
export function ensureBuilt(): void {
  if (existsSync(join(root, "dist", "start.cjs"))) return;
  const r = spawnSync(process.execPath, ["scripts/build.mjs"], { cwd: root, stdio: "inherit" });
  assert.equal(r.status, 0, "build failed");
}

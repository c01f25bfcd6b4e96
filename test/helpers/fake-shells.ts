// Puts the fake PowerShell (test/emulators/fake-powershell.ts) on a PATH of its own, as `pwsh`,
// `powershell.exe` or both, for the CLI's PowerShell sign-in route.
import { chmodSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../..", import.meta.url));

export function fakeShells(names: readonly ("pwsh" | "powershell.exe")[]): { bin: string; path: string; log: string } {
  const bin = mkdtempSync(join(tmpdir(), "sad-fake-ps-"));
  for (const name of names) {
    writeFileSync(join(bin, name), `#!/bin/sh\nFAKE_PS_NAME=${name} exec "${process.execPath}" --import "${import.meta.resolve("tsx")}" "${root}test/emulators/fake-powershell.ts" "$@"\n`);
    chmodSync(join(bin, name), 0o755);
  }
  // Only the fakes and the system's own tools: no real PowerShell can be found.
  return { bin, path: `${bin}:/usr/bin:/bin`, log: join(bin, "log.jsonl") };
}

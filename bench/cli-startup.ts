// How fast `diagnose` starts compared with Node itself (target: about as fast as `node -e 0`).
import { fmt, timeCommand } from "./_util.js";

export async function run(): Promise<void> {
  const n = 15;
  const env = { ...process.env, SMTP_AUTH_DOCTOR_TODAY: "2026-11-22" };
  const bare = timeCommand(process.execPath, ["-e", "0"], n, env);
  const help = timeCommand(process.execPath, ["bin/smtp-auth-doctor.js", "--version"], n, env);
  const diagnose = timeCommand(process.execPath, ["bin/smtp-auth-doctor.js", "diagnose", "--case", "examples/printer-tenant-smtp-auth-off.json", "--json"], n, env);
  console.log(`node -e 0                       ${fmt(bare)}`);
  console.log(`smtp-auth-doctor --version      ${fmt(help)}  (${(help / bare).toFixed(2)}x node)`);
  console.log(`smtp-auth-doctor diagnose       ${fmt(diagnose)}  (${(diagnose / bare).toFixed(2)}x node)`);
}

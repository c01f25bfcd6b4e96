// Start-up as users see it (issue 15): `diagnose --case …` and `explain "<reply>"` with their text
// output, each timed in alternating pairs against `node -e 0` after warm-up, the ratio taken pair by
// pair. Goal: at most 1.5x Node's own start. `--version` and `--json` are shown for comparison.
// These commands start from V8's code cache, which the first run of each kind makes (the warm-up
// runs here; on a help desk's PC, the first run after install): the last row is the same diagnose
// with the cache switched off, as that first run is.
//
// Node's own start is not the same everywhere. This kind of machine sets NODE_EXTRA_CA_CERTS to the
// whole system bundle (/etc/ssl/certs/ca-certificates.crt, 144 certificates), and Node 20 reads every
// one of them as it starts: about 415 M of the ~500 M instructions of `node -e 0` here (callgrind),
// so the ratio above is taken against a baseline about three times as slow as a help-desk PC's,
// where the variable is unset or names one company root. When it is set, the two goal rows are timed
// again with it unset (the same code cache: V8 keys it on its flags, not the environment), so the
// figures say how the start-up compares on such a PC too.
import { fmt, goalRow, timePaired } from "./_util.js";

export async function run(): Promise<void> {
  const n = 15;
  const env = { ...process.env, SMTP_AUTH_DOCTOR_TODAY: "2026-11-22", LANG: "C" };
  const node: [string, string[]] = [process.execPath, ["-e", "0"]];
  const cli = (...args: string[]): [string, string[]] => [process.execPath, ["bin/smtp-auth-doctor.js", ...args]];
  const explain = cli("explain", "535 5.7.139 Authentication unsuccessful, the request did not meet the criteria to be authenticated successfully. Contact your administrator.");
  const diagnose = cli("diagnose", "--case", "examples/printer-tenant-smtp-auth-off.json");
  // Windows sets none of LC_ALL, LC_MESSAGES, LANG: the language then comes from the system's locale (Intl), which the
  // rows run with LANG=C never read.
  const noLang: NodeJS.ProcessEnv = { ...env };
  for (const name of ["LANG", "LC_ALL", "LC_MESSAGES"]) delete noLang[name];
  // Each row: what it times, the command, its goal (none: shown for comparison), the environment it runs in.
  const rows: [string, [string, string[]], number | undefined, NodeJS.ProcessEnv][] = [
    ["smtp-auth-doctor --version", cli("--version"), undefined, env],
    ["diagnose --case … (text, as users see it)", diagnose, 1.5, env],
    ["diagnose --case … --json", cli("diagnose", "--case", "examples/printer-tenant-smtp-auth-off.json", "--json"), undefined, env],
    ["explain \"535 5.7.139 …\" (text)", explain, 1.5, env],
    ["diagnose --case … (text), first run: no code cache", diagnose, undefined, { ...env, SMTP_AUTH_DOCTOR_CODE_CACHE: "0" }],
    ["explain … (text), no LANG: the system's locale", explain, undefined, noLang],
  ];
  for (const [what, cmd, goal, rowEnv] of rows) {
    const r = timePaired(cmd, node, n, rowEnv);
    const figure = `${r.ratio.toFixed(2)}x (${fmt(r.a)} vs ${fmt(r.b)})`;
    console.log(goal === undefined ? `${what.padEnd(48)} ${"".padEnd(21)} now ${figure}` : goalRow(what, `≤ ${goal}x node`, figure, r.ratio <= goal));
  }
  const extra = process.env.NODE_EXTRA_CA_CERTS;
  if (extra === undefined || extra === "") return;
  const withoutExtra: NodeJS.ProcessEnv = { ...env };
  delete withoutExtra.NODE_EXTRA_CA_CERTS;
  console.log(`Without NODE_EXTRA_CA_CERTS (set here to ${extra}; a help-desk PC's Node starts without reading it):`);
  for (const [what, cmd, goal] of rows) {
    if (goal === undefined) continue;
    const r = timePaired(cmd, node, n, withoutExtra);
    console.log(goalRow(`  ${what}`, `≤ ${goal}x node`, `${r.ratio.toFixed(2)}x (${fmt(r.a)} vs ${fmt(r.b)})`, r.ratio <= goal));
  }
}

// Which build runs a command line. The bundle has two parts (scripts/build.mjs): the fast part, one
// CommonJS file with everything the commands that only read and print need (diagnose, explain,
// options, devices, help, --version), started from V8's code cache; and the full part, ES modules
// split by command, for everything that opens a screen, signs in or goes on the network (the
// wizard, what-if, probe, audit, collect, access, setup, diagnose --live). Both hold the same
// sources; the fast part only leaves out what it can never reach.

/** Commands whose every path stays in the fast part (no Ink, msal-node, execa or prompts). */
export const FAST_COMMANDS = new Set(["diagnose", "explain", "options", "devices", "help"]);

/** True when this command line never reaches the modules the fast part leaves out. */
export function fastRoute(argv: readonly string[]): boolean {
  const [first] = argv;
  if (first === undefined) return false; // the wizard
  if (first.startsWith("-")) {
    // Before any command only --version and --help print and end; anything else opens the wizard.
    return argv.some((a) => a === "--version" || a === "-V" || a === "--help" || a === "-h");
  }
  if (!FAST_COMMANDS.has(first)) {
    // An unknown word is an error both parts print alike; a known heavy command goes to the full part.
    return !FULL_COMMANDS.has(first);
  }
  // diagnose --live signs in (msal-node, or PowerShell through execa).
  if (first === "diagnose") return !argv.some((a) => a === "--live" || a.startsWith("--live="));
  return true;
}

/** Commands that need the full part. */
export const FULL_COMMANDS = new Set(["wizard", "probe", "audit", "collect", "access", "setup", "whatif"]);

/** The modules the fast part leaves out (matched on their path in src/): reaching one there is a routing bug. */
export const FULL_ONLY_MODULES = ["cli/commands/wizard", "cli/commands/probe", "cli/commands/audit", "cli/commands/collect", "cli/commands/access", "cli/commands/setup", "cli/commands/whatif", "live/live"] as const;

/**
 * The output formats' names (src/render/formats.ts holds the list; this start-up module cannot load
 * it: test/unit/route.test.ts keeps the two the same).
 */
export const FORMAT_NAMES: ReadonlySet<string> = new Set(["text", "handover", "md", "ps1", "json", "csv"]);

/**
 * The kind of run, for the code cache: the command (or the option before it) and the output format.
 * An unknown command or format is "other": each word a user mistypes must not leave a cache file.
 */
export function runKind(argv: readonly string[]): string {
  const [first = ""] = argv;
  const command = first.startsWith("-") ? (argv.some((a) => a === "--version" || a === "-V") ? "version" : "help") : FAST_COMMANDS.has(first) ? first : "other";
  let format = argv.includes("--json") ? "json" : "text";
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    if (a === "--format") format = argv[i + 1] ?? format;
    else if (a.startsWith("--format=")) format = a.slice("--format=".length);
  }
  return `${command}-${FORMAT_NAMES.has(format) ? format : "other"}`;
}

// The one list of output formats (issue 12.3): which commands take each one with --format, and
// for the formats the wizard can save, the file name it suggests and the menu label. Data only,
// so the flow, the screens, plain mode and the CLI all read it; the renderers are keyed by it
// (src/report/formats.ts for a diagnosis, src/audit/report.ts for the audit), so a format added
// here without its renderer does not compile.
import { badInput } from "../errors.js";
import type { MessageKey } from "../i18n/index.js";

/** The commands whose output has a format. */
export type FormatCommand = "diagnose" | "explain" | "audit";

interface FormatSpec {
  /** The commands that accept it with --format (every one also has --json as a shorthand for json). */
  readonly commands: readonly FormatCommand[];
  /** The wizard's save step offers it: the file name it suggests and the label of the menu line. */
  readonly save?: { readonly file: string; readonly label: MessageKey };
}

export const FORMATS = {
  text: { commands: ["diagnose", "explain", "audit"] },
  // The hand-over first among the files the wizard saves: it is what first-line support sends on.
  handover: { commands: ["diagnose", "explain"], save: { file: "smtp-auth-handover.txt", label: "wizard.export.handover" } },
  md: { commands: ["diagnose", "explain", "audit"], save: { file: "smtp-auth-plan.md", label: "wizard.export.md" } },
  ps1: { commands: ["diagnose", "explain"], save: { file: "smtp-auth-plan.ps1", label: "wizard.export.ps1" } },
  json: { commands: ["diagnose", "explain", "audit"], save: { file: "smtp-auth-result.json", label: "wizard.export.json" } },
  csv: { commands: ["audit"] },
} as const satisfies Record<string, FormatSpec>;

export type FormatId = keyof typeof FORMATS;

/** The formats a command accepts, e.g. `FormatOf<"audit">` is "text" | "md" | "json" | "csv" (for a union of commands: what any of them accepts). */
export type FormatOf<C extends FormatCommand> = { [K in FormatId]: C extends (typeof FORMATS)[K]["commands"][number] ? K : never }[FormatId];

/** The formats the wizard's save step offers (besides the case file). */
export type SaveFormat = { [K in FormatId]: (typeof FORMATS)[K] extends { save: object } ? K : never }[FormatId];

const ids = Object.keys(FORMATS) as FormatId[];

export function formatsFor<C extends FormatCommand>(command: C): FormatOf<C>[] {
  return ids.filter((id) => (FORMATS[id].commands as readonly FormatCommand[]).includes(command)) as FormatOf<C>[];
}

export const SAVE_FORMATS = ids.filter((id): id is SaveFormat => "save" in FORMATS[id]);

export function saveSpec(id: SaveFormat): { file: string; label: MessageKey } {
  return FORMATS[id].save;
}

/**
 * The format asked for on a command line: --json, or --format (text when neither). Anything the
 * command does not take is bad input (exit 2) and the message lists what it does take; --json with
 * another --format is a conflict.
 */
export function resolveFormat<C extends FormatCommand>(command: C, values: { json?: boolean | undefined; format?: string | undefined }): FormatOf<C> {
  const allowed = formatsFor(command) as string[];
  if (values.json) {
    if (values.format !== undefined && values.format !== "json") throw badInput("args.format", "cli.err.formatConflict", { format: values.format });
    return "json" as FormatOf<C>;
  }
  const f = values.format ?? "text";
  if (!allowed.includes(f)) throw badInput("args.format", "cli.err.format", { value: f, values: allowed.join(", ") });
  return f as FormatOf<C>;
}

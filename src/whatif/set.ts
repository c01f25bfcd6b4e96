// Parsing what-if changes: `--set PATH=VALUE`, and one value typed for a fact of a known kind.
// Pure; every refusal is a bad-input AppError naming the path and the values it accepts. Values
// are never echoed back (a mistyped flag could hold something private).
import { parseJsonBounded } from "../case/json-limits.js";
import { isIsoDate } from "../case/dates.js";
import { FACT_PATHS, factSpec, isFactPath, type FactKind, type FactPath } from "../case/facts.js";
import { redactSecrets } from "../case/redact.js";
import { AuthPolicySchema, REPLY_MAX_LENGTH } from "../case/schema.js";
import { badInput } from "../errors.js";

/** One change: a fact and its new value; `undefined` makes the fact unknown. */
export interface FactChange {
  path: FactPath;
  value: unknown;
}

/** Words that make any fact unknown again (besides an empty value). */
const UNKNOWN_WORDS = new Set(["unknown", "?"]);

const STRING_LIMITS: Partial<Record<FactPath, number>> = {
  "device.host": 255,
  "device.username": 320,
  "device.from": 320,
  "device.reply": REPLY_MAX_LENGTH,
};

/** The most characters a text fact takes. */
export function textLimit(path: FactPath): number {
  return STRING_LIMITS[path] ?? 4096;
}

/** The accepted values of a fact kind, as shown in messages. */
export function acceptedValues(path: FactPath): string {
  return describeKind(factSpec(path).kind);
}

function describeKind(kind: FactKind): string {
  switch (kind.type) {
    case "boolean":
      return "true | false | unknown";
    case "tristate":
      return "true | false | null | unknown";
    case "enum":
      return `${kind.values.join(" | ")} | unknown`;
    case "policy":
      return '{"name":"...","allowBasicAuthSmtp":true|false} | null | unknown';
    case "string":
      return "text | unknown";
    case "port":
      return "1-65535 | unknown";
    case "date":
      return "YYYY-MM-DD | unknown";
  }
}

function bad(path: string, accepted: string) {
  return badInput("whatif.bad-value", "whatif.err.value", { path, accepted });
}

/** Parse the text of one value for the fact at `path`. Returns `undefined` for "unknown". */
export function parseFactValue(path: FactPath, raw: string): unknown {
  const kind = factSpec(path).kind;
  const text = raw.trim();
  if (text === "" || UNKNOWN_WORDS.has(text.toLowerCase())) return undefined;
  const lower = text.toLowerCase();
  switch (kind.type) {
    case "boolean":
      if (lower === "true") return true;
      if (lower === "false") return false;
      throw bad(path, describeKind(kind));
    case "tristate":
      if (lower === "true") return true;
      if (lower === "false") return false;
      if (lower === "null") return null;
      throw bad(path, describeKind(kind));
    case "enum": {
      const found = kind.values.find((v) => v.toLowerCase() === lower);
      if (found === undefined) throw bad(path, describeKind(kind));
      return found;
    }
    case "policy": {
      if (lower === "null" || lower === "none") return null;
      let data: unknown;
      try {
        data = parseJsonBounded(text, { maxChars: 4096 });
      } catch {
        throw bad(path, describeKind(kind));
      }
      const parsed = AuthPolicySchema.safeParse(data);
      if (!parsed.success) throw bad(path, describeKind(kind));
      return parsed.data;
    }
    case "string": {
      const limit = textLimit(path);
      if (raw.length > limit) throw bad(path, `text of at most ${limit} characters | unknown`);
      // A pasted reply is the one free text that may carry a credential (an AUTH payload).
      return path === "device.reply" ? redactSecrets(raw) : raw;
    }
    case "port": {
      if (!/^\d{1,5}$/.test(text)) throw bad(path, describeKind(kind));
      const n = Number(text);
      if (n < 1 || n > 65535) throw bad(path, describeKind(kind));
      return n;
    }
    case "date":
      if (!isIsoDate(text)) throw bad(path, describeKind(kind));
      return text;
  }
}


/** Parse `PATH=VALUE` (the value may itself contain "="). `PATH=` or `PATH=unknown` makes the fact unknown. */
export function parseSetArg(arg: string): FactChange {
  const eq = arg.indexOf("=");
  const path = (eq < 0 ? arg : arg.slice(0, eq)).trim();
  if (!isFactPath(path)) {
    throw badInput("whatif.unknown-path", "whatif.err.path", { path: path.slice(0, 64), accepted: FACT_PATHS.join(", ") });
  }
  if (eq < 0) throw badInput("whatif.no-value", "whatif.err.noValue", { path, accepted: acceptedValues(path) });
  return { path, value: parseFactValue(path, arg.slice(eq + 1)) };
}

/** Parse an --as-of value. */
export function parseAsOf(raw: string): string {
  const text = raw.trim();
  if (!isIsoDate(text)) throw badInput("whatif.bad-date", "whatif.err.value", { path: "--as-of", accepted: "YYYY-MM-DD" });
  return text;
}

// How the what-if screen changes one fact with a key: booleans toggle, the SMTP AUTH switches cycle
// on / off / follow the organization, enums cycle, policies cycle none / blocks Basic / allows Basic,
// ports cycle the usual ones, dates move between the retirement checkpoints. Text is typed instead.
import { factSpec, type FactPath } from "../case/facts.js";
import type { AuthPolicy } from "../case/schema.js";
import { CHECKPOINTS } from "./calendar.js";

export type Direction = 1 | -1;

const PORTS = [587, 25, 465] as const;

function step<T>(values: readonly T[], current: unknown, dir: Direction): T {
  const i = values.findIndex((v) => v === current);
  if (i < 0) return values[dir === 1 ? 0 : values.length - 1] as T;
  return values[(i + dir + values.length) % values.length] as T;
}

/** Is this fact changed by cycling (true), or typed (false)? */
export function isCyclable(path: FactPath): boolean {
  const type = factSpec(path).kind.type;
  return type !== "string";
}

/** Is this fact typed as text (Enter opens an editor)? */
export function isTyped(path: FactPath): boolean {
  const type = factSpec(path).kind.type;
  return type === "string" || type === "date" || type === "port";
}

/**
 * The next value of a fact for a key press, or `undefined` as "no cyclic change" for text facts.
 * `dates` are the dates a date moves between (the original date and the checkpoints).
 */
export function cycleValue(path: FactPath, current: unknown, dir: Direction, ctx: { originalPolicyName?: string; dates?: readonly string[] }): { value: unknown } | undefined {
  const kind = factSpec(path).kind;
  switch (kind.type) {
    case "boolean":
      // A toggle; an unknown fact becomes true first (false going left).
      return { value: current === undefined ? dir === 1 : !current };
    case "tristate":
      // false = on, true = off, null = follow the organization.
      return { value: step([false, true, null], current === undefined ? undefined : current, dir) };
    case "enum":
      return { value: step(kind.values, current, dir) };
    case "policy": {
      const name = (current as AuthPolicy | null | undefined)?.name ?? ctx.originalPolicyName ?? "Block Basic Auth";
      const blocks: AuthPolicy = { name, allowBasicAuthSmtp: false };
      const allows: AuthPolicy = { name, allowBasicAuthSmtp: true };
      const states = [null, blocks, allows];
      const i = current === null ? 0 : current === undefined ? -1 : (current as AuthPolicy).allowBasicAuthSmtp ? 2 : 1;
      if (i < 0) return { value: states[dir === 1 ? 0 : 2] };
      return { value: states[(i + dir + 3) % 3] };
    }
    case "port":
      return { value: step(PORTS, current, dir) };
    case "date": {
      const dates = [...new Set([...(ctx.dates ?? []), ...CHECKPOINTS.map((c) => c.date)])].sort();
      const cur = typeof current === "string" ? current : undefined;
      if (cur === undefined) return { value: dates[0] };
      const next = dir === 1 ? dates.find((d) => d > cur) : [...dates].reverse().find((d) => d < cur);
      return next === undefined ? undefined : { value: next };
    }
    case "string":
      return undefined;
  }
}

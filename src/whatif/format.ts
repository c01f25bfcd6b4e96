// Words for facts, values, sources, causes and verdicts, shared by the CLI renderers and the screen.
import { factSpec, getFact, type FactPath } from "../case/facts.js";
import type { Case } from "../case/schema.js";
import type { CauseId, CauseStatus, Verdict } from "../engine/types.js";
import { hasKey, t, type Lang, type MessageKey } from "../i18n/index.js";
import type { OptionVerdict } from "./options.js";
import { safeText } from "../render/sanitize.js";

export function factLabel(lang: Lang, path: FactPath): string {
  const key = `whatif.fact.${path}`;
  return hasKey(key) ? t(lang, key) : path;
}

const SWITCHES: readonly FactPath[] = ["tenant.smtpClientAuthenticationDisabled", "account.smtpClientAuthenticationDisabled"];

/** A fact's value in words. `undefined` is "unknown". */
export function formatValue(lang: Lang, path: FactPath, value: unknown): string {
  if (value === undefined) return t(lang, "whatif.value.unknown");
  if (SWITCHES.includes(path)) {
    if (value === null) return t(lang, "whatif.value.followOrg");
    return t(lang, value === true ? "whatif.value.switchOff" : "whatif.value.switchOn");
  }
  const kind = factSpec(path).kind;
  switch (kind.type) {
    case "boolean":
      return t(lang, value === true ? "whatif.value.yes" : "whatif.value.no");
    case "tristate":
      return value === null ? t(lang, "whatif.value.notSet") : t(lang, value === true ? "whatif.value.yes" : "whatif.value.no");
    case "policy": {
      if (value === null) return t(lang, "whatif.value.none");
      const p = value as { name: string; allowBasicAuthSmtp: boolean };
      return t(lang, "whatif.value.policy", { name: p.name, allowed: t(lang, p.allowBasicAuthSmtp ? "whatif.value.allowed" : "whatif.value.blocked") });
    }
    case "string":
      return safeText(String(value).replace(/\s+/g, " ").trim());
    default:
      return safeText(String(value));
  }
}

/** The original value recorded by a what-if change ("absent" = it was unknown). */
export function formatOriginal(lang: Lang, path: FactPath, original: unknown): string {
  return original === "absent" && factSpec(path).kind.type !== "string" ? t(lang, "whatif.value.absent") : formatValue(lang, path, original);
}

/** Where a fact came from; `recorded` = known but with no provenance in the case; `none` = unknown. */
export type SourceLabelKind = "live" | "probe" | "answer" | "assumed" | "whatif" | "file" | "flag" | "recorded" | "none";

export function sourceKind(c: Case, path: FactPath): SourceLabelKind {
  const s = c.sources?.[path];
  if (s) return s.kind;
  return getFact(c, path) === undefined ? "none" : "recorded";
}

export function sourceLabel(lang: Lang, kind: SourceLabelKind): string {
  return t(lang, `whatif.source.${kind}` as MessageKey);
}

/** The cause's title from the causes catalog when it has one, else its stable id. */
export function causeTitle(lang: Lang, id: CauseId): string {
  for (const key of [`causes.${id}.title`, `cause.${id}.title`, `causes.${id}`]) if (hasKey(key)) return t(lang, key);
  return id;
}

export function verdictLabel(lang: Lang, v: Verdict | OptionVerdict): string {
  return t(lang, `whatif.verdict.${v}` as MessageKey);
}

export function statusLabel(lang: Lang, s: CauseStatus): string {
  return t(lang, `whatif.status.${s}` as MessageKey);
}

// The wizard's result as lines of at most `width` columns: verdict, each cause with its evidence
// and where that evidence came from, the remaining unknowns, then the plan text when there is one.
import type { Diagnosis, Evidence } from "../engine/types.js";
import { hasKey, t, type Lang, type MessageKey } from "../i18n/index.js";
import { wrap } from "../ui/text.js";
import { causeTitle, factLabel } from "./labels.js";

export function evidenceSource(e: Evidence): MessageKey {
  switch (e.kind) {
    case "reply":
      return "wizard.source.kind.reply";
    case "fact":
      return e.source ? (`wizard.source.kind.${e.source.kind}` as MessageKey) : "wizard.source.kind.file";
    case "signin":
      return "wizard.source.kind.signin";
    case "timeline":
      return "wizard.source.kind.timeline";
    case "probe":
      return "wizard.source.kind.probe";
    case "inference":
      return "wizard.source.kind.inference";
  }
}

function evidenceDetail(lang: Lang, e: Evidence): string {
  switch (e.kind) {
    case "reply":
      return e.reply;
    case "fact":
      return `${e.path} = ${JSON.stringify(e.value)}`;
    case "signin":
      return `${e.errorCode}${e.failureReason ? ` ${e.failureReason}` : ""} (${e.at})`;
    case "timeline":
      return `${e.phase} (${e.asOf})`;
    case "probe":
      return `${e.what} = ${JSON.stringify(e.value)}`;
    case "inference":
      return hasKey(e.messageKey) ? t(lang, e.messageKey, e.params) : e.messageKey;
  }
}

export function resultLines(lang: Lang, d: Diagnosis, width: number, planText?: string): string[] {
  const out: string[] = [];
  const push = (text: string, indent = "") => out.push(...wrap(text, width, indent));
  push(t(lang, `wizard.result.verdict.${d.verdict}`));
  out.push("");
  if (d.causes.length > 0) {
    push(t(lang, "wizard.result.causes"));
    for (const c of d.causes) {
      push(`- [${t(lang, `wizard.result.status.${c.status}`)}] ${causeTitle(lang, c.id)}`, "  ");
      for (const e of c.evidence) {
        push(`    ${t(lang, "wizard.result.evidence", { source: t(lang, evidenceSource(e)), detail: evidenceDetail(lang, e) })}`, "      ");
      }
    }
    out.push("");
  }
  if (d.unknowns.length > 0) {
    push(t(lang, "wizard.result.unknowns"));
    for (const p of d.unknowns) push(`- ${factLabel(lang, p)}`, "  ");
  } else {
    push(t(lang, "wizard.result.noUnknowns"));
  }
  out.push("");
  push(t(lang, "wizard.result.plan"));
  if (planText && planText.trim() !== "") for (const line of planText.replace(/\n+$/, "").split("\n")) push(line, "  ");
  else push(t(lang, "wizard.result.noPlan"));
  return out;
}

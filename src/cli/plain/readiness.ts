// The readiness step (src/flow/readiness.ts) as prompts: the export paths typed in, the audit's
// summary said, the reports saved. The checking, the run and the saving are the flow's effects.
import type { ReadinessSummary } from "../../audit/index.js";
import { subState } from "../../flow/reducer.js";
import { DEFAULT_AUDIT_DIR, READINESS_FIELDS, readinessHintLines, readinessMessageText, type ReadinessEvent } from "../../flow/readiness.js";
import type { FlowEvent, FlowState } from "../../flow/types.js";
import { t, type Lang } from "../../i18n/index.js";
import { stepLines, truncate, wrapHanging } from "../../render/layout.js";
import { BACK, backChoice, type PlainContext } from "./context.js";

const sub = (event: ReadinessEvent): FlowEvent => ({ type: "readiness", event });

export async function plainReadiness(s: FlowState, ctx: PlainContext): Promise<FlowEvent | undefined> {
  const r = subState(s, "readiness");
  if (!r) return undefined;
  const { p } = ctx;
  const lang = s.lang;
  const phase = r.phase;
  const message = r.message;
  switch (phase.id) {
    case "file": {
      // After "required" or a path that failed its check, the same file is asked again at once.
      const again = message?.kind === "required" || message?.kind === "file" || message?.kind === "placed" || message?.kind === "sameKind";
      if (message) p.say(readinessMessageText(lang, message));
      if (!again) {
        if (phase.field === 0) {
          p.say(t(lang, "wizard.readiness.title"));
          for (const line of stepLines(t(lang, "wizard.readiness.body"), ctx.width)) p.say(line);
        }
        const field = READINESS_FIELDS[phase.field] ?? "mailboxes";
        p.say("");
        p.say(`[${t(lang, "wizard.readiness.progress", { n: phase.field + 1, total: READINESS_FIELDS.length })}] ${t(lang, phase.field === 0 ? "wizard.readiness.requiredNote" : "wizard.readiness.optionalNote")}`);
        const hint = readinessHintLines(t(lang, `wizard.readiness.hint.${field}`));
        for (const line of hint.command ? hint.lines.map((l) => `  ${l}`) : wrapHanging(hint.lines[0] ?? "", ctx.width, "  ")) p.say(line);
      }
      const field = READINESS_FIELDS[phase.field] ?? "mailboxes";
      return sub({ type: "submitFile", text: await p.input(t(lang, `wizard.readiness.file.${field}`)) });
    }
    case "summary": {
      if (message) p.say(readinessMessageText(lang, message));
      // The summary is said once, when the audit has run; after a save only what the save did.
      else for (const line of readinessLines(lang, phase.ready.summary, ctx.width)) p.say(line);
      const v = await p.select<string>(t(lang, "wizard.plain.what"), [
        { name: t(lang, "wizard.readiness.export"), value: "save" },
        { name: t(lang, "wizard.readiness.again"), value: "again" },
        { name: t(lang, "wizard.export.finish"), value: "done" },
        ...backChoice(s),
      ]);
      if (v === BACK) return { type: "back" };
      if (v === "again") return sub({ type: "again" });
      if (v === "done") return sub({ type: "finish" });
      return sub({ type: "exportReports" });
    }
    case "dir":
      return sub({ type: "submitDir", text: await p.input(t(lang, "wizard.readiness.dir"), DEFAULT_AUDIT_DIR) });
    case "confirm": {
      const overwrite = await p.select<boolean>(message ? readinessMessageText(lang, message) : t(lang, "wizard.readiness.exists", { file: phase.dir }), [
        { name: t(lang, "wizard.readiness.keep"), value: false },
        { name: t(lang, "wizard.readiness.overwrite"), value: true },
      ]);
      return sub({ type: overwrite ? "overwrite" : "keep" });
    }
    case "checking":
    case "running":
    case "saving":
      // Effects: run by the plain loop, never asked.
      return undefined;
  }
}

/** The audit's progress, said in steps of a quarter of each file and at its end, each figure once ("100%" came twice). */
export function sayAuditProgress(lang: Lang, file: string, ratio: number, ctx: PlainContext): void {
  if (ctx.progress.file !== file) ctx.progress = { shown: -1, file };
  const pct = Math.round(ratio * 100);
  if (pct <= ctx.progress.shown) return;
  if (pct === 100 || pct >= ctx.progress.shown + 25) {
    ctx.progress.shown = pct;
    ctx.p.say(`${t(lang, "wizard.readiness.running", { file })} ${pct}%`);
  }
}

/** The audit summary as lines of at most `width` columns, for plain mode. */
export function readinessLines(lang: Lang, s: ReadinessSummary, width = 80): string[] {
  const out: string[] = [""];
  const para = (text: string, indent = "") => out.push(...wrapHanging(text, width, indent));
  para(t(lang, "wizard.readiness.tenant", { state: t(lang, `wizard.readiness.tenant.${s.tenantSmtpAuth}`) }));
  const m = s.mailboxes;
  if (m) {
    para(t(lang, "wizard.readiness.mailboxes", { total: m.total, disabled: m.disabled, enabled: m.enabled, followOrg: m.followOrg }));
    para(t(lang, "wizard.readiness.effective", { enabled: m.effectiveEnabled, disabled: m.effectiveDisabled, unknown: m.effectiveUnknown }), "  ");
  }
  if (s.followingEnabledTenant > 0) para(t(lang, "wizard.readiness.following", { n: s.followingEnabledTenant }));
  out.push("", truncate(t(lang, "wizard.readiness.at", { date: s.changeDate }), width, "..."));
  for (const r of ["keeps-working", "breaks-at-change", "blocked-now", "undetermined"] as const) out.push(`  ${t(lang, `wizard.readiness.count.${r}`)}: ${s.counts[r]}`);
  if (s.notSeen !== undefined) para(`  ${t(lang, "wizard.readiness.notSeen", { n: s.notSeen })}`, "    ");
  if (!s.signInsAvailable && !s.smtpReportAvailable) para(t(lang, "wizard.readiness.noUsage"));
  if (s.entraIdP1 === false) para(t(lang, "wizard.readiness.noP1"));
  if (s.attention.length > 0) {
    out.push("", t(lang, "wizard.readiness.top"));
    for (const a of s.attention) out.push(truncate(`  - ${a.upn}: ${t(lang, `wizard.readiness.count.${a.readiness}`)}`, width, "..."));
  }
  if (s.plan) para(t(lang, "wizard.readiness.plan", { n: s.plan.count }));
  return out;
}

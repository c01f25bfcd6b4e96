// The Markdown report, for a ticket: the same content as the terminal report, with headings,
// a facts table that names each fact's source, PowerShell in ```powershell fences, and what-if
// facts marked as hypothetical.
import type { Case } from "../case/schema.js";
import { outsideExchangeOnline } from "../engine/index.js";
import { mdCode, mdInline, mdText } from "../render/markdown-text.js";
import { summarize, summaryLines } from "./summary.js";
import { adminChecks } from "./checks.js";
import { t, type Lang, type MessageKey, type Params } from "../i18n/index.js";
import type { Plan, PlanCommand, PlanStep } from "../plan/index.js";
import { deviceHead, deviceLineText, onDevice } from "../devices/render.js";
import { checkByText, evidenceLine, isHypothetical, joinSentences, knownFacts, noStepsText, onlyIfLines, optionsHeadingKey, type ReportInput, scopeLabel, stepNumber, whoLabel, wideChangeKey } from "./common.js";
import { causeSummary, causeTitle, factDescription, infoTitle, noteText, senderCase, senderOf, senderParams, verdictSentence } from "../render/labels.js";

function fence(commands: PlanCommand[]): string[] {
  if (commands.length === 0) return [];
  const body = commands.map((c) => c.text);
  const longest = Math.max(2, ...body.flatMap((l) => Array.from(l.matchAll(/`+/g), (m) => m[0].length)));
  const f = "`".repeat(longest + 1);
  return [`${f}powershell`, ...body, f];
}

export function renderMarkdown(input: ReportInput): string {
  const { case: c, diagnosis: d, plan, lang } = input;
  const tr = (key: MessageKey, params?: Params) => t(lang, key, params);
  const out: string[] = [];
  const statusMark = (s: string) => (s === "blocking" ? "✖" : s === "possible" ? "?" : "!");

  out.push(`# ${mdText(tr("plan.report.title"))}`, "");
  if (c.title) out.push(mdText(tr("plan.report.case", { title: c.title })), "");
  if (isHypothetical(c)) out.push(`> **${mdInline(tr("plan.report.hypothetical"))}**`, "");
  const vMark = d.verdict === "blocked" ? "✖" : d.verdict === "clear" ? "✔" : "?";
  out.push(`**${mdInline(tr("plan.report.verdictLabel"))}:** ${vMark} ${mdInline(verdictSentence(lang, d, c))} (${mdInline(tr("plan.report.asOf", { date: d.asOf }))})`, "");
  // In short: the most likely cause, who must act, the next actions (the detail follows).
  const summary = summaryLines(summarize(d, plan, lang, c), lang);
  for (const l of summary) {
    if (l.label && l.number !== undefined) out.push(`- **${mdInline(l.label)}:**`);
    if (l.number !== undefined) out.push(`  ${l.number}. ${mdInline(l.text)}`);
    else out.push(`- **${mdInline(l.label)}:** ${mdInline(l.text)}`);
  }
  if (summary.length) out.push("");

  // Causes
  out.push(`## ${mdText(tr("plan.report.section.causes"))}`, "");
  if (d.causes.length === 0) out.push(mdText(tr("plan.report.noCauses")), "");
  // A cause whose evidence and notes are the ones of the cause before it (every cause a bare "535 5.7.3" leaves possible) says so
  // in one line: the ticket repeated the pasted reply and its warning under each of them (persona round 8 #16).
  let previous: string | undefined;
  for (const f of d.causes) {
    out.push(`### ${statusMark(f.status)} ${mdInline(causeTitle(lang, f.id, c))} — ${mdInline(tr(`plan.report.status.${f.status}`))} (${mdCode(f.id)})`, "");
    const summary = causeSummary(lang, f.id, f.status, outsideExchangeOnline(d) !== undefined, d.asOf, c, f.notes);
    if (summary) out.push(mdText(summary), "");
    const lines: string[] = [];
    for (const ev of f.evidence) {
      const line = evidenceLine(lang, c, ev);
      const hyp = line.hypothetical ? ` **(${mdInline(tr("plan.report.source.whatif"))})**` : "";
      if (line.reply !== undefined) lines.push(`- ${mdText(line.replyLabel ?? tr("plan.report.ev.reply", { reply: "" }).trim())} ${mdCode(line.reply)}`);
      else lines.push(`- ${mdText(line.text)}${line.source ? ` (${mdInline(tr("plan.report.ev.source", { source: line.source }))})` : ""}${hyp}`);
    }
    for (const note of f.notes ?? []) lines.push(`- ⚠ ${mdInline(noteText(lang, note, c))}`);
    const block = lines.join("\n");
    out.push(...(lines.length > 1 && block === previous ? [`- ${mdText(tr("plan.report.sameEvidence"))}`] : lines), "");
    previous = block;
  }

  // The named device
  if (plan.device) out.push(...deviceMd(plan, lang));

  // Facts
  const facts = knownFacts(lang, c);
  if (facts.length) {
    out.push(`## ${mdText(tr("plan.report.section.facts"))}`, "");
    out.push(`| ${tr("plan.report.fact.col.fact")} | ${tr("plan.report.fact.col.value")} | ${tr("plan.report.fact.col.source")} |`, "|---|---|---|");
    for (const f of facts) {
      const value = f.hypothetical ? `**${mdInline(f.value)}** (${mdInline(tr("plan.report.source.whatif"))})` : mdInline(f.value);
      out.push(`| ${mdInline(f.label)} (${mdCode(f.path, { cell: true })}) | ${value} | ${mdInline(f.source)} |`);
    }
    out.push("");
  }

  // Unknowns
  if (d.unknowns.length) {
    out.push(`## ${mdText(tr("plan.report.section.unknowns"))}`, "");
    for (const p of d.unknowns) out.push(`- ${mdText(factDescription(lang, p, c))} (${mdCode(p)})`);
    // For the admin: where to look and the read-only command for each setting still unknown.
    const checks = adminChecks(c, d, lang);
    if (checks.length) {
      out.push("", `### ${mdText(tr("plan.report.section.adminChecks"))}`, "");
      for (const ch of checks) {
        out.push(`- **${mdInline(ch.title)}**: ${mdInline(ch.where)}`);
        if (ch.commands.length) out.push("", "  ```powershell", ...ch.commands.map((l) => `  ${l}`), "  ```", "");
      }
    }
    out.push("");
  }

  // Info
  if (d.info.length) {
    out.push(`## ${mdText(tr("plan.report.section.info"))}`, "");
    for (const info of d.info) {
      out.push(`- ${mdText(infoTitle(lang, info, senderOf(c)))}`);
      for (const ev of info.evidence) {
        const line = evidenceLine(lang, c, ev);
        out.push(`  - ${mdText(line.text)}${line.source ? ` (${mdInline(tr("plan.report.ev.source", { source: line.source }))})` : ""}`);
      }
    }
    out.push("");
  }

  // Plan
  out.push(`## ${mdText(tr("plan.report.section.plan"))}`, "");
  if (plan.steps.length === 0) out.push(mdText(noStepsText(lang, d)), "");
  plan.steps.forEach((step, i) => out.push(...stepMd(step, i + 1, lang, (id) => stepNumber(plan, id), plan, c)));

  // Options
  if (plan.options.length) {
    out.push(`## ${mdText(tr(optionsHeadingKey(plan), senderParams(lang, c)))}`, "");
    out.push(
      `| # | ${tr("plan.report.option.col.option")} | ${tr("plan.report.option.col.recipients")} | ${tr("plan.report.option.col.lasts")} | ${tr("plan.report.option.col.security")} | ${tr("plan.report.option.col.available")} |`,
      "|---|---|---|---|---|---|",
    );
    for (const o of plan.options) {
      const detail = joinSentences(lang, [o.summary, o.billed ? `(${tr("plan.report.option.billed")})` : undefined]);
      const avail = joinSentences(lang, [tr(`plan.report.option.available.${o.availability}`), o.availabilityNote ? `: ${o.availabilityNote}` : undefined]);
      out.push(
        `| ${o.rank} | **${mdInline(o.title)}**<br>${mdInline(detail)} | ${mdInline(o.recipients)} | ${mdInline(o.lasts)} | ${mdInline(o.security.text)} | ${mdInline(avail)} |`,
      );
    }
    out.push("");
    const oauth = plan.options.find((o) => o.device);
    if (oauth?.device) {
      out.push(`**${mdInline(oauth.title)}** — ${mdInline(onDevice(lang, plan))}`, "");
      for (const l of oauth.device) out.push(`- ${mdText(deviceLineText(lang, plan, l))}`);
      out.push("");
    }
  }

  if (plan.notes.length) {
    out.push(`## ${mdText(tr("plan.report.section.notes"))}`, "");
    for (const n of plan.notes) out.push(`- ${mdText(n)}`);
    out.push("");
  }
  return out.join("\n").replace(/\n{3,}/g, "\n\n").replace(/\n*$/, "\n");
}

function stepMd(step: PlanStep, n: number, lang: Lang, numberOf: (id: string) => number, plan: Plan, c: Case): string[] {
  const tr = (key: MessageKey, params?: Params) => t(lang, key, params);
  const out: string[] = [];
  out.push(`### ${n}. ${mdInline(step.title)}`, "");
  out.push(`${step.causeIds.map((id) => mdCode(id)).join(", ")}`, "");
  if (step.kind === "check") out.push(`> **✔** ${mdInline(tr("plan.report.step.readOnly"))}`, "");
  else if (step.confirmFirst && !step.onlyIf?.confirmedBy) out.push(`> **?** ${mdInline(tr("plan.report.step.confirmFirst"))}`, "");
  else if (step.status === "possible" && !step.confirmFirst && !step.weakens) out.push(`> ✔ ${mdInline(tr("plan.report.step.anyCause"))}`, "");
  for (const line of onlyIfLines(lang, plan, step)) out.push(`> **⚠** ${mdInline(line)}`, "");
  if (step.alternativeTo) out.push(`> ${mdText(tr("plan.report.step.alternative", { n: numberOf(step.alternativeTo) }))}`, "");
  out.push(`**${mdInline(tr("plan.report.step.why"))}:** ${mdInline(step.why)}`, "");
  if (step.opens) out.push(`> **⚠ ${mdInline(tr("plan.report.step.opens"))}:** ${mdInline(step.opens)}`, "");
  if (step.warning) out.push(`> **⚠ ${mdInline(tr("plan.report.step.warning"))}:** ${mdInline(step.warning)}`, "");
  if (step.check.length) {
    out.push(`**${mdInline(tr(step.kind === "check" ? "plan.report.step.checkOnly" : "plan.report.step.check"))}:**`, "", ...fence(step.check), "");
    const roles = checkByText(lang, step);
    if (roles) out.push(`**${mdInline(tr("plan.report.step.checkBy"))}:** ${mdInline(roles)}`, "");
  }
  if (step.commands.length) out.push(`**${mdInline(tr("plan.report.step.commands"))}:**`, "", ...fence(step.commands), "");
  if (step.adminCenter) {
    const path = [step.adminCenter.portal, ...step.adminCenter.path].map((p) => mdInline(p)).join(" > ");
    const where = step.adminCenter.url !== undefined ? ` (<${step.adminCenter.url}>)` : step.adminCenter.note !== undefined ? ` (${mdInline(step.adminCenter.note)})` : "";
    out.push(`**${mdInline(tr("plan.report.step.adminCenter"))}:** ${path}${where}`, "");
  }
  if (step.device) {
    out.push(`**${mdInline(onDevice(lang, plan))}**`, "");
    for (const l of step.device.lines) out.push(`- ${mdText(deviceLineText(lang, plan, l))}`);
    out.push("");
  }
  const verify = step.verify.testSend ? joinSentences(lang, [step.verify.text, tr("plan.report.step.testSend", senderParams(lang, c))]) : step.verify.text;
  out.push(`**${mdInline(tr(step.kind === "check" ? "plan.report.step.result" : "plan.report.step.verify"))}:** ${mdInline(verify)}`, "");
  if (step.verify.commands.length) out.push(...fence(step.verify.commands), "");
  if (step.undo) {
    out.push(`**${mdInline(tr("plan.report.step.undo"))}:** ${mdInline(step.undo.text)}`, "");
    if (step.undo.commands.length) out.push(...fence(step.undo.commands), "");
  }
  out.push(`- **${mdInline(tr("plan.report.step.who"))}:** ${mdInline(whoLabel(lang, step, c))}`);
  out.push(`- **${mdInline(tr("plan.report.step.scope"))}:** ${mdInline(scopeLabel(lang, step.scope, c))}${step.changesTenant ? ` — **${mdInline(tr(wideChangeKey(step)))}**` : ""}`);
  if (step.kind !== "check") out.push(`- **${mdInline(tr("plan.report.step.security"))} (${mdInline(tr(`plan.report.level.${step.security.level}`))}):** ${mdInline(step.security.text)}`);
  if (step.waitTime) out.push(`- **${mdInline(tr("plan.report.step.wait"))}:** ${mdInline(step.waitTime)}`);
  out.push("");
  return out;
}

/** The device section: maker and model, OAuth position, settings, panel message, numbered sources. */
function deviceMd(plan: Plan, lang: Lang): string[] {
  const dev = plan.device;
  if (!dev) return [];
  const words = senderParams(lang, senderCase(dev.vendor));
  const out = [`## ${mdText(t(lang, "devices.section", words))}`, ""];
  for (const head of deviceHead(lang, dev)) out.push(mdText(head), "");
  for (const l of [...dev.panel, ...dev.lines]) out.push(`- ${mdText(deviceLineText(lang, plan, l))}`);
  out.push("");
  if (dev.sources.length) {
    out.push(`**${mdInline(t(lang, "devices.sources", words))}:**`, "");
    dev.sources.forEach((u, i) => out.push(`${i + 1}. <${u}>`));
    out.push("");
  }
  return out;
}

// The terminal report: verdict, causes with evidence, unknowns, info, the numbered plan and the
// options table. Every line fits the width (Japanese included) except PowerShell commands, which
// are never cut: they stand on their own lines, indented, so they can be pasted.
import type { Case } from "../case/schema.js";
import { outsideExchangeOnline } from "../engine/index.js";
import type { CauseStatus } from "../engine/types.js";
import { t, type Lang } from "../i18n/index.js";
import type { Plan, PlanCommand, PlanOption, PlanStep } from "../plan/index.js";
import { checkByText, evidenceLine, isHypothetical, onlyIfLines, type ReportInput, scopeLabel, stepNumber, optionsHeadingKey, whoLabel, wideChangeKey } from "./common.js";
import { joinSentences, noStepsText } from "./common.js";
import { pad, TABLE_SEP, tableRows, width as textWidth, wrapPrefixed } from "../render/layout.js";
import { summarize, summaryLines } from "./summary.js";
import { deviceHead, deviceLineText, onDevice, sourceLines } from "../devices/render.js";
import { glyphs, makePainter, type Role, type Glyphs, type Painter } from "../render/theme.js";
import { causeSummary, causeTitle, factDescription, infoTitle, noteText, senderCase, senderOf, senderParams, verdictSentence } from "../render/labels.js";

class Out {
  readonly lines: string[] = [];
  constructor(
    readonly width: number,
    readonly theme: Painter,
  ) {}

  blank(): void {
    if (this.lines.length && this.lines[this.lines.length - 1] !== "") this.lines.push("");
  }

  /** Wrapped text: first line after `prefix` at `indent`, later lines at `indent + hang` (default: under the text). */
  text(text: string, opts: { indent?: number; prefix?: string; token?: Role; hang?: number } = {}): void {
    const indent = opts.indent ?? 0;
    const prefix = opts.prefix ?? "";
    const hang = opts.hang ?? textWidth(prefix);
    const out = wrapPrefixed(text, this.width, " ".repeat(indent) + prefix, " ".repeat(indent + hang), 8);
    // (Indexed: for…of allocates an iterator and its results at every call in the interpreter.)
    for (let i = 0; i < out.length; i++) this.lines.push(opts.token ? this.theme.paint(opts.token, out[i] as string) : (out[i] as string));
  }

  /** A label, then the text, wrapped with a hanging indent under the text. */
  labeled(label: string, text: string, indent: number, token?: Role): void {
    this.text(text, { indent, prefix: `${label}: `, hang: 2, ...(token ? { token } : {}) });
  }

  /** A PowerShell line: never wrapped or cut. */
  command(cmd: PlanCommand, indent: number): void {
    this.lines.push(" ".repeat(indent) + this.theme.paint("code", cmd.text));
  }

  raw(line: string): void {
    this.lines.push(line);
  }
}

function statusGlyph(g: Glyphs, s: CauseStatus): string {
  return s === "blocking" ? g.blocking : s === "possible" ? g.possible : g.warning;
}
function statusToken(s: CauseStatus): Role {
  return s === "blocking" ? "danger" : s === "possible" ? "warning" : "warning";
}

export function renderText(input: ReportInput): string {
  const { case: c, diagnosis: d, plan, lang } = input;
  const width = Math.max(40, input.width ?? 80);
  const theme = makePainter(input.color ?? false);
  const g = glyphs(input.ascii ?? false);
  const o = new Out(width, theme);
  const tr = (key: Parameters<typeof t>[1], params?: Parameters<typeof t>[2]) => t(lang, key, params);

  // Verdict.
  const vGlyph = d.verdict === "blocked" ? g.blocking : d.verdict === "clear" ? g.ok : g.possible;
  const vToken: Role = d.verdict === "blocked" ? "danger" : d.verdict === "clear" ? "success" : "warning";
  o.text(`${tr("plan.report.title")} (${tr("plan.report.asOf", { date: d.asOf })})`, { token: "heading" });
  if (c.title) o.text(tr("plan.report.case", { title: c.title }));
  o.text(verdictSentence(lang, d, c), { prefix: `${vGlyph} `, token: vToken });
  if (isHypothetical(c)) o.text(tr("plan.report.hypothetical"), { prefix: `${g.warning} `, token: "warning" });
  // In short: the most likely cause, who must act, the next actions (the detail follows).
  const summary = summaryLines(summarize(d, plan, lang, c), lang);
  const labelWidth = Math.max(0, ...summary.map((l) => textWidth(l.label)));
  for (const l of summary) o.text(l.text, { indent: 2, prefix: `${pad(l.label, labelWidth)}  ${l.number !== undefined ? `${l.number}. ` : ""}` });

  // Causes.
  o.blank();
  o.text(tr("plan.report.section.causes"), { token: "heading" });
  if (d.causes.length === 0) o.text(tr("plan.report.noCauses"), { indent: 2 });
  for (const f of d.causes) {
    const title = causeTitle(lang, f.id, c);
    const head = `${title} [${tr(`plan.report.status.${f.status}`)}]${title === f.id ? "" : ` (${f.id})`}`;
    o.text(head, { indent: 2, prefix: `${statusGlyph(g, f.status)} `, token: statusToken(f.status) });
    const summary = causeSummary(lang, f.id, f.status, outsideExchangeOnline(d) !== undefined, d.asOf, c, f.notes);
    if (summary) o.text(summary, { indent: 4 });
    for (const ev of f.evidence) {
      const line = evidenceLine(lang, c, ev);
      o.text(line.source ? `${line.text} (${tr("plan.report.ev.source", { source: line.source })})` : line.text, {
        indent: 4,
        prefix: `${g.item} `,
        ...(line.hypothetical ? { token: "warning" as const } : {}),
      });
    }
    for (const note of f.notes ?? []) o.text(noteText(lang, note, c), { indent: 4, prefix: `${g.warning} `, token: "muted" });
  }

  // The named device (device.vendor): its OAuth position, where its settings are, its panel message.
  if (plan.device) renderDevice(o, plan, lang, g);

  // Unknowns.
  if (d.unknowns.length) {
    o.blank();
    o.text(tr("plan.report.section.unknowns"), { token: "heading" });
    // By name only: the internal paths are in --json (and in the Markdown facts table, for whatif --set).
    for (const path of d.unknowns) o.text(factDescription(lang, path, c), { indent: 2, prefix: `${g.possible} ` });
  }

  // Info.
  if (d.info.length) {
    o.blank();
    o.text(tr("plan.report.section.info"), { token: "heading" });
    for (const info of d.info) {
      o.text(infoTitle(lang, info, senderOf(c)), { indent: 2, prefix: `${g.item} ` });
      for (const ev of info.evidence) {
        const line = evidenceLine(lang, c, ev);
        o.text(line.source ? `${line.text} (${tr("plan.report.ev.source", { source: line.source })})` : line.text, { indent: 4, prefix: `${g.item} `, token: "muted" });
      }
    }
  }

  // Plan.
  o.blank();
  o.text(tr("plan.report.section.plan"), { token: "heading" });
  if (plan.steps.length === 0) o.text(noStepsText(lang, d), { indent: 2 });
  plan.steps.forEach((step, i) => renderStep(o, step, i + 1, lang, g, plan, c));

  // Options.
  if (plan.options.length) {
    o.blank();
    o.text(tr(optionsHeadingKey(plan), senderParams(lang, c)), { token: "heading" });
    renderOptions(o, plan, lang, g);
  }

  // Notes.
  if (plan.notes.length) {
    o.blank();
    o.text(tr("plan.report.section.notes"), { token: "heading" });
    for (const n of plan.notes) o.text(n, { indent: 2, prefix: `${g.warning} ` });
  }
  return o.lines.join("\n") + "\n";
}

function renderStep(o: Out, step: PlanStep, n: number, lang: Lang, g: Glyphs, plan: Plan, c: Case): void {
  const tr = (key: Parameters<typeof t>[1], params?: Parameters<typeof t>[2]) => t(lang, key, params);
  o.blank();
  const number = `${n}. `;
  o.text(step.title, { indent: 2, prefix: number, ...(step.status === "blocking" ? { token: "heading" as const } : {}) });
  const ind = 2 + number.length;
  // The causes this step answers, by name (their ids are in --json).
  o.text(tr("plan.report.step.for", { causes: step.causeIds.map((id) => causeTitle(lang, id, c)).join(tr("plan.summary.sep")) }), { indent: ind, token: "muted" });
  if (step.kind === "check") o.text(tr("plan.report.step.readOnly"), { indent: ind, prefix: `${g.ok} `, token: "success" });
  else if (step.confirmFirst && !step.onlyIf?.confirmedBy) o.text(tr("plan.report.step.confirmFirst"), { indent: ind, prefix: `${g.possible} `, token: "warning" });
  else if (step.status === "possible" && !step.confirmFirst && !step.weakens) o.text(tr("plan.report.step.anyCause"), { indent: ind, prefix: `${g.ok} ` });
  for (const line of onlyIfLines(lang, plan, step)) o.text(line, { indent: ind, prefix: `${g.warning} `, token: "warning" });
  if (step.alternativeTo) o.text(tr("plan.report.step.alternative", { n: stepNumber(plan, step.alternativeTo) }), { indent: ind, prefix: `${g.item} ` });
  o.labeled(tr("plan.report.step.why"), step.why, ind);
  if (step.opens) o.labeled(`${g.warning} ${tr("plan.report.step.opens")}`, step.opens, ind, "danger");
  if (step.warning) o.labeled(`${g.warning} ${tr("plan.report.step.warning")}`, step.warning, ind, "danger");
  if (step.check.length) {
    o.text(`${tr(step.kind === "check" ? "plan.report.step.checkOnly" : "plan.report.step.check")}:`, { indent: ind });
    for (const cmd of step.check) o.command(cmd, ind + 2);
    const roles = checkByText(lang, step);
    if (roles) o.labeled(tr("plan.report.step.checkBy"), roles, ind);
  }
  if (step.commands.length) {
    o.text(`${tr("plan.report.step.commands")}:`, { indent: ind });
    for (const cmd of step.commands) o.command(cmd, ind + 2);
  }
  if (step.adminCenter) {
    o.labeled(tr("plan.report.step.adminCenter"), [step.adminCenter.portal, ...step.adminCenter.path].join(` ${g.sep} `), ind);
    o.text(step.adminCenter.url ?? step.adminCenter.note ?? "", { indent: ind + 2, token: "muted" });
  }
  if (step.device) {
    o.text(onDevice(lang, plan), { indent: ind });
    for (const l of step.device.lines) o.text(deviceLineText(lang, plan, l), { indent: ind + 2, prefix: `${g.item} ` });
  }
  o.labeled(tr(step.kind === "check" ? "plan.report.step.result" : "plan.report.step.verify"), step.verify.testSend ? joinSentences(lang, [step.verify.text, tr("plan.report.step.testSend", senderParams(lang, c))]) : step.verify.text, ind);
  for (const cmd of step.verify.commands) o.command(cmd, ind + 2);
  if (step.undo) {
    o.labeled(tr("plan.report.step.undo"), step.undo.text, ind);
    for (const cmd of step.undo.commands) o.command(cmd, ind + 2);
  }
  const meta = [
    `${tr("plan.report.step.who")}: ${whoLabel(lang, step, c)}`,
    `${tr("plan.report.step.scope")}: ${scopeLabel(lang, step.scope, c)}`,
  ].join("  ");
  o.text(meta, { indent: ind });
  if (step.changesTenant) o.text(tr(wideChangeKey(step)), { indent: ind, prefix: `${g.warning} `, token: "warning" });
  // A read-only check has said so already.
  if (step.kind !== "check") {
    o.labeled(
      `${tr("plan.report.step.security")} (${tr(`plan.report.level.${step.security.level}`)})`,
      step.security.text,
      ind,
      step.security.level === "high" ? "danger" : undefined,
    );
  }
  if (step.waitTime) o.labeled(tr("plan.report.step.wait"), step.waitTime, ind);
}

/** The options as a table that fits the width; cells wrap inside their column. */
function renderOptions(o: Out, plan: Plan, lang: Lang, g: Glyphs): void {
  const options: PlanOption[] = plan.options;
  const tr = (key: Parameters<typeof t>[1], params?: Parameters<typeof t>[2]) => t(lang, key, params);
  const indent = 2;
  // Two columns between cells (tableRows' own): with one, a cell that filled its column read on into the next one.
  const sep = TABLE_SEP;
  // "#", risk and usable are short; the rest of the width is shared by option, recipients and lasts.
  const n = Math.max(1, ...options.map((opt) => String(opt.rank).length));
  const risk = 6;
  const usable = 6;
  // (At least 15 columns for the three, so the table fits down to the 40 columns of the narrowest terminal: with 24 it
  // ran past the width below 45 columns, and below 49 once the gaps were two columns.)
  const rest = Math.max(15, o.width - indent - n - risk - usable - sep.length * 5);
  const option = Math.round(rest * 0.42);
  const recipients = Math.min(Math.max(12, Math.round(rest * 0.19)), Math.round(rest * 0.3));
  const widths = [n, option, recipients, rest - option - recipients, risk, usable];
  const row = (cells: string[], token?: Role) => {
    for (const line of tableRows(cells, widths, " ".repeat(indent), sep)) o.raw(token ? o.theme.paint(token, line) : line);
  };
  row(
    [
      "#",
      tr("plan.report.option.col.option"),
      tr("plan.report.option.col.recipients"),
      tr("plan.report.option.col.lasts"),
      tr("plan.report.option.col.security"),
      tr("plan.report.option.col.available"),
    ],
    "heading",
  );
  o.raw(" ".repeat(indent) + "-".repeat(o.width - indent));
  for (const opt of options) {
    row(
      [
        String(opt.rank),
        opt.title,
        opt.recipients,
        opt.lasts,
        tr(`plan.report.level.${opt.security.level}`),
        tr(`plan.report.option.available.${opt.availability}`),
      ],
      opt.perAccountException ? "warning" : undefined,
    );
  }
  o.blank();
  for (const opt of options) {
    const extra = joinSentences(lang, [
      opt.summary,
      opt.security.text,
      opt.availabilityNote,
      opt.billed ? `(${tr("plan.report.option.billed")})` : undefined,
      opt.relevant && opt.perAccountException ? `(${tr("plan.report.option.relevant")})` : undefined,
    ]);
    o.text(extra, { indent, prefix: `${opt.rank}. `, ...(opt.availability === "no" ? { token: "muted" as const } : {}) });
    if (opt.device) {
      o.text(onDevice(lang, plan), { indent: indent + 3 });
      for (const l of opt.device) o.text(deviceLineText(lang, plan, l), { indent: indent + 5, prefix: `${g.item} ` });
    }
  }
}

/** The device section: maker and model, OAuth position, where the settings are, the panel message, the sources (URLs never cut). */
function renderDevice(o: Out, plan: Plan, lang: Lang, g: Glyphs): void {
  const dev = plan.device;
  if (!dev) return;
  o.blank();
  // "The device", or "The application" over an application's section.
  const words = senderParams(lang, senderCase(dev.vendor));
  o.text(t(lang, "devices.section", words), { token: "heading" });
  for (const head of deviceHead(lang, dev)) o.text(head, { indent: 2 });
  for (const l of [...dev.panel, ...dev.lines]) o.text(deviceLineText(lang, plan, l), { indent: 2, prefix: `${g.item} ` });
  const sources = sourceLines(plan);
  if (sources.length) {
    o.text(`${t(lang, "devices.sources", words)}:`, { indent: 2, token: "muted" });
    for (const line of sources) o.raw(`    ${o.theme.paint("muted", line)}`);
  }
}

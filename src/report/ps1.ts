// The .ps1 script: a header that names the case, a read-only section that runs the check and
// verify commands, and every state-changing command either with -WhatIf (cmdlets that support
// it) or commented out. Comments are in the user's language; the text starts with a UTF-8 BOM so
// that Windows PowerShell 5.1 reads Japanese comments correctly. Lines end with CRLF.
import { adminChecks, checkCommands } from "./checks.js";
import { t, type MessageKey, type Params } from "../i18n/index.js";
import { PLACEHOLDER, type PlanCommand, type PlanStep } from "../plan/index.js";
import { checkByText, isHypothetical, onlyIfLines, type ReportInput } from "./common.js";
import { wrap } from "../render/layout.js";
import { causeTitle, verdictSentence } from "../render/labels.js";

export const BOM = "\uFEFF";

/** A comment block: every line starts with "# " (wrapped so that comments stay readable). */
function comment(text: string, width = 100): string[] {
  return wrap(text, width - 2).map((l) => (l ? `# ${l}` : "#"));
}

/** The command as it goes into the script: -WhatIf added, or commented out when the cmdlet has none. */
export function scriptLine(cmd: PlanCommand): string {
  if (!cmd.changes) return cmd.text;
  if (cmd.whatIf) return `${cmd.text} -WhatIf`;
  return `# ${cmd.text}`;
}

/** A value to fill in, in angle brackets inside quotes ('<device-mailbox@contoso.com>', '<name>'). */
const PLACEHOLDER_IN_TEXT = /'<[^'<>\r\n]+>'/g;
/** The case's own values the header asks to replace everywhere (the mailbox, the sender, the admin …). */
const CASE_PLACEHOLDERS: ReadonlySet<string> = new Set(Object.values(PLACEHOLDER).map((p) => `'${p}'`));

/** A value that only the output of the line before can give (an authentication policy's '<name>'), if the command holds one. */
function valueFromAbove(text: string): string | undefined {
  return text.match(PLACEHOLDER_IN_TEXT)?.find((p) => !CASE_PLACEHOLDERS.has(p));
}

/**
 * A read as it goes into the script: as it is, or, when it needs a value that the line before it
 * shows, commented out under a line that says so: run as written it only fails. (The case's own
 * placeholders are replaced throughout first, as the header says.)
 */
function readLines(cmd: PlanCommand, tr: (key: MessageKey, params?: Params) => string): string[] {
  const value = valueFromAbove(cmd.text);
  return value ? [...comment(tr("plan.report.ps1.fillIn", { placeholder: value })), `# ${cmd.text}`] : [cmd.text];
}

function dedupe(commands: PlanCommand[]): PlanCommand[] {
  const seen = new Set<string>();
  return commands.filter((c) => (seen.has(c.text) ? false : (seen.add(c.text), true)));
}

export function renderPs1(input: ReportInput): string {
  const { case: c, diagnosis: d, plan, lang } = input;
  const tr = (key: MessageKey, params?: Params) => t(lang, key, params);
  const out: string[] = [];

  out.push(...comment(tr("plan.report.ps1.header")));
  if (c.title) out.push(...comment(tr("plan.report.ps1.case", { title: c.title.replace(/[\r\n]+/g, " ") })));
  out.push(...comment(tr("plan.report.ps1.date", { date: d.asOf })));
  out.push(...comment(tr("plan.report.ps1.verdict", { verdict: verdictSentence(lang, d, c) })));
  if (d.causes.length) {
    out.push(...comment(tr("plan.report.ps1.causes", { causes: d.causes.map((f) => `${causeTitle(lang, f.id, c)} (${f.id}, ${tr(`plan.report.status.${f.status}`)})`).join("; ") })));
  }
  if (isHypothetical(c)) out.push(...comment(tr("plan.report.hypothetical")));
  out.push("#", ...comment(tr("plan.report.ps1.safe")));

  // What an admin must still read (the settings unknown), each with its read-only commands.
  const checks = adminChecks(c, d, lang).map((ch) => ({ ch, cmds: checkCommands(ch) })).filter((x) => x.cmds.length > 0);
  const all = [...plan.steps.flatMap((s) => [...s.check, ...s.commands, ...s.verify.commands, ...(s.undo?.commands ?? [])]), ...checks.flatMap((x) => x.cmds)];
  if (all.some((cmd) => Object.values(PLACEHOLDER).some((p) => cmd.text.includes(p)) || valueFromAbove(cmd.text) !== undefined)) out.push(...comment(tr("plan.report.ps1.placeholders")));
  out.push("");

  if (all.length === 0) {
    out.push(...comment(tr("plan.report.ps1.nothing")));
    return BOM + out.join("\r\n") + "\r\n";
  }

  // Connect lines, commented.
  const shells = new Set(all.map((cmd) => cmd.shell));
  // Microsoft 365 operated by 21Vianet: both modules sign in to that cloud (-ExchangeEnvironmentName, -Environment).
  const vianet = plan.cloud === "21vianet";
  // (An on-premises Exchange Server's commands alone need neither module: its own shell, said below.)
  if (shells.has("exchange") || shells.has("graph") || !shells.has("exchange-server")) out.push(...comment(tr("plan.report.ps1.connect")));
  if (shells.has("exchange-server")) out.push(...comment(tr("plan.report.ps1.connectExchangeServer")));
  if (shells.has("exchange")) {
    out.push(...comment(tr("plan.report.ps1.connectExchange")));
    out.push(`# Connect-ExchangeOnline ${vianet ? "-ExchangeEnvironmentName O365China " : ""}-UserPrincipalName '${PLACEHOLDER.admin}'`);
  }
  if (shells.has("graph")) {
    const scopesOf = (cmds: PlanCommand[]) => [...new Set(cmds.filter((cmd) => cmd.shell === "graph").flatMap((cmd) => cmd.scopes ?? []))].sort();
    const readScopes = scopesOf(all.filter((cmd) => !cmd.changes));
    const writeScopes = scopesOf(all.filter((cmd) => cmd.changes));
    const line = (scopes: string[]) => `# Connect-MgGraph ${vianet ? "-Environment China " : ""}-Scopes ${scopes.map((s) => `'${s}'`).join(",")}`;
    out.push(...comment(tr("plan.report.ps1.connectGraph")));
    if (readScopes.length) out.push(line(readScopes));
    if (writeScopes.length) {
      out.push(...comment(tr("plan.report.ps1.connectGraphWrite")));
      out.push(line([...new Set([...readScopes, ...writeScopes])].sort()));
    }
  }
  out.push("");

  // Read-only section.
  // Read-only section: each step's reads under its number and title, with the roles that can run them (each command once).
  // A step that changes something is verified after its change (in the changes' section): its verify command read first
  // looked up a policy the step had not made yet, and the script ended in an error (persona round 6, P6-16).
  const verifiesNow = (s: PlanStep): readonly PlanCommand[] => (changesSomething(s) ? [] : s.verify.commands);
  const reads = dedupe(plan.steps.flatMap((s) => [...s.check, ...verifiesNow(s)]).filter((cmd) => !cmd.changes));
  if (reads.length) {
    out.push(`# ===== ${tr("plan.report.ps1.readSection")} =====`);
    const done = new Set<string>();
    plan.steps.forEach((step, i) => {
      const mine = [...step.check, ...verifiesNow(step)].filter((cmd) => !cmd.changes && !done.has(cmd.text) && (done.add(cmd.text), true));
      if (mine.length === 0) return;
      out.push(...comment(tr("plan.report.ps1.step", { n: i + 1, title: step.title })));
      const roles = checkByText(lang, step);
      if (roles && step.check.length) out.push(...comment(`${tr("plan.report.step.checkBy")}: ${roles}`));
      for (const cmd of mine) out.push(...readLines(cmd, tr));
    });
    out.push("");
  }

  // The settings still unknown: read-only too.
  if (checks.length) {
    out.push(`# ===== ${tr("plan.report.ps1.unknownSection")} =====`);
    const before = new Set(reads.map((cmd) => cmd.text));
    for (const { ch, cmds } of checks) {
      out.push(...comment(`${ch.title}: ${ch.where}`));
      // A read the checks above already run is named, not repeated.
      for (const cmd of cmds) out.push(...(before.has(cmd.text) ? [`# ${tr("plan.report.ps1.sameAbove")}`] : readLines(cmd, tr)));
    }
    out.push("");
  }

  // Changes, never live.
  const changing = plan.steps.filter((s) => s.commands.length || s.undo?.commands.length);
  if (changing.length) {
    out.push(`# ===== ${tr("plan.report.ps1.changeSection")} =====`);
    plan.steps.forEach((step, i) => {
      if (!step.commands.length && !step.undo?.commands.length) return;
      out.push("", ...comment(tr("plan.report.ps1.step", { n: i + 1, title: step.title })));
      for (const line of onlyIfLines(lang, plan, step)) out.push(...comment(line));
      // The safer steps have no commands to show here: their titles, so the script reads on its own.
      for (const id of step.onlyIf?.saferSteps ?? []) {
        const safer = plan.steps.findIndex((x) => x.id === id);
        // (Not "Step 1: …" on a line of its own, which read as the header of another step, persona round 5.)
        if (safer >= 0) out.push(...comment(tr("plan.report.ps1.saferStep", { n: safer + 1, title: plan.steps[safer]?.title ?? "" })));
      }
      if (step.opens) out.push(...comment(`${tr("plan.report.step.opens")}: ${step.opens}`));
      if (step.warning) out.push(...comment(step.warning));
      for (const cmd of step.commands) {
        if (cmd.note) out.push(...comment(cmd.note));
        if (cmd.changes && !cmd.whatIf) out.push(...comment(tr("plan.report.ps1.noWhatIf")));
        const line = scriptLine(cmd);
        out.push(...(line.startsWith("#") ? [line] : readLines({ ...cmd, text: line }, tr)));
      }
      const after = step.verify.commands.filter((cmd) => !cmd.changes);
      if (changesSomething(step) && after.length) {
        // Commented out, as the undo is: run as delivered, the changes above are -WhatIf and what the check reads may not exist.
        out.push(...comment(tr("plan.report.ps1.verifyAfter")));
        for (const cmd of after) out.push(`# ${cmd.text}`);
      }
      if (step.undo?.commands.length) {
        out.push(...comment(`${tr("plan.report.ps1.undo")} ${step.undo.text}`));
        for (const cmd of step.undo.commands) out.push(`# ${cmd.text}`);
      }
    });
    out.push("");
  }
  return BOM + out.join("\r\n") + "\r\n";
}

/** Does the step change something (a command that changes a setting)? */
function changesSomething(s: PlanStep): boolean {
  return s.commands.some((cmd) => cmd.changes);
}

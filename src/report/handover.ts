// The hand-over (issue 13.2): what first-line support gives the admin, at most 30 lines at 80
// columns, in the admin's language. What the device shows, what is established, what the admin
// must check (each unknown setting with its admin-center path in Microsoft's own labels and a
// read-only command), the likely fixes, and one line that opens the same case:
// `npx smtp-auth-doctor --resume CODE`. Commands and the resume line are never wrapped or cut
// (they must paste as written); each counts as one line. Plain text: no colour, made for a ticket.
import { FACT_PATHS, getFact } from "../case/facts.js";
import { encodeResume } from "../case/resume.js";
import { causeSpec } from "../engine/causes.js";
import type { CauseId, CauseStatus } from "../engine/types.js";
import type { StepId } from "../plan/types.js";
import { t, type MessageKey, type Params } from "../i18n/index.js";
import { appKey, causeTitle, senderParams, verdictSentence } from "../render/labels.js";
import { width as textWidth, wrapPrefixed, wrapPrefixedMax } from "../render/layout.js";
import { safeText } from "../render/sanitize.js";
import { glyphs } from "../render/theme.js";
import { redactSecrets } from "../case/redact.js";
import { evidenceLine, isHypothetical, type ReportInput, whoLabel } from "./common.js";
import { adminChecks, checkCommands, type AdminCheck } from "./checks.js";
import { PHASE_IDS } from "../probe/types.js";

/** The hand-over's length limit, in lines at its width (commands and the resume line count one each). */
export const HANDOVER_MAX_LINES = 30;
export const HANDOVER_COLUMNS = 80;

export function renderHandover(input: ReportInput): string {
  const { case: c, diagnosis: d, plan, lang } = input;
  // Always 80 columns, whatever the terminal: it is pasted into tickets and mails.
  const cols = HANDOVER_COLUMNS;
  const g = glyphs(input.ascii ?? false);
  // The words for what sends the mail (a device, or an application: "On the application (the help desk's part)").
  const sender = senderParams(lang, c);
  const tr = (key: MessageKey, params?: Params) => t(lang, key, { ...sender, ...params });
  // At most `max` lines, the last one cut where a line may break (persona round 6, P6-6: "… で対象のユ…"); our own
  // words only: commands are never cut.
  const wrap = (text: string, first: string, rest: string = " ".repeat(textWidth(first)), max = 2): string[] => wrapPrefixedMax(text, cols, first, rest, max, g.ellipsis);

  // Where to look, in whole steps: as many as fit, else the first one (the admin center's path) without its number.
  // Cut at the width, the directions read "1. Microsoft Entra admin center > … 2. Selec…" (persona round 4).
  const whereSteps = (where: string, max: number): string[] => {
    const steps = where.split("\n").filter((l) => l.trim() !== "");
    const unnumbered = (step: string): string => step.replace(/^\d+\.\s*/, "");
    for (let k = steps.length; k > 1; k--) {
      const lines = steps.slice(0, k).flatMap((step) => wrapPrefixed(step, cols, "     ", "     "));
      if (lines.length <= max) return lines;
    }
    const first = unnumbered(steps[0] ?? where);
    // A Japanese step names its path and then says to open it ("… > ポリシー を開きます。"): the path alone, when that is what fits.
    const fits = (text: string): boolean => wrapPrefixed(text, cols, "     ", "     ").length <= max;
    const path = first.includes(" > ") ? first.replace(/\s*を開きます。$/, "") : first;
    // A sentence whose closing aside does not fit loses the aside, not its end: the saved note read 「認証ポリシーは Exchange Online
    // PowerShell でしか扱えません (管理センター...」 (persona 9a).
    const unaside = first.replace(/\s*\([^()]*\)(?=[。.]?$)/, "");
    return wrap(fits(first) ? first : fits(path) ? path : fits(unaside) ? unaside : first, "     ", undefined, max);
  };

  // What the device shows and how it is set up.
  const head: string[] = [tr("plan.handover.title", { date: d.asOf })];
  if (c.title) head.push(...wrap(tr("plan.report.case", { title: c.title }), ""));
  // A what-if case says so before anything else: the admin must not take it for the device's state.
  if (isHypothetical(c)) head.push(...wrap(tr("plan.report.hypothetical"), `${g.warning} `));
  const device = deviceLine(input);
  // "Device:", or "Application:" before an application's line.
  if (device) head.push(...wrap(device, `${tr("plan.handover.device")} `));
  const shows = shownReply(input);
  // What the device's panel showed (a Canon's "#818"), with what the tool knows of its meaning: the hand-over had only the
  // server's reply, and the admin never saw the code the help desk read on the panel (persona pass, Canon #818 with 535 5.7.139).
  const panel = panelLines(input);
  // Up to two rows: the reply's last words are often what names the check that failed ("… the request did not
  // meet the criteria …" was cut at "did no…", persona round 3). (Not when it is the panel's code itself: the line below says it.)
  if (shows && !panel.some((p) => p.code === shows)) head.push(...wrap(shows, `${tr("plan.handover.shows")} `, undefined, 2));
  for (const p of panel) head.push(...wrap(p.text, `${tr("plan.handover.panel")} `, undefined, 2));
  // What the help desk was told of the failure's history (persona round 8, #10): it ordered the checks below.
  const history = historyLine(input);
  if (history) head.push(...wrap(history, `${tr("plan.handover.history")} `, undefined, 2));

  // What is established.
  const mark = (s: CauseStatus) => (s === "blocking" ? g.blocking : s === "possible" ? g.possible : g.warning);
  const causes = d.causes.filter((f) => f.status !== "warning").slice(0, 3);
  const established: string[] = [verdictSentence(lang, d, c)].flatMap((v) => wrap(v, `${d.verdict === "blocked" ? g.blocking : d.verdict === "clear" ? g.ok : g.possible} `));
  for (const f of causes) {
    established.push(...wrap(`${causeTitle(lang, f.id, c)} (${tr(`plan.report.status.${f.status}`)})`, `  ${mark(f.status)} `, undefined, 1));
    // What the help desk's test saw, said as measured from that PC, not the device: the wizard's test was dropped from
    // the hand-over (persona round 7 #4).
    const seen = f.evidence.find((ev) => ev.kind === "probe" && (PHASE_IDS as readonly string[]).includes(ev.what.split(":", 1)[0] ?? ""));
    if (seen) established.push(...wrap(tr("plan.handover.fromSupportPc", { test: evidenceLine(lang, c, seen).text }), "      ", undefined, 2));
  }
  // The causes left out, said as what they are: a blocking one read "1 more possible cause" (persona round 5, C1).
  const left = d.causes.filter((f) => f.status !== "warning").slice(causes.length);
  const moreBlocking = left.filter((f) => f.status === "blocking").length;
  const morePossible = left.length - moreBlocking;
  const more =
    (moreBlocking > 0 ? tr(moreBlocking === 1 ? "plan.handover.countsMoreBlockingOne" : "plan.handover.countsMoreBlocking", { more: moreBlocking }) : "") +
    (morePossible > 0 ? tr(morePossible === 1 ? "plan.handover.countsMoreOne" : "plan.handover.countsMore", { more: morePossible }) : "");
  const answered = countKnown(input);
  established.push(...wrap(tr("plan.handover.counts", { known: answered, unknown: d.unknowns.length }) + more, "  ", undefined, 2));
  // A device on Basic before the change (a warning, so not among the causes above): the admin hears of the end of December too.
  // The hand-over named only the mailbox's switch and a licence for a Canon on Basic in December 2026 (persona round 7).
  // (Not when the move to OAuth is among the likely fixes the hand-over shows, as for a refusal that Basic itself meets: build() decides.)
  const retiring = d.causes.some((f) => f.id === "basic-auth-retired" && f.status === "warning") && (d.retirement === "before-change" || d.retirement === "change-imminent");
  const retiringLines = retiring ? wrap(tr(d.retirement === "change-imminent" ? "plan.handover.retiringImminent" : "plan.handover.retiring"), `  ${g.warning} `, undefined, 3) : [];

  // What the admin must check: first the checks of the causes shown above, then the settings that decide another
  // possible cause, then every other unknown setting an admin reads, in the engine's order. A shown cause that no
  // setting decides (the wrong password, a lock) has the plan's read-only check: for a refusal that does not say why,
  // the sign-in log comes first. The checks listed were those of other causes, and the sign-in log was not among
  // them (persona round 6, P6-5).
  const shownIds = new Set(causes.map((f) => f.id));
  const shownFacts = new Set(causes.flatMap((f) => causeSpec(f.id).settledBy ?? []));
  const facts = adminChecks(c, d, lang);
  const checks: HandoverCheck[] = [
    ...planChecks(input).filter((ch) => ch.causeIds.some((id) => shownIds.has(id) && (causeSpec(id).settledBy ?? []).every((p) => !facts.some((f) => f.path === p)))),
    ...facts.filter((f) => shownFacts.has(f.path)),
    ...facts.filter((f) => !shownFacts.has(f.path)),
  ];

  // The likely fixes: the plan's changes in its order (its read-only checks are the list above). A change that waits
  // for its cause to be confirmed says so, as the summary does; the help desk's own steps are not the admin's fixes in
  // a note the help desk sends to the admin (persona round 6, P6-5). The help desk's part that does not wait for a check
  // (a confirmed cause on the device: port 587 with STARTTLS) is said as its own, before them; one that waits (the
  // password, until the sign-in log is read) is left to the full report.
  const changes = plan.steps.filter((s) => s.kind === "change");
  const desk = changes.filter((s) => s.who === "helpdesk" && !s.confirmFirst).map((s) => s.title);
  const fixSteps = changes.filter((s) => s.who !== "helpdesk");
  const fixes = fixSteps
    .map((s) => {
      const who = whoLabel(lang, s, c);
      return s.confirmFirst ? tr("plan.summary.nextConfirm", { title: s.title, who }) : `${s.title} (${who})`;
    });

  const resume = `${tr("plan.handover.resume")} npx smtp-auth-doctor --resume ${encodeResume(c)}`;

  const build = (nChecks: number, nFixes: number, whereLines: number): string[] => {
    const oauthShown = fixSteps.slice(0, nFixes).some((s) => s.id === "move-to-oauth");
    const out = [...head, "", ...established, ...(oauthShown ? [] : retiringLines)];
    if (checks.length) {
      const shown = checks.slice(0, nChecks);
      const graphScopes = new Set<string>();
      let exchange = false;
      const body: string[] = [];
      shown.forEach((ch, i) => {
        body.push(...wrap(ch.title, `  ${i + 1}. `, undefined, 1));
        if (whereLines > 0 && ch.where !== "") body.push(...whereSteps(ch.where, whereLines));
        // The check's commands as plan commands (src/report/checks.ts): its sign-in lines become one line above.
        for (const cmd of checkCommands(ch)) {
          if (cmd.shell === "graph") for (const s of cmd.scopes ?? []) graphScopes.add(`'${s}'`);
          else exchange = true;
          body.push(`     ${cmd.text}`);
        }
      });
      if (checks.length > shown.length) body.push(...wrap(tr("plan.handover.moreChecks", { n: checks.length - shown.length }), "  ", undefined, 1));
      // One line that signs in to what the commands need (PowerShell runs both, separated by ";").
      // (Microsoft 365 operated by 21Vianet: both sign in to that cloud.)
      const vianet = plan.cloud === "21vianet";
      const connect = [...(exchange ? [vianet ? "Connect-ExchangeOnline -ExchangeEnvironmentName O365China" : "Connect-ExchangeOnline"] : []), ...(graphScopes.size ? [`Connect-MgGraph ${vianet ? "-Environment China " : ""}-Scopes ${[...graphScopes].join(",")}`] : [])];
      out.push("", ...wrap(tr(connect.length ? "plan.handover.checkHeadingConnect" : "plan.handover.checkHeading"), ""));
      if (connect.length) out.push(`     ${connect.join("; ")}`);
      out.push(...body);
    }
    if (desk.length) {
      out.push("", tr(appKey("plan.handover.deskHeading", c)));
      desk.slice(0, Math.max(1, nFixes)).forEach((f, i) => out.push(...wrap(f, `  ${i + 1}. `)));
    }
    if (fixes.length) {
      out.push("", tr("plan.handover.fixHeading"));
      fixes.slice(0, nFixes).forEach((f, i) => out.push(...wrap(f, `  ${i + 1}. `)));
      const more = fixes.length - nFixes;
      if (more > 0) out.push(...wrap(more === 1 ? tr("plan.handover.moreFixesOne") : tr("plan.handover.moreFixes", { n: more }), "  ", undefined, 1));
    }
    out.push("", resume);
    return out;
  };

  // Fit the limit: fewer places to look, then fewer checks and fixes (the full report has them all).
  // The admin center's path for a check (one line) outweighs a second likely fix, which the full report has.
  const tries: [number, number, number][] = [[3, 3, 2], [3, 3, 1], [3, 2, 1], [2, 2, 1], [2, 1, 1], [2, 2, 0], [1, 2, 0], [1, 1, 0], [0, 1, 0]];
  let lines = build(...(tries[0] as [number, number, number]));
  for (const attempt of tries.slice(1)) {
    if (lines.length <= HANDOVER_MAX_LINES) break;
    lines = build(...attempt);
  }
  return `${lines.join("\n")}\n`;
}

/** A check the hand-over lists: an unknown setting (src/report/checks.ts) or a read-only step of the plan. */
type HandoverCheck = Pick<AdminCheck, "title" | "where" | "commands">;

/** The hand-over's own, shorter titles for the plan's read-only steps (a step's title is a sentence). */
const CHECK_TITLES: Partial<Record<StepId, MessageKey>> = { "confirm-sign-in-log": "plan.handover.signInLog" };

/** The plan's read-only steps as hand-over checks: where to look (the admin center's path) and their commands, signed in for. */
function planChecks({ case: c, plan, lang }: ReportInput): (HandoverCheck & { causeIds: readonly CauseId[] })[] {
  return plan.steps
    .filter((s) => s.kind === "check")
    .map((s) => {
      const key = CHECK_TITLES[s.id];
      const where = s.adminCenter ? [s.adminCenter.portal, ...s.adminCenter.path].join(" > ") : "";
      const commands = s.check.flatMap((cmd) => (cmd.shell === "graph" && cmd.scopes?.length ? [`Connect-MgGraph -Scopes ${cmd.scopes.map((x) => `'${x}'`).join(",")}`, cmd.text] : [cmd.text]));
      return { title: key ? t(lang, key, senderParams(lang, c)) : s.title, where, commands, causeIds: s.causeIds };
    });
}

/**
 * "Sharp BP-70C65 · scanner@contoso.com → smtp.office365.com:587 STARTTLS · Basic", from what the case knows. In Japanese
 * 「シャープ BP-70C65・scanner@contoso.com -> …」: "·" and "→" are East Asian ambiguous-width, two columns in a terminal set
 * so (Windows' Japanese console, a CJK font), while the layout counts them one, and the line overran its width.
 */
export function deviceLine({ case: c, lang }: Pick<ReportInput, "case" | "lang">): string | undefined {
  const parts: string[] = [];
  const vendor = getFact(c, "device.vendor");
  const model = getFact(c, "device.model");
  const maker = [typeof vendor === "string" && vendor !== "other" ? t(lang, `devices.vendor.${vendor}` as MessageKey) : undefined, typeof model === "string" ? safeText(model) : undefined].filter(Boolean).join(" ");
  if (maker) parts.push(maker);
  const user = getFact(c, "device.username");
  const host = getFact(c, "device.host");
  const port = getFact(c, "device.port");
  const security = getFact(c, "device.security");
  // The server only as far as it is known: a "?" read as "the server is unknown" to the admin, also when
  // the wizard had said the reply made those questions unnecessary (found in tmux).
  // (A port without its server read "→ :587", persona round 7: the port is named as such; an empty host is no host.)
  const server = typeof host === "string" && host.trim() !== "" ? `${safeText(host)}${port !== undefined ? `:${String(port)}` : ""}` : port !== undefined ? t(lang, "plan.handover.portOnly", { port: String(port) }) : "";
  const sec = typeof security === "string" ? ` ${t(lang, `plan.handover.security.${security}` as MessageKey)}` : "";
  const account = typeof user === "string" ? safeText(user) : "";
  const connection = server !== "" ? `${account !== "" ? `${account}${t(lang, "plan.handover.device.to")}` : ""}${server}${sec}` : `${account}${sec}`.trim();
  if (connection !== "") parts.push(connection);
  const auth = getFact(c, "device.auth");
  if (typeof auth === "string") parts.push(t(lang, `plan.handover.auth.${auth}` as MessageKey));
  return parts.length ? parts.join(t(lang, "plan.handover.device.sep")) : undefined;
}

/** The reply the engine read (the line that decided), else the first non-empty line of the paste; secrets removed. */
function shownReply({ case: c, diagnosis: d }: ReportInput): string | undefined {
  for (const f of d.causes) for (const ev of f.evidence) if (ev.kind === "reply") return safeText(redactSecrets(ev.reply));
  const first = c.device?.reply?.split(/\r?\n/).find((l) => l.trim() !== "");
  return first !== undefined ? safeText(redactSecrets(first.trim())) : undefined;
}

/** The panel's codes and messages (plan.device.panel, at most two), each with what the tool knows of its meaning, or says it does not. */
function panelLines({ plan, lang }: Pick<ReportInput, "plan" | "lang">): { code: string; text: string }[] {
  const dev = plan.device;
  if (!dev) return [];
  const vendor = dev.vendorName;
  return dev.panel.flatMap((l) => {
    if (l.code === undefined || l.reading === undefined) return [];
    const code = safeText(l.code).slice(0, 80);
    const text =
      l.reading === "known"
        ? t(lang, "plan.handover.panel.known", { code, meaning: l.meaning ?? "", sureness: t(lang, `devices.conf.${l.confidence}` as MessageKey) })
        : t(lang, `plan.handover.panel.${l.reading}`, { code, vendor });
    return [{ code, text }];
  }).slice(0, 2);
}

/** The failure's history as the person reporting it told it, in their words (case.history), or undefined when not known. */
export function historyLine({ case: c, lang }: Pick<ReportInput, "case" | "lang">): string | undefined {
  const h = c.history;
  if (h?.workedBefore === "no") return t(lang, "plan.handover.history.never");
  if (h?.workedBefore !== "yes") return undefined;
  return h.stoppedOn !== undefined ? t(lang, "plan.handover.history.since", { date: h.stoppedOn }) : t(lang, "plan.handover.history.worked");
}

/** The settings known (what the person said of the failure's history is no setting). */
function countKnown({ case: c }: ReportInput): number {
  return FACT_PATHS.filter((p) => p !== "asOf" && p !== "device.reply" && !p.startsWith("history.") && getFact(c, p) !== undefined).length;
}

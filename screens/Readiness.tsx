// Step 1, "readiness": draws the readiness step of the flow (src/flow/readiness.ts): the export
// files typed in, the audit's progress, its summary with the reports to save. Checking, running and
// saving are the flow's effects; this screen only draws the state and sends the events.
import { Box } from "ink";
import type { ReadinessSummary } from "../src/audit/index.js";
import { READINESS_FIELDS, DEFAULT_AUDIT_DIR, readinessBusy, readinessHintLines, readinessMessageText, type ReadinessEvent, type ReadinessState } from "../src/flow/readiness.js";
import { t, type Lang, type MessageKey } from "../src/i18n/index.js";
import { Frame, Line, Para, Select, Steps, TextInput, frameRoom, keyRows, listWindow, useKeys } from "../src/ui/components.js";
import type { Theme } from "../src/render/theme.js";
import { stepLines, width, wrapHanging } from "../src/render/layout.js";
import { safeText } from "../src/render/sanitize.js";

export interface ReadinessScreenProps {
  theme: Theme;
  lang: Lang;
  step: string;
  state: ReadinessState;
  onEvent: (event: ReadinessEvent) => void;
  /** Ctrl+O shows the export commands whole (the wizard in a terminal): a cut one says so. */
  copyable?: boolean;
  /**
   * The terminal's rows: the introduction shows what fits, its last row saying Ctrl+O shows the rest (a path that
   * does not exist drew 25 rows at 80×24, and the title scrolled off).
   */
  rows?: number;
}

export function ReadinessScreen({ theme, lang, step, state, onEvent, copyable = false, rows }: ReadinessScreenProps) {
  const { phase, turn, message } = state;
  // While the audit reads or writes, keys are dropped: an Enter typed then must not choose on the next screen.
  useKeys(() => readinessBusy(state));
  let body;
  let keys: MessageKey = "wizard.keys.select";
  switch (phase.id) {
    case "file":
    case "checking": {
      const index = phase.field;
      const field = READINESS_FIELDS[index] ?? "mailboxes";
      const hint = readinessHintLines(t(lang, `wizard.readiness.hint.${field}`));
      keys = "wizard.keys.text";
      const clipped = hint.command && copyable && hint.lines.some((line) => width(`  ${line}`) > theme.width);
      // The introduction (first file only) in the rows the rest leaves, the rows counted as the paste summary counts
      // them; cut like a question's directions, its last row saying Ctrl+O shows the whole text.
      const introAll = index === 0 ? stepLines(safeText(t(lang, "wizard.readiness.body"), { multiline: true }), theme.width).length : 0;
      let introRows = introAll;
      if (rows !== undefined && introAll > 0) {
        const h = (text: string, indent = "") => wrapHanging(safeText(text, { multiline: true }), theme.width, indent).length;
        const fixed =
          4 +
          keyRows(t(lang, keys), theme) +
          (message ? h(`${theme.glyphs.failed} ${readinessMessageText(lang, message)}`) + 1 : 0) +
          1 +
          1 +
          h(t(lang, `wizard.readiness.file.${field}`)) +
          (hint.command ? hint.lines.length : h(hint.lines[0] ?? "", "  ")) +
          (clipped ? h(t(lang, "questions.clipped", { glyph: theme.glyphs.ellipsis })) : 0) +
          h(t(lang, "wizard.readiness.requiredNote")) +
          1;
        introRows = Math.max(1, Math.min(introAll, rows - 1 - fixed));
      }
      body = (
        <Box flexDirection="column">
          {index === 0 ? <Steps text={t(lang, "wizard.readiness.body")} theme={theme} maxLines={introRows} more={t(lang, "wizard.readiness.bodyMore")} /> : null}
          <Box marginTop={index === 0 ? 1 : 0} flexDirection="column">
            <Line text={t(lang, "wizard.readiness.progress", { n: index + 1, total: READINESS_FIELDS.length })} theme={theme} role="muted" />
            <Para text={t(lang, `wizard.readiness.file.${field}`)} theme={theme} role="heading" />
            {hint.command ? hint.lines.map((line, i) => <Line key={i} text={`  ${line}`} theme={theme} role="code" />) : <Para text={hint.lines[0] ?? ""} theme={theme} role="code" indent="  " />}
            {clipped ? <Para text={t(lang, "questions.clipped", { glyph: theme.glyphs.ellipsis })} theme={theme} role="muted" /> : null}
            <Para text={t(lang, index === 0 ? "wizard.readiness.requiredNote" : "wizard.readiness.optionalNote")} theme={theme} role="muted" />
            {phase.id === "file" ? (
              <TextInput key={turn} theme={theme} label=">" initial={state.files[field] ?? ""} onSubmit={(text) => onEvent({ type: "submitFile", text })} onBack={() => onEvent({ type: "back" })} />
            ) : (
              <Line text={t(lang, "wizard.readiness.checking")} theme={theme} role="muted" />
            )}
          </Box>
        </Box>
      );
      break;
    }
    case "running": {
      const ratio = state.progress?.ratio ?? 0;
      const cells = 30;
      const fill = Math.round(ratio * cells);
      // "#" and "-" only: block characters are ambiguous-width and draw wide in Japanese terminals.
      const bar = `[${"#".repeat(fill)}${"-".repeat(cells - fill)}] ${Math.round(ratio * 100)}%`;
      keys = "wizard.readiness.keys.running";
      body = (
        <Box flexDirection="column">
          <Para text={t(lang, "wizard.readiness.running", { file: state.progress?.file ?? "" })} theme={theme} />
          <Line text={bar} theme={theme} role="accent" />
        </Box>
      );
      break;
    }
    case "summary":
    case "saving": {
      // The rows the summary may take: the window's (one kept for the terminal's last line) less the frame, the message
      // above and the choices below with the blank line before them.
      const choices = [t(lang, "wizard.readiness.export"), t(lang, "wizard.readiness.again"), t(lang, "wizard.export.finish")];
      const h = (text: string, indent = "") => wrapHanging(safeText(text, { multiline: true }), theme.width, indent).length;
      const summaryRoom =
        rows === undefined
          ? undefined
          : frameRoom(rows, t(lang, keys), theme) -
            (message ? h(`${theme.glyphs.ok} ${readinessMessageText(lang, message)}`) + 1 : 0) -
            (phase.id === "summary" ? 1 + choices.reduce((n, label, i) => n + wrapHanging(`${i + 1}. ${label}`, theme.width - 4, "   ").length, 0) : 0);
      body = (
        <Box flexDirection="column">
          <SummaryView summary={phase.ready.summary} theme={theme} lang={lang} {...(summaryRoom !== undefined ? { room: summaryRoom } : {})} />
          {phase.id === "summary" ? (
            <Box marginTop={1}>
              <Select
                key={turn}
                items={choices.map((label) => ({ label }))}
                theme={theme}
                onSelect={(i) => onEvent({ type: i === 0 ? "exportReports" : i === 1 ? "again" : "finish" })}
                onBack={() => onEvent({ type: "back" })}
              />
            </Box>
          ) : null}
        </Box>
      );
      break;
    }
    case "dir":
      keys = "wizard.keys.text";
      body = (
        <Box flexDirection="column">
          <Para text={t(lang, "wizard.readiness.dir")} theme={theme} />
          <TextInput key={turn} theme={theme} label=">" initial={DEFAULT_AUDIT_DIR} onSubmit={(text) => onEvent({ type: "submitDir", text })} onBack={() => onEvent({ type: "back" })} />
        </Box>
      );
      break;
    case "confirm":
      body = (
        <Select
          key={turn}
          items={[{ label: t(lang, "wizard.readiness.keep") }, { label: t(lang, "wizard.readiness.overwrite") }]}
          theme={theme}
          onSelect={(i) => onEvent({ type: i === 1 ? "overwrite" : "keep" })}
          onBack={() => onEvent({ type: "back" })}
        />
      );
      break;
  }
  // A file taken as the one its content says it is: done, not failed.
  const ok = message?.kind === "saved" || message?.kind === "placed";
  return (
    <Frame theme={theme} title={t(lang, "wizard.readiness.title")} step={step} keys={t(lang, keys)}>
      {message ? <Para text={`${ok ? theme.glyphs.ok : theme.glyphs.failed} ${readinessMessageText(lang, message)}`} theme={theme} role={ok ? "success" : "danger"} /> : null}
      <Box marginTop={message ? 1 : 0} flexDirection="column">
        {body}
      </Box>
    </Frame>
  );
}

/**
 * The audit's summary: the three states and the effective state, readiness counts and the top accounts. In `room` rows
 * (when given) the states and the counts stay whole; then as many of the top accounts as fit (listWindow, with a line
 * for the rest), the bulk plan, the notes on what the exports could not tell, and last the blank lines between the
 * parts. At 80×24 the summary drew 29 rows and the title scrolled off (found with the persona round 6 fixes); the
 * saved reports have everything.
 */
export function SummaryView({ summary: s, theme, lang, room }: { summary: ReadinessSummary; theme: Theme; lang: Lang; room?: number }) {
  const m = s.mailboxes;
  const h = (text: string, indent = "") => wrapHanging(safeText(text, { multiline: true }), theme.width, indent).length;
  const tenant = t(lang, "wizard.readiness.tenant", { state: t(lang, `wizard.readiness.tenant.${s.tenantSmtpAuth}`) });
  const mailboxes = m ? t(lang, "wizard.readiness.mailboxes", { total: m.total, disabled: m.disabled, enabled: m.enabled, followOrg: m.followOrg }) : undefined;
  const effective = m ? t(lang, "wizard.readiness.effective", { enabled: m.effectiveEnabled, disabled: m.effectiveDisabled, unknown: m.effectiveUnknown }) : undefined;
  const following = s.followingEnabledTenant > 0 ? t(lang, "wizard.readiness.following", { n: s.followingEnabledTenant }) : undefined;
  const notes = [...(!s.signInsAvailable && !s.smtpReportAvailable ? [t(lang, "wizard.readiness.noUsage")] : []), ...(s.entraIdP1 === false ? [t(lang, "wizard.readiness.noP1")] : [])];
  const plan = s.plan ? t(lang, "wizard.readiness.plan", { n: s.plan.count }) : undefined;
  // The counts cover the accounts seen using SMTP AUTH only: the rest of the mailboxes are said, or the sum looked short.
  const notSeen = s.notSeen !== undefined ? t(lang, "wizard.readiness.notSeen", { n: s.notSeen }) : undefined;
  // What is shown: everything, or what fits by the order above.
  let shownTop = s.attention.length;
  let shownPlan = plan !== undefined;
  let shownFollowing = following !== undefined;
  let shownNotes = notes.length;
  let blankCounts = true;
  let blankTop = s.attention.length > 0;
  const hiddenText = wrapHanging(safeText(t(lang, "wizard.readiness.topHidden", { count: s.attention.length }), { multiline: true }), theme.width, "");
  let hiddenTop = 0;
  if (room !== undefined) {
    let left = room - (h(tenant) + (mailboxes ? h(mailboxes) : 0) + (effective ? h(effective, "  ") : 0) + 5 + (notSeen ? h(`  ${notSeen}`) : 0));
    // The note on blank mailboxes that follow an enabled organization (the saved reports have it too), unless it would
    // leave the accounts that need attention not even counted: at 60×24, with the line on the mailboxes not seen, it did.
    const leastForAccounts = s.attention.length > 0 ? hiddenText.length : 0;
    shownFollowing = following !== undefined && left - h(following) >= leastForAccounts;
    if (shownFollowing && following !== undefined) left -= h(following);
    // The top accounts: the heading, those that fit and a line for the rest, or none.
    shownTop = s.attention.length > 0 && left >= 2 ? listWindow(s.attention.map(() => 1), 0, left - 1)[1] + 1 : 0;
    // (listWindow keeps one account even where the line for the rest leaves no room for it: then none is listed.)
    if (shownTop > 0 && 1 + shownTop + (shownTop < s.attention.length ? 1 : 0) > left) shownTop = 0;
    if (shownTop > 0) left -= 1 + shownTop + (shownTop < s.attention.length ? 1 : 0);
    // No room for the list: one line says how many there are and where they are (they were left out without a word).
    hiddenTop = shownTop === 0 && s.attention.length > 0 && left >= hiddenText.length ? hiddenText.length : 0;
    left -= hiddenTop;
    shownPlan = plan !== undefined && left >= h(plan);
    if (shownPlan && plan !== undefined) left -= h(plan);
    shownNotes = 0;
    for (const note of notes) {
      if (left < h(note)) break;
      left -= h(note);
      shownNotes++;
    }
    blankCounts = left >= 1;
    if (blankCounts) left -= 1;
    blankTop = shownTop > 0 && left >= 1;
  }
  return (
    <Box flexDirection="column">
      <Para text={tenant} theme={theme} />
      {mailboxes && effective ? (
        <>
          <Para text={mailboxes} theme={theme} />
          <Para text={effective} theme={theme} indent="  " />
        </>
      ) : null}
      {following && shownFollowing ? <Para text={following} theme={theme} role="warning" /> : null}
      <Box marginTop={blankCounts ? 1 : 0} flexDirection="column">
        <Line text={t(lang, "wizard.readiness.at", { date: s.changeDate })} theme={theme} role="heading" />
        {(["keeps-working", "breaks-at-change", "blocked-now", "undetermined"] as const).map((r) => (
          <Line key={r} text={`  ${t(lang, `wizard.readiness.count.${r}`)}: ${s.counts[r]}`} theme={theme} role={r === "blocked-now" ? "danger" : r === "breaks-at-change" ? "warning" : undefined} />
        ))}
        {notSeen ? <Line text={`  ${notSeen}`} theme={theme} role="muted" /> : null}
      </Box>
      {notes.slice(0, shownNotes).map((note, i) => (
        <Para key={i} text={note} theme={theme} role="muted" />
      ))}
      {shownTop > 0 ? (
        <Box marginTop={blankTop ? 1 : 0} flexDirection="column">
          <Line text={t(lang, "wizard.readiness.top")} theme={theme} role="heading" />
          {s.attention.slice(0, shownTop).map((a) => (
            <Line key={a.upn} text={`  ${theme.glyphs.bullet} ${a.upn}: ${t(lang, `wizard.readiness.count.${a.readiness}`)}`} theme={theme} />
          ))}
          {shownTop < s.attention.length ? <Line text={`  ${theme.glyphs.ellipsis} ${t(lang, "wizard.readiness.topMore", { count: s.attention.length - shownTop })}`} theme={theme} role="muted" /> : null}
        </Box>
      ) : null}
      {hiddenTop > 0 ? <Para text={t(lang, "wizard.readiness.topHidden", { count: s.attention.length })} theme={theme} role="muted" /> : null}
      {shownPlan && plan ? <Para text={plan} theme={theme} role="muted" /> : null}
    </Box>
  );
}

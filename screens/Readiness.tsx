// Step 1, "readiness": draws the readiness step of the flow (src/flow/readiness.ts): the export
// files typed in, the audit's progress, its summary with the reports to save. Checking, running and
// saving are the flow's effects; this screen only draws the state and sends the events.
import { Box } from "ink";
import type { ReadinessSummary } from "../src/audit/index.js";
import { READINESS_FIELDS, DEFAULT_AUDIT_DIR, readinessBusy, readinessHintLines, readinessMessageText, type ReadinessEvent, type ReadinessState } from "../src/flow/readiness.js";
import { t, type Lang, type MessageKey } from "../src/i18n/index.js";
import { Frame, Line, Para, Select, Steps, TextInput, useKeys } from "../src/ui/components.js";
import type { Theme } from "../src/render/theme.js";
import { width } from "../src/render/layout.js";

export interface ReadinessScreenProps {
  theme: Theme;
  lang: Lang;
  step: string;
  state: ReadinessState;
  onEvent: (event: ReadinessEvent) => void;
  /** Ctrl+O shows the export commands whole (the wizard in a terminal): a cut one says so. */
  copyable?: boolean;
}

export function ReadinessScreen({ theme, lang, step, state, onEvent, copyable = false }: ReadinessScreenProps) {
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
      body = (
        <Box flexDirection="column">
          {index === 0 ? <Steps text={t(lang, "wizard.readiness.body")} theme={theme} /> : null}
          <Box marginTop={index === 0 ? 1 : 0} flexDirection="column">
            <Line text={t(lang, "wizard.readiness.progress", { n: index + 1, total: READINESS_FIELDS.length })} theme={theme} role="muted" />
            <Para text={t(lang, `wizard.readiness.file.${field}`)} theme={theme} role="heading" />
            {hint.command ? hint.lines.map((line, i) => <Line key={i} text={`  ${line}`} theme={theme} role="code" />) : <Para text={hint.lines[0] ?? ""} theme={theme} role="code" indent="  " />}
            {hint.command && copyable && hint.lines.some((line) => width(`  ${line}`) > theme.width) ? <Para text={t(lang, "questions.clipped", { glyph: theme.glyphs.ellipsis })} theme={theme} role="muted" /> : null}
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
    case "saving":
      body = (
        <Box flexDirection="column">
          <SummaryView summary={phase.ready.summary} theme={theme} lang={lang} />
          {phase.id === "summary" ? (
            <Box marginTop={1}>
              <Select
                key={turn}
                items={[{ label: t(lang, "wizard.readiness.export") }, { label: t(lang, "wizard.readiness.again") }, { label: t(lang, "wizard.export.finish") }]}
                theme={theme}
                onSelect={(i) => onEvent({ type: i === 0 ? "exportReports" : i === 1 ? "again" : "finish" })}
                onBack={() => onEvent({ type: "back" })}
              />
            </Box>
          ) : null}
        </Box>
      );
      break;
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
  const ok = message?.kind === "saved";
  return (
    <Frame theme={theme} title={t(lang, "wizard.readiness.title")} step={step} keys={t(lang, keys)}>
      {message ? <Para text={`${ok ? theme.glyphs.ok : theme.glyphs.failed} ${readinessMessageText(lang, message)}`} theme={theme} role={ok ? "success" : "danger"} /> : null}
      <Box marginTop={message ? 1 : 0} flexDirection="column">
        {body}
      </Box>
    </Frame>
  );
}

/** The audit's summary: the three states and the effective state, readiness counts and the top accounts. */
export function SummaryView({ summary: s, theme, lang }: { summary: ReadinessSummary; theme: Theme; lang: Lang }) {
  const m = s.mailboxes;
  return (
    <Box flexDirection="column">
      <Para text={t(lang, "wizard.readiness.tenant", { state: t(lang, `wizard.readiness.tenant.${s.tenantSmtpAuth}`) })} theme={theme} />
      {m ? (
        <>
          <Para text={t(lang, "wizard.readiness.mailboxes", { total: m.total, disabled: m.disabled, enabled: m.enabled, followOrg: m.followOrg })} theme={theme} />
          <Para
            text={t(lang, "wizard.readiness.effective", { enabled: m.effectiveEnabled, disabled: m.effectiveDisabled, unknown: m.effectiveUnknown })}
            theme={theme}
            indent="  "
          />
        </>
      ) : null}
      {s.followingEnabledTenant > 0 ? <Para text={t(lang, "wizard.readiness.following", { n: s.followingEnabledTenant })} theme={theme} role="warning" /> : null}
      <Box marginTop={1} flexDirection="column">
        <Line text={t(lang, "wizard.readiness.at", { date: s.changeDate })} theme={theme} role="heading" />
        {(["keeps-working", "breaks-at-change", "blocked-now", "undetermined"] as const).map((r) => (
          <Line key={r} text={`  ${t(lang, `wizard.readiness.count.${r}`)}: ${s.counts[r]}`} theme={theme} role={r === "blocked-now" ? "danger" : r === "breaks-at-change" ? "warning" : undefined} />
        ))}
      </Box>
      {!s.signInsAvailable && !s.smtpReportAvailable ? <Para text={t(lang, "wizard.readiness.noUsage")} theme={theme} role="muted" /> : null}
      {s.entraIdP1 === false ? <Para text={t(lang, "wizard.readiness.noP1")} theme={theme} role="muted" /> : null}
      {s.attention.length > 0 ? (
        <Box marginTop={1} flexDirection="column">
          <Line text={t(lang, "wizard.readiness.top")} theme={theme} role="heading" />
          {s.attention.map((a) => (
            <Line key={a.upn} text={`  ${theme.glyphs.bullet} ${a.upn}: ${t(lang, `wizard.readiness.count.${a.readiness}`)}`} theme={theme} />
          ))}
        </Box>
      ) : null}
      {s.plan ? <Para text={t(lang, "wizard.readiness.plan", { n: s.plan.count })} theme={theme} role="muted" /> : null}
    </Box>
  );
}

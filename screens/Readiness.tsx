// Step 1, "readiness": the export files are typed in (the Get-CASMailbox export, then optional
// Get-TransportConfig, sign-in and SMTP AUTH clients exports), the audit runs on them through the
// `run` callback (the command does the reading), and the summary is shown with the reports to
// save. A file the audit cannot use is said on the screen and the files can be entered again.
import { Box } from "ink";
import { useRef, useState } from "react";
import type { ReadinessSummary } from "../src/audit/index.js";
import type { ReadinessFiles, ReadinessOutcome } from "../src/cli/wizard-services.js";
import { t, type Lang, type MessageKey } from "../src/i18n/index.js";
import { Frame, Line, Para, Select, Steps, TextInput, useKeys } from "../src/ui/components.js";
import type { Theme } from "../src/ui/theme.js";

export type { ReadinessFiles, ReadinessOutcome } from "../src/cli/wizard-services.js";

export const READINESS_FIELDS = ["mailboxes", "transport", "signins", "smtpReport"] as const satisfies readonly (keyof ReadinessFiles)[];
type Field = (typeof READINESS_FIELDS)[number];

export interface ReadinessScreenProps {
  theme: Theme;
  lang: Lang;
  step: string;
  checkFile: (path: string) => Promise<{ ok: true; path: string } | { ok: false; message: string }>;
  run: (files: ReadinessFiles, onProgress: (file: string, ratio: number) => void) => Promise<ReadinessOutcome>;
  onDone: () => void;
  onBack: () => void;
}

type Ready = Extract<ReadinessOutcome, { ok: true }>;
type Phase =
  | { id: "file"; field: number }
  | { id: "checking"; field: number }
  | { id: "running" }
  | { id: "summary"; ready: Ready }
  | { id: "dir"; ready: Ready }
  | { id: "confirm"; ready: Ready; dir: string }
  | { id: "saving"; ready: Ready };

const DEFAULT_DIR = "smtp-auth-audit";

export function ReadinessScreen({ theme, lang, step, checkFile, run, onDone, onBack }: ReadinessScreenProps) {
  const [phase, setPhase] = useState<Phase>({ id: "file", field: 0 });
  const [messages, setMessages] = useState<{ text: string; ok: boolean }[]>([]);
  const [progress, setProgress] = useState<{ file: string; ratio: number } | undefined>(undefined);
  const [turn, setTurn] = useState(0);
  const files = useRef<Partial<Record<Field, string>>>({});
  const busy = useRef(false);
  busy.current = phase.id === "running" || phase.id === "checking" || phase.id === "saving";
  // While the audit reads or writes, keys are dropped: an Enter typed then must not choose on the next screen.
  useKeys(() => busy.current);
  const next = (p: Phase, message?: { text: string; ok: boolean }) => {
    setPhase(p);
    setMessages(message ? [message] : []);
    setTurn((n) => n + 1);
  };

  const start = () => {
    const f = files.current;
    const given: ReadinessFiles = { mailboxes: f.mailboxes ?? "" };
    if (f.transport) given.transport = f.transport;
    if (f.signins) given.signins = f.signins;
    if (f.smtpReport) given.smtpReport = f.smtpReport;
    setProgress(undefined);
    next({ id: "running" });
    void run(given, (file, ratio) => setProgress({ file, ratio })).then((r) => {
      if (r.ok) next({ id: "summary", ready: r });
      else next({ id: "file", field: 0 }, { text: t(lang, "wizard.readiness.bad", { message: r.message }), ok: false });
    });
  };

  const submitFile = (index: number, text: string) => {
    const field = READINESS_FIELDS[index] as Field;
    const value = text.trim().replace(/^(["'])(.*)\1$/, "$2");
    if (value === "") {
      if (index === 0) {
        next({ id: "file", field: 0 }, { text: t(lang, "wizard.readiness.required"), ok: false });
        return;
      }
      delete files.current[field];
      if (index + 1 < READINESS_FIELDS.length) next({ id: "file", field: index + 1 });
      else start();
      return;
    }
    next({ id: "checking", field: index });
    void checkFile(value).then((r) => {
      if (!r.ok) {
        files.current[field] = value;
        next({ id: "file", field: index }, { text: r.message, ok: false });
        return;
      }
      files.current[field] = value;
      if (index + 1 < READINESS_FIELDS.length) next({ id: "file", field: index + 1 });
      else start();
    });
  };

  const save = (ready: Ready, dir: string, overwrite: boolean) => {
    setPhase({ id: "saving", ready });
    void ready.save(dir, overwrite).then((r) => {
      if (r.ok) {
        next({ id: "summary", ready }, { text: t(lang, "wizard.readiness.saved", { n: r.files.length, dir }), ok: true });
      } else if (r.exists) {
        next({ id: "confirm", ready, dir }, { text: t(lang, "wizard.readiness.exists", { file: r.path }), ok: false });
      } else {
        next({ id: "summary", ready }, { text: t(lang, "wizard.export.failed", { message: r.message }), ok: false });
      }
    });
  };

  let body;
  let keys: MessageKey = "wizard.keys.select";
  switch (phase.id) {
    case "file":
    case "checking": {
      const index = phase.field;
      const field = READINESS_FIELDS[index] as Field;
      keys = "wizard.keys.text";
      body = (
        <Box flexDirection="column">
          {index === 0 ? <Steps text={t(lang, "wizard.readiness.body")} theme={theme} /> : null}
          <Box marginTop={index === 0 ? 1 : 0} flexDirection="column">
            <Line text={t(lang, "wizard.readiness.progress", { n: index + 1, total: READINESS_FIELDS.length })} theme={theme} role="muted" />
            <Para text={t(lang, `wizard.readiness.file.${field}`)} theme={theme} role="heading" />
            <Para text={t(lang, `wizard.readiness.hint.${field}`)} theme={theme} role="code" indent="  " />
            <Para text={t(lang, index === 0 ? "wizard.readiness.requiredNote" : "wizard.readiness.optionalNote")} theme={theme} role="muted" />
            {phase.id === "file" ? (
              <TextInput
                key={turn}
                theme={theme}
                label=">"
                initial={files.current[field] ?? ""}
                onSubmit={(text) => submitFile(index, text)}
                onBack={() => (index === 0 ? onBack() : next({ id: "file", field: index - 1 }))}
              />
            ) : (
              <Line text={t(lang, "wizard.readiness.checking")} theme={theme} role="muted" />
            )}
          </Box>
        </Box>
      );
      break;
    }
    case "running": {
      const ratio = progress?.ratio ?? 0;
      const cells = 30;
      const fill = Math.round(ratio * cells);
      // "#" and "-" only: block characters are ambiguous-width and draw wide in Japanese terminals.
      const bar = `[${"#".repeat(fill)}${"-".repeat(cells - fill)}] ${Math.round(ratio * 100)}%`;
      keys = "wizard.readiness.keys.running";
      body = (
        <Box flexDirection="column">
          <Para text={t(lang, "wizard.readiness.running", { file: progress?.file ?? "" })} theme={theme} />
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
                onSelect={(i) => {
                  if (i === 0) next({ id: "dir", ready: phase.ready });
                  else if (i === 1) next({ id: "file", field: 0 });
                  else onDone();
                }}
                onBack={() => next({ id: "file", field: 0 })}
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
          <TextInput
            key={turn}
            theme={theme}
            label=">"
            initial={DEFAULT_DIR}
            onSubmit={(text) => save(phase.ready, text.trim() === "" ? DEFAULT_DIR : text.trim(), false)}
            onBack={() => next({ id: "summary", ready: phase.ready })}
          />
        </Box>
      );
      break;
    case "confirm":
      body = (
        <Select
          key={turn}
          items={[{ label: t(lang, "wizard.readiness.keep") }, { label: t(lang, "wizard.readiness.overwrite") }]}
          theme={theme}
          onSelect={(i) => (i === 1 ? save(phase.ready, phase.dir, true) : next({ id: "dir", ready: phase.ready }))}
          onBack={() => next({ id: "dir", ready: phase.ready })}
        />
      );
      break;
  }
  return (
    <Frame theme={theme} title={t(lang, "wizard.readiness.title")} step={step} keys={t(lang, keys)}>
      {messages.map((m, i) => (
        <Para key={i} text={`${m.ok ? theme.glyphs.check : theme.glyphs.cross} ${m.text}`} theme={theme} role={m.ok ? "success" : "danger"} />
      ))}
      <Box marginTop={messages.length > 0 ? 1 : 0} flexDirection="column">
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

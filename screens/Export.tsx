// Step 6: save the case file, the plan as Markdown, as .ps1, or the result as JSON. Draws the
// export step of the flow (src/flow/export.ts) and sends its events; the saving is the flow's
// effect, and an existing file is never replaced without a confirmation.
import { Box } from "ink";
import { EXPORT_KINDS, exportLabel, exportMessageText, type ExportEvent, type ExportState } from "../src/flow/export.js";
import type { ExportKind } from "../src/flow/ports.js";
import { LANGS, t, type Lang } from "../src/i18n/index.js";
import { Frame, Para, Select, TextInput } from "../src/ui/components.js";
import type { Theme } from "../src/render/theme.js";

/** The admin's language: the wizard's own first. */
const langChoices = (lang: Lang): Lang[] => [lang, ...LANGS.filter((l) => l !== lang)];

export interface ExportScreenProps {
  theme: Theme;
  lang: Lang;
  step: string;
  state: ExportState;
  defaultName: (kind: ExportKind) => string;
  onEvent: (event: ExportEvent) => void;
}

export function ExportScreen({ theme, lang, step, state, defaultName, onEvent }: ExportScreenProps) {
  const { phase, turn } = state;
  const messages = phase.id === "menu" ? state.messages : [];
  const LANG_CHOICES = langChoices(lang);
  let body;
  switch (phase.id) {
    case "menu":
      body = (
        <Select
          key={turn}
          items={[...EXPORT_KINDS.map((k) => ({ label: t(lang, exportLabel(k)) })), { label: t(lang, "wizard.export.finish") }]}
          theme={theme}
          onSelect={(i) => {
            const kind = EXPORT_KINDS[i];
            onEvent(kind === undefined ? { type: "finish" } : { type: "choose", kind, suggested: defaultName(kind) });
          }}
          onBack={() => onEvent({ type: "back" })}
        />
      );
      break;
    case "lang":
      body = (
        <Box flexDirection="column">
          <Para text={t(lang, "wizard.export.adminLang")} theme={theme} />
          <Select
            key={turn}
            items={LANG_CHOICES.map((l) => ({ label: t(lang, `wizard.export.lang.${l}`) }))}
            theme={theme}
            onSelect={(i) => onEvent({ type: "chooseLang", lang: LANG_CHOICES[i] ?? lang })}
            onBack={() => onEvent({ type: "back" })}
          />
        </Box>
      );
      break;
    case "path":
      body = (
        <Box flexDirection="column">
          <Para text={t(lang, "wizard.export.path")} theme={theme} />
          <TextInput key={turn} theme={theme} label=">" initial={phase.suggested} replaceOnType onSubmit={(text) => onEvent({ type: "submitPath", text })} onBack={() => onEvent({ type: "back" })} />
        </Box>
      );
      break;
    case "confirm":
      body = (
        <Box flexDirection="column">
          <Para text={t(lang, "wizard.export.exists", { file: phase.path })} theme={theme} role="warning" />
          <Select
            key={turn}
            items={[{ label: t(lang, "wizard.export.keep") }, { label: t(lang, "wizard.export.overwrite") }]}
            theme={theme}
            onSelect={(i) => onEvent({ type: i === 1 ? "overwrite" : "keep" })}
            onBack={() => onEvent({ type: "back" })}
          />
        </Box>
      );
      break;
    case "saving":
      body = null;
      break;
  }
  return (
    <Frame theme={theme} title={t(lang, "wizard.export.q")} step={step} keys={t(lang, phase.id === "path" ? "wizard.keys.text" : "wizard.keys.select")}>
      {/* What was saved, on the menu only: a new save starts without them (a 「✔ … を保存しました」 line stood above
          「… は既に存在します。上書きしますか?」 of the next save, as if it answered it, persona pass). */}
      {messages.map((m, i) => (
        <Para key={i} text={`${m.kind === "saved" ? theme.glyphs.ok : theme.glyphs.failed} ${exportMessageText(lang, m)}`} theme={theme} role={m.kind === "saved" ? "success" : "danger"} />
      ))}
      <Box marginTop={messages.length > 0 ? 1 : 0} flexDirection="column">
        {body}
      </Box>
    </Frame>
  );
}

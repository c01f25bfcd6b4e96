// Step 6: save the case file, the plan as Markdown, as .ps1, or the result as JSON. Saving is done
// by the callback the command passes in (screens do no I/O); an existing file is never replaced
// without a confirmation.
import { Box } from "ink";
import { useState } from "react";
import { t, type Lang } from "../src/i18n/index.js";
import { Frame, Para, Select, TextInput } from "../src/ui/components.js";
import type { Theme } from "../src/ui/theme.js";

import type { ExportKind, SaveResult } from "../src/cli/wizard-services.js";

export type { ExportKind, SaveResult } from "../src/cli/wizard-services.js";
export const EXPORT_KINDS: readonly ExportKind[] = ["case", "md", "ps1", "json"];

export interface ExportScreenProps {
  theme: Theme;
  lang: Lang;
  step: string;
  defaultName: (kind: ExportKind) => string;
  save: (kind: ExportKind, path: string, overwrite: boolean) => Promise<SaveResult>;
  onFinish: () => void;
  onBack: () => void;
}

type Phase = { id: "menu" } | { id: "path"; kind: ExportKind } | { id: "confirm"; kind: ExportKind; path: string } | { id: "saving" };

export function ExportScreen({ theme, lang, step, defaultName, save, onFinish, onBack }: ExportScreenProps) {
  const [phase, setPhase] = useState<Phase>({ id: "menu" });
  const [messages, setMessages] = useState<{ text: string; ok: boolean }[]>([]);
  const [turn, setTurn] = useState(0);
  const next = (p: Phase) => {
    setPhase(p);
    setTurn((n) => n + 1);
  };
  const run = (kind: ExportKind, path: string, overwrite: boolean) => {
    next({ id: "saving" });
    void save(kind, path, overwrite).then((r) => {
      if (r.ok) {
        setMessages((m) => [...m, { text: t(lang, "wizard.export.saved", { file: r.path }), ok: true }]);
        next({ id: "menu" });
      } else if (r.exists) {
        next({ id: "confirm", kind, path: r.path });
      } else {
        setMessages((m) => [...m, { text: t(lang, "wizard.export.failed", { message: r.message }), ok: false }]);
        next({ id: "menu" });
      }
    });
  };
  let body;
  switch (phase.id) {
    case "menu":
      body = (
        <Select
          key={turn}
          items={[...EXPORT_KINDS.map((k) => ({ label: t(lang, `wizard.export.${k}`) })), { label: t(lang, "wizard.export.finish") }]}
          theme={theme}
          onSelect={(i) => {
            const kind = EXPORT_KINDS[i];
            if (kind === undefined) onFinish();
            else next({ id: "path", kind });
          }}
          onBack={onBack}
        />
      );
      break;
    case "path":
      body = (
        <Box flexDirection="column">
          <Para text={t(lang, "wizard.export.path")} theme={theme} />
          <TextInput
            key={turn}
            theme={theme}
            label=">"
            initial={defaultName(phase.kind)}
            onSubmit={(text) => run(phase.kind, text.trim() === "" ? defaultName(phase.kind) : text.trim(), false)}
            onBack={() => next({ id: "menu" })}
          />
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
            onSelect={(i) => (i === 1 ? run(phase.kind, phase.path, true) : next({ id: "path", kind: phase.kind }))}
            onBack={() => next({ id: "path", kind: phase.kind })}
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
      {messages.map((m, i) => (
        <Para key={i} text={`${m.ok ? theme.glyphs.check : theme.glyphs.cross} ${m.text}`} theme={theme} role={m.ok ? "success" : "danger"} />
      ))}
      <Box marginTop={messages.length > 0 ? 1 : 0} flexDirection="column">
        {body}
      </Box>
    </Frame>
  );
}

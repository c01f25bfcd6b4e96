// Step 2 and 4: one question per screen. It says where to look, step by step, shows the read-only
// PowerShell that reads the value, and always offers "I don't know".
import { Box } from "ink";
import { useState } from "react";
import type { Case } from "../src/case/schema.js";
import { choiceIndex, IDENTITY_PLACEHOLDER, parseTextAnswer, policyValue, type Question } from "../src/flow/questions.js";
import { t, type Lang, type MessageKey } from "../src/i18n/index.js";
import { Frame, Line, Para, Select, Steps, TextInput, type OnBack, type SelectItem } from "../src/ui/components.js";
import type { Theme } from "../src/render/theme.js";
import { width } from "../src/render/layout.js";

export interface QuestionScreenProps {
  theme: Theme;
  lang: Lang;
  step: string;
  progress: string;
  question: Question;
  case: Case;
  /** A remark shown above the question (e.g. why the live read did not work). */
  notice?: string;
  /** Where this setting is on the device the case names (maker's labels, how sure, sources), shown under "where to look". */
  deviceHint?: readonly string[];
  /** The current value (when coming back to a question answered before), or undefined. */
  value: unknown;
  /** Answered "I don't know" before: coming back, the cursor is on that answer (Enter keeps it; it must never record a fact). */
  dontKnow?: boolean;
  onAnswer: (value: unknown) => void;
  onDontKnow: () => void;
  onBack: OnBack;
}

export function QuestionScreen(props: QuestionScreenProps) {
  const { theme, lang, question: q } = props;
  const ps = q.powershell ? q.powershell(props.case) : [];
  // Commands and addresses are never broken over lines (they would not paste): one that is longer
  // than the screen ends in "…" here, and Ctrl+O shows it whole, outside the screen, for copying.
  const fits = (line: string) => width(line) <= theme.width;
  const isUrl = (line: string) => /^\s*https?:\/\//.test(line);
  const clipped = ps.some((l) => !fits(`  ${l}`)) || (props.deviceHint ?? []).some((l) => isUrl(l) && !fits(`    ${l}`));
  return (
    <Frame theme={theme} title={t(lang, "wizard.title")} step={`${props.step}  ${props.progress}`} keys={t(lang, q.input.type === "choice" || q.input.type === "policy" ? "wizard.keys.select" : "wizard.keys.text")}>
      {props.notice ? <Para text={props.notice} theme={theme} role="warning" /> : null}
      <Para text={t(lang, q.prompt)} theme={theme} role="heading" />
      <Box marginTop={1} flexDirection="column">
        <Line text={`${t(lang, "questions.where")}:`} theme={theme} role="muted" />
        <Steps text={t(lang, q.where)} theme={theme} />
      </Box>
      {props.deviceHint && props.deviceHint.length > 0 ? (
        <Box marginTop={1} flexDirection="column">
          {props.deviceHint.map((line, i) =>
            isUrl(line) ? (
              <Line key={i} text={line} theme={theme} role="muted" />
            ) : (
              <Para key={i} text={line} theme={theme} {...(i === 0 ? { role: "accent" as const } : /^\s/.test(line) ? { role: "muted" as const } : {})} indent="    " />
            ),
          )}
        </Box>
      ) : null}
      {ps.length > 0 ? (
        <Box marginTop={1} flexDirection="column">
          <Line text={t(lang, "questions.powershell")} theme={theme} role="muted" />
          {ps.map((line, i) => (
            <Line key={i} text={`  ${line}`} theme={theme} role="code" />
          ))}
          {ps.some((l) => l.includes(IDENTITY_PLACEHOLDER)) ? <Para text={t(lang, "questions.placeholderHint")} theme={theme} role="muted" /> : null}
        </Box>
      ) : null}
      {clipped ? <Para text={t(lang, "questions.clipped", { glyph: theme.glyphs.ellipsis })} theme={theme} role="muted" /> : null}
      <Box marginTop={1} flexDirection="column">
        <AnswerInput {...props} />
      </Box>
    </Frame>
  );
}

function AnswerInput({ theme, lang, question: q, value, dontKnow: answeredDontKnow, onAnswer, onDontKnow, onBack }: QuestionScreenProps) {
  const [error, setError] = useState<MessageKey | undefined>(undefined);
  const [attempt, setAttempt] = useState(0);
  const [policyChoice, setPolicyChoice] = useState<"allows" | "blocks" | undefined>(undefined);
  const dontKnow = t(lang, "questions.dontKnow");
  switch (q.input.type) {
    case "choice": {
      const items: SelectItem[] = [...q.input.choices.map((c) => ({ label: t(lang, c.label) })), { label: dontKnow }];
      const at = choiceIndex(q.input.choices, value);
      const choicesList = q.input.choices;
      return (
        <Select
          items={items}
          initial={at >= 0 ? at : answeredDontKnow ? items.length - 1 : 0}
          theme={theme}
          onSelect={(i) => (i < choicesList.length ? onAnswer(choicesList[i]?.value) : onDontKnow())}
          onBack={onBack}
        />
      );
    }
    case "policy": {
      if (policyChoice) {
        const current = value && typeof value === "object" && "name" in value ? String((value as { name: unknown }).name) : "";
        return (
          <Box flexDirection="column">
            <TextInput
              key={`name-${attempt}`}
              theme={theme}
              label={t(lang, "questions.policy.name")}
              initial={current}
              onSubmit={(text) => {
                const parsed = policyValue(policyChoice, text);
                if (parsed.ok) onAnswer(parsed.value);
                else {
                  setError(parsed.error);
                  setAttempt((n) => n + 1);
                }
              }}
              onBack={() => {
                setError(undefined);
                setPolicyChoice(undefined);
              }}
            />
            {error ? <Para text={t(lang, error)} theme={theme} role="danger" /> : null}
          </Box>
        );
      }
      const options = ["none", "allows", "blocks"] as const;
      const at = value === null ? 0 : value && typeof value === "object" ? ((value as { allowBasicAuthSmtp?: boolean }).allowBasicAuthSmtp ? 1 : 2) : 0;
      return (
        <Select
          key={`policy-${attempt}`}
          items={[{ label: t(lang, "questions.policy.none") }, { label: t(lang, "questions.policy.allows") }, { label: t(lang, "questions.policy.blocks") }, { label: dontKnow }]}
          initial={value === undefined && answeredDontKnow ? options.length : at}
          theme={theme}
          onSelect={(i) => {
            const choice = options[i];
            if (choice === undefined) onDontKnow();
            else if (choice === "none") onAnswer(null);
            else {
              setPolicyChoice(choice);
              setAttempt((n) => n + 1);
            }
          }}
          onBack={onBack}
        />
      );
    }
    case "text":
    case "port":
    case "date":
    case "paste": {
      const input = q.input;
      return (
        <Box flexDirection="column">
          <TextInput
            key={`text-${attempt}`}
            theme={theme}
            label={t(lang, "wizard.question.inputLabel")}
            initial={value === undefined || value === null ? "" : String(value)}
            onSubmit={(text) => {
              if (text.trim() === "") return onDontKnow();
              const parsed = parseTextAnswer(input, text);
              if (parsed.ok) onAnswer(parsed.value);
              else {
                setError(parsed.error);
                setAttempt((n) => n + 1);
              }
            }}
            onBack={onBack}
          />
          {error ? <Para text={t(lang, error)} theme={theme} role="danger" /> : null}
          <Para text={t(lang, "questions.text.emptyIsDontKnow")} theme={theme} role="muted" />
        </Box>
      );
    }
  }
}

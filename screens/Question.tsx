// Step 2 and 4: one question per screen. It says where to look, step by step, shows the read-only
// PowerShell that reads the value, and always offers "I don't know".
import { Box } from "ink";
import { useState } from "react";
import type { Case } from "../src/case/schema.js";
import { answerWarning, choiceIndex, dateAnswerError, IDENTITY_PLACEHOLDER, openingAnswer, parseTextAnswer, policyValue, promptText, whereText, type Question } from "../src/flow/questions.js";
import { t, type Lang, type MessageKey } from "../src/i18n/index.js";
import { Frame, Line, Para, Select, Steps, TextInput, keyRows, type OnBack, type SelectItem } from "../src/ui/components.js";
import type { Theme } from "../src/render/theme.js";
import { stepLines, width, wrapHanging } from "../src/render/layout.js";
import { safeText } from "../src/render/sanitize.js";
import { senderParams } from "../src/render/labels.js";

export interface QuestionScreenProps {
  theme: Theme;
  lang: Lang;
  step: string;
  progress: string;
  /** The wizard's title for the journey on show (wizard.title when not given). */
  title?: string;
  question: Question;
  case: Case;
  /** The date the wizard evaluates on when the case has none: the day it stopped starts there, and cannot come after it. */
  today?: string;
  /** A remark shown above the question (e.g. why the live read did not work). */
  notice?: string;
  /** Where this setting is on the device the case names (maker's labels, how sure, sources), shown under "where to look". */
  deviceHint?: readonly string[];
  /** The current value (when coming back to a question answered before), or undefined. */
  value: unknown;
  onAnswer: (value: unknown) => void;
  onDontKnow: () => void;
  onBack: OnBack;
  /** Terminal rows: the maker's notes are cut to what leaves the question and its answers on screen. */
  rows?: number;
  /** Text typed before the wizard left to show lines for copying (Ctrl+O): the field starts with it. */
  draft?: string;
  /** The text field's text after each change (the wizard keeps it as the draft). */
  onDraft?: (text: string) => void;
}

/** A line of the maker's notes that is an address (shown whole on one row, never wrapped). */
/** A list with more answers than this shows a window of them when the screen is short. */
const LONG_LIST = 6;

const isUrl = (line: string) => /^\s*https?:\/\//.test(line);

/** The policy question's answers before "I don't know", in the list's order. */
const POLICY_LABELS = ["questions.policy.none", "questions.policy.allows", "questions.policy.blocks"] as const satisfies readonly MessageKey[];

/** Rows a Para of this text draws (the same wrapping). */
function paraRows(text: string, theme: Theme, indent = ""): number {
  return wrapHanging(safeText(text, { multiline: true }), theme.width, indent).length;
}

/** Rows a line of the maker's notes draws: an address one (never broken), the rest wrapped under their indent. */
function noteRows(line: string, theme: Theme): number {
  return isUrl(line) ? 1 : paraRows(line, theme, "    ");
}

/**
 * Rows the answer part draws: a list's items as Select wraps them, or a text field with the message under it (an
 * answer refused, or the user name's warning; none until one is shown) and the note that an empty answer is "I don't
 * know". The rows of a message not yet shown went unused under cut directions (P6-8): the screen is laid out again
 * when one is shown.
 */
function answerRows(lang: Lang, q: Question, theme: Theme, message: MessageKey | undefined, filled: boolean): number {
  if (q.input.type === "choice" || q.input.type === "policy") {
    const labels = q.input.type === "choice" ? q.input.choices.map((c) => t(lang, c.label)) : POLICY_LABELS.map((k) => t(lang, k));
    return [...labels, t(lang, "questions.dontKnow")].reduce((n, label, i) => n + wrapHanging(`${i + 1}. ${safeText(label)}`, theme.width - 4, "   ").length, 0);
  }
  return 1 + (message ? paraRows(t(lang, message), theme) : 0) + paraRows(t(lang, dontKnowHint(filled)), theme);
}

/** How "I don't know" is answered in a text field: left empty, or, when it opens filled in, cleared first. */
function dontKnowHint(filled: boolean): MessageKey {
  return filled ? "questions.text.clearIsDontKnow" : "questions.text.emptyIsDontKnow";
}

/** The text a field opens with: a draft kept, the answer given before, else the suggestion (today's date for "since when"). */
function openingText(props: Pick<QuestionScreenProps, "draft" | "value" | "question" | "case" | "today">): string {
  const { draft, value, question: q, case: c, today } = props;
  return draft ?? openingAnswer(q.path, value, c, today) ?? "";
}

/**
 * The maker's notes as shown in `budget` rows (the blank line before them counted): all of them when they fit, else the
 * first lines and one that says how many were left out. At 80×24 or 100×32 a Ricoh question's notes pushed the question
 * itself above the screen (found in tmux).
 */
function hintShown(props: QuestionScreenProps, budget: number): { lines: readonly string[]; more: number } {
  const hint = props.deviceHint ?? [];
  if (props.rows === undefined || hint.length === 0) return { lines: hint, more: 0 };
  const rowsOf = (line: string) => noteRows(line, props.theme);
  // The question and its answers stay on screen first. The maker's first entry used to be shown whole whatever the
  // room, and at 80×24 it pushed the question itself above the screen (persona round 5, B1); Ctrl+O shows every note.
  const room = budget - 1;
  if (room <= 0) return { lines: [], more: 0 };
  let used = 0;
  let count = 0;
  for (const line of hint) {
    const rows = rowsOf(line);
    if (used + rows > room) break;
    used += rows;
    count++;
  }
  if (count === hint.length) return { lines: hint, more: 0 };
  // Room for the line that says what was left out (it can wrap).
  const moreRows = paraRows(t(props.lang, "questions.deviceHintMore", { n: hint.length }), props.theme, "    ");
  while (count > 0 && used + moreRows > room) used -= rowsOf(hint[--count] as string);
  if (used + moreRows > room) return { lines: [], more: 0 };
  return { lines: hint.slice(0, count), more: hint.length - count };
}

/** Rows the maker's notes draw as shown (the blank line before them counted), none without them. */
function hintRows(shown: { lines: readonly string[]; more: number }, lang: Lang, theme: Theme): number {
  if (shown.lines.length === 0 && shown.more === 0) return 0;
  return 1 + shown.lines.reduce((n, line) => n + noteRows(line, theme), 0) + (shown.more > 0 ? paraRows(t(lang, "questions.deviceHintMore", { n: shown.more }), theme, "    ") : 0);
}

/** Rows of the maker's first note (its heading and first entry), none without notes. */
function firstNoteRows(props: QuestionScreenProps): number {
  const hint = props.deviceHint ?? [];
  if (hint.length === 0) return 0;
  const second = hint.findIndex((line, i) => i > 1 && line.startsWith("- "));
  return (second < 0 ? hint : hint.slice(0, second)).reduce((n, line) => n + noteRows(line, props.theme), 0);
}

export function QuestionScreen(props: QuestionScreenProps) {
  const { theme, lang, question: q } = props;
  // The message under the answer (an answer refused, a warning): its rows are taken from the directions while it shows.
  const [message, setMessage] = useState<MessageKey | undefined>(undefined);
  const ps = q.powershell ? q.powershell(props.case) : [];
  const fits = (line: string) => width(line) <= theme.width;
  // (An address line carries its own indent: it was measured with four more columns, and one that fit had the note.)
  const cutUrl = (line: string) => isUrl(line) && !fits(line);
  const psClipped = ps.some((l) => !fits(`  ${l}`));
  const keys = t(lang, q.input.type === "choice" || q.input.type === "policy" ? "wizard.keys.select" : "wizard.keys.text");
  const whereAll = stepLines(safeText(whereText(lang, q.where, props.case), { multiline: true }), theme.width).length;
  // A long list takes the room of a short one when the window is short: it scrolls (the rest of the screen stays).
  const long = q.input.type === "choice" && q.input.choices.length > LONG_LIST;
  // (A message stands under an answer refused or warned about, which the field then holds: it is filled in.)
  const answerAll = answerRows(lang, q, theme, message, message !== undefined || openingText(props) !== "");
  const answerRoom = long ? Math.min(answerAll, LONG_LIST + 2) : answerAll;
  /** The rows of each part, with or without the note that cut lines end in "…" (Ctrl+O shows them whole). */
  const layout = (withNote: boolean, keptHint?: { lines: readonly string[]; more: number }) => {
    // Everything but the directions and the maker's notes: the frame (title, step, two rules, keys), the notice, the
    // question, the blank line and heading over the directions, the PowerShell lines, the note on cut lines, and the
    // answers with the blank line before them.
    const fixedRows =
      4 +
      keyRows(keys, theme) +
      (props.notice ? paraRows(props.notice, theme) : 0) +
      paraRows(promptText(lang, q, props.case), theme) +
      2 +
      (ps.length > 0 ? 2 + ps.length + (ps.some((l) => l.includes(IDENTITY_PLACEHOLDER)) ? paraRows(t(lang, "questions.placeholderHint", senderParams(lang, props.case)), theme) : 0) : 0) +
      (withNote ? paraRows(t(lang, "questions.clipped", { glyph: theme.glyphs.ellipsis }), theme) : 0) +
      1 +
      answerRoom;
    if (props.rows === undefined) return { withNote, whereShown: whereAll, hint: hintShown(props, 0), listRows: undefined };
    // The rows the directions and the maker's notes share: the window's, one kept for the terminal's last line.
    const room = props.rows - 1 - fixedRows;
    // The directions keep their first line (or a line saying Ctrl+O shows them); the maker's first note (where the
    // setting is on this device, in the maker's words) comes before the rest of them, and they are cut to make room for
    // it (at 80×24 the question itself went above the screen, persona round 5 B1); then the rest of the notes.
    const whereMin = Math.min(whereAll, 2);
    const firstRoom = props.deviceHint?.length ? 1 + firstNoteRows(props) + paraRows(t(lang, "questions.deviceHintMore", { n: props.deviceHint.length }), theme, "    ") : 0;
    let whereShown = Math.max(whereMin, Math.min(whereAll, room - firstRoom));
    const hint = keptHint ?? hintShown(props, room - whereShown);
    const notes = hintRows(hint, lang, theme);
    // The rows left over: to a long list (it shows more of its answers), else back to the directions. They were cut to
    // make room for a note that did not fit after all, or by a count that left rows free under a cut ("…") line (at
    // 80×24 a Ricoh's server question showed "…" under step 1 above seven empty rows; P6-8 two rows under a Ricoh's
    // OAuth question).
    const spare = room - whereShown - notes;
    if (!long && spare > 0) whereShown = Math.min(whereAll, whereShown + spare);
    // Too little room even for the directions' first line: only the line that says Ctrl+O shows them, then a list of
    // answers shows a window of them (its title went above the screen at 60×24, P6-8).
    const over = -(room - whereShown - notes);
    if (over > 0 && whereShown > 1) whereShown = Math.max(1, whereShown - over);
    const left = room - whereShown - notes;
    const listRows = long ? answerRoom + Math.max(0, left) : left < 0 && (q.input.type === "choice" || q.input.type === "policy") ? Math.max(3, answerAll + left) : undefined;
    return { withNote, whereShown, hint, listRows };
  };
  // Commands and addresses are never broken over lines (they would not paste): one that is longer than the screen ends
  // in "…" here, and a note says Ctrl+O shows it whole. The note stands only over a line that is shown cut: a maker's
  // address cut from a short window's notes (only "N more lines" left) left it under no "…" at all (persona round 5).
  let shown = layout(psClipped || (props.deviceHint ?? []).some(cutUrl));
  const clipped = psClipped || shown.hint.lines.some(cutUrl);
  if (shown.withNote && !clipped) {
    // Its rows given back to the notes can bring a cut address into sight: then the notes stay as they are, and the
    // rows go to the directions (they stood empty under cut directions, P6-8).
    const without = layout(false);
    shown = without.hint.lines.some(cutUrl) ? layout(false, shown.hint) : without;
  }
  const { whereShown, hint, listRows } = shown;
  return (
    <Frame theme={theme} title={props.title ?? t(lang, "wizard.title")} step={`${props.step}  ${props.progress}`} keys={keys}>
      {props.notice ? <Para text={props.notice} theme={theme} role="warning" /> : null}
      <Para text={promptText(lang, q, props.case)} theme={theme} role="heading" />
      <Box marginTop={1} flexDirection="column">
        <Line text={`${t(lang, "questions.where")}:`} theme={theme} role="muted" />
        <Steps text={whereText(lang, q.where, props.case)} theme={theme} maxLines={whereShown} more={t(lang, "questions.whereMore")} />
      </Box>
      {hint.lines.length > 0 || hint.more > 0 ? (
        <Box marginTop={1} flexDirection="column">
          {hint.lines.map((line, i) =>
            isUrl(line) ? (
              <Line key={i} text={line} theme={theme} role="muted" />
            ) : (
              <Para key={i} text={line} theme={theme} {...(i === 0 ? { role: "accent" as const } : /^\s/.test(line) ? { role: "muted" as const } : {})} indent="    " />
            ),
          )}
          {hint.more > 0 ? <Para text={t(lang, "questions.deviceHintMore", { n: hint.more })} theme={theme} role="muted" indent="    " /> : null}
        </Box>
      ) : null}
      {ps.length > 0 ? (
        <Box marginTop={1} flexDirection="column">
          <Line text={t(lang, "questions.powershell")} theme={theme} role="muted" />
          {ps.map((line, i) => (
            <Line key={i} text={`  ${line}`} theme={theme} role="code" />
          ))}
          {ps.some((l) => l.includes(IDENTITY_PLACEHOLDER)) ? <Para text={t(lang, "questions.placeholderHint", senderParams(lang, props.case))} theme={theme} role="muted" /> : null}
        </Box>
      ) : null}
      {clipped ? <Para text={t(lang, "questions.clipped", { glyph: theme.glyphs.ellipsis })} theme={theme} role="muted" /> : null}
      <Box marginTop={1} flexDirection="column">
        <AnswerInput {...props} {...(listRows !== undefined ? { listRows } : {})} onMessage={setMessage} />
      </Box>
    </Frame>
  );
}

function AnswerInput({
  theme,
  lang,
  question: q,
  case: c,
  today,
  value,
  onAnswer,
  onDontKnow,
  onBack,
  draft,
  onDraft,
  listRows,
  onMessage,
}: QuestionScreenProps & { listRows?: number; onMessage: (message: MessageKey | undefined) => void }) {
  // A long list (the makers) scrolls in the rows left to it; a short one only in a window too small for it whole.
  const window = listRows === undefined ? {} : { maxRows: listRows, more: (n: number, where: "above" | "below") => t(lang, where === "above" ? "wizard.list.moreAbove" : "wizard.list.moreBelow", { count: n }) };
  const [error, setError] = useState<MessageKey | undefined>(undefined);
  const [attempt, setAttempt] = useState(0);
  const [policyChoice, setPolicyChoice] = useState<"allows" | "blocks" | undefined>(undefined);
  // An answer warned about (a user name that is no address): the field keeps it, and Enter on it again takes it.
  const [warned, setWarned] = useState<{ text: string; key: MessageKey } | undefined>(undefined);
  // An answer refused: the field keeps it too, to be corrected in place (one wrong character of a long name or path),
  // as the readiness step's path and the what-if editor keep theirs; Ctrl+U clears it. It was cleared here.
  const [rejected, setRejected] = useState<string | undefined>(undefined);
  const dontKnow = t(lang, "questions.dontKnow");
  switch (q.input.type) {
    case "choice": {
      const items: SelectItem[] = [...q.input.choices.map((c) => ({ label: t(lang, c.label) })), { label: dontKnow }];
      const at = choiceIndex(q.input.choices, value);
      const choicesList = q.input.choices;
      // A fact's list starts on the answer recorded, else on "I don't know": it started on the first answer (Ricoh,
      // "yes, OAuth", the mailbox's SMTP AUTH "on"), and Enter pressed through recorded those as facts (persona round 6, P6-9).
      return (
        <Select
          items={items}
          initial={at >= 0 ? at : items.length - 1}
          theme={theme}
          onSelect={(i) => (i < choicesList.length ? onAnswer(choicesList[i]?.value) : onDontKnow())}
          onBack={onBack}
          {...window}
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
              initial={rejected ?? current}
              onSubmit={(text) => {
                const parsed = policyValue(policyChoice, text);
                if (parsed.ok) onAnswer(parsed.value);
                else {
                  setRejected(text);
                  setError(parsed.error);
                  onMessage(parsed.error);
                  setAttempt((n) => n + 1);
                }
              }}
              onBack={() => {
                setError(undefined);
                setRejected(undefined);
                onMessage(undefined);
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
          items={[...POLICY_LABELS.map((k) => ({ label: t(lang, k) })), { label: dontKnow }]}
          initial={value === undefined ? options.length : at}
          theme={theme}
          {...window}
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
      const opening = warned?.text ?? rejected ?? openingText({ draft, value, question: q, case: c, today });
      return (
        <Box flexDirection="column">
          <TextInput
            key={`text-${attempt}`}
            theme={theme}
            label={t(lang, "wizard.question.inputLabel")}
            initial={opening}
            {...(onDraft ? { onChange: onDraft } : {})}
            onSubmit={(text) => {
              if (text.trim() === "") return onDontKnow();
              const read = parseTextAnswer(input, text);
              // (A day it stopped after today is refused as a malformed date is.)
              const late = read.ok ? dateAnswerError(q.path, read.value, c, today) : undefined;
              const parsed = late ? { ok: false as const, error: late } : read;
              if (!parsed.ok) {
                setRejected(text);
                setWarned(undefined);
                setError(parsed.error);
                onMessage(parsed.error);
                setAttempt((n) => n + 1);
                return;
              }
              const warning = answerWarning(q.path, parsed.value);
              if (warning === undefined || warned?.text === text) return onAnswer(parsed.value);
              setError(undefined);
              setRejected(undefined);
              setWarned({ text, key: warning });
              onMessage(warning);
              setAttempt((n) => n + 1);
            }}
            onBack={onBack}
          />
          {error ? <Para text={t(lang, error)} theme={theme} role="danger" /> : warned ? <Para text={t(lang, warned.key)} theme={theme} role="warning" /> : null}
          <Para text={t(lang, dontKnowHint(opening !== ""))} theme={theme} role="muted" />
        </Box>
      );
    }
  }
}

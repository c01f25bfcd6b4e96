// Small Ink building blocks shared by the screens: key handling gated on raw mode and focus,
// pre-measured lines (never wider than the theme's width), a selection list and text inputs whose
// state lives in refs so that keys arriving together (a paste, fast typing, tmux) act in order.
import { Box, useStdin, type Key } from "ink";
import { createContext, useContext, useLayoutEffect, useMemo, useRef, useState, type ReactNode } from "react";
import { safeText } from "../render/sanitize.js";
import { useTerminalInput } from "./input.js";
import { Text } from "./safe-text.js";
import type { Role, Theme } from "../render/theme.js";
import { graphemes, stepLines, truncate, width, wrapHanging, wrapKeys } from "../render/layout.js";
import { edit, insert, lineOf, lineText, type Line as EditLine } from "../render/line-edit.js";
import { isPaste } from "./keys.js";

export { Text } from "./safe-text.js";

/**
 * A key handler. Returning `false` means "not mine" (e.g. the screen is already leaving);
 * returning `{ rest }` hands the part of a burst after the key that ended the screen (an Enter in
 * the middle of typed-ahead text) on to the next screen.
 */
export type KeyHandler = (input: string, key: Key) => boolean | void | { rest: string };

function plainKey(key: Key): Key {
  return Object.fromEntries(Object.entries(key).map(([k, v]) => [k, typeof v === "boolean" ? false : v])) as unknown as Key;
}

/**
 * Keys go from the one Ink input listener (KeyRoot) to the handlers of the screen on show. A key
 * that nobody takes (it arrived while one screen was leaving and the next not yet listening, as
 * happens with a paste, fast typing or tmux) waits for the next handler instead of being lost.
 */
class KeyBus {
  private readonly handlers = new Set<{ current: KeyHandler }>();
  private readonly queue: [string, Key][] = [];

  dispatch(input: string, key: Key): void {
    if (this.queue.length > 0) {
      // Keys already waiting go first: order is kept.
      if (this.queue.length < 64) this.queue.push([input, key]);
      return;
    }
    this.deliver(input, key);
  }

  /** Give one key to the handlers; false when nobody took it (it is then kept, first in line). */
  private deliver(input: string, key: Key): boolean {
    let taken = false;
    let rest = "";
    for (const h of [...this.handlers]) {
      const r = h.current(input, key);
      if (r !== false) taken = true;
      if (r && typeof r === "object" && r.rest !== "") rest = r.rest;
    }
    if (rest !== "") this.queue.unshift([rest, plainKey(key)]);
    if (!taken) this.queue.unshift([input, key]);
    return taken;
  }

  register(handler: { current: KeyHandler }): () => void {
    this.handlers.add(handler);
    // Hand waiting keys over until one is not taken (the screen is leaving): the rest wait again.
    while (this.queue.length > 0 && this.handlers.has(handler)) {
      const [input, key] = this.queue.shift() as [string, Key];
      if (!this.deliver(input, key)) break;
    }
    return () => {
      this.handlers.delete(handler);
    };
  }
}

const KeyBusContext = createContext<KeyBus | undefined>(undefined);

/**
 * Going back from a screen. It answers false when there was nowhere to go (the first screen, a case
 * opened from a file or a code): the screen stays, and so must its keys (they were dead after that).
 */
export type OnBack = () => boolean | void;

/** Leave by `onBack` once (`done` guards the rest of a burst of keys), unless it went nowhere. */
export function leaveBack(done: { current: boolean }, onBack: OnBack): void {
  done.current = true;
  if (onBack() === false) done.current = false;
}

/** The one place that listens to stdin: `onKey` sees every key first (return true to keep it). */
export function KeyRoot({ children, onKey }: { children: ReactNode; onKey?: (input: string, key: Key) => boolean }) {
  const bus = useMemo(() => new KeyBus(), []);
  const { isRawModeSupported } = useStdin();
  useTerminalInput(
    (input, key) => {
      if (onKey?.(input, key)) return;
      bus.dispatch(input, key);
    },
    { isActive: isRawModeSupported === true },
  );
  return <KeyBusContext.Provider value={bus}>{children}</KeyBusContext.Provider>;
}

/**
 * Keys for a component, only while raw mode is really available and it has the focus. Under a
 * KeyRoot the handler is registered in a layout effect (listening from the frame it appears in);
 * a component rendered on its own listens to Ink directly.
 */
export function useKeys(handler: KeyHandler, focused = true): void {
  const bus = useContext(KeyBusContext);
  const { isRawModeSupported } = useStdin();
  const ref = useRef(handler);
  ref.current = handler;
  const active = isRawModeSupported === true && focused;
  useLayoutEffect(() => (bus && active ? bus.register(ref) : undefined), [bus, active]);
  useTerminalInput(
    (input, key) => {
      ref.current(input, key);
    },
    { isActive: !bus && active },
  );
}

/** Lines of text, each already wrapped to the theme width. */
export function Para({ text, theme, role, indent = "" }: { text: string; theme: Theme; role?: Role; indent?: string }) {
  const lines = wrapHanging(safeText(text, { multiline: true }), theme.width, indent);
  const color = role ? theme.color(role) : undefined;
  return (
    <Box flexDirection="column">
      {lines.map((line, i) => (
        <Text key={i} {...(color ? { color } : {})}>
          {line === "" ? " " : line}
        </Text>
      ))}
    </Box>
  );
}

/**
 * Step-by-step instructions, numbered lines hanging; at most `maxLines`, the last of them then saying more follows (an
 * ellipsis, and `more` after it when given: where the rest is shown), on one row.
 */
export function Steps({ text, theme, role, maxLines, more }: { text: string; theme: Theme; role?: Role; maxLines?: number; more?: string }) {
  const color = role ? theme.color(role) : undefined;
  const all = stepLines(safeText(text, { multiline: true }), theme.width);
  const cut = truncate(`  ${theme.glyphs.ellipsis}${more ? ` ${safeText(more)}` : ""}`, theme.width, theme.glyphs.ellipsis);
  const lines = maxLines !== undefined && all.length > maxLines ? [...atSentence(all.slice(0, Math.max(1, maxLines) - 1)), cut] : all;
  return (
    <Box flexDirection="column">
      {lines.map((line, i) => (
        <Text key={i} {...(color ? { color } : {})}>
          {line === "" ? " " : line}
        </Text>
      ))}
    </Box>
  );
}

/**
 * Lines cut before their end stop where their last line's last sentence does: 「…なら基本認証です」 read 「…入力する方式なら基」
 * before 「(続きは Ctrl+O で…)」 (persona 9a). A line with no sentence end in it (or only a step's number) stays as it is.
 */
function atSentence(lines: string[]): string[] {
  const last = lines[lines.length - 1];
  if (last === undefined) return lines;
  const m = /^(.*(?:。|[.!?](?=\s)))/.exec(last);
  if (!m?.[1] || /^\s*\d+\.$/.test(m[1])) return lines;
  return [...lines.slice(0, -1), m[1]];
}

/** One line, cut to the theme width by grapheme. */
export function Line({ text, theme, role, bold }: { text: string; theme: Theme; role?: Role; bold?: boolean }) {
  const color = role ? theme.color(role) : undefined;
  return (
    <Text {...(color ? { color } : {})} {...(bold ? { bold: true } : {})}>
      {truncate(safeText(text), theme.width, theme.glyphs.ellipsis) || " "}
    </Text>
  );
}

export function Frame({ theme, title, step, children, keys }: { theme: Theme; title: string; step?: string; keys: string; children: ReactNode }) {
  return (
    <Box flexDirection="column">
      <Line text={title} theme={theme} role="heading" bold />
      {step ? <Line text={step} theme={theme} role="muted" /> : null}
      <Line text={theme.glyphs.rule.repeat(theme.width)} theme={theme} role="muted" />
      {children}
      <Line text={theme.glyphs.rule.repeat(theme.width)} theme={theme} role="muted" />
      {keyLines(keys, theme).map((line, i) => (
        <Line key={i} text={line} theme={theme} role="muted" />
      ))}
    </Box>
  );
}

/** A frame's key line, wrapped between its keys, never inside one ("Ctrl+C:" ended a row at 60 columns and "quit" began the next). */
function keyLines(keys: string, theme: Theme): string[] {
  return wrapKeys(safeText(keys), theme.width);
}

/** The rows a frame's key line takes (what the screens count when they fit themselves to the window). */
export function keyRows(keys: string, theme: Theme): number {
  return keyLines(keys, theme).length;
}

/**
 * The rows a frame leaves for its body in a window of `rows`: less the title, the step, the two rules, the key line as it
 * wraps, and the terminal's last line (a screen that fits itself to the window shares these among its parts).
 */
export function frameRoom(rows: number, keys: string, theme: Theme): number {
  return rows - 1 - (4 + keyRows(keys, theme));
}

export interface SelectItem {
  label: string;
  /** Shown after the label, muted (e.g. "not available yet"). */
  note?: string;
  disabled?: boolean;
}

const isUp = (input: string, key: Key) => key.upArrow || input === "k";
const isDown = (input: string, key: Key) => key.downArrow || input === "j";

/** How soon a second digit counts as part of the same number in a list (Select). */
const DIGIT_PAUSE_MS = 1000;

/**
 * A list to choose from. The selected index lives in a ref: every key of a burst moves from the
 * index the previous key left, and Enter takes the index as it is at that moment.
 */
export function Select({
  items,
  initial = 0,
  theme,
  focused = true,
  onSelect,
  onBack,
  maxRows,
  more,
}: {
  items: readonly SelectItem[];
  initial?: number;
  theme: Theme;
  focused?: boolean;
  onSelect: (index: number) => void;
  onBack?: OnBack;
  /** The rows the list may use: a longer list shows a window around the chosen item, with a line for what is above and below. */
  maxRows?: number;
  /** The line for the items out of the window ("3 more above"), in the screen's language. */
  more?: (count: number, where: "above" | "below") => string;
}) {
  const firstEnabled = (from: number, step: 1 | -1): number => {
    for (let i = from, n = 0; n < items.length; i = (i + step + items.length) % items.length, n++) {
      if (!items[i]?.disabled) return i;
    }
    return from;
  };
  const index = useRef(firstEnabled(Math.min(Math.max(initial, 0), items.length - 1), 1));
  const done = useRef(false);
  // The digits typed just before (a second one within a moment makes a number of two: "1" then "3" is item 13 of 15;
  // it chose item 3, persona round 7).
  const typed = useRef<{ digits: string; at: number }>({ digits: "", at: 0 });
  const [, redraw] = useState(0);
  const pick = (ch: string) => {
    const now = Date.now();
    const joined = typed.current.digits + ch;
    const digits = typed.current.digits !== "" && now - typed.current.at < DIGIT_PAUSE_MS && Number(joined) <= items.length ? joined : ch;
    typed.current = { digits, at: now };
    const i = Number(digits) - 1;
    if (i >= 0 && i < items.length && !items[i]?.disabled) index.current = i;
  };
  const move = (step: 1 | -1) => {
    index.current = firstEnabled((index.current + step + items.length) % items.length, step);
  };
  useKeys((input, key) => {
    if (done.current) return false;
    // Pasted text chooses nothing (a pasted "3" and line break chose item 3).
    if (key.ctrl || isPaste(key)) return;
    if (key.escape || key.leftArrow) {
      if (onBack) leaveBack(done, onBack);
      return;
    }
    if (isUp(input, key)) move(-1);
    else if (isDown(input, key)) move(1);
    else if (key.home) index.current = firstEnabled(0, 1);
    else if (key.end) index.current = firstEnabled(items.length - 1, -1);
    else if (key.return) {
      done.current = true;
      onSelect(index.current);
      return;
    } else {
      // Several plain characters at once: digits pick an item, j/k move, Enter confirms.
      let at = 0;
      for (const ch of input) {
        at += ch.length;
        if (ch === "\r" || ch === "\n") {
          done.current = true;
          onSelect(index.current);
          return { rest: input.slice(at) };
        }
        if (ch === "j") move(1);
        else if (ch === "k") move(-1);
        else if (/^[0-9]$/.test(ch)) pick(ch);
      }
    }
    redraw((n) => n + 1);
  }, focused);
  const labelWidth = theme.width - 4;
  const drawn = items.map((item, i) => wrapHanging(`${i + 1}. ${safeText(item.note ? `${item.label} (${item.note})` : item.label)}`, labelWidth, "   "));
  // A list taller than its room (14 makers at 80×24 pushed the screen's title off the top): the chosen item and its neighbours.
  const [from, to] = maxRows === undefined || !more ? [0, items.length - 1] : listWindow(drawn.map((l) => l.length), index.current, maxRows);
  const muted = theme.color("muted");
  return (
    <Box flexDirection="column">
      {from > 0 && more ? <Text {...(muted ? { color: muted } : {})}>{`  ${more(from, "above")}`}</Text> : null}
      {items.slice(from, to + 1).map((item, k) => {
        const i = from + k;
        const selected = i === index.current;
        const lines = drawn[i] as string[];
        const role: Role | undefined = item.disabled ? "muted" : selected ? "accent" : undefined;
        const color = role ? theme.color(role) : undefined;
        return (
          <Box key={i} flexDirection="column">
            {lines.map((line, j) => (
              <Text key={j} {...(color ? { color } : {})} {...(selected ? { bold: true } : {})}>
                {`${j === 0 && selected ? theme.glyphs.pointer : " "} ${line}`}
              </Text>
            ))}
          </Box>
        );
      })}
      {to < items.length - 1 && more ? <Text {...(muted ? { color: muted } : {})}>{`  ${more(items.length - 1 - to, "below")}`}</Text> : null}
    </Box>
  );
}

/**
 * The items [from, to] shown of a list whose items take `heights` rows, around `at`, in `maxRows` rows counting a line for
 * the items left out above and one for those below. All of them when they fit; at least the chosen item.
 */
export function listWindow(heights: readonly number[], at: number, maxRows: number): [number, number] {
  const n = heights.length;
  const total = heights.reduce((a, b) => a + b, 0);
  if (total <= maxRows || n === 0) return [0, n - 1];
  let from = at;
  let to = at;
  let used = heights[at] ?? 1;
  const rows = (a: number, b: number, u: number) => u + (a > 0 ? 1 : 0) + (b < n - 1 ? 1 : 0);
  for (let grew = true; grew; ) {
    grew = false;
    // Below first (the list is read downwards), then above.
    if (to < n - 1 && rows(from, to + 1, used + (heights[to + 1] ?? 1)) <= maxRows) {
      used += heights[++to] ?? 1;
      grew = true;
    }
    if (from > 0 && rows(from - 1, to, used + (heights[from - 1] ?? 1)) <= maxRows) {
      used += heights[--from] ?? 1;
      grew = true;
    }
  }
  return [from, to];
}

/**
 * A one-line text input with the usual line editing (src/render/line-edit.ts): Left/Right, Home/End,
 * Ctrl+A/E move the cursor; Backspace deletes before it; Ctrl+U, Ctrl+K and Ctrl+W delete to the
 * start, to the end and the word before. Enter submits; Esc, or Left on an empty field, goes back.
 */
export function TextInput({
  initial = "",
  theme,
  focused = true,
  label,
  onSubmit,
  onBack,
  onChange,
  replaceOnType = false,
}: {
  initial?: string;
  theme: Theme;
  focused?: boolean;
  label: string;
  onSubmit: (value: string) => void;
  onBack?: OnBack;
  /** The text after each key that changed it (a caller that must keep a draft). */
  onChange?: (value: string) => void;
  /**
   * `initial` is a suggestion (a file name): text typed or pasted before any editing key replaces it, as a selected field
   * does; an editing key (arrows, Backspace, Ctrl+U) edits it instead. Typing appended to it ("smtp-auth-plan.mdabc", persona round 7).
   */
  replaceOnType?: boolean;
}) {
  const line = useRef<EditLine>(lineOf(initial));
  const fresh = useRef(replaceOnType);
  /** The line to insert typed text into: empty while the suggestion is untouched. */
  const typing = (): EditLine => {
    if (fresh.current) {
      fresh.current = false;
      line.current = lineOf("");
    }
    return line.current;
  };
  const done = useRef(false);
  const [, redraw] = useState(0);
  useKeys((input, key) => {
    if (done.current) return false;
    if (key.escape || (key.leftArrow && line.current.chars.length === 0)) {
      if (onBack) leaveBack(done, onBack);
      return;
    }
    if (isPaste(key)) {
      // Pasted text is text: its line breaks become spaces (a copied line's own break at the end goes), never Enter.
      for (const ch of input.replace(/[\r\n]+$/, "").replace(/[\r\n\t]+/g, " ")) line.current = insert(typing(), ch);
      onChange?.(lineText(line.current));
      redraw((n) => n + 1);
      return;
    }
    if (key.return) {
      done.current = true;
      onSubmit(lineText(line.current));
      return;
    }
    const edited = edit(line.current, input, key);
    if (edited) {
      line.current = edited;
      fresh.current = false;
    }
    else if (key.ctrl) return;
    else if (!key.upArrow && !key.downArrow && !key.tab) {
      let at = 0;
      for (const ch of input) {
        at += ch.length;
        if (ch === "\r" || ch === "\n") {
          done.current = true;
          onSubmit(lineText(line.current));
          return { rest: input.slice(at) };
        }
        if (ch === "\u007f" || ch === "\b" || ch === "\u0015") fresh.current = false;
        if (ch === "\u007f" || ch === "\b") line.current = edit(line.current, "", { backspace: true }) ?? line.current;
        else if (ch === "\u0015") line.current = edit(line.current, "u", { ctrl: true }) ?? line.current;
        else line.current = insert(typing(), ch);
      }
    }
    onChange?.(lineText(line.current));
    redraw((n) => n + 1);
  }, focused);
  // The cursor's neighbourhood stays visible: a long value shows the part around the cursor.
  const room = Math.max(4, theme.width - width(label) - 3);
  const { chars, at } = line.current;
  let from = 0;
  let used = 0;
  for (let i = at - 1; i >= 0; i--) {
    const w = width(safeText(chars[i] as string));
    if (used + w > room - 1) break;
    used += w;
    from = i;
  }
  if (at === 0) from = 0;
  const before = safeText(chars.slice(from, at).join(""));
  const under = at < chars.length ? safeText(chars[at] as string) : " ";
  let after = "";
  let left = room - width(before) - width(under);
  for (const ch of chars.slice(at + 1)) {
    const s = safeText(ch);
    if (width(s) > left) break;
    after += s;
    left -= width(s);
  }
  const accent = theme.color("accent");
  return (
    <Text>
      {label} <Text {...(accent ? { color: accent } : {})}>{before}</Text>
      <Text inverse>{under}</Text>
      <Text {...(accent ? { color: accent } : {})}>{after}</Text>
    </Text>
  );
}

/**
 * A hidden one-line input (a password). The characters are never rendered: the line shows only how
 * many were typed, as "*". The value lives in a ref (never React state), is handed to `onSubmit`
 * once and cleared at once.
 */
export function PasswordInput({
  theme,
  focused = true,
  label,
  onSubmit,
  onBack,
}: {
  theme: Theme;
  focused?: boolean;
  label: string;
  onSubmit: (value: string) => void;
  onBack?: OnBack;
}) {
  const value = useRef<string[]>([]);
  const done = useRef(false);
  const [count, setCount] = useState(0);
  const submit = () => {
    done.current = true;
    const v = value.current.join("");
    value.current = [];
    setCount(0);
    onSubmit(v);
  };
  useKeys((input, key) => {
    if (done.current) return false;
    // Ctrl+U (and Ctrl+W: the password is one word) clears what was typed, as in a shell.
    if (key.ctrl && (input === "u" || input === "w")) {
      value.current = [];
      setCount(0);
      return;
    }
    if (key.ctrl) return;
    if (isPaste(key)) {
      // A pasted password: its characters, without line breaks; Enter still submits it.
      for (const ch of input.replace(/[\r\n\t]/g, "")) if (value.current.length < 1024) value.current.push(ch);
      setCount(value.current.length);
      return;
    }
    if (key.escape) {
      value.current = [];
      if (onBack) leaveBack(done, onBack);
      return;
    }
    if (key.return) {
      submit();
      return;
    }
    if (key.backspace || key.delete) value.current.pop();
    else if (!key.upArrow && !key.downArrow && !key.leftArrow && !key.rightArrow && !key.tab) {
      let at = 0;
      for (const ch of input) {
        at += ch.length;
        if (ch === "\r" || ch === "\n") {
          submit();
          return { rest: input.slice(at) };
        }
        if (ch === "\u007f" || ch === "\b") value.current.pop();
        // eslint-disable-next-line no-control-regex
        else if (!/[\u0000-\u001f]/.test(ch) && value.current.length < 1024) value.current.push(ch);
      }
    }
    setCount(value.current.length);
  }, focused);
  const room = Math.max(1, theme.width - width(label) - 3);
  return (
    <Text>
      {label} {"*".repeat(Math.min(count, room))}
      <Text inverse> </Text>
    </Text>
  );
}


/**
 * Multi-line input for a pasted error. A paste arrives as one chunk (its newlines included) and is
 * kept whole; Ctrl+D, or Enter typed on an empty line, finishes.
 */
export function MultilineInput({
  theme,
  focused = true,
  initial = "",
  linesLabel,
  onSubmit,
  onBack,
  onType,
  onReady,
  maxLines = 8,
}: {
  theme: Theme;
  focused?: boolean;
  initial?: string;
  linesLabel: (count: number) => string;
  /** The last lines shown (the line being typed among them): fewer in a short window. */
  maxLines?: number;
  onSubmit: (text: string) => void;
  onBack?: OnBack;
  /** After a key typed or pasted into it (a screen's message about the last paste can go). */
  onType?: () => void;
  /**
   * After each key: the text Enter would submit now when the input is where Enter ends it (on an empty line, text
   * above), else undefined; the caller can prepare for that Enter while the person has not yet pressed it.
   */
  onReady?: (text: string | undefined) => void;
}) {
  const lines = useRef<string[]>(initial === "" ? [""] : [...initial.split("\n"), ""]);
  const done = useRef(false);
  const [, redraw] = useState(0);
  const finish = () => {
    done.current = true;
    onSubmit(lines.current.join("\n").trim());
  };
  useKeys((input, key) => {
    if (done.current) return false;
    if (key.ctrl && input === "d") return finish();
    if (key.ctrl) return;
    if (key.escape) {
      if (onBack) leaveBack(done, onBack);
      return;
    }
    const cur = () => lines.current.length - 1;
    // Enter keys alone (one, or several typed fast and arriving together) are keys, not pasted
    // text: Enter on an empty line ends the input. Newlines inside pasted text never do (a bracketed
    // paste is text whatever it holds, even a line break alone).
    const pasted = isPaste(key);
    const enters = pasted ? 0 : key.return ? 1 : /^\r+$/.test(input) ? input.length : 0;
    if (enters > 0) {
      for (let i = 0; i < enters; i++) {
        if ((lines.current[cur()] ?? "") === "") return finish();
        lines.current.push("");
      }
    } else if (!pasted && (key.backspace || key.delete)) {
      const last = lines.current[cur()] ?? "";
      if (last === "" && lines.current.length > 1) lines.current.pop();
      else lines.current[cur()] = graphemes(last).slice(0, -1).join("");
    } else if (!key.upArrow && !key.downArrow && !key.leftArrow && !key.rightArrow && !key.tab) {
      const text = input.replace(/\r\n?/g, "\n");
      let at = 0;
      for (const ch of text) {
        at += ch.length;
        if (ch === "\n") lines.current.push("");
        else if (ch === "\u0004") {
          finish();
          return { rest: text.slice(at) };
        }
        else if (ch === "\t") lines.current[cur()] += " ";
        // eslint-disable-next-line no-control-regex
        else if (!/[\u0000-\u001f\u007f]/.test(ch)) lines.current[cur()] += ch;
      }
    }
    onType?.();
    if (onReady) {
      const text = lines.current.length > 1 && lines.current[lines.current.length - 1] === "" ? lines.current.join("\n").trim() : "";
      onReady(text === "" ? undefined : text);
    }
    redraw((n) => n + 1);
  }, focused);
  const all = lines.current;
  const visible = all.slice(-Math.max(1, maxLines));
  const accent = theme.color("accent");
  const count = all.filter((l) => l !== "").length;
  return (
    <Box flexDirection="column">
      {visible.map((line, i) => (
        <Text key={i} {...(accent ? { color: accent } : {})}>
          {`${theme.glyphs.pointer} ${truncate(safeText(line), theme.width - 3, theme.glyphs.ellipsis)}`}
          {i === visible.length - 1 ? <Text inverse> </Text> : ""}
        </Text>
      ))}
      <Line text={linesLabel(count)} theme={theme} role="muted" />
    </Box>
  );
}

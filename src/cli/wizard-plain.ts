// Plain mode: the same flow (the same reducer, the same sub-flows and effects) with one @inquirer
// prompt per line, for screen readers, narrow or old terminals and remote consoles. Each screen is
// drawn by its plain renderer (src/cli/plain/screens.ts: one per screen id, or it does not
// compile). Prompts and explanations go to stderr; the result goes to stdout.
import { oneShot, pendingEffect, runEffect } from "../flow/effects.js";
import type { WizardServices } from "../flow/ports.js";
import { makeReducer, withSub } from "../flow/reducer.js";
import type { FlowEvent, FlowState } from "../flow/types.js";
import { t, type Lang } from "../i18n/index.js";
import { makeTheme } from "../render/theme.js";
import { wrapHanging } from "../render/layout.js";
import { err, out, type Context } from "./context.js";
import { safeText } from "../render/sanitize.js";
import { PLAIN_EFFECTS, askScreen, type PlainContext } from "./plain/screens.js";

export interface PlainChoice<V> {
  name: string;
  value: V;
  disabled?: string | boolean;
}

/** The prompts plain mode needs. The real one is @inquirer/prompts; tests drive it with @inquirer/testing. */
export interface Prompter {
  select<V>(message: string, choices: PlainChoice<V>[], defaultValue?: V): Promise<V>;
  input(message: string, defaultValue?: string): Promise<string>;
  multiline(message: string): Promise<string>;
  /** A hidden line (a password): nothing is echoed; the text is returned once. */
  hidden(message: string): Promise<string>;
  /** Explanations, to stderr. */
  say(text: string): void;
  /** Results, to stdout. */
  result(text: string): void;
  /** The wizard's language changed (step 1): the prompts' own key help follows it. */
  setLang?(lang: Lang): void;
}

export async function inquirerPrompter(ctx: Context): Promise<Prompter> {
  const { select, input } = await import("@inquirer/prompts");
  const { multilinePrompt } = await import("./multiline-prompt.js");
  const io = { input: ctx.stdin, output: ctx.stderr } as unknown as Parameters<typeof input>[1];
  // Inquirer's key help ("↑↓ navigate • ⏎ select") in the wizard's language.
  let lang: Lang = ctx.lang;
  const theme = { style: { keysHelpTip: () => t(lang, "wizard.plain.selectHelp") } };
  const handOff = () => {
    // Each prompt takes stdin over: make sure it is referenced and flowing.
    const s = ctx.stdin as NodeJS.ReadStream;
    s.ref?.();
    s.resume?.();
  };
  return {
    setLang(next) {
      lang = next;
    },
    async select(message, choices, defaultValue) {
      handOff();
      // Inquirer draws the prompt itself: the message and the choices pass the sanitiser here.
      const safeChoices = choices.map((c) => ({ ...c, name: safeText(c.name), ...(typeof c.disabled === "string" ? { disabled: safeText(c.disabled) } : {}) }));
      return (await select({ message: safeText(message, { multiline: true }), choices: safeChoices, theme, ...(defaultValue !== undefined ? { default: defaultValue } : {}) }, io)) as never;
    },
    async input(message, defaultValue) {
      handOff();
      // The typed (or pasted) value is echoed by inquirer: shown through the sanitiser, kept as typed.
      return input({ message: safeText(message, { multiline: true }), transformer: (value: string) => safeText(value), ...(defaultValue !== undefined ? { default: safeText(defaultValue) } : {}) }, io);
    },
    async multiline(message) {
      handOff();
      return multilinePrompt({ message: safeText(message, { multiline: true }) }, io);
    },
    async hidden(message) {
      handOff();
      const { readHidden } = await import("../probe/hidden-input.js");
      const { HiddenInputCancelled } = await import("../probe/hidden-input.js");
      try {
        return await readHidden(ctx.stdin as NodeJS.ReadStream, ctx.stderr, safeText(message, { multiline: true }));
      } catch (e) {
        // Ctrl+C at the password: the same cancellation as in any other prompt.
        if (e instanceof HiddenInputCancelled) {
          const err = new Error("cancelled");
          err.name = "ExitPromptError";
          throw err;
        }
        throw e;
      }
    },
    say: (text) => err(ctx, text),
    result: (text) => out(ctx, text),
  };
}

export async function runPlain(ctx: Context, initial: FlowState, services: WizardServices, prompter?: Prompter): Promise<{ state: FlowState; cancelled: boolean }> {
  const p = prompter ?? (await inquirerPrompter(ctx));
  try {
    return { state: await plainFlow(initial, services, p, ctx.ascii, (ctx.stdout as NodeJS.WriteStream).isTTY ? (ctx.stdout as NodeJS.WriteStream).columns : 80), cancelled: false };
  } catch (e) {
    if (e instanceof Error && (e.name === "ExitPromptError" || e.name === "AbortPromptError")) return { state: initial, cancelled: true };
    throw e;
  } finally {
    const s = ctx.stdin as NodeJS.ReadStream;
    s.pause?.();
    s.unref?.();
  }
}

/** A line plain mode never wraps: a command (a PowerShell cmdlet, npx, the tool itself), an address, one ASCII word. */
const UNBROKEN = /^\s*(?:[A-Z][a-z]+-[A-Z][A-Za-z]*\b|https?:\/\/|npx\s|smtp-auth-doctor\s|\[\d+\]\s+https?:\/\/|[\x21-\x7e]+$)/;

/**
 * What plain mode says, wrapped to `width` by the one layout (at spaces; between Japanese characters by the kinsoku
 * rules), a numbered step or a bullet hanging under its text; commands and addresses stay whole on their line. Long
 * paragraphs went out as one line, and the terminal broke them in the middle of words (persona round 6, P6-13).
 */
export function plainLines(text: string, width: number): string[] {
  return text.split("\n").flatMap((line) => {
    if (UNBROKEN.test(line)) return [line];
    const hang = /^\s*(?:\d+\.|[-*•✔✘?]|\[[^\]]*\])\s/.exec(line)?.[0] ?? "";
    return wrapHanging(line, width, " ".repeat(Math.max(0, hang.length - (/^\s*/.exec(hang)?.[0].length ?? 0))));
  });
}

/**
 * A prompt's message wrapped to the width less the prompt's own mark ("? " before it, "✔ " once answered), so that
 * the prompt library breaks nothing more: it broke at the terminal's width, a Japanese question's 「?」 alone on the
 * line of the answer (P6-13). The kinsoku rules carry the last word down with it. The lines after the first hang
 * under the text, past the mark (they started under the mark itself); `marked` false for a prompt without a mark.
 */
export function promptMessage(message: string, width: number, marked = true): string {
  return wrapHanging(message, Math.max(20, width - 2), marked ? PROMPT_HANG : "").join("\n");
}

/** The width of a prompt's mark and its blank ("? ", "✔ "). */
const PROMPT_HANG = "  ";

/** The prompter with its messages and explanations laid out to `width` (every screen's text passes here). */
function laidOut(p: Prompter, width: number): Prompter {
  return {
    select: (message, choices, defaultValue) => p.select(promptMessage(message, width), choices, defaultValue),
    input: (message, defaultValue) => p.input(promptMessage(message, width), defaultValue),
    // (Once done, the count of lines pasted follows the message: " (12)".)
    // (The paste prompt shows no mark before its message.)
    multiline: (message) => p.multiline(promptMessage(message, width - 8, false)),
    hidden: (message) => p.hidden(promptMessage(message, width)),
    say: (text) => p.say(plainLines(text, width).join("\n")),
    result: (text) => p.result(text),
    ...(p.setLang ? { setLang: (lang: Lang) => p.setLang?.(lang) } : {}),
  };
}

/** Drive the reducer to the end with prompts: an effect the state asks for is run, else the screen is asked. */
export async function plainFlow(initial: FlowState, services: WizardServices, prompter: Prompter, ascii = false, columns = 80): Promise<FlowState> {
  const reduce = makeReducer(services.deps);
  const theme = makeTheme({ color: false, ascii, columns });
  const p = laidOut(prompter, theme.width);
  const secret = oneShot();
  // Wrapped to the terminal (a 60-column window re-broke lines wrapped at 80 in the middle of words).
  const ctx: PlainContext = { p, services, glyphs: theme.glyphs, ascii, width: theme.width, putSecret: secret.put, progress: { shown: -1 } };
  let s = withSub(initial);
  for (const line of wrapHanging(t(s.lang, "wizard.plain.intro"), ctx.width)) p.say(line);
  while (!s.done) {
    p.setLang?.(s.lang);
    const effect = pendingEffect(s);
    if (effect) {
      const view = PLAIN_EFFECTS[effect.kind];
      view.start?.(s, ctx);
      const event = await runEffect(effect, s, {
        services,
        emit: (e: FlowEvent) => {
          s = reduce(s, e);
          view.progress?.(s, e, ctx);
        },
        takeSecret: secret.take,
      });
      const before = s;
      s = reduce(s, event);
      view.done?.(before, event, ctx);
      if (pendingEffect(s)?.token === effect.token) throw new Error(`the ${effect.kind} effect did not end`);
      continue;
    }
    const event = await askScreen(s, ctx);
    if (event !== undefined) s = reduce(s, event);
  }
  return s;
}

// What every plain renderer gets: the prompts, the wizard's ports, the glyphs, and where the
// probe's password goes (straight to the probe effect, never into the flow state).
import type { FlowEvent, FlowState } from "../../flow/types.js";
import type { WizardServices } from "../../flow/ports.js";
import { t } from "../../i18n/index.js";
import type { Glyphs } from "../../render/theme.js";
import type { PlainChoice, Prompter } from "../wizard-plain.js";

export interface PlainContext {
  p: Prompter;
  services: WizardServices;
  glyphs: Glyphs;
  ascii: boolean;
  putSecret(password: string): void;
  /** The columns lines are wrapped to: the terminal's (at most 80), 80 when piped. */
  width: number;
  /** The audit's progress said so far (in quarters) of the file being read, reset when a run or a file starts. */
  progress: { shown: number; file?: string };
}

/** One screen drawn as prompts: the event it ends with, or undefined to be asked again. */
export type PlainRenderer<S> = (state: FlowState, screen: S, ctx: PlainContext) => Promise<FlowEvent | undefined>;

export const BACK = "\u0000back" as const;
export const DONT_KNOW = "\u0000dontKnow" as const;
export type Special = typeof BACK | typeof DONT_KNOW;

/** "Go back", when there is a screen to go back to. */
export function backChoice(s: FlowState): PlainChoice<Special>[] {
  return s.history.length > 0 ? [{ name: t(s.lang, "wizard.plain.back"), value: BACK }] : [];
}

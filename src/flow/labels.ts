// Names of causes and facts for the wizard's screens, looked up in the catalogs the engine and the
// report areas own. A cause id without a catalog entry is shown as the id itself.
import type { FactPath } from "../case/facts.js";
import type { CauseId } from "../engine/types.js";
import { hasKey, t, type Lang } from "../i18n/index.js";
import { question } from "./questions.js";

export function causeTitle(lang: Lang, id: CauseId): string {
  for (const key of [`causes.${id}.title`, `causes.${id}`, `cause.${id}.title`]) {
    if (hasKey(key)) return t(lang, key);
  }
  return id;
}

/** A fact path as the question that asks for it. */
export function factLabel(lang: Lang, path: FactPath): string {
  return t(lang, question(path).prompt);
}

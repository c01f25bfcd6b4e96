// What the wizard says about live reads when no app registration is configured: whether the
// PowerShell sign-in route is there, and otherwise the two ways to set live reads up. Pure text.
import { t, type Lang } from "../i18n/index.js";
import type { LivePwsh } from "./types.js";

/** The note beside "read live" / "mix" on the source screen (none when an app registration is configured). */
export function sourceNote(lang: Lang, appConfigured: boolean, pwsh: LivePwsh | undefined): string | undefined {
  if (appConfigured) return undefined;
  if (pwsh?.status === "ready") return t(lang, "wizard.source.viaPwsh");
  return t(lang, "wizard.source.notAvailable");
}

/** The set-up screen: what was found missing (if the look has finished), then both set-ups. */
export function liveSetupText(lang: Lang, pwsh: LivePwsh | undefined): string {
  const found = pwsh?.status === "missing" ? `${t(lang, pwsh.key, pwsh.params)}\n\n` : "";
  return `${found}${t(lang, "wizard.liveSetup.text")}`;
}

import type { Lang } from "./catalog.js";

/** --lang, then SMTP_AUTH_DOCTOR_LANG, then the environment's locale, then English. */
export function detectLang(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): Lang | undefined {
  if (flag !== undefined) return parseLang(flag);
  const app = env.SMTP_AUTH_DOCTOR_LANG;
  if (app) return parseLang(app) ?? "en";
  for (const name of ["LC_ALL", "LC_MESSAGES", "LANG"] as const) {
    const value = env[name];
    if (value) return /^ja\b|^ja[_-]/i.test(value) ? "ja" : "en";
  }
  const intl = Intl.DateTimeFormat().resolvedOptions().locale;
  return /^ja\b/i.test(intl) ? "ja" : "en";
}

export function parseLang(value: string): Lang | undefined {
  const v = value.trim().toLowerCase();
  if (v === "ja" || v.startsWith("ja-") || v.startsWith("ja_")) return "ja";
  if (v === "en" || v.startsWith("en-") || v.startsWith("en_")) return "en";
  return undefined;
}

import type { Lang } from "./catalog.js";

/** --lang, then SMTP_AUTH_DOCTOR_LANG, then the environment's locale, then English. */
export function detectLang(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): Lang | undefined {
  if (flag !== undefined) return parseLang(flag);
  const app = env.SMTP_AUTH_DOCTOR_LANG;
  if (app) return parseLang(app) ?? "en";
  for (const name of ["LC_ALL", "LC_MESSAGES", "LANG"] as const) {
    const value = env[name];
    if (value) return startsWithJa(value) && /^ja\b|^ja[_-]/i.test(value) ? "ja" : "en";
  }
  // The system's own locale (Windows sets none of the variables above): the one every Intl service starts from, read from
  // plural rules, which ICU makes from little data. Intl.DateTimeFormat gave the same locale but loads calendars and time
  // zones first: about 115 M instructions, more than the rest of a start (issue 15).
  const intl = new Intl.PluralRules().resolvedOptions().locale;
  return startsWithJa(intl) && /^ja\b/i.test(intl) ? "ja" : "en";
}

/**
 * "ja" in either case at the start, which both patterns above need (an ASCII letter of a pattern that ignores case matches
 * only that letter): any other locale ("C", "en_US.UTF-8") is not given to them, which V8 compiled at every start (issue 15).
 */
function startsWithJa(value: string): boolean {
  return (value.charCodeAt(0) | 0x20) === 0x6a && (value.charCodeAt(1) | 0x20) === 0x61;
}

export function parseLang(value: string): Lang | undefined {
  const v = value.trim().toLowerCase();
  if (v === "ja" || v.startsWith("ja-") || v.startsWith("ja_")) return "ja";
  if (v === "en" || v.startsWith("en-") || v.startsWith("en_")) return "en";
  return undefined;
}

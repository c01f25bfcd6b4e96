// Building PowerShell that is safe to paste: values become single-quoted literals with embedded
// single quotes doubled, and identities are checked before they are quoted at all.
import { badInput } from "../errors.js";
import { isSafeText } from "../render/sanitize.js";

// PowerShell treats these as single quotes too (U+2018, U+2019, U+201A, U+201B).
const SINGLE_QUOTES = /['\u2018\u2019\u201A\u201B]/g;

/** A single-quoted PowerShell literal: `O'Brien` → `'O''Brien'`. */
export function psQuote(value: string): string {
  return `'${value.replace(SINGLE_QUOTES, (q) => q + q)}'`;
}

/**
 * Is this a plausible Exchange/Entra identity (UPN or SMTP address, alias, display-name-like name,
 * GUID)? Rejects empty values, control characters (C0, C1, DEL), bidi controls, newlines, and anything longer than 320 characters.
 */
export function isPlausibleIdentity(value: string): boolean {
  if (value.length === 0 || value.length > 320) return false;
  if (value.trim() !== value) return false;
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f\u2028\u2029`]/.test(value)) return false;
  // C1 controls and bidi overrides too: a command must target exactly what the reader sees.
  if (!isSafeText(value)) return false;
  if (value.includes("@")) return /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(value);
  return /^[\p{L}\p{N}][\p{L}\p{N} ._'\-+()&]*$/u.test(value);
}

/** Quote an identity for a command, or throw a bad-input error naming the value. */
export function psIdentity(value: string): string {
  if (!isPlausibleIdentity(value)) throw badInput("identity.invalid", "common.err.identity", { value: printable(value) });
  return psQuote(value);
}

/** A short, printable rendering of a rejected value for error messages. */
export function printable(value: string): string {
  // eslint-disable-next-line no-control-regex
  const shown = value.replace(/[\u0000-\u001f\u007f]/g, "?");
  return shown.length > 60 ? `${shown.slice(0, 57)}...` : shown;
}

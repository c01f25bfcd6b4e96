// The shape of a user name Microsoft 365 signs a device in with: the account's full address (UPN),
// name@domain.tld, with no space, backslash, control or format character (a bidi override). A short
// name ("scanner"), DOMAIN\user or "scan osaka@contoso.com" is not one (domain.md §4). Shared by the
// engine (a known user name proves the cause) and the wizard (it warns at the question).

/** Is this user name a full address? Surrounding spaces are ignored (the wizard trims what is typed). */
export function isFullAddress(value: string): boolean {
  const v = value.trim();
  return asciiFullAddress(v) ?? /^[^\s@\\\p{Cc}\p{Cf}]+@[^\s@\\\p{Cc}\p{Cf}]+\.[^\s@\\\p{Cc}\p{Cf}]+$/u.test(v);
}

/**
 * The pattern's answer for a name of ASCII only, read character by character; undefined for any other name. The pattern's
 * classes (\p{Cc}, \p{Cf} under the u flag) are large to build, once a process, and nearly every name is ASCII (issue 15).
 * In ASCII the pattern refuses controls (0x00-0x1f, 0x7f: \p{Cc}, and \s's tab and line breaks), the space and "\", has no
 * format character, and reads: a name without "@", "@", then a "." with something on both sides, no other "@".
 */
function asciiFullAddress(v: string): boolean | undefined {
  let at = -1;
  let refused = false;
  for (let i = 0; i < v.length; i++) {
    const c = v.charCodeAt(i);
    if (c >= 0x80) return undefined;
    if (c <= 0x20 || c === 0x7f || c === 0x5c || (c === 0x40 && at >= 0)) refused = true;
    else if (c === 0x40) at = i;
  }
  if (refused || at <= 0) return false;
  // The part after "@": something, ".", something (the part may hold more dots).
  const dot = v.indexOf(".", at + 2);
  return dot >= 0 && dot < v.length - 1;
}

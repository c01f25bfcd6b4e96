// The shape of a user name Microsoft 365 signs a device in with: the account's full address (UPN),
// name@domain.tld, with no space, backslash, control or format character (a bidi override). A short
// name ("scanner"), DOMAIN\user or "scan osaka@contoso.com" is not one (domain.md §4). Shared by the
// engine (a known user name proves the cause) and the wizard (it warns at the question).

/** Is this user name a full address? Surrounding spaces are ignored (the wizard trims what is typed). */
export function isFullAddress(value: string): boolean {
  return /^[^\s@\\\p{Cc}\p{Cf}]+@[^\s@\\\p{Cc}\p{Cf}]+\.[^\s@\\\p{Cc}\p{Cf}]+$/u.test(value.trim());
}

// Exit codes. Documented in the README; scripts depend on them.
export const EXIT = {
  /** clear: every gate known and passing */
  clear: 0,
  /** blocked: at least one blocking cause */
  blocked: 1,
  /** bad input: flags, files, answers, pasted text the tool cannot use */
  badInput: 2,
  /** undetermined: something that decides the verdict is unknown */
  undetermined: 3,
  /** unavailable: a service the tool needed could not be used (sign-in failed, endpoint unreachable); nothing was written */
  unavailable: 4,
  /** internal error: a bug in smtp-auth-doctor; the message says how to report it */
  internal: 70,
  /** cancelled by the user (Ctrl+C) */
  cancelled: 130,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

export function exitCodeForVerdict(verdict: "blocked" | "clear" | "undetermined"): ExitCode {
  return verdict === "clear" ? EXIT.clear : verdict === "blocked" ? EXIT.blocked : EXIT.undetermined;
}

// --as-of: the date a case is judged on, laid over the case (diagnose, explain, options).
import { isIsoDate } from "../case/dates.js";
import type { Case } from "../case/schema.js";
import { badInput } from "../errors.js";

/** The case judged on `asOf` (YYYY-MM-DD) when it is given; a date that is not one is bad input. */
export function withAsOf(c: Case, asOf: string | undefined): Case {
  if (asOf === undefined) return c;
  if (!isIsoDate(asOf)) {
    throw badInput("args.as-of", "cli.err.asOf", { value: asOf });
  }
  return { ...c, asOf };
}

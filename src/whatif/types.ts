// The one dependency of what-if mode on the engine: a function from a case to its diagnosis. The
// caller binds today's date (the engine evaluates at `case.asOf`, else today).
import type { Case } from "../case/schema.js";
import type { Diagnosis } from "../engine/types.js";

export type Evaluate = (c: Case) => Diagnosis;

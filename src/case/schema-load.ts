// How ./schema.ts gets its zod schemas built (./schema-zod.ts). The fast part of the bundle replaces this module with one
// that loads ./schema-zod.ts, and zod with it, on the first call (scripts/build.mjs, lazySchemas): diagnose of a valid case
// file then never sets zod up (~95 KB allocated at every start, issue 15). Anywhere else (the full part, tests) it is imported.
import { build } from "./schema-zod.js";

/** The case file's zod schemas, newly built. */
export function buildSchemas(): ReturnType<typeof build> {
  return build();
}

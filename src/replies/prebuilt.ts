// The reply parser's tables as the build made them: scripts/reply-tables.mjs gives the bundle this module with
// PREBUILT set to what patternTables() and signalTables() return, computed from these same sources when the
// bundle is built (never written by hand, never committed). From the sources (tests, tsx) it is undefined, and
// src/replies/patterns.ts and signals.ts make their tables as they load.
import type { PatternTables } from "./patterns.js";
import type { SignalTables } from "./signals.js";

export const PREBUILT: { patterns: PatternTables; signals: SignalTables } | undefined = undefined;

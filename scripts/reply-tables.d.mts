// Types of scripts/reply-tables.mjs, for the test that checks the bundle's reply tables.
import type { Plugin } from "esbuild";
import type { PatternTables } from "../src/replies/patterns.js";
import type { SignalTables } from "../src/replies/signals.js";

export function replyTables(root: string): Promise<{ patterns: PatternTables; signals: SignalTables }>;
export function prebuiltModule(root: string): Promise<string>;
export function replyTablesPlugin(): Plugin;

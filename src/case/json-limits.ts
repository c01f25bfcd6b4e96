// Bounds on JSON from outside, checked before it is parsed and validated: how deep it nests and how
// big it is. JSON.parse copes with any depth, but whatever walks the value afterwards (schema
// validation, JSON.stringify of a bad value for a message, our own readers) recurses, and a file
// of `[[[[…` 5,000 deep ended in "Maximum call stack size exceeded". No case file, export or
// Microsoft answer nests more than a dozen levels; 64 leaves room and stays far from the stack.
export const MAX_JSON_DEPTH = 64;

/**
 * How deep the text nests (arrays and objects), counted without parsing; stops counting once past
 * `limit`. Strings are skipped, escapes included, so brackets inside values do not count.
 */
export function jsonDepth(text: string, limit = MAX_JSON_DEPTH): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92) i++; // backslash: skip the escaped character
      else if (c === 34) inString = false;
      continue;
    }
    if (c === 34) inString = true;
    else if (c === 91 || c === 123) {
      depth++;
      if (depth > max) {
        max = depth;
        if (max > limit) return max;
      }
    } else if (c === 93 || c === 125) depth--;
  }
  return max;
}

export class JsonTooDeep extends Error {
  constructor(readonly limit: number) {
    super(`nested more than ${limit} levels deep`);
    this.name = "JsonTooDeep";
  }
}

export class JsonTooLarge extends Error {
  constructor(readonly limit: number) {
    super(`larger than ${limit} characters`);
    this.name = "JsonTooLarge";
  }
}

/**
 * JSON.parse with the bounds checked first. Throws JsonTooLarge, JsonTooDeep, or JSON.parse's
 * SyntaxError; callers turn each into their own one-line message.
 */
export function parseJsonBounded(text: string, opts: { maxDepth?: number; maxChars?: number } = {}): unknown {
  const maxChars = opts.maxChars ?? Number.POSITIVE_INFINITY;
  if (text.length > maxChars) throw new JsonTooLarge(maxChars);
  const maxDepth = opts.maxDepth ?? MAX_JSON_DEPTH;
  if (jsonDepth(text, maxDepth) > maxDepth) throw new JsonTooDeep(maxDepth);
  return JSON.parse(text) as unknown;
}

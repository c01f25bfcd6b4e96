// Which of a fixed set of phrases a text contains, found in one walk of the text instead of one
// search per phrase: the reply table, the codeless anchors and the signals hold nearly two hundred
// phrases, and every reply and line is compared with all of them.
//
// The walk is an Aho–Corasick automaton: the trie of the phrases, each state's fall-back to the
// longest suffix that is also a phrase's prefix, and each state's list of the phrases that end there
// (its own and its fall-backs'). The states where a walk spends most of its time (the shallow ones)
// and those with several edges keep every move in a row of one table (one read per character); the
// others, each the middle of a phrase with one edge onward, keep that edge, and any other character
// moves them as their fall-back moves (see step()). Kept so, the walk reads a few tens of kilobytes,
// not a table of every state's moves (half a megabyte for the reply table's ~6,800 states), which
// the rest of the parser pushed out of the processor's caches between two searches.
// The squashed form (see squash()) and the lower-case form of ASCII text are made during the walk,
// character by character, so the usual reply needs no string made for the search; ASCII text is read
// as bytes (see asciiBytes()). A phrase can carry tags, and a search says which tags the phrases it
// found carry: a caller asks "any phrase of this kind here?" without a loop.

import { isDigit, isLetter } from "./chars.js";

/**
 * Searches answered with one includes() per phrase before the automaton is built: building it
 * (a few milliseconds for the reply table's phrases in a cold process) costs more than many such searches, and a
 * command that reads one paste makes only a few.
 */
const SEARCHES_BEFORE_AUTOMATON = 32;

/**
 * What one search found: found[id] is 1 when the text contains that phrase; `tags`, the tags of the
 * phrases found, OR-ed (see add()); `converted`, whether the text was converted before the walk (for
 * the squashed and lower-case searches: it holds a character the walk cannot convert, or the index
 * answered with includes() on the converted text), or (squashed) holds an apostrophe, which squashing
 * spells out or drops. The record is the index's own and is overwritten
 * by its next search: read it before searching this index again.
 */
export interface Finds {
  readonly found: Uint8Array;
  /** The ids found (those whose found[id] is 1), the first `count` of it, in the order the walk met them: a caller visits these rather than every id. */
  readonly ids: Int32Array;
  readonly count: number;
  readonly tags: number;
  readonly converted: boolean;
}

interface Automaton {
  /** For each form (AS_IS, SQUASHED, LOWER): ASCII character code → the symbol it is read as, SKIP or APOSTROPHE. */
  forms: readonly Int32Array[];
  /** state → 1 when a phrase (other than the empty one) ends there. */
  marked: Uint8Array;
  /** state → the tags of the phrases that end there, OR-ed. */
  tagsAt: Int32Array;
  /** Other character codes that are in a phrase → symbol. */
  other: Map<number, number>;
  /** Symbols, 0 included: the length of a row of `rows`. */
  width: number;
  /** state → where its row of moves starts in `rows`, or -1 for a state without one (its moves: `edge`, `child`, `fallBack`). */
  row: Int32Array;
  /** The rows: rows[row[s] + symbol] → the state `s` moves to on `symbol`. */
  rows: Int32Array;
  /** state (without a row) → the symbol of its one trie edge (-1: none, a phrase's last state), and the state that edge leads to. */
  edge: Int32Array;
  child: Int32Array;
  /** state → the state of its longest proper suffix that is a phrase's prefix. */
  fallBack: Int32Array;
  /** The ids of the phrases that end at state s: ends[start[s]] … ends[start[s + 1] - 1]. */
  start: Int32Array;
  ends: Int32Array;
}

/** States this deep or shallower have a row of moves (see the header): where a walk spends most of its time. */
const ROW_DEPTH = 3;

/** How a text is read: as it is, squashed (lower case, only letters and digits), or in lower case. */
const AS_IS = 0;
const SQUASHED = 1;
const LOWER = 2;
type Form = typeof AS_IS | typeof SQUASHED | typeof LOWER;
/** A character the form leaves out (squashed: every one but a letter or digit). */
const SKIP = -1;
/** An apostrophe, read squashed: squash() spells out "n't" around it first (see spelledOut()). */
const APOSTROPHE = -2;

export class PhraseIndex {
  /** Phrases in the order they were added; an id is a position here. */
  private list: string[] = [];
  /** Phrase → id, made on the first add() (an index given its phrases by extend() may never need it). */
  private ids: Map<string, number> | undefined;
  /** Each phrase's tags (see add()). */
  private phraseTags: number[] = [];
  private automaton: Automaton | undefined;
  private searches = 0;
  /** What the last search found (one array per index, reused: allocating one per search cost more than the walk). */
  private readonly finds = { found: new Uint8Array(0), ids: new Int32Array(0), count: 0, tags: 0, converted: false };

  /** `searchesBeforeAutomaton`: how many searches use includes() before the automaton is built (tests try both ways). */
  constructor(private readonly searchesBeforeAutomaton = SEARCHES_BEFORE_AUTOMATON) {}

  /**
   * The id of a phrase (the same phrase added twice keeps one id). `tags` (bits) mark the phrase as one
   * of a kind its callers ask about (Finds.tags: whether any phrase of a kind is in a text, without a
   * loop over the kind's ids); a phrase added again with other tags has them all.
   */
  add(phrase: string, tags = 0): number {
    let ids = this.ids;
    if (ids === undefined) {
      ids = this.ids = new Map<string, number>();
      for (let id = 0; id < this.list.length; id++) ids.set(this.list[id] as string, id);
    }
    const known = ids.get(phrase);
    if (known !== undefined) {
      const had = this.phraseTags[known] as number;
      if ((had | tags) !== had) {
        this.phraseTags[known] = had | tags;
        this.automaton = undefined;
      }
      return known;
    }
    const id = this.list.length;
    this.list.push(phrase);
    this.phraseTags.push(tags);
    ids.set(phrase, id);
    this.automaton = undefined;
    return id;
  }

  /** The phrases in the order they were added; an id is a position here. */
  get phrases(): readonly string[] {
    return this.list;
  }

  /** Each phrase's tags, by id (what add() gave it, OR-ed). */
  get tags(): readonly number[] {
    return this.phraseTags;
  }

  /**
   * The index as add() calls would have left it, given what they make (tables computed once, src/replies/prebuilt.ts):
   * `phrases` appended after those held (new ones, each once: not checked), and `tags`, every phrase's tags by id, the
   * held ones' included. The index keeps the arrays it is given (`tags`, and `phrases` when it held none): the caller
   * gives arrays of its own, which nothing else changes or reads as the index's.
   */
  extend(phrases: string[], tags: number[]): void {
    const held = this.list.length;
    if (tags.length !== held + phrases.length) throw new Error(`PhraseIndex.extend: ${tags.length} tags for ${held + phrases.length} phrases`);
    this.list = held === 0 ? phrases : this.list.concat(phrases);
    this.phraseTags = tags;
    if (this.ids !== undefined) for (let id = held; id < this.list.length; id++) this.ids.set(this.list[id] as string, id);
    this.automaton = undefined;
  }

  /** The phrases the text contains (see Finds). */
  search(text: string): Finds {
    return this.walk(text, AS_IS, false) as Finds;
  }

  /**
   * search(squashed) where `squashed(text)` is what `text` is compared as (lower case, letters and digits
   * only: see squash()). ASCII text is squashed during the walk, "n't" spelled out as squash() does (see
   * spelledOut()); other text (non-ASCII letters whose lower case differs, "won't") is squashed first.
   */
  searchSquashed(text: string, squashed: (text: string) => string): Finds {
    return this.walk(text, SQUASHED, false) ?? (this.walk(squashed(text), AS_IS, true) as Finds);
  }

  /** search(text.toLowerCase()); ASCII text is lowered during the walk. */
  searchLower(text: string): Finds {
    return this.walk(text, LOWER, false) ?? (this.walk(text.toLowerCase(), AS_IS, true) as Finds);
  }

  /** The walk, or undefined when the text must be converted first (a character the walk cannot convert). `converted`: what Finds says. */
  private walk(text: string, form: Form, converted: boolean): Finds | undefined {
    const finds = this.finds;
    let found = finds.found;
    let ids = finds.ids;
    const phrases = this.list;
    if (found.length !== phrases.length) {
      found = finds.found = new Uint8Array(phrases.length);
      ids = finds.ids = new Int32Array(phrases.length);
    } else {
      // Only the ids the last search found are set: cleared one by one, not the whole array.
      for (let k = 0; k < finds.count; k++) found[ids[k] as number] = 0;
    }
    let count = 0;
    finds.count = 0;
    finds.converted = converted;
    let automaton = this.automaton;
    if (automaton === undefined) {
      if (this.searches < this.searchesBeforeAutomaton) {
        if (form !== AS_IS) return undefined;
        this.searches++;
        let tags = 0;
        for (let id = 0; id < phrases.length; id++) {
          if (text.includes(phrases[id] as string)) {
            found[id] = 1;
            ids[count++] = id;
            tags |= this.phraseTags[id] as number;
          }
        }
        finds.count = count;
        finds.tags = tags;
        return finds;
      }
      automaton = this.automaton = build(phrases, this.phraseTags);
    }
    const { other, marked, tagsAt, row, rows, edge, child, fallBack } = automaton;
    const table = automaton.forms[form] as Int32Array;
    const bytes = asciiBytes(text);
    // Only the text as it is can be read past ASCII: for the other forms it is converted first.
    if (bytes === undefined && form !== AS_IS) return undefined;
    let state = 0;
    let tags = 0;
    let apostrophe = false;
    const n = text.length;
    for (let i = 0; i < n; i++) {
      let symbol: number;
      if (bytes !== undefined) {
        symbol = table[bytes[i] as number] as number;
        if (symbol < 0) {
          if (symbol === SKIP) continue;
          // An apostrophe (squashed): what squash() makes of it, the letters it spells out read before the "t" that follows.
          const spelled = spelledOut(bytes, i, n);
          if (spelled === undefined) {
            // (What was found so far is cleared by the search that follows.)
            finds.count = count;
            return undefined;
          }
          apostrophe = true;
          for (let j = 0; j < spelled.length; j++) {
            state = step(automaton, state, table[spelled.charCodeAt(j)] as number);
            if (marked[state] === 1) {
              tags |= tagsAt[state] as number;
              count = collect(automaton, state, found, ids, count);
            }
          }
          continue;
        }
      } else {
        // The text as it is (AS_IS), with a character outside ASCII.
        const c = text.charCodeAt(i);
        symbol = c < 128 ? (table[c] as number) : (other.get(c) ?? 0);
      }
      // (step(), written out: the walk's every character.)
      for (;;) {
        const at = row[state] as number;
        if (at >= 0) {
          state = rows[at + symbol] as number;
          break;
        }
        if (edge[state] === symbol) {
          state = child[state] as number;
          break;
        }
        state = fallBack[state] as number;
      }
      if (marked[state] === 1) {
        tags |= tagsAt[state] as number;
        count = collect(automaton, state, found, ids, count);
      }
    }
    // The empty phrase ends at the start state, in every text: even one without a character.
    count = collect(automaton, 0, found, ids, count);
    finds.count = count;
    finds.tags = tags | (tagsAt[0] as number);
    // (Callers read an apostrophe's line as converted, as when squash() converted it first.)
    if (apostrophe) finds.converted = true;
    return finds;
  }
}

/** The phrases that end at `state`, each marked found once and appended to `ids` after its first `count`: the new count. */
function collect(a: Automaton, state: number, found: Uint8Array, ids: Int32Array, count: number): number {
  const { start, ends } = a;
  let n = count;
  for (let k = start[state] as number, end = start[state + 1] as number; k < end; k++) {
    const id = ends[k] as number;
    if (found[id] === 0) {
      found[id] = 1;
      ids[n++] = id;
    }
  }
  return n;
}

/**
 * What squash() spells out at the apostrophe at `i` of ASCII text (its lower case: "can't" → "cannot", "n't" before the end of
 * a word → " not"), as the letters to read after the "n" already read and before the "t" that follows: "no" for "can't", "o"
 * for another "n't", "" for any other apostrophe (dropped); undefined for "won't" ("will not": letters already read change),
 * which is squashed first.
 */
function spelledOut(bytes: Uint8Array, i: number, n: number): string | undefined {
  // (c | 0x20 is the lower case of a letter, and equals a lower-case letter only for that letter in either case.)
  if (i < 1 || i + 1 >= n || ((bytes[i - 1] as number) | 0x20) !== 0x6e || ((bytes[i + 1] as number) | 0x20) !== 0x74) return "";
  if (i >= 3) {
    const a = (bytes[i - 3] as number) | 0x20;
    const b = (bytes[i - 2] as number) | 0x20;
    if (a === 0x63 && b === 0x61) return "no";
    if (a === 0x77 && b === 0x6f) return undefined;
  }
  // "n't" at the end of a word (\b: no letter, digit or "_" after the "t").
  const after = i + 2 < n ? (bytes[i + 2] as number) : -1;
  return isLetter(after) || isDigit(after) || after === 0x5f ? "" : "o";
}

const ENCODER = new TextEncoder();
/** The bytes of the last ASCII text walked (one array, reused and grown as needed). */
let BYTES = new Uint8Array(512);

/**
 * The text's characters as bytes (a view of BYTES, overwritten by the next call) when every one is
 * ASCII, else undefined. The walk reads bytes rather than the string: reading a string's characters
 * costs more, and up to twice as much once the walk has met strings kept in different forms (a slice,
 * a joined string, a plain one: the parser passes all three), because V8 then optimises it for them all.
 */
function asciiBytes(text: string): Uint8Array | undefined {
  if (text.length > BYTES.length) BYTES = new Uint8Array(Math.max(text.length, BYTES.length * 2));
  const { read, written } = ENCODER.encodeInto(text, BYTES);
  return read === text.length && written === text.length ? BYTES : undefined;
}

/** The automaton of the phrases (see the header). */
function build(phrases: readonly string[], phraseTags: readonly number[]): Automaton {
  // ASCII character code → symbol (0: a character that is in no phrase).
  const ascii = new Int32Array(128);
  const other = new Map<number, number>();
  let width = 1;
  let bound = 1;
  for (const p of phrases) {
    bound += p.length;
    for (let i = 0; i < p.length; i++) {
      const c = p.charCodeAt(i);
      if (c < 128 ? ascii[c] === 0 : !other.has(c)) {
        if (c < 128) ascii[c] = width;
        else other.set(c, width);
        width++;
      }
    }
  }
  // The trie: state × width + symbol → child, -1 for none.
  const trie = (bound <= 0x7fff ? new Int16Array(bound * width) : new Int32Array(bound * width)).fill(-1);
  const own: number[][] = [[]];
  // Each state's trie edges: symbol, child, symbol, child …
  const edges: number[][] = [[]];
  const depth = [0];
  let states = 1;
  for (let id = 0; id < phrases.length; id++) {
    const p = phrases[id] as string;
    let s = 0;
    for (let i = 0; i < p.length; i++) {
      const c = p.charCodeAt(i);
      const symbol = c < 128 ? (ascii[c] as number) : (other.get(c) as number);
      const at = s * width + symbol;
      let next = trie[at] as number;
      if (next === -1) {
        next = trie[at] = states++;
        own.push([]);
        edges.push([]);
        depth.push(i + 1);
        (edges[s] as number[]).push(symbol, next);
      }
      s = next;
    }
    (own[s] as number[]).push(id);
  }
  // Which states have a row: the shallow ones, and those with more than one edge.
  const row = new Int32Array(states).fill(-1);
  const edge = new Int32Array(states).fill(-1);
  const child = new Int32Array(states);
  let rowCount = 0;
  for (let s = 0; s < states; s++) {
    const list = edges[s] as number[];
    if ((depth[s] as number) <= ROW_DEPTH || list.length > 2) row[s] = rowCount++ * width;
    else if (list.length === 2) {
      edge[s] = list[0] as number;
      child[s] = list[1] as number;
    }
  }
  const forms = [AS_IS, SQUASHED, LOWER].map((form) => {
    const table = new Int32Array(128);
    for (let c = 0; c < 128; c++) {
      const lower = c >= 0x41 && c <= 0x5a ? c + 0x20 : c;
      table[c] = form === AS_IS ? (ascii[c] as number) : form === LOWER || isLetter(c) || isDigit(c) ? (ascii[lower] as number) : c === 0x27 ? APOSTROPHE : SKIP;
    }
    return table;
  });
  const fallBack = new Int32Array(states);
  const out: number[][] = new Array<number[]>(states);
  const automaton: Automaton = { forms, marked: new Uint8Array(states), tagsAt: new Int32Array(states), other, width, row, rows: new Int32Array(rowCount * width), edge, child, fallBack, start: new Int32Array(states + 1), ends: new Int32Array(0) };
  const { rows } = automaton;
  // Breadth first, so that a state's fall-back (shallower) has its own, and its row, before the state: a child's fall-back
  // is where the parent's fall-back moves on the same symbol; a move off the trie, where the fall-back moves.
  const queue = [0];
  for (let q = 0; q < queue.length; q++) {
    const s = queue[q] as number;
    const back = fallBack[s] as number;
    // The empty phrase (the start state's) is marked once per search, not at every character.
    out[s] = s === 0 || back === 0 ? (own[s] as number[]) : [...(own[s] as number[]), ...(out[back] as number[])];
    const list = edges[s] as number[];
    const at = row[s] as number;
    if (at >= 0) {
      // The start state stays where it is on a symbol that starts no phrase.
      for (let symbol = 0; symbol < width; symbol++) rows[at + symbol] = s === 0 ? 0 : step(automaton, back, symbol);
      for (let e = 0; e < list.length; e += 2) rows[at + (list[e] as number)] = list[e + 1] as number;
    }
    for (let e = 0; e < list.length; e += 2) {
      const next = list[e + 1] as number;
      fallBack[next] = s === 0 ? 0 : step(automaton, back, list[e] as number);
      queue.push(next);
    }
  }
  const { start, marked, tagsAt } = automaton;
  for (let s = 0; s < states; s++) {
    start[s + 1] = (start[s] as number) + (out[s] as number[]).length;
    for (const id of out[s] as number[]) tagsAt[s] = (tagsAt[s] as number) | (phraseTags[id] as number);
  }
  // The start state's only phrase is the empty one, marked once per search.
  for (let s = 1; s < states; s++) if ((out[s] as number[]).length > 0) marked[s] = 1;
  const ends = new Int32Array(start[states] as number);
  for (let s = 0; s < states; s++) ends.set(out[s] as number[], start[s] as number);
  automaton.ends = ends;
  return automaton;
}

/** Where state `s` moves on `symbol`: its row's move, else its trie edge, else where its fall-back moves. */
function step(a: Automaton, s: number, symbol: number): number {
  let state = s;
  for (;;) {
    const at = a.row[state] as number;
    if (at >= 0) return a.rows[at + symbol] as number;
    if (a.edge[state] === symbol) return a.child[state] as number;
    state = a.fallBack[state] as number;
  }
}

// Answers of pure functions of a string, kept for the last strings asked: a run of evaluations meets the same hosts and
// addresses again and again, and each answer cost normalised copies and patterns at every evaluation.

/** How many answers each function keeps: emptied when full (a case has a few hosts and addresses; a batch, a few kinds). */
const LIMIT = 256;

/** `answer`, with the answers for the last strings asked kept. `answer` must be pure: the same string, the same value. */
export function remembered<V>(answer: (key: string) => V): (key: string) => V {
  const memo = new Map<string, V>();
  return (key) => {
    const known = memo.get(key);
    if (known !== undefined || memo.has(key)) return known as V;
    if (memo.size >= LIMIT) memo.clear();
    const value = answer(key);
    memo.set(key, value);
    return value;
  };
}

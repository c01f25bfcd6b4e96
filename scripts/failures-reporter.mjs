// A second reporter for `npm test`: the TAP stream goes to stdout as before; this one prints,
// after every test has run, the name, file and first lines of the error of each failing test,
// so the tail of a long CI log says what failed without scrolling back through 1,300 results.
export default async function* failures(source) {
  const failed = [];
  for await (const event of source) {
    if (event.type !== "test:fail") continue;
    const { name, file, line, details } = event.data;
    // A suite fails when a test inside it fails: name only the leaves (and suites failing alone).
    if (details?.error?.failureType === "subtestsFailed") continue;
    const err = details?.error;
    const cause = err?.cause ?? err;
    const message = String(cause?.message ?? cause ?? "").split("\n").slice(0, 12).join("\n    ");
    failed.push(`✖ ${name}\n    ${file ?? "?"}${line ? `:${line}` : ""}\n    ${message}`);
  }
  if (failed.length === 0) return;
  yield `\n== failing tests (${failed.length})\n${failed.join("\n\n")}\n`;
}

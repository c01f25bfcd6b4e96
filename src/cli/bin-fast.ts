// The fast part's entry (dist/fast.cjs, CommonJS, run by start.ts): the same as bin.ts without a
// top-level await, which CommonJS cannot hold.
import { processIo } from "./context.js";
import { installCrashGuard } from "./crash.js";
import { isDirectOutput } from "./direct-output.js";
import { main, reportFatal } from "./main.js";

const argv = process.argv.slice(2);
const io = processIo({ direct: true });
installCrashGuard(io, (e) => reportFatal(argv, io, e));
void main(argv, io).then((code) => {
  process.exitCode = code;
  // Both outputs written straight to their descriptors (a file, a pipe, /dev/null: ./direct-output.ts): every write has
  // gone out or failed as it was made, so there is nothing to wait for. End now, without the turn of the event loop
  // below, in which V8 tidied a heap about to be dropped (a scavenge: ~4 M instructions and ~120 page faults, issue 15).
  if (isDirectOutput(io.stdout) && isDirectOutput(io.stderr)) process.exit(code);
  // Everything written (a terminal, a file or a pipe on Linux and macOS takes a write at once): end here rather than
  // let Node take its heap apart on the way out, about 5 ms of every fast command (issue 15). Exit handlers still run
  // (the code cache is written on "exit"). Output still queued (a pipe on Windows, a full pipe) leaves the process to
  // end by itself once it is written, as before. Not before the ticks already queued: a stream reports a failed write
  // (a full disk: exit 4, crash.ts) on the next tick, after this promise's callback.
  setImmediate(() => {
    if (queued(io.stdout) === 0 && queued(io.stderr) === 0) process.exit(code);
  });
});

/** Bytes a stream holds that are not written yet (undefined: it does not say). */
function queued(stream: object): number | undefined {
  return (stream as { writableLength?: number }).writableLength;
}

#!/usr/bin/env node
// The `mailverdict` bin. Sets the exit code and lets Node exit once output is flushed (calling
// process.exit() could cut off output still queued for a pipe).
import { main } from './program';

main(process.argv).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(
      `mailverdict: unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exitCode = 70; // EX_SOFTWARE (sysexits.h): a bug in mailverdict, not in the input
  },
);

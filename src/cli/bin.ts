#!/usr/bin/env node
import { run } from './program.js';

// A reader that stops early (`briefpress --help | head`) closes the pipe: stop quietly, as Unix tools do.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    process.exit(process.exitCode ?? 0);
  });
}

process.exitCode = await run(process.argv);

// The summary line is printed: a handle still open (a read of a device or FIFO that never returns, in a
// worker's thread) must not keep the process from exiting, as CI would wait for it until its own timeout.
setTimeout(() => process.exit(), 2000).unref();

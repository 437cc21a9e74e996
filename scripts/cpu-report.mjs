// Preloaded by the bench (`node --import scripts/cpu-report.mjs …`): as the process exits, it appends one line
// to $BENCH_CPU_FILE: its own CPU time in ms (every thread, the parsing workers included) and that of the
// children it waited for (the browser: briefpress and the floor both wait for theirs to end), from /proc.
// Nothing of briefpress itself changes: the same CLI, with this file loaded first.
import { appendFileSync, readFileSync } from 'node:fs';

const file = process.env.BENCH_CPU_FILE;
if (file)
  process.on('exit', () => {
    const used = process.cpuUsage();
    let children = 0;
    try {
      // Fields after the command's `)`: utime is the 14th of the whole line, so cutime and cstime the 16th and 17th.
      const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1].split(' ');
      children = ((Number(fields[13]) + Number(fields[14])) * 1000) / 100; // clock ticks, 100 a second on Linux
    } catch {
      // not Linux: the browser's share is not known
    }
    appendFileSync(file, `${Math.round((used.user + used.system) / 1000)} ${Math.round(children)}\n`);
  });

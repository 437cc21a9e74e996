import { existsSync } from 'node:fs';
import path from 'node:path';
import { startRenderer } from '../browser/renderer.js';
import { resetCaches } from '../caches.js';
import { loadConfig } from '../config/load.js';
import { resolveRun } from '../config/resolve.js';
import { errorMessage } from '../errors.js';
import { isInside, markdownFile } from '../source/paths.js';
import { type BuildFlags, runOptions } from './build-flags.js';
import { buildFiles } from './build-run.js';
import { expandInputs } from './inputs.js';
import { escapeControls } from './one-line.js';
import { createReporter } from './reporter.js';

/**
 * Build everything once, then keep the browser warm and rebuild what changes, one line per
 * document rebuilt, until SIGINT or SIGTERM (or `stop` aborts). Returns the exit code.
 */
export async function runWatch(inputs: string[], flags: BuildFlags, stop?: AbortSignal): Promise<number> {
  const { watch } = await import('chokidar');
  // The settings are resolved once per config read: at the start, and when the config file changes.
  const resolve = async () => resolveRun(await loadConfig({ file: flags.config }), runOptions(flags));
  let run = await resolve();
  // Watch mode is for people: one line per document and no batch totals, even with --json.
  const reporter = createReporter({ quiet: flags.quiet });
  const expand = () => expandInputs(inputs, { followSymlinks: run.settings.followSymlinks, onSkip: reporter.skipped });
  await expand(); // fails now, not at the first rebuild, when there is nothing to watch
  const renderer = await startRenderer({ browser: run.settings.browser, jobs: run.jobs });
  const templatesOf = () => path.resolve(run.settings.templates);
  let templates = templatesOf();
  const configPath = run.configPath;
  const watcher = watch([...inputs, templates, ...(configPath ? [configPath] : [])], {
    ignoreInitial: true,
    ignored: (file) => file.includes('node_modules'),
  });
  const ready = new Promise((resolve) => watcher.once('ready', () => resolve(undefined)));
  const changed = new Set<string>();
  let everything = true;
  let running: Promise<void> | undefined;

  const rebuild = async () => {
    // Let a burst of events (an editor's save is often several) arrive before building.
    await new Promise((resolve) => setTimeout(resolve, 15));
    const all = everything;
    // A changed file stays held to the folder it was found in (its source's `root`).
    const rootOf = (file: string) =>
      inputs.find((input) => isInside(path.resolve(input), path.resolve(file))) ?? path.dirname(file);
    const files = all
      ? await expand()
      : [...changed].filter((file) => existsSync(file)).map((file) => ({ path: file, root: rootOf(file) }));
    everything = false;
    changed.clear();
    if (all) {
      run = await resolve();
      resetCaches();
      if (templatesOf() !== templates) {
        watcher.unwatch(templates);
        templates = templatesOf();
        watcher.add(templates);
      }
    }
    await buildFiles(files, flags, run, reporter, renderer);
  };
  const schedule = () => {
    running ??= rebuild()
      .catch((error: unknown) => void process.stderr.write(`briefpress: ${escapeControls(errorMessage(error))}\n`))
      .finally(() => {
        running = undefined;
        if (everything || changed.size > 0) schedule();
      });
  };

  watcher.on('all', (event, file) => {
    if (event !== 'add' && event !== 'change') return;
    const absolute = path.resolve(file);
    if (isInside(templates, absolute) || (configPath && absolute === path.resolve(configPath))) everything = true;
    else if (markdownFile.test(file)) changed.add(file);
    else return;
    schedule();
  });

  const stopped = new Promise<void>((resolve) => {
    for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => resolve());
    stop?.addEventListener('abort', () => resolve());
  });
  try {
    schedule();
    await Promise.all([ready, running]);
    if (!flags.quiet) process.stderr.write(`watching ${inputs.join(', ')} for changes (Ctrl-C to stop)\n`);
    await stopped;
    return 0;
  } finally {
    await watcher.close();
    await running;
    await renderer.close();
  }
}

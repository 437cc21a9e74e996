import { readFileSync } from 'node:fs';

/**
 * Font files by URL, some read only when a page first asks for one: a CJK family ships a hundred-odd
 * slices per weight (45 MB for the eight shipped faces), of which a document uses a few, and reading them
 * all would add a second to every build. Read synchronously, in the request handler: a slice is ~50 KB.
 */
export class LazyFiles extends Map<string, Uint8Array> {
  readonly #paths = new Map<string, string>();

  /** Serve `file` at `url`, read at the first request. */
  register(url: string, file: string): void {
    this.#paths.set(url, file);
  }

  override has(url: string): boolean {
    return super.has(url) || this.#paths.has(url);
  }

  override get(url: string): Uint8Array | undefined {
    const read = super.get(url);
    if (read) return read;
    const file = this.#paths.get(url);
    if (!file) return undefined;
    const data = new Uint8Array(readFileSync(file));
    this.set(url, data);
    return data;
  }
}

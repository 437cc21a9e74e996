import { readFile } from 'node:fs/promises';
import { BriefpressError, errorMessage } from './errors.js';

const types: Record<string, string> = { svg: 'image/svg+xml', png: 'image/png' };
const cache = new Map<string, Promise<string>>();

/**
 * A logo file as a `data:` URL, read once per process: the page is printed from `about:blank`,
 * which cannot load `file://` images. The masthead shows it in an `<img>`, where an SVG's
 * scripts never run.
 */
export function logoDataUrl(file: string): Promise<string> {
  let url = cache.get(file);
  if (!url) {
    const type = types[file.split('.').pop()?.toLowerCase() ?? ''];
    url = type
      ? readFile(file).then((bytes) => `data:${type};base64,${bytes.toString('base64')}`)
      : Promise.reject(new BriefpressError(`logo ${file}: expected an .svg or .png file`));
    url = url.catch((error: unknown) => {
      throw error instanceof BriefpressError ? error : new BriefpressError(`logo ${file}: ${errorMessage(error)}`);
    });
    cache.set(file, url);
  }
  return url;
}

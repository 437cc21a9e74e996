import { readFile } from 'node:fs/promises';
import { cache } from '../caches.js';
import { BriefpressError, errorMessage } from '../errors.js';

const types: Record<string, string> = { svg: 'image/svg+xml', png: 'image/png' };
const logos = cache<string, Promise<string>>();

/**
 * A logo file as a `data:` URL, read once per process: the page is printed from `about:blank`,
 * which cannot load `file://` images. The masthead shows it in an `<img>`, where an SVG's
 * scripts never run.
 */
export function logoDataUrl(file: string): Promise<string> {
  let url = logos.get(file);
  if (!url) {
    const type = types[file.split('.').pop()?.toLowerCase() ?? ''];
    url = type
      ? readFile(file).then((bytes) => `data:${type};base64,${bytes.toString('base64')}`)
      : Promise.reject(new BriefpressError(`logo ${file}: expected an .svg or .png file`));
    url = url.catch((error: unknown) => {
      throw error instanceof BriefpressError ? error : new BriefpressError(`logo ${file}: ${errorMessage(error)}`);
    });
    logos.set(file, url);
  }
  return url;
}

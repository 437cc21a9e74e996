import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import mime from 'mime';
import type { ConsoleMessage, HTTPRequest, Page } from 'puppeteer-core';
import { isInside } from '../source/paths.js';

/** What the page printing one document may load. Everything else is refused. */
export interface RequestPolicy {
  /** Folders whose files may load (the document's own); symlinks are resolved before the check. */
  folders: string[];
  /** Let `http(s)` requests through. */
  allowNet: boolean;
  /** Files served from memory, by URL (the fonts, at `fontOrigin`). */
  files?: ReadonlyMap<string, Uint8Array>;
}

/** Called for each refused request, with the URL and why. */
export type OnRefused = (url: string, reason: string) => void;

/**
 * Why the page may not load `url`, or `undefined` when it may: `data:` URLs and the files served
 * from memory always; `file:` URLs whose real path (after `..` and symlinks) lies inside an allowed
 * folder; `http(s)` only when the network is allowed; nothing else.
 */
export function refusal(url: string, policy: RequestPolicy): string | undefined {
  const scheme = /^([a-z][a-z\d+.-]*):/i.exec(url)?.[1]?.toLowerCase();
  if (scheme === 'data' || url === 'about:blank' || policy.files?.has(url)) return undefined;
  if (scheme === 'http' || scheme === 'https')
    return policy.allowNet ? undefined : 'network access is off (allow it with --allow-net)';
  if (scheme !== 'file') return `${scheme ?? 'relative'} URLs are not allowed`;
  const real = realPath(fileURLToPath(url));
  if (!real) return 'no such file';
  const inside = policy.folders.some((folder) => {
    const root = realPath(folder);
    return root !== undefined && isInside(root, real);
  });
  return inside ? undefined : "outside the document's folder";
}

/**
 * Decide every request `page` makes by `policy` (the page must have request interception on).
 * Returns the function that stops it: a pooled page serves one document, then the next.
 */
export function guardRequests(page: Page, policy: RequestPolicy, onRefused: OnRefused): () => void {
  const decide = (request: HTTPRequest) => {
    if (request.isInterceptResolutionHandled()) return;
    const url = request.url();
    const served = policy.files?.get(url);
    if (served) {
      // The page's `about:blank` origin is another: fonts load across origins only with CORS.
      const headers = { 'Access-Control-Allow-Origin': '*', 'Cache-Control': 'max-age=31536000, immutable' };
      request
        .respond({ status: 200, contentType: mime.getType(url) ?? 'application/octet-stream', headers, body: served })
        .catch(() => undefined);
      return;
    }
    const reason = refusal(url, policy);
    if (reason) onRefused(url, reason);
    // Both settle asynchronously; a page closed meanwhile makes them reject, which is harmless.
    (reason ? request.abort('accessdenied') : request.continue()).catch(() => undefined);
  };
  // Loads the browser itself stops never reach `decide`: `file:` URLs from the page's `about:blank`
  // origin, and what the template's CSP forbids. Chromium says so on the console; report those too.
  const listen = (message: ConsoleMessage) => {
    const url = browserRefused.exec(message.text())?.slice(1).find(Boolean);
    if (url) onRefused(url, refusal(url, policy) ?? "blocked by the page's Content Security Policy");
  };
  page.on('request', decide);
  page.on('console', listen);
  return () => {
    page.off('request', decide);
    page.off('console', listen);
  };
}

const browserRefused =
  /^(?:Not allowed to load local resource: (\S+)|Loading the \w+ '([^']+)' violates the following Content Security Policy)/;

function realPath(file: string): string | undefined {
  try {
    return realpathSync(file);
  } catch {
    return undefined;
  }
}

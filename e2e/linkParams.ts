import { inflateRawSync } from 'node:zlib';

/**
 * A long parameter (scn, app, et, q) of a link: packed (raw DEFLATE, base64url) after the page in its
 * hash (`…#/lessons/x/2?scn=…&app=…`), unpacked here; null when the link has none.
 */
export function longParam(url: string, name: string): string | null {
  const hash = new URL(url).hash;
  const at = hash.indexOf('?');
  const data = at < 0 ? null : new URLSearchParams(hash.slice(at + 1)).get(name);
  return data === null ? null : inflateRawSync(Buffer.from(data, 'base64url')).toString('utf8');
}

/**
 * The long parts of a link (a custom scenario, edited programs) travel compressed: UTF-8, raw DEFLATE
 * (RFC 1951, the browser's `CompressionStream('deflate-raw')`), then base64url without padding
 * (RFC 4648 §5), so they need no escaping in the address bar. JSON shrinks to a fifth or less, and an
 * address stays far below the 8 KB request lines that servers and static hosts accept.
 *
 * Both directions are asynchronous (the streams are). Packing is cached, so a link whose long parts
 * have not changed is written again at once, without waiting.
 */

/** Why packed text could not be read back; `message` is the end of a sentence for the learner. */
export class UnpackError extends Error {
  constructor(
    message: string,
    /** The text would unpack to more than it may. */
    readonly tooLong = false,
  ) {
    super(message);
    this.name = 'UnpackError';
  }
}

const BASE64URL = /^[A-Za-z0-9_-]*$/;
/** How many packed texts are remembered (a scenario, its edits, and a few earlier versions). */
const CACHE_SIZE = 12;
const packed = new Map<string, string>();
const packing = new Map<string, Promise<string>>();

/** The packed form of `text` if it is known already (packed or unpacked before), else undefined. */
export function packedNow(text: string): string | undefined {
  return packed.get(text);
}

/** `text` compressed and base64url-encoded. Never rejects for text a link can hold. */
export function packText(text: string): Promise<string> {
  const known = packed.get(text);
  if (known !== undefined) return Promise.resolve(known);
  let pending = packing.get(text);
  if (pending === undefined) {
    pending = deflate(new TextEncoder().encode(text)).then((bytes) => {
      packing.delete(text);
      const data = toBase64Url(bytes);
      remember(text, data);
      return data;
    });
    packing.set(text, pending);
  }
  return pending;
}

/**
 * The text `data` was packed from. Rejects with an `UnpackError` when it is not base64url, not raw
 * DEFLATE, not UTF-8, or would be longer than `maxChars` (checked while inflating, so a small link
 * cannot make the page inflate megabytes).
 */
export async function unpackText(data: string, maxChars: number): Promise<string> {
  if (!BASE64URL.test(data) || data.length % 4 === 1)
    throw new UnpackError('is not base64url text (letters, digits, - and _)');
  if (data.length === 0) throw new UnpackError('is empty');
  // A UTF-16 code unit takes at most 3 bytes of UTF-8.
  const bytes = await inflate(fromBase64Url(data), maxChars * 3);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new UnpackError('is not compressed UTF-8 text');
  }
  if (text.length > maxChars) throw new UnpackError(`unpacks to more than ${maxChars} characters`, true);
  remember(text, data);
  return text;
}

function remember(text: string, data: string): void {
  packed.delete(text);
  packed.set(text, data);
  if (packed.size > CACHE_SIZE) {
    const oldest = packed.keys().next().value;
    if (oldest !== undefined) packed.delete(oldest);
  }
}

async function deflate(bytes: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([bytes as Uint8Array<ArrayBuffer>])
    .stream()
    .pipeThrough(new CompressionStream('deflate-raw'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

async function inflate(bytes: Uint8Array, maxBytes: number): Promise<Uint8Array> {
  const reader = new Blob([bytes as Uint8Array<ArrayBuffer>])
    .stream()
    .pipeThrough(new DecompressionStream('deflate-raw'))
    .getReader();
  const chunks: Uint8Array[] = [];
  let length = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      length += value.length;
      if (length > maxBytes) {
        void reader.cancel().catch(() => {});
        throw new UnpackError(`unpacks to more than ${Math.floor(maxBytes / 3)} characters`, true);
      }
      chunks.push(value);
    }
  } catch (error) {
    if (error instanceof UnpackError) throw error;
    // The stream's own error (bad block type, junk after the end, cut short) means the same to a reader.
    throw new UnpackError('is not valid compressed data');
  }
  const out = new Uint8Array(length);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  // In slices: String.fromCharCode takes its bytes as arguments, and arguments are limited.
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
}

function fromBase64Url(data: string): Uint8Array {
  const binary = atob(data.replaceAll('-', '+').replaceAll('_', '/'));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

import { createHash, timingSafeEqual } from 'node:crypto';
import { MailverdictError } from '@mailverdict/core';

// Postmark does not sign webhooks (packages/postmark/PROVIDER.md §6): the documented protection is HTTP Basic
// auth, credentials in the webhook URL (`https://user:pass@host/path`) or its `HttpAuth` setting,
// arriving as `Authorization: Basic base64(user:pass)` (RFC 7617).

export interface BasicCredentials {
  readonly username: string;
  readonly password: string;
}

export type GuardResult = { readonly ok: true } | { readonly ok: false; readonly reason: string };

/** A Fetch `Headers`, a Node `IncomingHttpHeaders`, or a plain header record. */
export type HeadersLike =
  | { get(name: string): string | null }
  | Readonly<Record<string, string | readonly string[] | undefined>>;

/** A Fetch `Request`, a Node `IncomingMessage`, or anything with `headers`. */
export interface RequestLike {
  readonly headers: HeadersLike;
}

// An Authorization header longer than this is not a Basic credential we issued (Node's default
// total header limit is 16 KB); rejecting early keeps hashing bounded.
const maxHeaderLength = 4096;

/**
 * Checks an `Authorization` header against the expected credentials, in constant time: both sides
 * are hashed with SHA-256 and the equal-length digests compared with `timingSafeEqual`, so neither
 * the content nor the length of the secret leaks through timing. Never throws on the header
 * (anything, including garbage, gives `{ ok: false, reason }`); throws `MailverdictError`
 * (`invalid-credentials`) when the expected credentials themselves are unusable.
 */
export function checkBasicAuth(header: unknown, credentials: BasicCredentials): GuardResult {
  const expected = expectedDigest(credentials, 'checkBasicAuth');
  return check(header, expected);
}

/**
 * A guard for a Postmark webhook endpoint: call it with the request (or its headers, or the
 * Authorization header value) before reading the body. Answer 401 when it says `ok: false`:
 * Postmark drops the event on a 401 without retrying (packages/postmark/PROVIDER.md §6), so the credentials
 * configured on the webhook and here must match.
 */
export function createWebhookGuard(
  credentials: BasicCredentials,
): (input: RequestLike | HeadersLike | string | undefined | null) => GuardResult {
  const expected = expectedDigest(credentials, 'createWebhookGuard');
  return (input) => {
    let header: unknown;
    try {
      header = authorizationOf(input);
    } catch {
      // A request object whose properties throw (a hostile Proxy, a getter) is not a usable request.
      return fail('the request headers could not be read');
    }
    return check(header, expected);
  };
}

function expectedDigest(credentials: BasicCredentials, caller: string): Buffer {
  if (typeof credentials !== 'object' || credentials === null) {
    throw new TypeError(`${caller}: \`credentials\` must be an object { username, password }`);
  }
  const { username, password } = credentials;
  if (typeof username !== 'string' || username === '' || username.includes(':')) {
    throw new MailverdictError(
      'invalid-credentials',
      `${caller}: \`credentials.username\` must be a non-empty string without ":" (RFC 7617 §2)`,
    );
  }
  if (typeof password !== 'string' || password === '') {
    throw new MailverdictError(
      'invalid-credentials',
      `${caller}: \`credentials.password\` must be a non-empty string`,
    );
  }
  return digest(Buffer.from(`${username}:${password}`, 'utf8'));
}

function digest(bytes: Buffer): Buffer {
  return createHash('sha256').update(bytes).digest();
}

function check(header: unknown, expected: Buffer): GuardResult {
  if (Array.isArray(header)) {
    return header.length === 1
      ? check(header[0], expected)
      : fail(header.length === 0 ? 'no Authorization header' : 'more than one Authorization header');
  }
  if (header === undefined || header === null || header === '') return fail('no Authorization header');
  if (typeof header !== 'string') return fail('the Authorization header is not a string');
  if (header.length > maxHeaderLength) return fail('the Authorization header is too long');
  const value = header.trim();
  const space = value.indexOf(' ');
  const scheme = space === -1 ? value : value.slice(0, space);
  if (scheme.toLowerCase() !== 'basic') return fail('the Authorization header does not use the Basic scheme');
  const token = value.slice(space + 1).trim();
  if (space === -1 || token === '') return fail('the Basic credentials are empty');
  if (!isBase64(token)) return fail('the Basic credentials are not valid base64');
  const decoded = Buffer.from(token, 'base64');
  if (!decoded.includes(0x3a)) return fail('the Basic credentials have no ":" between user and password');
  return timingSafeEqual(digest(decoded), expected) ? { ok: true } : fail('the credentials do not match');
}

/** RFC 4648 §4 alphabet, padding optional, checked in one pass (Buffer.from silently skips junk). */
function isBase64(token: string): boolean {
  let padding = 0;
  for (let index = 0; index < token.length; index++) {
    const code = token.charCodeAt(index);
    if (code === 61) {
      padding++;
      continue;
    }
    if (padding > 0) return false;
    const valid =
      (code >= 65 && code <= 90) ||
      (code >= 97 && code <= 122) ||
      (code >= 48 && code <= 57) ||
      code === 43 ||
      code === 47;
    if (!valid) return false;
  }
  if (padding > 2) return false;
  return padding === 0 ? token.length % 4 !== 1 : token.length % 4 === 0;
}

/** The Authorization value from a request, a headers object, or the value itself. */
function authorizationOf(input: unknown): unknown {
  if (input === undefined || input === null || typeof input === 'string' || Array.isArray(input))
    return input;
  if (typeof input !== 'object') return input;
  const headers = 'headers' in input ? (input as { headers: unknown }).headers : input;
  if (typeof headers !== 'object' || headers === null) return undefined;
  const get = (headers as { get?: unknown }).get;
  if (typeof get === 'function') return (get as (name: string) => unknown).call(headers, 'authorization');
  // Node lowercases header names; a plain record may not.
  for (const [name, value] of Object.entries(headers)) {
    if (name.toLowerCase() === 'authorization') return value;
  }
  return undefined;
}

function fail(reason: string): GuardResult {
  return { ok: false, reason };
}

// SNS hosts: `sns.<region>.amazonaws.com`, and `.amazonaws.com.cn` in the China regions. The same host
// pattern as AWS's own validator (aws/aws-js-sns-message-validator, `hostPattern`); the character class
// excludes `.`, so the pattern cannot backtrack. SNS serves its signing certificates as
// `/SimpleNotificationService-<hex>.pem` (PROVIDER.md, "SNS signing certificate"); any other path on the host
// is not a certificate SNS signs with.
const snsHost = /^sns\.([a-z0-9-]{3,})\.amazonaws\.com(\.cn)?$/;
const certificatePath = /^\/SimpleNotificationService-[0-9a-f]{1,64}\.pem$/i;

export type SnsUrl =
  | { readonly ok: true; readonly url: URL }
  | { readonly ok: false; readonly problem: string };

/**
 * Reads an SNS URL: https on an SNS host, no credentials or port; for a certificate (`pem`) the
 * `/SimpleNotificationService-<hex>.pem` path with no query; with `region`, the host must be in that region.
 * Returns the parsed URL (fetch `url.href`, never the raw string) or why it was refused.
 */
export function readSnsUrl(value: unknown, options: { pem: boolean; region?: string }): SnsUrl {
  if (typeof value !== 'string' || value === '') return { ok: false, problem: 'is missing' };
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return { ok: false, problem: 'is not a URL' };
  }
  if (url.protocol !== 'https:') return { ok: false, problem: 'is not https' };
  if (url.username !== '' || url.password !== '') return { ok: false, problem: 'carries credentials' };
  if (url.port !== '') return { ok: false, problem: 'names a port' };
  const host = snsHost.exec(url.hostname);
  if (host === null) return { ok: false, problem: `host ${url.hostname} is not sns.<region>.amazonaws.com` };
  if (options.region !== undefined && host[1] !== options.region) {
    return { ok: false, problem: `host ${url.hostname} is not in the topic's region ${options.region}` };
  }
  if (options.pem && (!certificatePath.test(url.pathname) || url.search !== '' || url.hash !== '')) {
    return { ok: false, problem: 'is not /SimpleNotificationService-<hex>.pem' };
  }
  return { ok: true, url };
}

/** Why an SNS URL was refused, or `undefined` when it is acceptable. */
export function snsUrlProblem(
  value: unknown,
  options: { pem: boolean; region?: string },
): string | undefined {
  const read = readSnsUrl(value, options);
  return read.ok ? undefined : read.problem;
}

/** The region of a topic ARN (`arn:aws:sns:eu-west-1:111122223333:name` → `eu-west-1`); `undefined` otherwise. */
export function topicRegion(topicArn: string): string | undefined {
  const parts = topicArn.split(':');
  return parts.length === 6 && parts[0] === 'arn' && parts[2] === 'sns' && parts[3] !== ''
    ? parts[3]
    : undefined;
}

/**
 * True when `value` is an https URL on an SNS host (`sns.<region>.amazonaws.com[.cn]`), the only place a
 * `SigningCertURL`, `SubscribeURL` or `UnsubscribeURL` may point to.
 */
export function isSnsUrl(value: unknown): boolean {
  return readSnsUrl(value, { pem: false }).ok;
}

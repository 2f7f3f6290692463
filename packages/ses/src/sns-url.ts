// SNS hosts: `sns.<region>.amazonaws.com`, and `.amazonaws.com.cn` in the China regions. The same host
// pattern as AWS's own validator (aws/aws-js-sns-message-validator, `hostPattern`); the character class
// excludes `.`, so the pattern cannot backtrack.
const snsHost = /^sns\.[a-z0-9-]{3,}\.amazonaws\.com(\.cn)?$/;

/** Why an SNS URL was refused, or `undefined` when it is acceptable. */
export function snsUrlProblem(value: unknown, options: { pem: boolean }): string | undefined {
  if (typeof value !== 'string' || value === '') return 'is missing';
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return 'is not a URL';
  }
  if (url.protocol !== 'https:') return 'is not https';
  if (url.username !== '' || url.password !== '') return 'carries credentials';
  if (url.port !== '') return 'names a port';
  if (!snsHost.test(url.hostname)) return `host ${url.hostname} is not sns.<region>.amazonaws.com`;
  if (options.pem && !url.pathname.endsWith('.pem')) return 'does not end in .pem';
  return undefined;
}

/**
 * True when `value` is an https URL on an SNS host (`sns.<region>.amazonaws.com[.cn]`), the only place a
 * `SigningCertURL`, `SubscribeURL` or `UnsubscribeURL` may point to.
 */
export function isSnsUrl(value: unknown): boolean {
  return snsUrlProblem(value, { pem: false }) === undefined;
}

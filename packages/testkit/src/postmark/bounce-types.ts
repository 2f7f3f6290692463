/**
 * Postmark bounce types: `Type`, `TypeCode` and `Name` from the `BounceType`/`BounceTypeCode` enums of
 * postmark@5.1.0 (`models/bounces/Bounce.d.ts`), as tabled in packages/postmark/PROVIDER.md §4. `Description` is the generic text
 * for the type (paraphrased from Postmark's bounce docs); `Details` is an example diagnostic (invented values,
 * documented shape `smtp;<reply>` with no space after `smtp;`). `Inactive` says whether Postmark deactivates the
 * address (it then answers 406 to later sends).
 */
export interface PostmarkBounceType {
  readonly Type: string;
  readonly TypeCode: number;
  readonly Name: string;
  readonly Description: string;
  /** `{email}` is replaced by the recipient. */
  readonly Details: string;
  readonly Inactive: boolean;
  readonly CanActivate: boolean;
}

export const postmarkBounceTypes = {
  HardBounce: {
    Type: 'HardBounce',
    TypeCode: 1,
    Name: 'Hard bounce',
    Description: 'The server was unable to deliver your message (ex: unknown user, mailbox not found).',
    // packages/postmark/PROVIDER.md §4 Bounce example.
    Details: 'smtp;550 5.1.1 <{email}>: Recipient address rejected: User unknown in virtual mailbox table',
    Inactive: true,
    CanActivate: true,
  },
  Transient: {
    Type: 'Transient',
    TypeCode: 2,
    Name: 'Message delayed',
    Description:
      'The server could not temporarily deliver your message (ex: Message is delayed due to network troubles).',
    Details: 'smtp;421 4.4.2 Connection timed out while talking to the receiving server',
    Inactive: false,
    CanActivate: true,
  },
  Unsubscribe: {
    Type: 'Unsubscribe',
    TypeCode: 16,
    Name: 'Unsubscribe request',
    Description: 'Unsubscribe or Remove request.',
    Details: 'Unsubscribe request received from the recipient',
    Inactive: false,
    CanActivate: true,
  },
  Subscribe: {
    Type: 'Subscribe',
    TypeCode: 32,
    Name: 'Subscribe request',
    Description: 'Subscribe request from someone wanting to get added to the mailing list.',
    Details: 'Subscribe request received from the recipient',
    Inactive: false,
    CanActivate: true,
  },
  AutoResponder: {
    Type: 'AutoResponder',
    TypeCode: 64,
    Name: 'Auto responder',
    Description: 'Automatic email responder (ex: "Out of Office" or "On Vacation").',
    Details: 'Out of office: I am away until Monday',
    Inactive: false,
    CanActivate: true,
  },
  AddressChange: {
    Type: 'AddressChange',
    TypeCode: 128,
    Name: 'Address change',
    Description: 'The recipient has requested an address change.',
    Details: 'smtp;551 5.1.6 User has moved; please try <new-{email}>',
    Inactive: false,
    CanActivate: true,
  },
  DnsError: {
    Type: 'DnsError',
    TypeCode: 256,
    Name: 'DNS error',
    Description: 'A temporary DNS error.',
    Details: 'smtp;451 4.4.3 Temporary DNS failure looking up the MX of the recipient domain',
    Inactive: false,
    CanActivate: true,
  },
  SpamNotification: {
    Type: 'SpamNotification',
    TypeCode: 512,
    Name: 'Spam notification',
    Description:
      'The message was delivered, but was either blocked by the user, or classified as spam, bulk mail, or had rejected content.',
    Details: 'smtp;550 5.7.1 Message rejected as spam by Content Filtering',
    Inactive: false,
    CanActivate: true,
  },
  OpenRelayTest: {
    Type: 'OpenRelayTest',
    TypeCode: 1024,
    Name: 'Open relay test',
    Description: 'The NDR is actually a test email message to see if the mail server is an open relay.',
    Details: 'Open relay test message',
    Inactive: false,
    CanActivate: true,
  },
  Unknown: {
    Type: 'Unknown',
    TypeCode: 2048,
    Name: 'Unknown',
    Description: 'Unable to classify the NDR.',
    Details: 'The receiving server returned a notice Postmark could not classify',
    Inactive: false,
    CanActivate: true,
  },
  SoftBounce: {
    Type: 'SoftBounce',
    TypeCode: 4096,
    Name: 'Soft bounce',
    Description: 'Unable to temporarily deliver this email.',
    // packages/postmark/PROVIDER.md §4 SoftBounce example.
    Details: 'smtp;452 4.2.2 The email account that you tried to reach is over quota.',
    Inactive: false,
    CanActivate: true,
  },
  VirusNotification: {
    Type: 'VirusNotification',
    TypeCode: 8192,
    Name: 'Virus notification',
    Description: 'The NDR is actually a warning that the message contained a virus.',
    Details: 'smtp;554 5.7.1 The message was rejected because it contains a virus',
    Inactive: false,
    CanActivate: true,
  },
  ChallengeVerification: {
    Type: 'ChallengeVerification',
    TypeCode: 16384,
    Name: 'Spam challenge verification',
    Description: 'The NDR is a challenge-response request (ex: Spam Arrest).',
    Details: 'Please verify that you are a person by visiting the link in this message',
    Inactive: false,
    CanActivate: true,
  },
  BadEmailAddress: {
    Type: 'BadEmailAddress',
    TypeCode: 100000,
    Name: 'Invalid email address',
    Description: 'The address is not a valid email address.',
    Details: 'smtp;553 5.1.3 The recipient address <{email}> is not a valid RFC 5321 address',
    Inactive: true,
    CanActivate: true,
  },
  SpamComplaint: {
    Type: 'SpamComplaint',
    TypeCode: 100001,
    Name: 'Spam complaint',
    Description: 'The subscriber explicitly marked this message as spam.',
    Details: 'Test spam complaint details',
    Inactive: true,
    CanActivate: false,
  },
  ManuallyDeactivated: {
    Type: 'ManuallyDeactivated',
    TypeCode: 100002,
    Name: 'Manually deactivated',
    Description: 'The email was manually deactivated.',
    Details: 'Manually deactivated by the account owner',
    Inactive: true,
    CanActivate: true,
  },
  Unconfirmed: {
    Type: 'Unconfirmed',
    TypeCode: 100003,
    Name: 'Registration not confirmed',
    Description: 'The subscriber has not clicked on the confirmation link upon registration or import.',
    Details: 'Registration not confirmed',
    Inactive: false,
    CanActivate: true,
  },
  Blocked: {
    Type: 'Blocked',
    TypeCode: 100006,
    Name: 'ISP block',
    Description: 'Blocked from this ISP due to content or blacklisting.',
    Details: 'smtp;554 5.7.1 Service unavailable; Client host [192.0.2.25] blocked using zen.spamhaus.org',
    Inactive: false,
    CanActivate: true,
  },
  SMTPApiError: {
    Type: 'SMTPApiError',
    TypeCode: 100007,
    Name: 'SMTP API error',
    Description: 'An error occurred while accepting an email through the SMTP API.',
    Details: 'Recipient is on the suppression list (SMTP API)',
    Inactive: false,
    CanActivate: true,
  },
  InboundError: {
    Type: 'InboundError',
    TypeCode: 100008,
    Name: 'Inbound error',
    Description: 'Unable to deliver inbound message to destination inbound hook.',
    Details: 'Inbound hook returned HTTP 500',
    Inactive: false,
    CanActivate: true,
  },
  DMARCPolicy: {
    Type: 'DMARCPolicy',
    TypeCode: 100009,
    Name: 'DMARC policy',
    Description: 'Email rejected due to DMARC policy.',
    Details:
      "smtp;550 5.7.26 Unauthenticated email from example.org is not accepted due to domain's DMARC policy",
    Inactive: false,
    CanActivate: true,
  },
  TemplateRenderingFailed: {
    Type: 'TemplateRenderingFailed',
    TypeCode: 100010,
    Name: 'Template rendering failed',
    Description: 'An error occurred while attempting to render your template.',
    Details: 'Template rendering failed: unknown variable',
    Inactive: false,
    CanActivate: true,
  },
} as const satisfies Record<string, PostmarkBounceType>;

export type PostmarkBounceTypeName = keyof typeof postmarkBounceTypes;

export const postmarkBounceTypeNames = Object.keys(postmarkBounceTypes) as PostmarkBounceTypeName[];

import {
  type Category,
  createVerdict,
  type OutcomeOrigin,
  type Verdict,
  type VerdictOptions,
} from '@mailverdict/core';

export interface NoReplyVerdict {
  readonly origin: OutcomeOrigin;
  readonly verdict: Verdict;
  /** The recipient a local validation error names (`Invalid recipient "…"`), when it names one. */
  readonly recipient?: string;
}

interface ErrorFields {
  readonly code?: unknown;
  readonly command?: unknown;
  readonly message?: unknown;
  readonly originalCode?: unknown;
}

// Node's DNS error codes (node:dns): resolution failed, the host has no address.
const dnsCodes: ReadonlySet<string> = new Set(['ENOTFOUND', 'EAI_AGAIN', 'EAI_FAIL', 'ENODATA', 'ESERVFAIL']);

/**
 * The verdict for a nodemailer error that carries no SMTP reply: decided by nodemailer's `code`
 * (packages/nodemailer/PROVIDER.md §1 table, §4 rows without `responseCode`) and, for local validation, by the
 * message nodemailer chose (`smtp-connection/index.js`).
 */
export function noReplyVerdict(error: ErrorFields): NoReplyVerdict {
  const code = typeof error.code === 'string' ? error.code : undefined;
  const message = typeof error.message === 'string' ? error.message : '';
  const local = error.command === 'API';
  const origin = (fallback: OutcomeOrigin): OutcomeOrigin => (local ? 'local' : fallback);
  const make = (category: Category, rule: string, options: VerdictOptions = {}): Verdict =>
    createVerdict(category, { rule: `smtp:${rule}`, ...options });

  switch (code) {
    case 'ETIMEDOUT':
    case 'ECONNECTION':
    case 'EPROXY':
      return { origin: origin('network'), verdict: make('network', code.toLowerCase()) };
    case 'ESOCKET':
    case 'EDNS': {
      const dns =
        code === 'EDNS' || (typeof error.originalCode === 'string' && dnsCodes.has(error.originalCode));
      return {
        origin: origin('network'),
        verdict: make(dns ? 'dns-failure' : 'network', code.toLowerCase()),
      };
    }
    case 'EAUTH':
    case 'ENOAUTH':
    case 'EOAUTH2':
      // Missing credentials, an unknown method or a failed OAuth2 token fetch: our credentials.
      return { origin: 'account', verdict: make('client-auth', code.toLowerCase()) };
    case 'ETLS':
      return { origin: origin('network'), verdict: make('tls-failure', 'etls') };
    case 'EREQUIRETLS':
      // RFC 8689: we required REQUIRETLS and the server lacks it (or the connection is not TLS).
      return {
        origin: 'local',
        verdict: make('tls-failure', 'erequiretls', { permanence: 'permanent' }),
      };
    case 'EMAXRECIPIENTS':
      // Our own `maxRecipients` cap: send the rest in another message (RFC 5321 §4.5.3.1.8 spirit).
      return { origin: 'local', verdict: make('transaction-limit', 'emaxrecipients', { scope: 'message' }) };
    case 'EENVELOPE':
      return envelopeVerdict(message, local);
    case 'EMESSAGE':
      if (message.startsWith('Message size larger than allowed')) {
        // nodemailer refused before sending: the server advertised a smaller SIZE (RFC 1870).
        return { origin: 'local', verdict: make('message-too-large', 'size') };
      }
      if (message.startsWith('Empty message')) {
        return { origin: 'local', verdict: make('message-format', 'empty-message') };
      }
      break;
    case 'EPROTOCOL':
      return {
        origin: origin('remote-server'),
        verdict: make('protocol', 'eprotocol'),
      };
    case 'EABORT':
      return {
        origin: 'local',
        verdict: make('unknown', 'eabort', {
          permanence: 'transient',
          scope: 'message',
          summary: 'The send was aborted by its AbortSignal.',
        }),
      };
    case 'ECONFIG':
    case 'ERR_ACCESS_DENIED':
      return {
        origin: 'local',
        verdict: make('unknown', code.toLowerCase(), {
          scope: 'sender',
          retry: { changeRequired: true },
          summary: `nodemailer could not send (${code}): check the transport configuration.`,
        }),
      };
  }
  // ESTREAM, EFETCH, EFILEACCESS, EURLACCESS, ESENDMAIL, ESES, no code at all: nothing more is known.
  return {
    origin: local || code === undefined || code.startsWith('EF') || code === 'ESTREAM' ? 'local' : 'network',
    verdict: make('unknown', code === undefined ? 'no-code' : code.toLowerCase(), {
      scope: 'message',
      confidence: 0,
      summary:
        code === undefined
          ? 'The send failed without an SMTP reply or a known error code.'
          : `The send failed in nodemailer (${code}) without an SMTP reply.`,
    }),
  };
}

/** Local envelope validation (`command: 'API'`) and remote envelope errors that lost their reply. */
function envelopeVerdict(message: string, local: boolean): NoReplyVerdict {
  const make = (category: Category, rule: string, options: VerdictOptions = {}): Verdict =>
    createVerdict(category, { rule: `smtp:${rule}`, ...options });
  if (message.startsWith('Invalid recipient ')) {
    // nodemailer refuses an empty address or one with CR, LF, `<` or `>`: the address is unusable
    // (docs/taxonomy.md#decision-9: invalid address syntax → mailbox-unknown).
    const recipient = quotedValue(message.slice('Invalid recipient '.length));
    return {
      origin: 'local',
      verdict: make('mailbox-unknown', 'invalid-recipient'),
      ...(recipient ? { recipient } : {}),
    };
  }
  if (message.startsWith('Invalid sender ')) {
    return { origin: 'local', verdict: make('sender-rejected', 'invalid-sender') };
  }
  if (message.startsWith('No recipients defined') || message.startsWith('Invalid DSN')) {
    return { origin: 'local', verdict: make('protocol', 'invalid-envelope') };
  }
  return {
    origin: local ? 'local' : 'remote-server',
    verdict: make('unknown', 'eenvelope', { confidence: 0 }),
  };
}

/** `"a@b"` (JSON, as nodemailer writes it) → `a@b`; anything unparsable → undefined. */
function quotedValue(text: string): string | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'string' && value !== '' ? value : undefined;
  } catch {
    return undefined;
  }
}

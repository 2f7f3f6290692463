// What mailgun.js@14.0.1 rejects with, recorded by running the real client against the testkit's fake Mailgun and a
// closed port (the own enumerable fields of its APIError: stack, status, details, type, message; name is "Error").
// Same shapes as packages/mailgun/PROVIDER.md §2. Expected outcomes beside each.
import type { Category, OutcomeOrigin } from '@mailverdict/core';

export interface MailgunErrorFixture {
  readonly name: string;
  readonly error: Readonly<Record<string, unknown>>;
  readonly origin: OutcomeOrigin;
  readonly category: Category;
}

const apiError = (status: number, message: string, details: string) => ({
  stack: '',
  status,
  details,
  type: 'MailgunAPIError',
  message,
});

export const errorFixtures: readonly MailgunErrorFixture[] = [
  {
    name: '400 invalid to',
    error: apiError(400, 'Bad Request', "'to' parameter is not a valid address. please check documentation"),
    origin: 'provider',
    category: 'protocol',
  },
  {
    name: '401 wrong key',
    error: apiError(401, 'Unauthorized', 'Forbidden'),
    origin: 'account',
    category: 'account-issue',
  },
  {
    name: '403 sandbox',
    error: apiError(
      403,
      'Forbidden',
      'Sandbox subdomains are for test purposes only. Please add your own domain or add the address to authorized recipients in Account Settings.',
    ),
    origin: 'account',
    category: 'account-issue',
  },
  {
    name: '404 unknown domain',
    error: apiError(404, 'Not Found', 'Domain not found: unknown.example.test'),
    origin: 'account',
    category: 'account-issue',
  },
  {
    name: '413',
    error: apiError(413, 'Payload Too Large', 'Request Entity Too Large'),
    origin: 'provider',
    category: 'message-too-large',
  },
  {
    name: '429',
    error: apiError(429, 'Too Many Requests', 'Too many requests'),
    origin: 'provider',
    category: 'rate-limited',
  },
  {
    name: '500',
    error: apiError(500, 'Internal Server Error', 'Internal Server Error'),
    origin: 'provider',
    category: 'server-busy',
  },
  {
    name: 'refused connection (status 400)',
    error: apiError(400, 'ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:1'),
    origin: 'network',
    category: 'network',
  },
  {
    name: 'DNS failure (status 400)',
    error: apiError(400, 'ENOTFOUND', 'getaddrinfo ENOTFOUND nonexistent.invalid'),
    origin: 'network',
    category: 'network',
  },
  {
    name: "mailgun.js's own check",
    error: apiError(400, 'Message data object can not be empty', 'Message data object can not be empty'),
    origin: 'local',
    category: 'protocol',
  },
];

// Zoho Mail. Wording from zoho.com/mail/help (SMTP error codes) and sisimai fixtures.
import type { Rule } from '../rule';

const help = 'https://www.zoho.com/mail/help/adminconsole/email-bounce-errors.html';

export const zohoRules: readonly Rule[] = [
  {
    id: 'zoho:rejected-by-destination',
    category: 'policy',
    provider: 'zoho',
    phrases: ['mail rejected by destination domain'],
    example: '541 5.4.1 Mail rejected by destination domain',
    source: help,
  },
  {
    id: 'zoho:unusual-activity',
    category: 'account-issue',
    provider: 'zoho',
    phrases: ['unusual sending activity', 'outgoing mail has been blocked'],
    example: '550 5.4.6 Unusual sending activity detected. Please try after sometime.',
    source: help,
  },
  {
    id: 'zoho:flagged-spam',
    category: 'spam-content',
    provider: 'zoho',
    phrases: ['email flagged as spam'],
    example: '554 5.7.1 Email cannot be delivered. Reason: Email flagged as Spam.',
    source: help,
  },
];

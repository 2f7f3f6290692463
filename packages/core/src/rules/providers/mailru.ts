// Mail.ru (mail.ru, inbox.ru, list.ru, bk.ru). Wording from help.mail.ru/mail/postmaster and
// sisimai fixtures.
import type { Rule } from '../rule';

const pm = 'https://help.mail.ru/mail/postmaster';

export const mailruRules: readonly Rule[] = [
  {
    id: 'mailru:spam',
    category: 'spam-content',
    provider: 'mailru',
    phrases: ['notspam-support', 'spam message rejected', 'suspicion of spam'],
    example:
      '550 spam message rejected. Please visit http://help.mail.ru/notspam-support/id?c=abc or report details to abuse@corp.mail.ru.',
    source: pm,
  },
  {
    id: 'mailru:invalid-mailbox',
    category: 'mailbox-unknown',
    provider: 'mailru',
    phrases: ['message was not accepted -- invalid mailbox'],
    unless: ['disabled', 'blocked', 'terminated', 'full', 'quota'],
    example:
      '550 Message was not accepted -- invalid mailbox. Local mailbox user@mail.ru is unavailable: user not found',
    source: pm,
  },
  {
    id: 'mailru:mailbox-full',
    category: 'mailbox-full',
    provider: 'mailru',
    phrases: ['is unavailable: mailbox full', 'unavailable: mailbox is full'],
    example:
      '550 Message was not accepted -- invalid mailbox. Local mailbox user@mail.ru is unavailable: mailbox full',
    source: pm,
  },
  {
    id: 'mailru:disabled',
    category: 'mailbox-disabled',
    provider: 'mailru',
    phrases: [
      'is unavailable: account is disabled',
      'unavailable: account is blocked',
      'unavailable: user is terminated',
    ],
    example:
      '550 Message was not accepted -- invalid mailbox. Local mailbox user@mail.ru is unavailable: account is disabled',
    source: pm,
  },
];

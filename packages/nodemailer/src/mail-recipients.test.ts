import { splitAddressList } from '@mailverdict/core/adapter';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mailRecipients } from './mail-recipients';
import { toSmtpCommand } from './to-smtp-command';

describe('splitAddressList', () => {
  it('reads RFC 5322 address lists as nodemailer accepts them', () => {
    expect(splitAddressList('a@example.test')).toEqual(['a@example.test']);
    expect(splitAddressList('Ann <ann@example.test>, bob@example.test')).toEqual([
      'ann@example.test',
      'bob@example.test',
    ]);
    expect(splitAddressList('"Doe, Jane" <jane@example.test>; x@example.test')).toEqual([
      'jane@example.test',
      'x@example.test',
    ]);
    expect(splitAddressList('Friends: a@example.test, b@example.test;')).toEqual([
      'a@example.test',
      'b@example.test',
    ]);
    expect(splitAddressList(' , ,')).toEqual([]);
  });

  it('never throws and never returns empty addresses', () => {
    fc.assert(
      fc.property(fc.string(), (list) => {
        for (const address of splitAddressList(list)) expect(address).not.toBe('');
      }),
    );
  });
});

describe('mailRecipients', () => {
  it('takes envelope.to over to/cc/bcc, drops duplicates without case, keeps spelling', () => {
    expect(
      mailRecipients({
        to: ['Ann <Ann@example.test>', { name: 'Bob', address: 'bob@example.test' }],
        cc: 'ann@example.test',
        bcc: [{ address: ' ' }],
      }),
    ).toEqual(['Ann@example.test', 'bob@example.test']);
    expect(mailRecipients({ to: 'a@example.test', envelope: { to: 'b@example.test' } })).toEqual([
      'b@example.test',
    ]);
    expect(mailRecipients({ to: 42 as never })).toEqual([]);
  });
});

describe('toSmtpCommand', () => {
  it('maps nodemailer commands to SMTP stages; DATA depends on the code', () => {
    const table: [string, string | undefined, string | undefined][] = [
      ['CONN', 'ECONNECTION', 'CONNECT'],
      ['EHLO', 'EPROTOCOL', 'EHLO'],
      ['HELO', 'EPROTOCOL', 'EHLO'],
      ['LHLO', 'EPROTOCOL', 'EHLO'],
      ['STARTTLS', 'ETLS', 'STARTTLS'],
      ['AUTH PLAIN', 'EAUTH', 'AUTH'],
      ['AUTH XOAUTH2', 'EAUTH', 'AUTH'],
      ['MAIL FROM', 'EENVELOPE', 'MAIL'],
      ['RCPT TO', 'EENVELOPE', 'RCPT'],
      ['DATA', 'EENVELOPE', 'DATA'],
      ['DATA', 'EMESSAGE', 'END-OF-DATA'],
      ['RSET', 'EPROTOCOL', undefined],
      ['API', 'EENVELOPE', undefined],
    ];
    for (const [command, code, expected] of table)
      expect(toSmtpCommand(command, code), command).toBe(expected);
    expect(toSmtpCommand(undefined, 'EENVELOPE')).toBeUndefined();
  });
});

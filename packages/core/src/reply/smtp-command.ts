// The SMTP stage a reply answered. CONNECT is the greeting; END-OF-DATA is the reply after the final ".".
export const smtpCommands = [
  'CONNECT',
  'EHLO',
  'STARTTLS',
  'AUTH',
  'MAIL',
  'RCPT',
  'DATA',
  'END-OF-DATA',
] as const;

export type SmtpCommand = (typeof smtpCommands)[number];

const commandSet: ReadonlySet<string> = new Set(smtpCommands);

export function isSmtpCommand(value: unknown): value is SmtpCommand {
  return typeof value === 'string' && commandSet.has(value);
}

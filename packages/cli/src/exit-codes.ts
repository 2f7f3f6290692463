// Exit codes scripts can rely on (documented in every command's --help and the README).
export const exitCodes = {
  /** Done; nothing that needs action (or the command never reports any). */
  ok: 0,
  /** Done, and found failures that need action (the command's help says which). */
  actionNeeded: 1,
  /** Usage error: an unknown option, a missing argument, a file that cannot be read, input that is not what the command reads. */
  usage: 2,
} as const;

export type ExitCode = (typeof exitCodes)[keyof typeof exitCodes];

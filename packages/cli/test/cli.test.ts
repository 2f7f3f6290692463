// The built bin, run as a user runs it: help, exit codes, each command's output against core's own
// answer, colours and the progress bar only on a terminal.
import { spawn } from 'node:child_process';
import { appendFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { classify } from '@mailverdict/core';
import { explain } from '@mailverdict/core/explain';
import { afterAll, describe, expect, it } from 'vitest';
import { eximLines, postfixLines, sendmailLines } from '../src/logs/__fixtures__/log-lines';
import { binPath, runCli } from './helpers/run-cli';
import { runInTerminal } from './helpers/tty';

const reply = '451 4.7.0 Temporary server error. Please try again later. PRX2.';
const dir = mkdtempSync(join(tmpdir(), 'mailverdict-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function logFile(name: string, lines: readonly string[]): string {
  const path = join(dir, name);
  writeFileSync(path, `${lines.join('\n')}\n`);
  return path;
}

const ansiEscape = '\u001b[';

describe('help and usage errors', () => {
  it.each([[[]], [['explain']], [['classify']], [['bounce']], [['scan']]])(
    '%j --help shows examples and the exit codes, exit 0',
    async (command) => {
      const result = await runCli([...command, '--help']);
      expect(result.code).toBe(0);
      expect(result.stdout).toContain('Examples:');
      expect(result.stdout).toContain('$ mailverdict');
      expect(result.stdout).toContain('Exit codes:');
    },
  );

  it('unknown commands and options exit 2 with a hint', async () => {
    for (const args of [
      ['frobnicate'],
      ['scan', '--bogus'],
      ['explain', '--json', '--markdown', reply],
      ['scan', '--top', '0'],
    ]) {
      const result = await runCli(args);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stderr.length, args.join(' ')).toBeGreaterThan(0);
    }
  });

  it('--version prints the package version', async () => {
    const result = await runCli(['--version']);
    expect(result.code).toBe(0);
    expect(result.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
  });
});

describe('explain', () => {
  it('prints core’s explanation as text; the same from stdin', async () => {
    const expected = explain(reply);
    const fromArgument = await runCli(['explain', reply]);
    expect(fromArgument.code).toBe(0);
    expect(fromArgument.stdout.split('\n')[0]).toBe(expected.headline);
    for (const step of expected.steps) expect(fromArgument.stdout).toContain(step);
    const fromStdin = await runCli(['explain'], { input: `${reply}\n` });
    expect(fromStdin.stdout).toBe(fromArgument.stdout);
  });

  it('--json is the explanation with its verdict; --markdown is for a ticket', async () => {
    const json = JSON.parse((await runCli(['explain', '--json', reply])).stdout);
    expect(json.headline).toBe(explain(reply).headline);
    expect(json.verdict.category).toBe(classify(reply).category);
    const markdown = (await runCli(['explain', '--markdown', reply])).stdout;
    expect(markdown.startsWith('## ')).toBe(true);
    expect(markdown).toContain('### What to do');
  });

  it('--destination and --command reach the classifier', async () => {
    const text = '550 5.7.1 Service unavailable, Client host [192.0.2.25] blocked using Spamhaus';
    const json = JSON.parse(
      (await runCli(['explain', '--json', '--destination', 'outlook.com', '--command', 'rcpt', text])).stdout,
    );
    expect(json.verdict).toEqual(
      JSON.parse(JSON.stringify(classify(text, { destination: 'outlook.com', command: 'RCPT' }))),
    );
  });

  it('no reply, or a bad --command, is a usage error', async () => {
    expect((await runCli(['explain'])).code).toBe(2);
    const bad = await runCli(['explain', '--command', 'HELLO', reply]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--command must be one of');
  });
});

describe('classify', () => {
  it('one verdict per line, in order; JSON lines may carry destination and command', async () => {
    const inputs = ['550 5.1.1 User unknown', '452 4.2.2 Mailbox full', reply];
    const json = { reply: '421 4.7.0 Try again later', destination: 'gmail.com', command: 'rcpt' };
    const result = await runCli(['classify'], {
      input: `${inputs.join('\r\n')}\n\n${JSON.stringify(json)}\n`,
    });
    expect(result.code).toBe(0);
    const lines = result.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(lines).toHaveLength(4);
    inputs.forEach((input, index) => {
      expect(lines[index]).toEqual(JSON.parse(JSON.stringify(classify(input))));
    });
    expect(lines[3]).toEqual(
      JSON.parse(JSON.stringify(classify(json.reply, { destination: 'gmail.com', command: 'RCPT' }))),
    );
  });

  it('a line it cannot read answers with its number and the reason, exit 2', async () => {
    const result = await runCli(['classify'], { input: '550 5.1.1 x\n{"reply": 5}\n{oops\n452 4.2.2 y\n' });
    expect(result.code).toBe(2);
    const lines = result.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(lines[1]).toEqual({ line: 2, error: 'the object has no string "reply" field' });
    expect(lines[2].line).toBe(3);
    expect(lines[3].category).toBe(classify('452 4.2.2 y').category);
    expect(result.stderr).toContain('line 3: not valid JSON');
  });
});

describe('scan', () => {
  it('reads Exim and Sendmail logs: statuses, destinations, whose move', async () => {
    const exim = logFile(
      'mainlog',
      eximLines.map((fixture) => fixture.line),
    );
    const sendmail = logFile(
      'maillog',
      sendmailLines.map((fixture) => fixture.line),
    );
    const result = await runCli(['scan', '--json', exim, sendmail]);
    const report = JSON.parse(result.stdout);
    const expected = [...eximLines, ...sendmailLines].filter((fixture) => fixture.expected !== undefined);
    expect(report.lines).toBe(eximLines.length + sendmailLines.length);
    // The Sendmail Deferred line names two recipients.
    expect(report.deliveries).toBe(expected.length + 1);
    expect(report.formats).toEqual({ postfix: 0, exim: 8, sendmail: 5 });
    expect(report.statuses).toEqual({ sent: 3, deferred: 5, bounced: 5, expired: 0 });
    const yahoo = report.destinations.find((row: { destination: string }) => row.destination === 'yahoo');
    expect(yahoo).toMatchObject({ deferred: 2, categories: { deferred: { reputation: 2 } } });
    expect(report.owners.ours.reputation).toBe(2);
    expect(result.code).toBe(1);
  });

  it('reads a gzipped rotated log as it is, whatever its name', async () => {
    const lines = postfixLines.map((fixture) => fixture.line);
    const plain = logFile('mail.log', lines);
    const gzipped = join(dir, 'mail.log.2');
    writeFileSync(gzipped, gzipSync(`${lines.join('\n')}\n`));
    const fromPlain = JSON.parse((await runCli(['scan', '--json', plain])).stdout);
    const fromGzip = JSON.parse((await runCli(['scan', '--json', gzipped])).stdout);
    expect(fromGzip).toEqual(fromPlain);
    expect(fromPlain.deliveries).toBe(5);
    const fromStdin = JSON.parse(
      (await runCli(['scan', '--json'], { input: gzipSync(lines.join('\n')) })).stdout,
    );
    expect(fromStdin).toEqual(fromPlain);
  });

  it('names an unreadable file, goes on with the rest, exits 2', async () => {
    const good = logFile(
      'good.log',
      postfixLines.map((fixture) => fixture.line),
    );
    const broken = join(dir, 'broken.log.gz');
    writeFileSync(broken, Buffer.concat([gzipSync('x'.repeat(1000)).subarray(0, 20)]));
    const result = await runCli(['scan', '--json', join(dir, 'missing.log'), broken, good]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`cannot read ${join(dir, 'missing.log')}: no such file or directory`);
    expect(result.stderr).toContain(`cannot read ${broken}:`);
    expect(JSON.parse(result.stdout).deliveries).toBe(5);
  });

  it('exits 0 when nothing needs action, 1 when something does', async () => {
    const sent = postfixLines
      .filter((fixture) => fixture.expected?.status === 'sent')
      .map((fixture) => fixture.line);
    const clean = await runCli(['scan', logFile('clean.log', sent)]);
    expect(clean.code).toBe(0);
    expect(clean.stdout).toContain('Recipients to suppress: 0');
    const empty = await runCli(['scan'], { input: 'not a log\n' });
    expect(empty.code).toBe(0);
    expect(empty.stdout).toContain('No Postfix, Exim or Sendmail delivery lines found.');
  });

  it('--top limits the destinations and replies shown', async () => {
    const all = logFile(
      'all.log',
      [...postfixLines, ...eximLines, ...sendmailLines].map((fixture) => fixture.line),
    );
    const report = JSON.parse((await runCli(['scan', '--json', '--top', '2', all])).stdout);
    expect(report.topReplies).toHaveLength(2);
    const text = (await runCli(['scan', '--top', '1', all])).stdout;
    expect(text).toMatch(/… and \d+ more destinations/);
  });
});

describe('colours and progress: on a terminal only', () => {
  it('explain is coloured on a terminal, never with NO_COLOR, never when piped', async () => {
    const terminal = await runInTerminal(['explain', reply]);
    expect(terminal.code).toBe(0);
    expect(terminal.output).toContain(ansiEscape);
    const noColor = await runInTerminal(['explain', reply], { NO_COLOR: '1' });
    expect(noColor.output).not.toContain(ansiEscape);
    expect(noColor.output).toContain(explain(reply).headline);
    expect((await runCli(['explain', reply])).stdout).not.toContain(ansiEscape);
  });

  it('a large log shows a progress bar with throughput and ETA on a terminal, nothing when piped', async () => {
    const line = postfixLines[0]?.line ?? '';
    const path = join(dir, 'large.log');
    // ~20 MB: over the 16 MB threshold.
    writeFileSync(path, `${line}\n`.repeat(Math.ceil(20_000_000 / (line.length + 1))));
    const terminal = await runInTerminal(['scan', path], { NO_COLOR: '1' });
    expect(terminal.code).toBe(1);
    expect(terminal.output).toMatch(/MB\/s \| [\d,]+ lines\/s \| ETA/);
    const piped = await runCli(['scan', path]);
    expect(piped.stderr).toBe('');
    expect(piped.stdout).not.toMatch(/ETA|MB\/s/);
    const off = await runInTerminal(['scan', '--no-progress', path], { NO_COLOR: '1' });
    expect(off.output).not.toMatch(/ETA/);
  });
});

describe('scan -f follows a growing log', () => {
  it('prints failures as they are written, survives truncation, reports on Ctrl-C', async () => {
    const path = logFile('growing.log', ['Jan  1 00:00:00 mx postfix/smtpd[1]: connect from x[192.0.2.1]']);
    const child = spawn(process.execPath, [binPath, 'scan', '-f', path], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString('utf8');
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString('utf8');
    });
    const closed = new Promise<number | null>((resolve) => child.on('close', resolve));
    const waitFor = async (text: string, stream: () => string = () => stdout) => {
      for (let tries = 0; tries < 100 && !stream().includes(text); tries++)
        await new Promise((resolve) => setTimeout(resolve, 100));
      expect(stream()).toContain(text);
    };
    try {
      await waitFor(`following ${path}`, () => stderr);
      const bounced = postfixLines[0]?.line ?? '';
      appendFileSync(path, `${bounced}\n`);
      await waitFor('unknown@gmail.com');
      expect(stdout).toMatch(/^bounced +unknown@gmail\.com +mailbox-unknown +550-5\.1\.1/m);
      // Rotated: the file starts again, smaller.
      writeFileSync(path, `${postfixLines[4]?.line ?? ''}\n`);
      await waitFor('user@hotmail.com');
    } finally {
      child.kill('SIGINT');
    }
    expect(await closed).toBe(1);
    expect(stdout).toContain('mailverdict scan: ');
    expect(stdout).toContain('Recipients to suppress: 1');
  });
});

describe('bounce from stdin', () => {
  it('an mbox on stdin is split into its messages; one email on stdin is one message', async () => {
    const mbox = readFileSync(new URL('../examples/bounces.mbox', import.meta.url));
    const fromMbox = await runCli(['bounce', '--json'], { input: mbox });
    const outcomes = fromMbox.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line))
      .filter((line) => line.type === 'outcome');
    expect(outcomes.map((outcome) => outcome.source)).toEqual(['stdin#1', 'stdin#2']);
    expect(fromMbox.code).toBe(1);
    const email = readFileSync(new URL('../examples/postfix-dsn.eml', import.meta.url));
    const single = await runCli(['bounce', '-'], { input: email });
    expect(single.stdout).toMatch(/^1 email: bounce 1$/m);
    const empty = await runCli(['bounce'], { input: '' });
    expect(empty.stdout).toMatch(/^0 emails: none$/m);
    expect(empty.code).toBe(0);
  });
});

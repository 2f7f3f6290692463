// A separate process that runs the fake servers for the crash test (`--fakes external`): the demo can
// be SIGKILLed and restarted while the fake MXs and the fake Postmark keep running, with their logs.
//   tsx src/fakes-harness.ts      → prints one JSON line {"control":"http://127.0.0.1:PORT"} when ready
// Control API (JSON): GET /config, POST /clock {now}, POST /webhook-target {url,username,password},
// POST /pump, GET /lookup?attempt=ID (SMTP), GET /copies, POST /shutdown.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startLocalFakes } from './local-fakes';
import { scenarioStart } from './scenario';

async function main(): Promise<void> {
  let now = scenarioStart;
  const fakes = await startLocalFakes(() => now);
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const url = new URL(request.url ?? '/', 'http://harness.invalid');
      const body =
        chunks.length > 0 ? (JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown) : undefined;
      const reply = (status: number, value: unknown): void => {
        response.writeHead(status, { 'content-type': 'application/json' });
        response.end(JSON.stringify(value));
      };
      const route = `${request.method} ${url.pathname}`;
      const handle = async (): Promise<void> => {
        switch (route) {
          case 'GET /config':
            return reply(200, fakes.config);
          case 'POST /clock': {
            const at = (body as { now?: unknown } | undefined)?.now;
            if (typeof at !== 'number' || !Number.isFinite(at))
              return reply(400, { error: '`now` must be epoch ms' });
            // The clock never goes back: a restarted demo resumes from its stored time.
            if (at > now) now = at;
            return reply(200, { now });
          }
          case 'POST /webhook-target': {
            const target = (body as { url?: unknown } | undefined)?.url;
            if (typeof target !== 'string') return reply(400, { error: '`url` is required' });
            await fakes.setWebhookTarget(target);
            return reply(200, { ok: true });
          }
          case 'POST /pump':
            await fakes.pump();
            return reply(200, { ok: true });
          case 'GET /lookup': {
            const attempt = url.searchParams.get('attempt');
            if (attempt === null) return reply(400, { error: 'attempt=ID is required' });
            return reply(200, { result: await fakes.lookupSmtp(attempt) });
          }
          case 'GET /copies':
            return reply(200, await fakes.copies());
          case 'POST /shutdown':
            reply(200, { ok: true });
            await fakes.close();
            server.close();
            server.closeAllConnections();
            return;
          default:
            return reply(404, { error: `no route ${route}` });
        }
      };
      handle().catch((error: unknown) => reply(500, { error: String(error) }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const port = (server.address() as AddressInfo).port;
  process.stdout.write(`${JSON.stringify({ control: `http://127.0.0.1:${port}` })}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`fakes-harness: ${String(error)}\n`);
  process.exitCode = 1;
});

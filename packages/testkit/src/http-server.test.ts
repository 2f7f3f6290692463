import { Agent, request } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import {
  headerValue,
  json,
  parseJsonBody,
  type RunningHttpServer,
  startHttpServer,
  text,
} from './http-server';

let server: RunningHttpServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('startHttpServer', () => {
  it('records method, path, query, headers and the raw body, and answers with the handler', async () => {
    server = await startHttpServer((req) => json(201, { got: parseJsonBody(req) }, { 'x-fake': 'yes' }));
    const response = await fetch(`${server.url}/email/batch?dry=1`, {
      method: 'POST',
      headers: { 'X-Postmark-Server-Token': 'abc', 'content-type': 'application/json' },
      body: '{"a":1}',
    });
    expect(response.status).toBe(201);
    expect(response.headers.get('x-fake')).toBe('yes');
    expect(response.headers.get('content-type')).toContain('application/json');
    expect(await response.json()).toEqual({ got: { a: 1 } });
    expect(server.requests).toHaveLength(1);
    const [recorded] = server.requests;
    expect(recorded?.method).toBe('POST');
    expect(recorded?.path).toBe('/email/batch');
    expect(recorded?.query).toEqual({ dry: '1' });
    expect(recorded?.url).toBe('/email/batch?dry=1');
    expect(recorded && headerValue(recorded, 'X-POSTMARK-SERVER-TOKEN')).toBe('abc');
    expect(recorded?.rawBody.equals(Buffer.from('{"a":1}'))).toBe(true);
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(server.host).toBe(`127.0.0.1:${server.port}`);
  });

  it('answers 404 when the handler returns nothing and 500 when it throws', async () => {
    server = await startHttpServer((req) => {
      if (req.path === '/boom') throw new Error('kaput');
      return undefined;
    });
    expect((await fetch(`${server.url}/nothing`)).status).toBe(404);
    const boom = await fetch(`${server.url}/boom`);
    expect(boom.status).toBe(500);
    expect(await boom.text()).toContain('kaput');
  });

  it('sends text replies as is, delays, and can destroy the socket', async () => {
    server = await startHttpServer((req) => {
      if (req.path === '/drop') return { status: 200, destroy: true };
      return { ...text(200, 'plain'), delayMs: req.path === '/slow' ? 150 : 0 };
    });
    expect(await (await fetch(`${server.url}/x`)).text()).toBe('plain');
    const started = Date.now();
    await fetch(`${server.url}/slow`);
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
    await expect(fetch(`${server.url}/drop`)).rejects.toThrow();
  });

  it('closes even with a keep-alive socket open, and close is idempotent', async () => {
    server = await startHttpServer(() => text(200, 'ok'));
    const { port } = server;
    await new Promise<void>((resolve) => {
      const req = request(
        { host: '127.0.0.1', port, path: '/', agent: new Agent({ keepAlive: true }) },
        (res) => {
          res.resume();
          res.on('end', resolve);
        },
      );
      req.end();
    });
    await Promise.all([server.close(), server.close()]);
    await expect(fetch(`http://127.0.0.1:${port}/`)).rejects.toThrow();
  });

  it('parseJsonBody never throws', () => {
    expect(parseJsonBody({ body: '' })).toBeUndefined();
    expect(parseJsonBody({ body: '{not json' })).toBeUndefined();
    expect(parseJsonBody({ body: '[1]' })).toEqual([1]);
  });

  it('rejects a non-function handler', async () => {
    // @ts-expect-error testing validation
    await expect(startHttpServer('nope')).rejects.toThrow(TypeError);
  });
});

describe('startHttpServer with odd request targets', () => {
  it('records a target no URL parser accepts instead of crashing', async () => {
    const server = await startHttpServer(() => text(200, 'ok'));
    const { connect } = await import('node:net');
    const socket = connect(server.port, '127.0.0.1');
    const reply = await new Promise<string>((resolve) => {
      let received = '';
      socket.on('data', (chunk: Buffer) => {
        received += chunk.toString();
        if (received.includes('ok')) resolve(received);
      });
      socket.write('GET http://[::1 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n');
    });
    socket.destroy();
    expect(reply.startsWith('HTTP/1.1 200')).toBe(true);
    expect(server.requests[0]?.path).toBe('http://[::1');
    await server.close();
  });
});

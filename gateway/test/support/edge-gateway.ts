import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

import { loadConfig } from '@kinerja/config';
import { createLogger } from '@kinerja/logger';

import { gatewayEnvSchema } from '../../src/env';
import { startGateway } from '../../src/gateway';

export interface EdgeGateway {
  url: string;
  /** The bodies the subgraphs received: empty when the gateway refused at its edge. */
  subgraphCalls: string[];
  stop(): Promise<void>;
}

/**
 * The real gateway (the committed supergraph, every plugin and limit) in this process, with all
 * subgraphs pointed at one stub that records what it is sent and answers `data: null`: enough
 * to see whether an operation got past the edge and was planned and sent on.
 */
export async function startEdgeGateway(env: Record<string, string> = {}): Promise<EdgeGateway> {
  const subgraphCalls: string[] = [];
  const stub = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      subgraphCalls.push(Buffer.concat(chunks).toString('utf8'));
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ data: null, errors: [{ message: 'stub subgraph', extensions: { code: 'NOT_FOUND' } }] }));
    });
  });
  await new Promise<void>((resolve) => stub.listen(0, '127.0.0.1', resolve));
  const stubUrl = `http://127.0.0.1:${(stub.address() as AddressInfo).port}/graphql`;
  const config = {
    // Production needs a signing secret; the stub subgraph does not check it.
    ...loadConfig(gatewayEnvSchema, {
      PORT: '0',
      LOG_LEVEL: 'silent',
      NODE_ENV: 'test',
      GATEWAY_SIGNING_SECRET: 'edge-test-gateway-signing-secret-32-chars',
      ...env,
    }),
    subgraphUrls: { identity: stubUrl, performance: stubUrl, development: stubUrl, feedback: stubUrl, recruitment: stubUrl },
  };
  const gateway = await startGateway(config, createLogger({ name: 'gateway', level: 'silent' }));
  return {
    url: `${gateway.url}/graphql`,
    subgraphCalls,
    stop: async () => {
      await gateway.stop();
      stub.closeAllConnections();
      await new Promise<void>((resolve) => stub.close(() => resolve()));
    },
  };
}

export interface Answer {
  status: number;
  headers: Headers;
  body: { data?: unknown; errors?: { message: string; extensions?: Record<string, unknown> }[] };
}

export async function post(url: string, body: unknown, headers: Record<string, string> = {}): Promise<Answer> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: JSON.parse(text) as Answer['body'] };
}

export const codeOf = (answer: Answer) => answer.body.errors?.[0]?.extensions?.['code'];

/** A token the gateway only forwards (it verifies none): enough to count as a signed-in caller at the edge. */
export const SIGNED_IN = { authorization: 'Bearer test-token' };

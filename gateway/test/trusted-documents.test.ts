import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { parse } from 'graphql';

import { documentHash, type TrustedDocumentManifest } from '../src/trusted-documents';
import { codeOf, type EdgeGateway, post, SIGNED_IN, startEdgeGateway } from './support/edge-gateway';
import { type RealOperation, realOperations } from './support/real-operations';

const MANIFEST = join(__dirname, '..', 'trusted-documents.json');

describe('trusted documents', () => {
  let operations: RealOperation[];
  beforeAll(async () => {
    operations = await realOperations();
    // UPDATE_TRUSTED_DOCUMENTS=1 npm run jest -- gateway/test/trusted-documents.test.ts rewrites the manifest.
    if (process.env['UPDATE_TRUSTED_DOCUMENTS'] === '1') {
      const hashes = [...new Set(operations.map((operation) => documentHash(parse(operation.query))))].sort();
      const manifest = {
        $comment:
          'SHA-256 of each printed operation of the first-party clients (README, demo client, tests, benchmarks): what TRUSTED_DOCUMENTS=enforce serves. Regenerate with UPDATE_TRUSTED_DOCUMENTS=1 npm run jest -- gateway/test/trusted-documents.test.ts',
        operations: hashes,
      };
      writeFileSync(MANIFEST, `${JSON.stringify(manifest, null, 2)}\n`);
    }
  });

  it('registers every real operation of the repository in the committed manifest', () => {
    const registered = new Set((JSON.parse(readFileSync(MANIFEST, 'utf8')) as TrustedDocumentManifest).operations);
    const missing = operations.filter((operation) => !registered.has(documentHash(parse(operation.query)))).map((operation) => operation.origin);
    expect(operations.length).toBeGreaterThan(20);
    expect(missing).toEqual([]);
  });

  describe('with TRUSTED_DOCUMENTS=enforce', () => {
    let gateway: EdgeGateway;
    beforeAll(async () => {
      gateway = await startEdgeGateway({ NODE_ENV: 'production', TRUSTED_DOCUMENTS: 'enforce' });
    });
    afterAll(() => gateway.stop());

    it('refuses an unregistered operation before any subgraph is called', async () => {
      const answer = await post(gateway.url, { query: '{ me { id name nip email } }' }, SIGNED_IN);
      expect(answer.status).toBe(400);
      expect(codeOf(answer)).toBe('OPERATION_NOT_TRUSTED');
      expect(gateway.subgraphCalls).toEqual([]);
    });

    it('passes every README operation on to the subgraphs, whatever whitespace and comments surround it', async () => {
      const readme = operations.filter((operation) => operation.origin.startsWith('README.md'));
      expect(readme.length).toBeGreaterThan(3);
      for (const operation of readme) {
        const respaced = `\n  ${operation.query}\n# sent by a client that keeps its comments\n`;
        const answer = await post(gateway.url, { query: respaced, variables: operation.variables ?? {} }, SIGNED_IN);
        expect([operation.origin, codeOf(answer)]).not.toEqual([operation.origin, 'OPERATION_NOT_TRUSTED']);
      }
      expect(gateway.subgraphCalls.length).toBeGreaterThan(0);
    });
  });

  it('serves an unregistered operation with TRUSTED_DOCUMENTS=allow', async () => {
    const gateway = await startEdgeGateway({ NODE_ENV: 'production', TRUSTED_DOCUMENTS: 'allow' });
    try {
      await post(gateway.url, { query: '{ me { id name nip email } }' }, SIGNED_IN);
      expect(gateway.subgraphCalls).toHaveLength(1);
    } finally {
      await gateway.stop();
    }
  });
});

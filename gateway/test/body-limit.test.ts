import { request } from 'node:http';

import { codeOf, type EdgeGateway, post, SIGNED_IN, startEdgeGateway } from './support/edge-gateway';

/** Sends 16 KiB chunks of a never-ending body; resolves with the status once the gateway answers. */
function streamEndlessBody(url: string, headers: Record<string, string> = {}): Promise<{ status: number; sent: number }> {
  return new Promise((resolve, reject) => {
    let sent = 0;
    const req = request(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers } }, (res) => {
      res.resume();
      clearInterval(timer);
      req.destroy();
      resolve({ status: res.statusCode ?? 0, sent });
    });
    req.on('error', (error) => (sent > 0 ? undefined : reject(error)));
    req.write('{"query":"{ __typename }","variables":{"pad":"');
    const chunk = 'x'.repeat(16 * 1024);
    const timer = setInterval(() => {
      if (sent > 4 * 1024 * 1024) return;
      req.write(chunk);
      sent += chunk.length;
    }, 2);
  });
}

describe('request body limits at the gateway', () => {
  let gateway: EdgeGateway;
  beforeAll(async () => {
    gateway = await startEdgeGateway({ MAX_OPERATION_BODY_BYTES: String(64 * 1024), MAX_BODY_BYTES: String(8 * 1024 * 1024) });
  });
  afterAll(() => gateway.stop());
  beforeEach(() => (gateway.subgraphCalls.length = 0));

  const evidence = (bytes: number) => ({
    query: 'mutation ($input: UploadEvidenceInput!) { uploadEvidence(input: $input) { id } }',
    variables: { input: { realizationId: 'r1', fileName: 'bukti.pdf', contentBase64: 'A'.repeat(bytes) } },
  });

  it('cuts off a huge anonymous body while it streams: 413 long before the body would end', async () => {
    const { status, sent } = await streamEndlessBody(gateway.url);
    expect(status).toBe(413);
    expect(sent).toBeLessThan(1024 * 1024);
    expect(gateway.subgraphCalls).toEqual([]);
  });

  it('refuses an anonymous body over the small limit even when it is an upload', async () => {
    const answer = await post(gateway.url, evidence(100 * 1024));
    expect(answer.status).toBe(413);
    expect(codeOf(answer)).toBe('PAYLOAD_TOO_LARGE');
  });

  it('refuses a signed-in operation over the small limit that is not an upload, before any subgraph', async () => {
    const answer = await post(gateway.url, { query: '{ me { name } }', variables: { pad: 'x'.repeat(100 * 1024) } }, SIGNED_IN);
    expect(answer.status).toBe(413);
    expect(answer.body.errors?.[0]?.extensions).toEqual(expect.objectContaining({ code: 'PAYLOAD_TOO_LARGE', max: 64 * 1024 }));
    expect(gateway.subgraphCalls).toEqual([]);
  });

  it('lets a signed-in evidence upload of several MiB through to performance', async () => {
    const answer = await post(gateway.url, evidence(5 * 1024 * 1024), SIGNED_IN);
    expect(codeOf(answer)).not.toBe('PAYLOAD_TOO_LARGE');
    expect(gateway.subgraphCalls).toHaveLength(1);
    expect(gateway.subgraphCalls[0]?.length).toBeGreaterThan(5 * 1024 * 1024);
  });

  it('lets a signed-in SKD import of thousands of rows through to recruitment, and an applicant’s document', async () => {
    const rows = Array.from({ length: 5000 }, (_, i) => `CPNS2027-KOTALAMA-${String(i + 1).padStart(6, '0')},100,120,180`);
    const csv = ['registration_number,twk,tiu,tkp', ...rows].join('\n');
    expect(csv.length).toBeGreaterThan(2 * 64 * 1024);
    const imported = await post(
      gateway.url,
      {
        query: 'mutation ($input: ImportSkdScoresInput!) { importSkdScores(input: $input) { imported } }',
        variables: { input: { selectionId: 's1', csv, skipRejectedRows: false } },
      },
      SIGNED_IN,
    );
    expect(codeOf(imported)).not.toBe('PAYLOAD_TOO_LARGE');
    const document = await post(
      gateway.url,
      {
        query: 'mutation ($input: UploadApplicationDocumentInput!) { uploadApplicationDocument(input: $input) { id } }',
        variables: { input: { applicationId: 'a1', documentType: 'Ijazah', fileName: 'ijazah.pdf', contentBase64: 'A'.repeat(1024 * 1024) } },
      },
      SIGNED_IN,
    );
    expect(codeOf(document)).not.toBe('PAYLOAD_TOO_LARGE');
    expect(gateway.subgraphCalls.map((body) => body.length)).toEqual([expect.any(Number), expect.any(Number)]);
    expect(gateway.subgraphCalls[0]).toContain(rows[4999]);
    // Anything else as large is still refused at the edge.
    const other = await post(
      gateway.url,
      {
        query: 'mutation ($input: ApplyToVacancyInput!) { applyToVacancy(input: $input) { id } }',
        variables: { input: { vacancyId: 'v', idempotencyKey: 'x'.repeat(csv.length) } },
      },
      SIGNED_IN,
    );
    expect(codeOf(other)).toBe('PAYLOAD_TOO_LARGE');
  });

  it('still refuses anything over MAX_BODY_BYTES, upload or not', async () => {
    const answer = await post(gateway.url, evidence(9 * 1024 * 1024), SIGNED_IN);
    expect(answer.status).toBe(413);
    expect(gateway.subgraphCalls).toEqual([]);
  });
});

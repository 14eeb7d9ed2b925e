import { loadConfig } from '@kinerja/config';

import { DEFAULT_EVIDENCE_MAX_BYTES } from './domain/evidence-document.rule';
import { performanceEnvSchema } from './env';

describe('performance configuration', () => {
  it('accepts evidence documents up to 5 MiB unless EVIDENCE_MAX_BYTES says otherwise', () => {
    expect(loadConfig(performanceEnvSchema, {}).EVIDENCE_MAX_BYTES).toBe(DEFAULT_EVIDENCE_MAX_BYTES);
    expect(DEFAULT_EVIDENCE_MAX_BYTES).toBe(5 * 1024 * 1024);
    expect(loadConfig(performanceEnvSchema, { EVIDENCE_MAX_BYTES: '1048576' }).EVIDENCE_MAX_BYTES).toBe(1048576);
  });

  it.each(['0', '-1', '1.5', 'lots', String(64 * 1024 * 1024 + 1)])('refuses EVIDENCE_MAX_BYTES=%p', (value) => {
    expect(() => loadConfig(performanceEnvSchema, { EVIDENCE_MAX_BYTES: value })).toThrow(/EVIDENCE_MAX_BYTES/);
  });
});

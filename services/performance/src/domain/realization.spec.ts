import { ValidationError } from '@kinerja/errors';

import { hasEvidence, newRealization, validateEvidenceUrl } from './realization';

describe('realizations and their evidence', () => {
  it.each(['https://dokumen.example.go.id/bukti.pdf', 'http://intranet.local/x', '  https://drive.example.com/a?b=c  '])('accepts the link %p', (url) => {
    expect(validateEvidenceUrl(url)).toBe(url.trim());
  });

  it.each(['javascript:alert(1)', 'file:///etc/passwd', 'bukti.pdf', '', `https://x.id/${'a'.repeat(2000)}`])('refuses %p', (url) => {
    expect(() => validateEvidenceUrl(url)).toThrow(ValidationError);
  });

  it('names the value and the link at once', () => {
    const input = { indicatorId: 'i', planId: 'p', subPeriodId: 'q', value: -1, evidenceUrl: 'nope', note: null };
    try {
      newRealization('r', input, new Date(), false);
      throw new Error('accepted');
    } catch (error) {
      expect((error as ValidationError).problems.map((p) => p.field)).toEqual(['input.value', 'input.evidenceUrl']);
    }
  });

  it.each<[string, string | null, string | null]>([
    ['a link', ' https://dokumen.example.go.id/bukti.pdf ', 'https://dokumen.example.go.id/bukti.pdf'],
    ['no link', null, null],
    ['a blank link (an empty form field)', '   ', null],
  ])('takes a realization with %s', (_case, evidenceUrl, stored) => {
    const input = { indicatorId: 'i', planId: 'p', subPeriodId: 'q', value: 3, evidenceUrl, note: null };
    expect(newRealization('r', input, new Date(), false).evidenceUrl).toBe(stored);
  });

  it.each<[string | null, number, boolean]>([
    ['https://x.id/bukti.pdf', 0, true],
    [null, 1, true],
    ['https://x.id/bukti.pdf', 2, true],
    [null, 0, false],
  ])('link %p with %p documents has evidence: %p', (evidenceUrl, documents, expected) => {
    expect(hasEvidence({ evidenceUrl }, documents)).toBe(expected);
  });
});

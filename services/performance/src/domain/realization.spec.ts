import { ValidationError } from '@kinerja/errors';

import { newRealization, validateEvidenceUrl } from './realization';

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
});

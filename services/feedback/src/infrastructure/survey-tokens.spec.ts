import { cryptoSurveyTokens } from './survey-tokens';

describe('cryptoSurveyTokens', () => {
  const unit = '0b6f6c1e-3d2a-4c5b-9e8f-7a6b5c4d3e2f';

  it('issues tokens that name their unit and differ each time; only the hash of the whole token is kept', () => {
    const first = cryptoSurveyTokens.issue(unit);
    const second = cryptoSurveyTokens.issue(unit);
    expect(first.token).not.toBe(second.token);
    expect(cryptoSurveyTokens.unitOf(first.token)).toBe(unit);
    expect(first.hash).toBe(cryptoSurveyTokens.hashOf(first.token));
    expect(first.hash).not.toContain(first.token);
  });

  it('never repeats a random part, across the refills of its pool of random bytes', () => {
    const randoms = Array.from({ length: 1_000 }, () => cryptoSurveyTokens.issue(unit).token.split('.')[1]);
    expect(new Set(randoms).size).toBe(1_000);
    for (const random of randoms) expect(random).toMatch(/^[A-Za-z0-9_-]{32}$/);
  });

  it('reads the unit in lower case, whatever case it was issued with', () => {
    expect(cryptoSurveyTokens.unitOf(cryptoSurveyTokens.issue(unit.toUpperCase()).token)).toBe(unit);
  });

  it('names no unit for a token of another form', () => {
    const { token } = cryptoSurveyTokens.issue(unit);
    for (const other of ['forged-token-forged-token', token.slice(1), `${token}x`, token.replace('.', '-'), `!${token.slice(1)}`, ''])
      expect(cryptoSurveyTokens.unitOf(other)).toBeNull();
  });

  it('makes a token naming another unit another token', () => {
    const { token } = cryptoSurveyTokens.issue(unit);
    const [, random] = token.split('.');
    const renamed = `${cryptoSurveyTokens.issue('1b6f6c1e-3d2a-4c5b-9e8f-7a6b5c4d3e2f').token.split('.')[0]}.${random}`;
    expect(cryptoSurveyTokens.unitOf(renamed)).toBe('1b6f6c1e-3d2a-4c5b-9e8f-7a6b5c4d3e2f');
    expect(cryptoSurveyTokens.hashOf(renamed)).not.toBe(cryptoSurveyTokens.hashOf(token));
  });
});

import { parseNip } from './nip.rule';

const today = new Date('2026-11-25T00:00:00Z');

describe('parseNip', () => {
  it('reads the example NIP of DOMAIN.md', () => {
    expect(parseNip('198609262015051001', today)).toEqual({
      ok: true,
      value: { birthDate: '1986-09-26', appointmentMonth: '2015-05', sex: 'MALE', sequence: 1 },
    });
  });

  it('accepts a female NIP and spaces between the parts', () => {
    const result = parseNip('19900131 201903 2 007', today);
    expect(result.ok && result.value.sex).toBe('FEMALE');
  });

  it.each([
    ['19860926201505100', 'nip', 'too short'],
    ['1986092620150510011', 'nip', 'too long'],
    ['19860926201505100X', 'nip', 'not digits'],
    ['198602302015051001', 'nip.birthDate', 'February 30th'],
    ['198613012015051001', 'nip.birthDate', 'month 13'],
    ['203001012015051001', 'nip.birthDate', 'born in the future'],
    ['198609262015131001', 'nip.appointmentDate', 'appointment month 13'],
    ['198609262015001001', 'nip.appointmentDate', 'appointment month 00'],
    ['198609262030011001', 'nip.appointmentDate', 'appointed in the future'],
    ['198609261999011001', 'nip.appointmentDate', 'appointed at 12'],
    ['198609262015053001', 'nip.sex', 'sex digit 3'],
    ['198609262015050001', 'nip.sex', 'sex digit 0'],
    ['198609262015051000', 'nip.sequence', 'sequence 000'],
  ])('%s is refused at %s (%s)', (nip, field) => {
    const result = parseNip(nip, today);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems.map((p) => p.field)).toContain(field);
  });

  it('names every wrong part at once', () => {
    const result = parseNip('198613012015133000', today);
    expect(result.ok ? [] : result.problems.map((p) => p.field)).toEqual(['nip.birthDate', 'nip.appointmentDate', 'nip.sex', 'nip.sequence']);
  });
});

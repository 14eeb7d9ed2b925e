import { CORE_VALUES, isCoreValue, isEmploymentType, isPredikat, isTrainingMode } from './vocabulary';

describe('vocabulary', () => {
  it('names the seven BerAKHLAK values', () => {
    expect(CORE_VALUES).toEqual(['BERORIENTASI_PELAYANAN', 'AKUNTABEL', 'KOMPETEN', 'HARMONIS', 'LOYAL', 'ADAPTIF', 'KOLABORATIF']);
  });

  it.each([
    [isCoreValue, 'KOLABORATIF', true],
    [isCoreValue, 'kolaboratif', false],
    [isCoreValue, 'COLLABORATIVE', false],
    [isPredikat, 'BUTUH_PERBAIKAN', true],
    [isPredikat, 'ISTIMEWA', false],
    [isEmploymentType, 'PPPK', true],
    [isEmploymentType, 'HONORER', false],
    [isTrainingMode, 'E_LEARNING', true],
    [isTrainingMode, '', false],
  ])('%p(%s) is %s', (guard, value, expected) => {
    expect(guard(value)).toBe(expected);
  });
});

import { predikatOf } from './predikat.rule';

describe('predikatOf', () => {
  it.each([
    ['ABOVE', 'BELOW', 'KURANG'],
    ['ABOVE', 'MEETS', 'BAIK'],
    ['ABOVE', 'ABOVE', 'SANGAT_BAIK'],
    ['MEETS', 'BELOW', 'KURANG'],
    ['MEETS', 'MEETS', 'BAIK'],
    ['MEETS', 'ABOVE', 'BAIK'],
    ['BELOW', 'BELOW', 'SANGAT_KURANG'],
    ['BELOW', 'MEETS', 'BUTUH_PERBAIKAN'],
    ['BELOW', 'ABOVE', 'BUTUH_PERBAIKAN'],
  ] as const)('work result %s × behaviour %s → %s', (workResult, behaviour, predikat) => {
    expect(predikatOf(workResult, behaviour)).toBe(predikat);
  });
});

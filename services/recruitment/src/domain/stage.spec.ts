import { currentPhase, previousStage } from './stage';

describe('stages', () => {
  it.each([
    [[], 'VERIFICATION'],
    [['ADMINISTRATION'], 'SKD'],
    [['ADMINISTRATION', 'SKD'], 'SKB'],
    [['ADMINISTRATION', 'SKD', 'FINAL'], 'HIRING'],
  ] as const)('after %p the committee works on %s', (stages, phase) => {
    expect(currentPhase(stages.map((stage) => ({ stage })))).toBe(phase);
  });

  it('orders the announcements', () => {
    expect([previousStage('ADMINISTRATION'), previousStage('SKD'), previousStage('FINAL')]).toEqual([null, 'ADMINISTRATION', 'SKD']);
  });
});

import { wouldCreateReportingCycle } from './reporting-line.rule';

describe('wouldCreateReportingCycle', () => {
  it.each([
    ['reporting to itself', 'A', ['A'], true],
    ['reporting to its own report', 'A', ['B', 'A', 'ROOT'], true],
    ['reporting to someone far below', 'A', ['D', 'C', 'B', 'A'], true],
    ['reporting to a peer', 'A', ['B', 'ROOT'], false],
    ['reporting to the top', 'A', ['ROOT'], false],
    ['no supervisor', 'A', [], false],
  ])('%s', (_case, position, chain, expected) => {
    expect(wouldCreateReportingCycle(position, chain)).toBe(expected);
  });
});

import { hasObjectionWindowClosed, isObjectionWindowOpen, objectionWindowCloses } from './objection-window.rule';

/** A clock the test moves by hand. */
function controllableClock(start: string) {
  let now = new Date(start);
  return { now: () => now, advance: (hours: number) => (now = new Date(now.getTime() + hours * 3_600_000)) };
}

describe('the objection window (masa sanggah)', () => {
  const announcedAt = new Date('2027-05-10T03:00:00Z');
  const window = { announcedAt, objectionClosesAt: objectionWindowCloses(announcedAt) };

  it('closes three days after the announcement', () => {
    expect(window.objectionClosesAt).toEqual(new Date('2027-05-13T03:00:00Z'));
    expect(objectionWindowCloses(announcedAt, 5)).toEqual(new Date('2027-05-15T03:00:00Z'));
  });

  it.each([
    // hours after the announcement, objection open, next stage may be announced
    [-1, false, false],
    [0, true, false],
    [1, true, false],
    [47, true, false],
    [71.99, true, false],
    [72, false, true],
    [100, false, true],
  ])('%p hours after: objections %s, next announcement %s', (hours, open, closed) => {
    const clock = controllableClock('2027-05-10T03:00:00Z');
    clock.advance(hours);
    expect(isObjectionWindowOpen(window, clock.now())).toBe(open);
    expect(hasObjectionWindowClosed(window, clock.now())).toBe(closed);
  });
});

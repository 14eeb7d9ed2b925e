import { type ValidationError } from '@kinerja/errors';

import { defaultSettings, validateSettings } from './settings';

describe('agency performance settings', () => {
  it('starts from the regulation defaults', () => {
    expect(validateSettings(defaultSettings('A'))).toMatchObject({
      cadence: 'QUARTERLY',
      distributionEnforcement: 'WARN',
      minJustificationLength: 30,
      utcOffsetHours: 7,
      reminderDaysBefore: [7, 1],
    });
  });

  it.each([
    ['none: no reminders', [], true],
    ['on the day', [0], true],
    ['negative', [-1], false],
    ['twice the same', [7, 7], false],
    ['more than 60 days', [61], false],
    ['more than five', [1, 2, 3, 4, 5, 6], false],
  ])('reminderDaysBefore %s', (_case, reminderDaysBefore, valid) => {
    const attempt = () => validateSettings({ ...defaultSettings('A'), reminderDaysBefore });
    if (valid) expect(attempt().reminderDaysBefore).toEqual(reminderDaysBefore);
    else expect(attempt).toThrow('reminderDaysBefore');
  });

  it('names every bad value, the policy ones under workResultPolicy', () => {
    const bad = {
      ...defaultSettings('A'),
      fillInDays: 91,
      utcOffsetHours: 6,
      workResultPolicy: { ...defaultSettings('A').workResultPolicy, aboveFromPercent: 80 },
    };
    try {
      validateSettings(bad);
      throw new Error('accepted');
    } catch (error) {
      expect((error as ValidationError).problems.map((p) => p.field)).toEqual(['fillInDays', 'utcOffsetHours', 'workResultPolicy.aboveFromPercent']);
    }
  });
});

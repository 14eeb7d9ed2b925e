import { type ValidationError } from '@kinerja/errors';

import { defaultSettings, validateSettings } from './settings';

describe('agency performance settings', () => {
  it('starts from the regulation defaults', () => {
    expect(validateSettings(defaultSettings('A'))).toMatchObject({
      cadence: 'QUARTERLY',
      distributionEnforcement: 'WARN',
      minJustificationLength: 30,
      utcOffsetHours: 7,
    });
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

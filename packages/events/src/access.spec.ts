import { SERVICES, topicAccessOf } from './access';
import { EVENT_CATALOGUE, EVENT_TYPES } from './catalogue';

describe('topicAccessOf', () => {
  it('lets performance write only its own topics and the dead letters of what it reads', () => {
    const access = topicAccessOf('performance');
    expect(access.write).toEqual(
      expect.arrayContaining(['performance.assessment.finalized', 'performance.sanction.issued', 'identity.employee.transferred.dlq']),
    );
    expect(access.write).not.toContain('identity.employee.transferred');
    expect(access.read).toEqual(expect.arrayContaining(['identity.employee.transferred', 'feedback.cycle.completed', 'development.training.completed']));
    expect(access.read).not.toContain('performance.assessment.finalized');
    expect(access.group).toBe('performance');
  });

  it('gives every event topic exactly one writer, its producer', () => {
    for (const type of EVENT_TYPES) {
      const writers = SERVICES.filter((service) => topicAccessOf(service).write.includes(type));
      expect([type, writers]).toEqual([type, [EVENT_CATALOGUE[type].producer]]);
    }
  });
});

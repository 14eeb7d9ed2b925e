import { EVENT_CATALOGUE, type EventType } from './catalogue';
import { createEnvelope } from './envelope';

const fieldsOf = (type: EventType) => Object.keys(EVENT_CATALOGUE[type].payload.shape);
const typesWith = (field: string) => (Object.keys(EVENT_CATALOGUE) as EventType[]).filter((type) => fieldsOf(type).includes(field)).sort();

// Payloads carry what their consumers use, no more: every topic is readable by each consumer.
describe('personal data on the wire', () => {
  it('carries a NIP only on the employee topics (performance prints it, development matches a hire by it) and the hire (identity registers it)', () => {
    expect(typesWith('nip')).toEqual(
      [
        'identity.employee.left',
        'identity.employee.registered',
        'identity.employee.snapshot',
        'identity.employee.transferred',
        'recruitment.applicant.hired',
      ].sort(),
    );
  });

  it.each<[EventType, string]>([
    ['performance.sanction.issued', 'note'],
    ['performance.reward.granted', 'note'],
    ['identity.employee.left', 'reason'],
  ])('%s carries no free-text %s', (type, field) => {
    expect(fieldsOf(type)).not.toContain(field);
  });

  it('drops a free-text note a producer still passes, so it never leaves the service', () => {
    const envelope = createEnvelope({
      id: '00000000-0000-4000-8000-0000000000ee',
      type: 'performance.sanction.issued',
      agencyId: '00000000-0000-4000-8000-0000000000aa',
      producer: 'performance',
      payload: {
        sanctionId: '00000000-0000-4000-8000-000000000001',
        employeeId: '00000000-0000-4000-8000-000000000002',
        kind: 'COACHING',
        assessmentId: null,
        note: 'Sering terlambat rapat',
      } as never,
    });
    expect(envelope.payload).not.toHaveProperty('note');
  });
});

import { randomUUID } from 'node:crypto';

import { EVENT_CATALOGUE, EVENT_TYPES } from './catalogue';
import { createEnvelope, InvalidEventError, keyOf, parseEnvelope } from './envelope';

const employeeId = randomUUID();
const registered = {
  employeeId,
  nip: '198609262015051001',
  name: 'Budi Santoso',
  agencyId: randomUUID(),
  orgUnitId: randomUUID(),
  positionId: null,
  supervisorEmployeeId: null,
  employmentType: 'PNS' as const,
};

describe('event envelopes', () => {
  it('round-trips an event through JSON with its version and key', () => {
    const envelope = createEnvelope({
      id: randomUUID(),
      type: 'identity.employee.registered',
      agencyId: registered.agencyId,
      producer: 'identity',
      payload: registered,
    });
    expect(envelope.version).toBe(1);
    const parsed = parseEnvelope(JSON.stringify(envelope));
    expect(parsed).toEqual(envelope);
    expect(keyOf(parsed)).toBe(employeeId);
  });

  it('refuses to produce a payload that does not match its schema', () => {
    expect(() =>
      createEnvelope({
        id: randomUUID(),
        type: 'identity.employee.registered',
        agencyId: registered.agencyId,
        producer: 'identity',
        payload: { ...registered, nip: '123' },
      }),
    ).toThrow(InvalidEventError);
  });

  it.each([
    ['not JSON', '{'],
    ['an unknown type', { type: 'identity.employee.promoted' }],
    ['another version', { version: 2 }],
    ['a payload off its schema', { payload: { ...registered, employmentType: 'HONORER' } }],
    ['a missing id', { id: undefined }],
  ])('refuses to consume %s', (_case, change) => {
    const envelope = createEnvelope({
      id: randomUUID(),
      type: 'identity.employee.registered',
      agencyId: registered.agencyId,
      producer: 'identity',
      payload: registered,
    });
    const raw = typeof change === 'string' ? change : JSON.stringify({ ...envelope, ...change });
    expect(() => parseEnvelope(raw)).toThrow(InvalidEventError);
  });

  it('keys every event type by a person, so their events stay in order', () => {
    for (const type of EVENT_TYPES) expect(typeof EVENT_CATALOGUE[type].key).toBe('function');
  });
});

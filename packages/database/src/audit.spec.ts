import { auditContextOf, auditContextOfEvent } from './audit';

describe('audit context', () => {
  it('names the user and the request of a use case', () => {
    expect(auditContextOf({ viewer: { userId: 'user-1' }, requestId: 'request-1' })).toEqual({ actorUserId: 'user-1', requestId: 'request-1' });
  });

  it('names the event, and no user, for a change an event caused', () => {
    expect(auditContextOfEvent('7f0c7a52-5a1e-4f4e-9f51-2d6f3c1b8a90')).toEqual({ actorUserId: null, requestId: 'event:7f0c7a52-5a1e-4f4e-9f51-2d6f3c1b8a90' });
  });
});

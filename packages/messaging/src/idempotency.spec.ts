import { handleEventOnceWith, handleEventsOnceWith, type TransactionalClient } from './idempotency';

/** Claims kept in memory, the way processed_event keeps them: one per consumer and event id. */
class ClaimsTransaction {
  constructor(private readonly claims: Set<string>) {}

  async $executeRawUnsafe(_sql: string, ...values: unknown[]): Promise<number> {
    const [eventId, consumer] = values as [string, string];
    return this.claim(`${consumer}/${eventId}`) ? 1 : 0;
  }

  async $queryRawUnsafe<Row>(_sql: string, ...values: unknown[]): Promise<Row[]> {
    const [eventIds, consumer] = values as [string[], string];
    return eventIds.filter((eventId) => this.claim(`${consumer}/${eventId}`)).map((eventId) => ({ eventId }) as Row);
  }

  private claim(key: string): boolean {
    if (this.claims.has(key)) return false;
    this.claims.add(key);
    return true;
  }
}

const clientOver = (claims: Set<string>): TransactionalClient<ClaimsTransaction> => ({
  $transaction: (work) => work(new ClaimsTransaction(claims)),
});

/** A store's own transaction object, as the services' PrismaEventTransaction. */
class Unit {
  wroteOutbox = false;
  constructor(readonly tx: ClaimsTransaction) {}
}

const FIRST = '00000000-0000-4000-8000-000000000001';
const SECOND = '00000000-0000-4000-8000-000000000002';

describe('handling an event once in the event store’s own transaction object', () => {
  it('hands the work its object, and wakes the relay only when the work wrote outbox rows', async () => {
    const client = clientOver(new Set());
    let wakes = 0;
    const wake = () => void wakes++;
    expect(
      await handleEventOnceWith(
        client,
        'test',
        FIRST,
        (tx) => new Unit(tx),
        async (unit) => void (unit.wroteOutbox = true),
        wake,
      ),
    ).toBe(true);
    expect(wakes).toBe(1);
    expect(
      await handleEventOnceWith(
        client,
        'test',
        SECOND,
        (tx) => new Unit(tx),
        async () => undefined,
        wake,
      ),
    ).toBe(true);
    expect(wakes).toBe(1);
  });

  it('does nothing for a redelivered event', async () => {
    const client = clientOver(new Set());
    const handled: string[] = [];
    const work = async (unit: Unit) => void handled.push(unit.constructor.name);
    await handleEventOnceWith(client, 'test', FIRST, (tx) => new Unit(tx), work);
    expect(await handleEventOnceWith(client, 'test', FIRST, (tx) => new Unit(tx), work)).toBe(false);
    expect(handled).toEqual(['Unit']);
  });

  it('hands a batch’s work the ids claimed now, and wakes the relay when it wrote outbox rows', async () => {
    const client = clientOver(new Set([`test/${FIRST}`]));
    let wakes = 0;
    let seen: readonly string[] = [];
    const claimed = await handleEventsOnceWith(
      client,
      'test',
      [FIRST, SECOND],
      (tx) => new Unit(tx),
      async (unit, fresh) => {
        seen = [...fresh];
        unit.wroteOutbox = true;
      },
      () => void wakes++,
    );
    expect([...claimed]).toEqual([SECOND]);
    expect(seen).toEqual([SECOND]);
    expect(wakes).toBe(1);
  });
});

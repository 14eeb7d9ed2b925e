import type { Database } from './open-database';
import { type PrismaClientOptions, prismaClientOver } from './prisma-client';

/** Stands in for a generated PrismaClient: keeps its options and lets the test emit query events. */
class RecordingClient {
  private readonly listeners: ((event: { query: string }) => void)[] = [];

  constructor(readonly options: PrismaClientOptions) {}

  $on(_event: 'query', listener: (event: { query: string }) => void): void {
    this.listeners.push(listener);
  }

  emit(query: string): void {
    for (const listener of this.listeners) listener({ query });
  }
}

const database = { adapter: { provider: 'postgres' } } as unknown as Database;

describe('prismaClientOver', () => {
  it('builds the client over the database adapter without query events when nobody observes', () => {
    const client = prismaClientOver<RecordingClient>(RecordingClient, database);
    expect(client.options).toEqual({ adapter: database.adapter });
  });

  it('asks for query events and hands every statement to the observer', () => {
    const seen: string[] = [];
    const client = prismaClientOver<RecordingClient>(RecordingClient, database, (sql) => seen.push(sql));
    expect(client.options).toEqual({ adapter: database.adapter, log: [{ emit: 'event', level: 'query' }] });
    client.emit('SELECT 1');
    client.emit('SELECT 2');
    expect(seen).toEqual(['SELECT 1', 'SELECT 2']);
  });
});

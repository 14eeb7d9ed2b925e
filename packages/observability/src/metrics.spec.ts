import { createMetrics } from './metrics';

describe('createMetrics', () => {
  it('reads every service’s sources on scrape, labelled by service', async () => {
    const metrics = createMetrics();
    metrics.addSources('identity', { outboxBacklog: async () => 12, consumer: { isRunning: () => true, lag: () => 40 } });
    metrics.addSources('performance', { outboxBacklog: () => 0, consumer: { isRunning: () => false }, dbPool: () => ({ total: 10, idle: 2, waiting: 5 }) });
    const { body, contentType } = await metrics.scrape();
    expect(contentType).toMatch(/^text\/plain/);
    expect(body).toMatch(/^outbox_backlog\{service="identity"\} 12$/m);
    expect(body).toMatch(/^outbox_backlog\{service="performance"\} 0$/m);
    expect(body).toMatch(/^consumer_running\{service="identity"\} 1$/m);
    expect(body).toMatch(/^consumer_running\{service="performance"\} 0$/m);
    expect(body).toMatch(/^consumer_lag\{service="identity"\} 40$/m);
    expect(body).not.toMatch(/^consumer_lag\{service="performance"\}/m);
    expect(body).toMatch(/^db_pool_connections\{service="performance",state="waiting"\} 5$/m);
    expect(body).not.toMatch(/^db_pool_connections\{service="identity"/m);
  });

  it('reads the outbox’s oldest unsent age and the consumer group’s lag per partition', async () => {
    const metrics = createMetrics();
    const lagByPartition = async () => [
      { topic: 'identity.employee.transferred', partition: 0, lag: 0 },
      { topic: 'identity.employee.transferred', partition: 2, lag: 17 },
    ];
    metrics.addSources('development', { outboxOldestUnsentAge: async () => 42.5, consumer: { isRunning: () => true, group: 'development', lagByPartition } });
    metrics.addSources('identity', { consumer: { isRunning: () => true, group: 'identity', lagByPartition: () => undefined } });
    const { body } = await metrics.scrape();
    expect(body).toMatch(/^outbox_oldest_unsent_age_seconds\{service="development"\} 42.5$/m);
    expect(body).toMatch(/^consumer_group_lag\{service="development",group="development",topic="identity.employee.transferred",partition="2"\} 17$/m);
    expect(body).toMatch(/^consumer_group_lag\{service="development",group="development",topic="identity.employee.transferred",partition="0"\} 0$/m);
    expect(body).not.toMatch(/^consumer_group_lag\{service="identity"/m);
  });

  it('counts the consumer’s dead letters per topic and reason code', async () => {
    const metrics = createMetrics();
    const counts = [
      { topic: 'identity.employee.transferred', reason: 'AGENCY_MISMATCH', count: 2 },
      { topic: 'performance.assessment.finalized', reason: 'HANDLER_FAILED', count: 1 },
    ];
    metrics.addSources('development', { consumer: { isRunning: () => true, deadLetterCounts: () => counts } });
    const { body } = await metrics.scrape();
    expect(body).toMatch(/^# TYPE consumer_dead_letters_total counter$/m);
    expect(body).toMatch(/^consumer_dead_letters_total\{service="development",topic="identity.employee.transferred",reason="AGENCY_MISMATCH"\} 2$/m);
    expect(body).toMatch(/^consumer_dead_letters_total\{service="development",topic="performance.assessment.finalized",reason="HANDLER_FAILED"\} 1$/m);
  });

  it('still answers when a source fails, throws or hangs, leaving that value out', async () => {
    const metrics = createMetrics({ sourceTimeoutMs: 50 });
    metrics.addSources('rejects', { outboxBacklog: () => Promise.reject(new Error('database down')) });
    metrics.addSources('throws', {
      outboxBacklog: () => {
        throw new Error('no pool');
      },
      consumer: {
        isRunning: () => {
          throw new Error('gone');
        },
        lag: () => {
          throw new Error('gone');
        },
      },
      dbPool: () => {
        throw new Error('closed');
      },
    });
    metrics.addSources('hangs', { outboxBacklog: () => new Promise<number>(() => undefined) });
    metrics.addSources('fine', { outboxBacklog: () => 3 });
    const { body } = await metrics.scrape();
    expect(body).toMatch(/^outbox_backlog\{service="fine"\} 3$/m);
    expect(body).not.toMatch(/service="(rejects|hangs)"/);
    expect(body).toMatch(/^consumer_running\{service="throws"\} 0$/m);
    expect(body).not.toMatch(/^(outbox_backlog|consumer_lag|db_pool_connections)\{service="throws"/m);
  });

  it('drops a service’s sources when it removes them, but not a newer registration under the same name', async () => {
    const metrics = createMetrics();
    const removeOld = metrics.addSources('identity', { outboxBacklog: () => 1 });
    metrics.addSources('identity', { outboxBacklog: () => 2 });
    removeOld();
    expect((await metrics.scrape()).body).toMatch(/^outbox_backlog\{service="identity"\} 2$/m);
    const removeAll = metrics.addSources('identity', { outboxBacklog: () => 3 });
    removeAll();
    expect((await metrics.scrape()).body).not.toContain('service="identity"');
  });

  it('keeps a registry per instance, each with the default Node metrics', async () => {
    const a = createMetrics();
    const b = createMetrics();
    a.graphqlErrors.inc({ code: 'FORBIDDEN' });
    expect((await a.scrape()).body).toMatch(/^graphql_errors_total\{code="FORBIDDEN"\} 1$/m);
    expect((await b.scrape()).body).not.toMatch(/^graphql_errors_total\{/m);
    expect((await b.scrape()).body).toMatch(/^process_cpu_user_seconds_total /m);
  });
});

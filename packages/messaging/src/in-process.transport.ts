import type { IncomingMessage, MessageHandler, OutgoingMessage, SubscribeOptions, Subscription, Transport } from './transport';

interface Group {
  topics: Set<string>;
  handle: MessageHandler;
  next: number;
  running: boolean;
  pumping: Promise<void> | null;
}

/**
 * The embedded mode's bus: one log in memory, each consumer group reading it in order at its own
 * offset, one message at a time — the delivery semantics of a single-partition topic. Everything
 * before it (outbox, relay) and after it (consumer, handlers) is the same code as with Kafka.
 */
export class InProcessTransport implements Transport {
  readonly kind = 'in-process' as const;
  private readonly log: OutgoingMessage[] = [];
  private offsetBase = 0;
  private readonly groups = new Map<string, Group>();

  async publish(messages: readonly OutgoingMessage[]): Promise<void> {
    this.log.push(...messages.map((message) => ({ ...message, headers: { ...message.headers } })));
    for (const group of this.groups.values()) this.pump(group);
  }

  async subscribe(options: SubscribeOptions): Promise<Subscription> {
    const existing = this.groups.get(options.groupId);
    // A group that subscribes again resumes at its committed offset, as it would on Kafka.
    const group: Group = { topics: new Set(options.topics), handle: options.handle, next: existing?.next ?? this.offsetBase, running: true, pumping: null };
    this.groups.set(options.groupId, group);
    this.pump(group);
    return {
      isRunning: () => group.running,
      stop: async () => {
        group.running = false;
        await group.pumping;
      },
    };
  }

  /** Resolves once every running group has read everything published so far. */
  async idle(): Promise<void> {
    for (;;) {
      const busy = [...this.groups.values()].filter((group) => group.running && (group.pumping || group.next < this.offsetBase + this.log.length));
      if (busy.length === 0) return;
      await Promise.all(busy.map((group) => group.pumping ?? new Promise((resolve) => setImmediate(resolve))));
    }
  }

  async close(): Promise<void> {
    await Promise.all(
      [...this.groups.values()].map(async (group) => {
        group.running = false;
        await group.pumping;
      }),
    );
  }

  private pump(group: Group): void {
    if (group.pumping || !group.running) return;
    group.pumping = (async () => {
      // Yield first: a body that finished synchronously would clear `pumping` before it is set.
      await Promise.resolve();
      while (group.running && group.next < this.offsetBase + this.log.length) {
        const offset = group.next;
        const message = this.log[offset - this.offsetBase] as OutgoingMessage;
        if (group.topics.has(message.topic)) {
          const incoming: IncomingMessage = { ...message, partition: 0, offset: String(offset) };
          await group.handle(incoming);
        }
        group.next = offset + 1;
      }
      group.pumping = null;
      this.trim();
    })();
  }

  /** Forgets messages every group has read. */
  private trim(): void {
    const lowest = Math.min(...[...this.groups.values()].map((group) => group.next));
    const drop = lowest - this.offsetBase;
    if (drop > 1000) {
      this.log.splice(0, drop);
      this.offsetBase = lowest;
    }
  }
}

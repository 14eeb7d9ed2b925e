import { randomUUID } from 'node:crypto';

import { createLogger } from '@kinerja/logger';
import pino from 'pino';

import { testBrokers } from '../../../test/support/kafka';
import { KafkaTransport } from '../src';

// A service is ready only once its producer is connected (startService awaits prepare()), so the
// first events after a start do not pay for the connection and the producer id.
describe('KafkaTransport.prepare on a real Kafka broker', () => {
  it('connects the producer ahead of the first publish', async () => {
    const transport = new KafkaTransport({
      brokers: testBrokers(),
      clientId: `prepare-${randomUUID().slice(0, 8)}`,
      logger: createLogger({ name: 'prepare-test', level: 'silent' }),
    });
    try {
      expect(transport.producerConnected).toBe(false);
      await transport.prepare();
      expect(transport.producerConnected).toBe(true);
    } finally {
      await transport.close();
    }
  });

  it('resolves without a producer when the broker cannot be reached, and says so in the log', async () => {
    const lines: string[] = [];
    const logger = pino({ level: 'warn' }, { write: (line: string) => void lines.push(line) });
    const transport = new KafkaTransport({ brokers: ['127.0.0.1:1'], clientId: `prepare-${randomUUID().slice(0, 8)}`, logger });
    try {
      await expect(transport.prepare()).resolves.toBeUndefined();
      expect(transport.producerConnected).toBe(false);
      expect(lines.join('')).toContain('producer not connected ahead of the first publish');
    } finally {
      await transport.close();
    }
  }, 60_000);
});

import { InProcessTransport } from './in-process.transport';
import type { IncomingMessage } from './transport';

const message = (topic: string, value: string) => ({ topic, key: 'k', value, headers: {} });

describe('InProcessTransport', () => {
  it('delivers each group every message of its topics, in publish order', async () => {
    const transport = new InProcessTransport();
    const a: string[] = [];
    const b: string[] = [];
    await transport.subscribe({ groupId: 'a', topics: ['t1'], handle: async (m) => void a.push(m.value) });
    await transport.subscribe({ groupId: 'b', topics: ['t1', 't2'], handle: async (m) => void b.push(m.value) });
    await transport.publish([message('t1', '1'), message('t2', '2'), message('t1', '3')]);
    await transport.idle();
    expect(a).toEqual(['1', '3']);
    expect(b).toEqual(['1', '2', '3']);
  });

  it('handles one message at a time and resumes a group where it stopped', async () => {
    const transport = new InProcessTransport();
    const seen: IncomingMessage[] = [];
    let inFlight = 0;
    const subscription = await transport.subscribe({
      groupId: 'g',
      topics: ['t'],
      handle: async (m) => {
        inFlight += 1;
        expect(inFlight).toBe(1);
        await new Promise((resolve) => setTimeout(resolve, 1));
        seen.push(m);
        inFlight -= 1;
      },
    });
    await transport.publish([message('t', '1'), message('t', '2')]);
    await transport.idle();
    await subscription.stop();
    await transport.publish([message('t', '3')]);
    await transport.subscribe({ groupId: 'g', topics: ['t'], handle: async (m) => void seen.push(m) });
    await transport.idle();
    expect(seen.map((m) => m.value)).toEqual(['1', '2', '3']);
  });
});

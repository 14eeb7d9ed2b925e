import { clientAddressOf } from './client-address';

describe('clientAddressOf', () => {
  it.each<[string, string | string[] | undefined, number, string]>([
    ['no proxy: the socket, whatever the header says', '6.6.6.6', 0, '10.0.0.9'],
    ['no proxy, no header', undefined, 0, '10.0.0.9'],
    ['one proxy: the entry it appended', '203.0.113.7', 1, '203.0.113.7'],
    ['one proxy: a client-written entry on the left is ignored', '6.6.6.6, 203.0.113.7', 1, '203.0.113.7'],
    ['two proxies', '6.6.6.6, 203.0.113.7, 10.1.0.1', 2, '203.0.113.7'],
    ['repeated headers are one list', ['6.6.6.6', '203.0.113.7'], 1, '203.0.113.7'],
    ['fewer entries than hops: the leftmost', '203.0.113.7', 3, '203.0.113.7'],
    ['one proxy but no header: the socket', undefined, 1, '10.0.0.9'],
  ])('%s', (_case, header, hops, expected) => {
    expect(clientAddressOf(header, '10.0.0.9', hops)).toBe(expected);
  });

  it('reads an IPv4-mapped IPv6 peer as its IPv4 address', () => {
    expect(clientAddressOf(undefined, '::ffff:127.0.0.1', 0)).toBe('127.0.0.1');
    expect(clientAddressOf(undefined, '::1', 0)).toBe('::1');
  });
});

import type { IncomingMessage } from 'node:http';

import { clientAddress } from './client-address';

const request = (forwardedFor: string | undefined, socket = '10.1.0.5') =>
  ({ headers: forwardedFor === undefined ? {} : { 'x-forwarded-for': forwardedFor }, socket: { remoteAddress: socket } }) as unknown as IncomingMessage;

describe('clientAddress', () => {
  it.each([
    ['no proxy trusted: the socket, whatever the header says', '203.0.113.9', 0, '10.1.0.5'],
    ['no proxy trusted, no header', undefined, 0, '10.1.0.5'],
    ['one proxy (the Ingress): the address it appended', '203.0.113.9', 1, '203.0.113.9'],
    ['one proxy: what the client wrote before it is ignored', '6.6.6.6, 203.0.113.9', 1, '203.0.113.9'],
    ['two proxies: the address the outer one saw', '6.6.6.6, 203.0.113.9, 10.0.0.2', 2, '203.0.113.9'],
    ['a proxy trusted but no header: the socket', undefined, 1, '10.1.0.5'],
    ['more hops trusted than entries: the leftmost entry', '203.0.113.9', 3, '203.0.113.9'],
  ])('%s', (_name, header, hops, expected) => {
    expect(clientAddress(request(header), hops)).toBe(expected);
  });
});

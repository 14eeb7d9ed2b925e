// @ts-check
import { Agent as HttpAgent, request as httpRequest } from 'node:http';

/** The headers fetch (undici) sends by itself: the client below sends them too, so a server does the same work per request. */
const FETCH_HEADERS = { accept: '*/*', 'accept-language': '*', 'sec-fetch-mode': 'cors', 'user-agent': 'node', 'accept-encoding': 'gzip, deflate' };

/**
 * A load generator's HTTP client: POSTs with node:http on kept-alive sockets, at a fraction of
 * fetch's CPU (a benchmark's client shares the machine's cores with what it measures; bench:ikm's
 * fetch cost about half as much CPU per citizen as the gateway). A failed request rejects with an
 * error whose `cause` is the socket's (its `code`), as fetch's does.
 */
export function httpClient() {
  const agent = new HttpAgent({ keepAlive: true });
  /** @type {Map<string, URL>} */
  const urls = new Map();
  /** @param {string} url @param {string} body @param {Record<string, string>} headers @returns {Promise<{ status: number; text: string }>} */
  const send = (url, body, headers) => {
    let target = urls.get(url);
    if (!target) urls.set(url, (target = new URL(url)));
    const to = target;
    return new Promise((resolve, reject) => {
      const req = httpRequest(to, { method: 'POST', agent, headers: { ...headers, ...FETCH_HEADERS, 'content-length': Buffer.byteLength(body) } }, (res) => {
        /** @type {Buffer[]} */
        const chunks = [];
        res.on('data', (chunk) => chunks.push(chunk));
        res.on('error', (error) => reject(new Error(error.message, { cause: error })));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
      });
      req.on('error', (error) => reject(new Error(error.message, { cause: error })));
      req.end(body);
    });
  };
  return { send, close: () => agent.destroy() };
}

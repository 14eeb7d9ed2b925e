// @ts-check
// Hive Gateway's configuration for npm run bench:gateway: its defaults, plus the one thing it needs
// to serve this graph at all — the caller's token (and the request id) passed on to the subgraphs,
// as the project's gateway does. Hive forwards no client header unless told to.
import { defineConfig } from '@graphql-hive/gateway';

const FORWARDED = ['authorization', 'x-request-id'];

export const gatewayConfig = defineConfig({
  propagateHeaders: {
    fromClientToSubgraphs: ({ request }) =>
      Object.fromEntries(
        FORWARDED.flatMap((name) => {
          const value = request.headers.get(name);
          return value ? [[name, value]] : [];
        }),
      ),
  },
});

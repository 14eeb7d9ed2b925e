import { AsyncLocalStorage } from 'node:async_hooks';

export interface RequestScope {
  /** Issued by the server at the edge (the gateway) and passed on to the subgraphs. */
  requestId: string;
  /** The id a client sent, kept apart for correlation on its side; never used as the request id. */
  clientRequestId?: string;
  /** The caller's Accept-Language header: the gateway answers errors in it (Indonesian by default). */
  acceptLanguage?: string | undefined;
}

const storage = new AsyncLocalStorage<RequestScope>();

/** The request being served, for code with no context argument (the error formatter, logs). */
export function currentRequest(): RequestScope | undefined {
  return storage.getStore();
}

export function runInRequestScope<T>(scope: RequestScope, work: () => T): T {
  return storage.run(scope, work);
}

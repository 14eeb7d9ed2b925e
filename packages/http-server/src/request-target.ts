/** A request target the URL parser reads as it is: segments of safe characters (no dot segments, no `//`), no query string. */
const PLAIN_TARGET = /^(?:\/[\w-]+)*\/?$/;

/** The path and query string of a request's target: `/graphql` as it is (every request asks for it), anything else through the URL parser. */
export function requestTargetOf(url: string | undefined): { pathname: string; search: string } {
  if (url !== undefined && url.length > 0 && PLAIN_TARGET.test(url)) return { pathname: url, search: '' };
  const { pathname, search } = new URL(url ?? '/', 'http://localhost');
  return { pathname, search };
}

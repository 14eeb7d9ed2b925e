import type { ErrorCode } from './domain-error';

/** The HTTP status of a coded error, for the routes that answer outside GraphQL (downloads). */
export function httpStatusOf(code: ErrorCode): number {
  switch (code) {
    case 'BAD_USER_INPUT':
      return 400;
    case 'UNAUTHENTICATED':
      return 401;
    case 'FORBIDDEN':
      return 403;
    case 'NOT_FOUND':
      return 404;
    case 'CONFLICT':
      return 409;
    default: {
      const unreachable: never = code;
      throw new Error(`no HTTP status for ${String(unreachable)}`);
    }
  }
}

export { clientErrorFromDatabase } from './database-error';
export {
  ConflictError,
  DomainError,
  type ErrorCode,
  type FieldProblem,
  ForbiddenError,
  NotFoundError,
  UnauthenticatedError,
  ValidationError,
} from './domain-error';
export { type ErrorLanguage, errorLanguageOf, localizeError } from './error-language';
export { createErrorFormatter } from './format-error';
export { httpStatusOf } from './http-status';

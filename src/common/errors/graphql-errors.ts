import { GraphQLError, GraphQLFormattedError } from 'graphql';
import { DomainError, FieldError } from './domain-errors';
import { translateDatabaseError } from './database-errors';

const CONTRACT_CODES = new Set([
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'BAD_USER_INPUT',
  'NOT_FOUND',
  'CONFLICT',
  'INVALID_STATE',
  'TOO_MANY_REQUESTS',
  'SERVICE_UNAVAILABLE',
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
  'BAD_REQUEST',
]);

/**
 * Variable coercion errors (a Money with three decimals, a Date that is not a day) arrive from
 * graphql-js as BAD_USER_INPUT with the path inside the message; give them `fields` like every
 * other validation error.
 */
function coercionFields(message: string): FieldError[] | undefined {
  const variable = /^Variable "\$(\w+)" got invalid value .*?(?: at "([^"]+)")?; (.*)$/s.exec(
    message,
  );
  if (!variable) return undefined;
  return [{ path: variable[2] ?? variable[1], message: variable[3] }];
}

/**
 * graphql-js stops coercing variables after 50 errors (a list of a thousand wrong items) and
 * throws this error without a code, which Apollo would report as INTERNAL_SERVER_ERROR; it is the
 * client's input all the same.
 */
const VARIABLE_ERROR_LIMIT = 'Too many errors processing variables, error limit reached.';

function isVariableErrorLimit(message: string | undefined): boolean {
  return message?.startsWith(VARIABLE_ERROR_LIMIT) ?? false;
}

function originalOf(error: unknown): unknown {
  return error instanceof GraphQLError ? (error.originalError ?? error) : error;
}

/** Whether an error is one the client caused or may retry, rather than a fault to log. */
export function isExpectedError(error: unknown): boolean {
  const original = originalOf(error);
  if (original instanceof DomainError || translateDatabaseError(original)) return true;
  if (error instanceof GraphQLError && isVariableErrorLimit(error.message)) return true;
  const code = error instanceof GraphQLError ? error.extensions?.code : undefined;
  return typeof code === 'string' && CONTRACT_CODES.has(code);
}

/**
 * The last step before an error leaves the service: contract codes keep their message and
 * extensions; a database outage that escaped a resolver becomes SERVICE_UNAVAILABLE; anything else
 * becomes INTERNAL_SERVER_ERROR with a generic message (logged with the request id by the error
 * logging plugin). Stack traces, SQL and driver messages never leave.
 */
export function formatGraphQLError(
  formatted: GraphQLFormattedError,
  error: unknown,
): GraphQLFormattedError {
  const extensions = { ...(formatted.extensions ?? {}) } as Record<string, unknown>;
  delete extensions.stacktrace;
  delete extensions.exception;
  if (isVariableErrorLimit(formatted.message)) extensions.code = 'BAD_USER_INPUT';
  const code = typeof extensions.code === 'string' ? extensions.code : undefined;
  if (code && CONTRACT_CODES.has(code)) {
    if (code === 'BAD_USER_INPUT' && !extensions.fields) {
      extensions.fields = coercionFields(formatted.message) ?? [];
    }
    return {
      message: formatted.message,
      locations: formatted.locations,
      path: formatted.path,
      extensions,
    };
  }
  const domain = translateDatabaseError(originalOf(error));
  if (domain) {
    return {
      message: domain.message,
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code: domain.code, ...domain.extensions },
    };
  }
  return {
    message: 'Internal server error',
    locations: formatted.locations,
    path: formatted.path,
    extensions: { code: 'INTERNAL_SERVER_ERROR' },
  };
}

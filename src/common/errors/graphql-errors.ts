import { Logger } from '@nestjs/common';
import { GraphQLError, GraphQLFormattedError } from 'graphql';
import { FieldError } from './domain-errors';

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

const logger = new Logger('GraphQL');

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
 * The last step before an error leaves the service: contract codes keep their message and
 * extensions; anything else becomes INTERNAL_SERVER_ERROR with a generic message, logged here
 * with the request id. Stack traces never leave.
 */
export function formatGraphQLError(
  formatted: GraphQLFormattedError,
  error: unknown,
  requestId?: string,
): GraphQLFormattedError {
  const extensions = { ...(formatted.extensions ?? {}) } as Record<string, unknown>;
  delete extensions.stacktrace;
  delete extensions.exception;
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
  const original = error instanceof GraphQLError ? (error.originalError ?? error) : error;
  logger.error(
    { requestId, err: original },
    `Unhandled error: ${original instanceof Error ? (original.stack ?? original.message) : String(original)}`,
  );
  return {
    message: 'Internal server error',
    locations: formatted.locations,
    path: formatted.path,
    extensions: { code: 'INTERNAL_SERVER_ERROR', ...(requestId ? { requestId } : {}) },
  };
}

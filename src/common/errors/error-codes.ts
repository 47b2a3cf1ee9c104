/**
 * The one table of error codes. Every `extensions.code` the service sends is a key here; the HTTP
 * status of a REST answer (evidence, export), the list of codes the contract names and the codes
 * a client may act on are all read from it.
 */
export const ERROR_CODES = {
  // Codes services raise as domain errors (src/common/errors/domain-errors.ts).
  UNAUTHENTICATED: { httpStatus: 401, domain: true },
  FORBIDDEN: { httpStatus: 403, domain: true },
  BAD_USER_INPUT: { httpStatus: 400, domain: true },
  NOT_FOUND: { httpStatus: 404, domain: true },
  CONFLICT: { httpStatus: 409, domain: true },
  INVALID_STATE: { httpStatus: 409, domain: true },
  TOO_MANY_REQUESTS: { httpStatus: 429, domain: true },
  SERVICE_UNAVAILABLE: { httpStatus: 503, domain: true },
  INTERNAL_SERVER_ERROR: { httpStatus: 500, domain: true },
  // Codes Apollo Server and graphql-js give a document or request they refuse before execution.
  GRAPHQL_PARSE_FAILED: { httpStatus: 400, domain: false },
  GRAPHQL_VALIDATION_FAILED: { httpStatus: 400, domain: false },
  PERSISTED_QUERY_NOT_FOUND: { httpStatus: 400, domain: false },
  PERSISTED_QUERY_NOT_SUPPORTED: { httpStatus: 400, domain: false },
  // GRAPHQL_TRUSTED_DOCUMENTS=contract: a document that is not a trusted one (src/graphql/trusted-documents.ts).
  PERSISTED_QUERY_REQUIRED: { httpStatus: 400, domain: false },
  OPERATION_RESOLUTION_FAILURE: { httpStatus: 400, domain: false },
  BAD_REQUEST: { httpStatus: 400, domain: false },
} as const satisfies Record<string, { httpStatus: number; domain: boolean }>;

export type AnyErrorCode = keyof typeof ERROR_CODES;

/** Codes a domain error may carry. */
export type ErrorCode = {
  [Code in AnyErrorCode]: (typeof ERROR_CODES)[Code]['domain'] extends true ? Code : never;
}[AnyErrorCode];

export function isErrorCode(code: unknown): code is AnyErrorCode {
  return typeof code === 'string' && Object.prototype.hasOwnProperty.call(ERROR_CODES, code);
}

/**
 * Codes that leave the service as they are: the client caused them or may retry. Anything else
 * becomes INTERNAL_SERVER_ERROR, so this is every code but that one.
 */
export function isClientFacingCode(code: unknown): code is AnyErrorCode {
  return isErrorCode(code) && code !== 'INTERNAL_SERVER_ERROR';
}

export function httpStatusOf(code: AnyErrorCode): number {
  return ERROR_CODES[code].httpStatus;
}

/** The domain code a REST status stands for (the first in the table with that status). */
export function codeOfHttpStatus(status: number): ErrorCode | undefined {
  return (Object.keys(ERROR_CODES) as AnyErrorCode[]).find(
    (code): code is ErrorCode =>
      ERROR_CODES[code].domain && ERROR_CODES[code].httpStatus === status,
  );
}

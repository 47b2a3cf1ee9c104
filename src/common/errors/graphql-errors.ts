import { GraphQLError, GraphQLFormattedError } from 'graphql';
import { describedIn } from '../messages/described-error';
import { message, render, type Language, type Message } from '../messages/message';
import { DomainError, type FieldError } from './domain-errors';
import { toDomainError } from './to-domain-error';
import { isClientFacingCode } from './error-codes';

/**
 * What an error says by key, kept beside the formatted error under a symbol (never serialised),
 * so the language plugin can write it in the caller's language once the request's language is
 * known (formatError has no request).
 */
export const DESCRIBED = Symbol('described');

interface Described {
  message: Message;
  fields?: FieldError[];
}

export type DescribedFormattedError = GraphQLFormattedError & { [DESCRIBED]?: Described };

/**
 * Variable coercion errors (a Money with three decimals, a Date that is not a day) arrive from
 * graphql-js as BAD_USER_INPUT with the path inside the message; give them `fields` like every
 * other validation error, with the scalar's own message by key when it gave one.
 */
function coercionFields(text: string, error: unknown): FieldError[] | undefined {
  const variable = /^Variable "\$(\w+)" got invalid value .*?(?: at "([^"]+)")?; (.*)$/s.exec(text);
  if (!variable) return undefined;
  const path = variable[2] ?? variable[1];
  const detail = variable[3];
  // A field of an input object left out or not in its type: name that field, not the object.
  const missing = /^Field "(\w+)" of required type "[^"]+" was not provided\.$/.exec(detail);
  if (missing) return [{ path: `${path}.${missing[1]}`, message: message('validation.required') }];
  const unknown = /^Field "(\w+)" is not defined by type "(\w+)"\./.exec(detail);
  if (unknown)
    return [
      {
        path: `${path}.${unknown[1]}`,
        message: message('validation.unknownField', { type: unknown[2] }),
      },
    ];
  return [
    {
      path,
      message: describedIn(error) ?? message('validation.coercion', { detail }),
    },
  ];
}

/**
 * graphql-js stops coercing variables after 50 errors (a list of a thousand wrong items) and
 * throws this error without a code, which Apollo would report as INTERNAL_SERVER_ERROR; it is the
 * client's input all the same.
 */
const VARIABLE_ERROR_LIMIT = 'Too many errors processing variables, error limit reached.';

function isVariableErrorLimit(text: string | undefined): boolean {
  return text?.startsWith(VARIABLE_ERROR_LIMIT) ?? false;
}

/** The error at the bottom of graphql-js's and the exception filter's wrapping. */
function originalOf(error: unknown): unknown {
  let current = error;
  for (
    let depth = 0;
    depth < 5 && current instanceof GraphQLError && current.originalError;
    depth += 1
  )
    current = current.originalError;
  return current;
}

/** Whether an error is one the client caused or may retry, rather than a fault to log. */
export function isExpectedError(error: unknown): boolean {
  const original = originalOf(error);
  if (toDomainError(original)) return true;
  if (error instanceof GraphQLError && isVariableErrorLimit(error.message)) return true;
  const code = error instanceof GraphQLError ? error.extensions?.code : undefined;
  return isClientFacingCode(code);
}

function renderFields(
  fields: FieldError[],
  language: Language,
): { path: string; message: string }[] {
  return fields.map((field) => ({ path: field.path, message: render(field.message, language) }));
}

/** A domain error as the client sees it, in `language`. */
function fromDomain(
  formatted: GraphQLFormattedError,
  domain: DomainError,
  language: Language,
): DescribedFormattedError {
  const fields =
    domain.code === 'BAD_USER_INPUT' ? (domain.extensions.fields as FieldError[]) : undefined;
  const described: Described = { message: domain.described, fields };
  return withDescription(
    {
      message: formatted.message,
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code: domain.code, ...domain.extensions },
    },
    described,
    language,
  );
}

function withDescription(
  error: GraphQLFormattedError,
  described: Described,
  language: Language,
): DescribedFormattedError {
  const localized: DescribedFormattedError = {
    ...error,
    message: render(described.message, language),
    extensions: {
      ...error.extensions,
      ...(described.fields ? { fields: renderFields(described.fields, language) } : {}),
    },
  };
  // A symbol key survives spreads and never reaches JSON.
  localized[DESCRIBED] = described;
  return localized;
}

/**
 * The last step before an error leaves the service: contract codes keep their meaning and
 * extensions, with the message by key written in `language`; a database outage that escaped a
 * resolver becomes SERVICE_UNAVAILABLE; anything else becomes INTERNAL_SERVER_ERROR with a
 * generic message (logged with the request id by the error logging plugin). Stack traces, SQL and
 * driver messages never leave. Errors graphql-js or Apollo raise before execution keep their
 * English text.
 */
export function formatGraphQLError(
  formatted: GraphQLFormattedError,
  error: unknown,
  language: Language = 'en',
): DescribedFormattedError {
  const extensions = { ...(formatted.extensions ?? {}) } as Record<string, unknown>;
  delete extensions.stacktrace;
  delete extensions.exception;
  const original = originalOf(error);
  if (original instanceof DomainError) return fromDomain(formatted, original, language);
  if (isVariableErrorLimit(formatted.message)) extensions.code = 'BAD_USER_INPUT';
  const code = extensions.code;
  if (isClientFacingCode(code)) {
    const base = {
      message: formatted.message,
      locations: formatted.locations,
      path: formatted.path,
      extensions,
    };
    if (code !== 'BAD_USER_INPUT' || extensions.fields) return base;
    const fields = coercionFields(formatted.message, error) ?? [];
    return withDescription(
      base,
      {
        message: message('error.coercion', {
          detail: formatted.message,
          paths: fields.map((field) => field.path),
        }),
        fields,
      },
      language,
    );
  }
  // A field resolver's HttpException or database error (they run without the exception filter).
  const domain = toDomainError(original);
  if (domain) return fromDomain(formatted, domain, language);
  return withDescription(
    {
      message: formatted.message,
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    },
    { message: message('error.internal') },
    language,
  );
}

/** The same error in another language, where it was described by key; else as it is. */
export function localizeFormattedError(
  error: DescribedFormattedError,
  language: Language,
): DescribedFormattedError {
  const described = error[DESCRIBED];
  return described ? withDescription(error, described, language) : error;
}

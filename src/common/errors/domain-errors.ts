import { isMessage, message, render, type Message } from '../messages/message';
import type { ErrorCode } from './error-codes';

export type { ErrorCode } from './error-codes';

/**
 * Errors services throw. Each carries the contract's `extensions.code` and a message by key
 * (src/common/messages); the GraphQL layer (graphql-errors.ts) and the REST layer
 * (exception.filter.ts) turn them into answers in the caller's language, in one place each.
 * `Error.message` is the English rendering, for logs.
 */

/** A field at fault: its path from the argument (`input.findings[0].goods.value`) and why. */
export interface FieldError {
  path: string;
  /** TRANSITIONAL: `string` until every area gives keys; BadUserInput turns it into a Message. */
  message: Message | string;
}

/** A field error as BadUserInput keeps it: always by key. */
export interface DescribedFieldError {
  path: string;
  message: Message;
}

/** TRANSITIONAL: finished English text, until its area throws keys (see messages/en/legacy.ts). */
type Text = Message | string;

function asMessage(text: Text): Message {
  return typeof text === 'string' ? message('legacy.text', { text }) : text;
}

export class DomainError extends Error {
  /** The message of this error, by key. */
  readonly described: Message;

  constructor(
    readonly code: ErrorCode,
    text: Text,
    readonly extensions: Record<string, unknown> = {},
  ) {
    const described = asMessage(text);
    super(render(described, 'en'));
    this.described = described;
    this.name = new.target.name;
  }
}

export class Unauthenticated extends DomainError {
  constructor(text: Text = message('error.unauthenticated')) {
    super('UNAUTHENTICATED', text);
  }
}

export class Forbidden extends DomainError {
  constructor(text: Text = message('error.forbidden')) {
    super('FORBIDDEN', text);
  }
}

export class NotFound extends DomainError {
  constructor(entity: string, id?: string) {
    const name = isMessage({ key: `entity.${entity}` })
      ? message(`entity.${entity}` as Message['key'])
      : entity;
    super(
      'NOT_FOUND',
      id
        ? message('error.notFound', { entity: name, id })
        : message('error.notFoundNoId', { entity: name }),
      { entity },
    );
  }
}

export class Conflict extends DomainError {
  constructor(text: Text, extensions: Record<string, unknown> = {}) {
    super('CONFLICT', text, extensions);
  }
}

export class InvalidState extends DomainError {
  /** `from` is the record's state, `action` the move refused (both contract words). */
  constructor(text: Text, from: string, action: string) {
    super('INVALID_STATE', text, { from, action });
  }
}

export class BadUserInput extends DomainError {
  constructor(readonly fields: FieldError[]) {
    const described = fields.map(toFieldError);
    super(
      'BAD_USER_INPUT',
      described.length
        ? message('error.badUserInput', {
            paths: described.map((field) => field.path),
            details: described
              .map((field) => `${field.path}: ${render(field.message, 'en')}`)
              .join('; '),
          })
        : message('error.badUserInputNoFields'),
      { fields: described },
    );
  }

  static field(path: string, text: Text): BadUserInput {
    return new BadUserInput([{ path, message: asMessage(text) }]);
  }
}

function toFieldError(field: FieldError): DescribedFieldError {
  return { path: field.path, message: asMessage(field.message) };
}

export class TooManyRequests extends DomainError {
  constructor(retryAfterSeconds: number) {
    super('TOO_MANY_REQUESTS', message('error.tooManyRequests', { seconds: retryAfterSeconds }), {
      retryAfterSeconds,
    });
  }
}

export class ServiceUnavailable extends DomainError {
  constructor(text: Text = message('error.serviceUnavailable')) {
    super('SERVICE_UNAVAILABLE', text);
  }
}

import { isMessageKey, message, render, type Message } from '../messages/message';
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
  message: Message;
}

export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    /** The message of this error, by key. */
    readonly described: Message,
    readonly extensions: Record<string, unknown> = {},
  ) {
    super(render(described, 'en'));
    this.name = new.target.name;
  }
}

export class Unauthenticated extends DomainError {
  constructor(described: Message = message('error.unauthenticated')) {
    super('UNAUTHENTICATED', described);
  }
}

export class Forbidden extends DomainError {
  constructor(described: Message = message('error.forbidden')) {
    super('FORBIDDEN', described);
  }
}

export class NotFound extends DomainError {
  /** `entity` is the GraphQL type name (`Premises`), named in the caller's language. */
  constructor(entity: string, id?: string) {
    const key = `entity.${entity}`;
    const name = isMessageKey(key) ? message(key) : entity;
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
  constructor(described: Message, extensions: Record<string, unknown> = {}) {
    super('CONFLICT', described, extensions);
  }
}

export class InvalidState extends DomainError {
  /** `from` is the record's state, `action` the move refused (both contract words). */
  constructor(described: Message, from: string, action: string) {
    super('INVALID_STATE', described, { from, action });
  }
}

export class BadUserInput extends DomainError {
  constructor(readonly fields: FieldError[]) {
    super(
      'BAD_USER_INPUT',
      fields.length
        ? message('error.badUserInput', {
            paths: fields.map((field) => field.path),
            details: fields
              .map((field) => `${field.path}: ${render(field.message, 'en')}`)
              .join('; '),
          })
        : message('error.badUserInputNoFields'),
      { fields },
    );
  }

  static field(path: string, described: Message): BadUserInput {
    return new BadUserInput([{ path, message: described }]);
  }
}

export class TooManyRequests extends DomainError {
  constructor(retryAfterSeconds: number) {
    super('TOO_MANY_REQUESTS', message('error.tooManyRequests', { seconds: retryAfterSeconds }), {
      retryAfterSeconds,
    });
  }
}

export class ServiceUnavailable extends DomainError {
  constructor(described: Message = message('error.serviceUnavailable')) {
    super('SERVICE_UNAVAILABLE', described);
  }
}

/**
 * Errors services throw. Each carries the contract's `extensions.code`; the GraphQL layer and the
 * HTTP layer map them in one place (graphql-errors.ts, http-exception.filter.ts).
 */
export interface FieldError {
  path: string;
  message: string;
}

export type ErrorCode =
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'BAD_USER_INPUT'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'INVALID_STATE'
  | 'TOO_MANY_REQUESTS'
  | 'SERVICE_UNAVAILABLE'
  | 'INTERNAL_SERVER_ERROR';

export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly extensions: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class Unauthenticated extends DomainError {
  constructor(message = 'Authentication required') {
    super('UNAUTHENTICATED', message);
  }
}

export class Forbidden extends DomainError {
  constructor(message = 'You are not allowed to do this') {
    super('FORBIDDEN', message);
  }
}

export class NotFound extends DomainError {
  constructor(entity: string, id?: string) {
    super('NOT_FOUND', id ? `${entity} ${id} not found` : `${entity} not found`, { entity });
  }
}

export class Conflict extends DomainError {
  constructor(message: string, extensions: Record<string, unknown> = {}) {
    super('CONFLICT', message, extensions);
  }
}

export class InvalidState extends DomainError {
  constructor(message: string, from: string, action: string) {
    super('INVALID_STATE', message, { from, action });
  }
}

export class BadUserInput extends DomainError {
  constructor(
    readonly fields: FieldError[],
    message = fields.map((field) => `${field.path}: ${field.message}`).join('; ') ||
      'Invalid input',
  ) {
    super('BAD_USER_INPUT', message, { fields });
  }

  static field(path: string, message: string): BadUserInput {
    return new BadUserInput([{ path, message }]);
  }
}

export class TooManyRequests extends DomainError {
  constructor(retryAfterSeconds: number) {
    super('TOO_MANY_REQUESTS', `Too many attempts; retry in ${retryAfterSeconds} seconds`, {
      retryAfterSeconds,
    });
  }
}

export class ServiceUnavailable extends DomainError {
  constructor(message = 'The service is temporarily unavailable; retry later') {
    super('SERVICE_UNAVAILABLE', message);
  }
}

import { HttpException } from '@nestjs/common';
import { message } from '../messages/message';
import { translateDatabaseError } from './database-errors';
import { DomainError } from './domain-errors';
import { codeOfHttpStatus } from './error-codes';

/**
 * What an exception means to a client, if it is not a fault: a domain error as it is, a Nest
 * HttpException with a contract status by its code, a database error the client caused or may
 * retry. Used by the exception filter (REST, root resolvers) and by formatGraphQLError (field
 * resolvers, which run without Nest's filters: see src/graphql/context.ts).
 */
export function toDomainError(exception: unknown): DomainError | undefined {
  if (exception instanceof DomainError) return exception;
  if (exception instanceof HttpException) {
    const code = codeOfHttpStatus(exception.getStatus());
    if (code && code !== 'INTERNAL_SERVER_ERROR')
      return new DomainError(code, message('error.http', { detail: exception.message }));
    return undefined;
  }
  return translateDatabaseError(exception);
}

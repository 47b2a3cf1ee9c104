import { ArgumentsHost, Catch, HttpException, Logger } from '@nestjs/common';
import { GqlContextType, GqlExceptionFilter } from '@nestjs/graphql';
import type { Response } from 'express';
import { GraphQLError } from 'graphql';
import { DomainError } from './domain-errors';
import { translateDatabaseError } from './database-errors';

const HTTP_STATUS: Record<string, number> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  BAD_USER_INPUT: 400,
  NOT_FOUND: 404,
  CONFLICT: 409,
  INVALID_STATE: 409,
  TOO_MANY_REQUESTS: 429,
  SERVICE_UNAVAILABLE: 503,
  INTERNAL_SERVER_ERROR: 500,
};

function toDomainError(exception: unknown): DomainError | undefined {
  if (exception instanceof DomainError) return exception;
  if (exception instanceof HttpException) {
    const status = exception.getStatus();
    const code = Object.keys(HTTP_STATUS).find((key) => HTTP_STATUS[key] === status);
    if (code && code !== 'INTERNAL_SERVER_ERROR')
      return new DomainError(code as DomainError['code'], exception.message);
    return undefined;
  }
  return translateDatabaseError(exception);
}

/** The one place domain errors become GraphQL errors (with `extensions.code`) or HTTP answers. */
@Catch()
export class DomainExceptionFilter implements GqlExceptionFilter {
  private readonly logger = new Logger(DomainExceptionFilter.name);

  catch(exception: unknown, host: ArgumentsHost): unknown {
    const domain = toDomainError(exception);
    if (host.getType<GqlContextType>() === 'graphql') {
      if (exception instanceof GraphQLError) return exception;
      if (domain)
        return new GraphQLError(domain.message, {
          extensions: { code: domain.code, ...domain.extensions },
        });
      return exception;
    }
    const response = host.switchToHttp().getResponse<Response>();
    if (domain) {
      response
        .status(HTTP_STATUS[domain.code] ?? 500)
        .json({ code: domain.code, message: domain.message, ...domain.extensions });
      return undefined;
    }
    if (exception instanceof HttpException) {
      response
        .status(exception.getStatus())
        .json({ code: 'INTERNAL_SERVER_ERROR', message: exception.message });
      return undefined;
    }
    this.logger.error(exception instanceof Error ? exception.stack : String(exception));
    response.status(500).json({ code: 'INTERNAL_SERVER_ERROR', message: 'Internal server error' });
    return undefined;
  }
}

import { ArgumentsHost, Catch, HttpException, Logger } from '@nestjs/common';
import { GqlContextType, GqlExceptionFilter } from '@nestjs/graphql';
import type { Request, Response } from 'express';
import { GraphQLError } from 'graphql';
import { languageOf } from '../messages/language';
import { message, render } from '../messages/message';
import type { FieldError } from './domain-errors';
import { toDomainError } from './to-domain-error';
import { httpStatusOf } from './error-codes';

/**
 * The one place domain errors become GraphQL errors (with `extensions.code`, formatted by
 * graphql-errors.ts) or REST answers (evidence, export) in the caller's language.
 */
@Catch()
export class DomainExceptionFilter implements GqlExceptionFilter {
  private readonly logger = new Logger(DomainExceptionFilter.name);

  catch(exception: unknown, host: ArgumentsHost): unknown {
    const domain = toDomainError(exception);
    if (host.getType<GqlContextType>() === 'graphql') {
      if (exception instanceof GraphQLError) return exception;
      if (domain)
        return new GraphQLError(domain.message, {
          originalError: domain,
          extensions: { code: domain.code, ...domain.extensions },
        });
      return exception;
    }
    const http = host.switchToHttp();
    const response = http.getResponse<Response>();
    const language = languageOf(http.getRequest<Request>().headers['accept-language']);
    if (domain) {
      const fields = domain.extensions.fields as FieldError[] | undefined;
      response.status(httpStatusOf(domain.code)).json({
        code: domain.code,
        message: render(domain.described, language),
        ...domain.extensions,
        ...(fields
          ? {
              fields: fields.map((field) => ({
                path: field.path,
                message: render(field.message, language),
              })),
            }
          : {}),
      });
      return undefined;
    }
    if (exception instanceof HttpException) {
      response
        .status(exception.getStatus())
        .json({ code: 'INTERNAL_SERVER_ERROR', message: exception.message });
      return undefined;
    }
    this.logger.error(exception instanceof Error ? exception.stack : String(exception));
    response.status(500).json({
      code: 'INTERNAL_SERVER_ERROR',
      message: render(message('error.internal'), language),
    });
    return undefined;
  }
}

import type { ApolloDriverConfig } from '@nestjs/apollo';
import { Logger } from '@nestjs/common';
import { isExpectedError } from '../common/errors/graphql-errors';
import type { GraphQLContext } from './context';

const logger = new Logger('GraphQL');

type Plugin = NonNullable<ApolloDriverConfig['plugins']>[number];

/** Logs every unexpected error with the request id and the officer, once, server-side only. */
export const errorLoggingPlugin: Plugin = {
  requestDidStart() {
    return Promise.resolve({
      didEncounterErrors({ errors, contextValue, request }) {
        const context = contextValue as Partial<GraphQLContext>;
        for (const error of errors) {
          if (isExpectedError(error)) continue;
          const original = error.originalError ?? error;
          logger.error({
            msg: `Unhandled error in ${request.operationName ?? 'anonymous operation'}: ${original.message}`,
            requestId: context.req?.id,
            officerId: context.req?.officer?.id,
            path: error.path?.join('.'),
            stack: original.stack,
          });
        }
        return Promise.resolve();
      },
    });
  },
};

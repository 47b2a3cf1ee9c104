import type { ApolloDriverConfig } from '@nestjs/apollo';
import { OperationTypeNode } from 'graphql';
import type { GraphQLContext } from './context';

type Plugin = NonNullable<ApolloDriverConfig['plugins']>[number];

/**
 * In a mutation, the request's loaders read the primary: the payload's field resolvers must see
 * the rows the mutation just wrote, which a lagging read replica may not have yet. Queries keep
 * reading the replica. Runs once the operation is known, before any resolver.
 */
export const mutationsReadPrimaryPlugin: Plugin = {
  requestDidStart() {
    return Promise.resolve({
      didResolveOperation({ operation, contextValue }) {
        if (operation?.operation !== OperationTypeNode.QUERY)
          (contextValue as Partial<GraphQLContext>).loaders?.readFromPrimary();
        return Promise.resolve();
      },
    });
  },
};

import type {
  ApolloServerPlugin,
  GraphQLRequestContext,
  GraphQLRequestContextWillSendResponse,
  GraphQLRequestListener,
} from '@apollo/server';
import { Plugin } from '@nestjs/apollo';
import { GraphQLError } from 'graphql';
import { outcomeOf } from './labels';
import { MetricsService } from './metrics.service';

type Context = Record<string, unknown>;

/**
 * Counts every GraphQL operation by name and outcome and times it. The outcome is what the client
 * sees: `ok`, or the first error's `extensions.code` after formatting. Nest's Apollo driver finds
 * this provider by its `@Plugin()` decorator.
 */
@Plugin()
export class GraphQLMetricsPlugin implements ApolloServerPlugin<Context> {
  private readonly started = new WeakMap<object, bigint>();

  constructor(private readonly metrics: MetricsService) {}

  requestDidStart(
    context: GraphQLRequestContext<Context>,
  ): Promise<GraphQLRequestListener<Context>> {
    this.started.set(context, process.hrtime.bigint());
    return Promise.resolve({
      willSendResponse: (response: GraphQLRequestContextWillSendResponse<Context>) => {
        const body = response.response.body;
        const errors =
          body.kind === 'single' ? body.singleResult.errors : body.initialResult.errors;
        this.record(response, outcomeOf(errors));
        return Promise.resolve();
      },
    });
  }

  /**
   * A hook that throws ends the request without `willSendResponse`: graphql-armor's token limit
   * parses the document in `parsingDidStart`, and its errors (a syntax error, too many tokens)
   * carry no code until armor rethrows them as GRAPHQL_VALIDATION_FAILED, as the client sees them.
   */
  unexpectedErrorProcessingRequest({
    requestContext,
    error,
  }: {
    requestContext: GraphQLRequestContext<Context>;
    error: Error;
  }): Promise<void> {
    const code = error instanceof GraphQLError ? error.extensions.code : undefined;
    const outcome =
      typeof code === 'string'
        ? outcomeOf([{ extensions: { code } }])
        : error instanceof GraphQLError
          ? 'GRAPHQL_VALIDATION_FAILED'
          : 'INTERNAL_SERVER_ERROR';
    this.record(requestContext, outcome);
    return Promise.resolve();
  }

  private record(context: GraphQLRequestContext<Context>, outcome: string): void {
    const started = this.started.get(context) ?? process.hrtime.bigint();
    this.started.delete(context);
    const operation = this.metrics.operationNames.label(
      context.operation?.name?.value,
      context.operation !== undefined,
    );
    const type = context.operation?.operation ?? 'unknown';
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    this.metrics.recordGraphQL(operation, type, outcome, seconds);
  }
}

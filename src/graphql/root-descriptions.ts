import type { GraphQLSchema } from 'graphql';

/**
 * Code-first Nest builds the root operation types itself and offers no place for their
 * descriptions; the explorer and generated clients show them, so they are set here.
 */
export function describeRootTypes(schema: GraphQLSchema): GraphQLSchema {
  const query = schema.getQueryType();
  if (query)
    query.description =
      'Reads (查询). Every field needs a bearer token except where it says otherwise; inspectors and supervisors see their own jurisdiction (管辖范围), managers and administrators see everything.';
  const mutation = schema.getMutationType();
  if (mutation)
    mutation.description =
      'Changes (变更). Each writes its rows and their audit events (审计日志) in one transaction; mutations the field app sends take an idempotency key.';
  const subscription = schema.getSubscriptionType();
  if (subscription)
    subscription.description =
      'Live updates (实时推送) over a WebSocket, with the same bearer token.';
  return schema;
}

import type { CurrentOfficer } from '../auth/current-officer';
import type { AuthenticatedRequest } from '../auth/decorators';
import { Scope } from '../common/scope';
import type { Loaders } from './loaders';

export interface GraphQLContext {
  req: AuthenticatedRequest;
  loaders: Loaders;
  /** Set on WebSocket subscriptions: the officer and token verified at connection_init. */
  connection?: SubscriberConnection;
}

/** The officer and bearer token of a WebSocket connection, verified at connection_init. */
export interface SubscriberConnection {
  token: string;
  officer: CurrentOfficer;
}

/*
 * Field resolvers of the types lists return (a node's `bureau`, `inspection`, `overdue`…) run once
 * per node, up to 100 times per field in a page. Written without parameter decorators, as
 * `field(parent, args, context)`, @nestjs/graphql binds them to graphql-js as they are; with
 * `@Parent()`/`@Context()` every call goes through Nest's external context (param factories, the
 * global pipe, the exception filter), which the profile of issue 15 found costing more than the
 * field's own work. Errors they throw still get their contract codes in formatGraphQLError.
 */

/**
 * The jurisdiction of the officer of a request, for field resolvers written without parameter
 * decorators (the root resolver's guard, or connection_init on a WebSocket, set the officer).
 */
export function scopeOf(context: GraphQLContext): Scope {
  const officer = context.req.officer;
  if (!officer) throw new Error('scopeOf() on a request without an officer');
  return Scope.of(officer);
}

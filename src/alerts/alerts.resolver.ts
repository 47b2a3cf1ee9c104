import { Context, Resolver, Subscription } from '@nestjs/graphql';
import { GraphQLError } from 'graphql';
import { Roles } from '../auth/decorators';
import { Unauthenticated } from '../common/errors/domain-errors';
import { Scope } from '../common/scope';
import type { GraphQLContext } from '../graphql/context';
import { ExposedProductAlertType } from './dto/exposed-product-alert.types';
import { ALERT_ROLES, AlertsService } from './alerts.service';
import type { ExposedProductEvent } from './exposed-product-events';

@Resolver(() => ExposedProductAlertType)
export class AlertsResolver {
  constructor(private readonly alerts: AlertsService) {}

  @Subscription(() => ExposedProductAlertType, {
    description:
      'Pushes an alert at once whenever an inspection in any sweep records a finding tied to an exposed product (发现被曝光产品), via logInspection or addFinding, on any instance of the service. MANAGER or ADMIN only (others get FORBIDDEN); over WebSocket (graphql-transport-ws) at /graphql with `{ authorization: "Bearer <token>" }` in the connection_init payload. The officer is checked again before each alert (at most 5 s stale): a deactivated officer or an expired token ends the subscription with UNAUTHENTICATED. Alerts raised while the connection is down are not replayed: reload the findings list after reconnecting.',
    resolve(
      this: AlertsResolver,
      event: ExposedProductEvent | undefined,
      _args: unknown,
      context: GraphQLContext,
    ) {
      // Apollo runs a subscription sent by HTTP POST as a query, with no event.
      if (!event) throw overWebSocketOnly();
      // A subscription's context lives as long as the connection: every alert gets fresh loaders
      // so that nested fields never show rows cached from an earlier alert.
      context.loaders = context.loaders.fresh();
      const officer = context.connection?.officer ?? context.req.officer;
      if (!officer) throw new Unauthenticated();
      return this.alerts.alertOf(event, context.loaders, Scope.of(officer));
    },
  })
  @Roles(...ALERT_ROLES)
  exposedProductFound(
    @Context() context: GraphQLContext,
  ): AsyncIterableIterator<ExposedProductEvent> {
    if (!context.connection) throw overWebSocketOnly();
    return this.alerts.exposedProductsFor(context.connection);
  }
}

function overWebSocketOnly(): GraphQLError {
  return new GraphQLError('Subscribe over WebSocket (graphql-transport-ws) at /graphql', {
    extensions: { code: 'BAD_REQUEST' },
  });
}

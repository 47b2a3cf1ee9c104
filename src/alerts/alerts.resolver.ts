import { Context, Resolver, Subscription } from '@nestjs/graphql';
import { GraphQLError } from 'graphql';
import { DataSource } from 'typeorm';
import { Roles } from '../auth/decorators';
import type { GraphQLContext } from '../graphql/context';
import { Loaders } from '../graphql/loaders';
import { ExposedProductAlertType } from './dto/exposed-product-alert.types';
import { ALERT_ROLES, AlertsService } from './alerts.service';
import type { ExposedProductEvent } from './exposed-product-events';

@Resolver(() => ExposedProductAlertType)
export class AlertsResolver {
  constructor(
    private readonly alerts: AlertsService,
    private readonly dataSource: DataSource,
  ) {}

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
      context.loaders = new Loaders(this.dataSource);
      return this.alerts.alertOf(event, context.loaders);
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

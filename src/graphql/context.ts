import type { CurrentOfficer } from '../auth/current-officer';
import type { AuthenticatedRequest } from '../auth/decorators';
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

import type { AuthenticatedRequest } from '../auth/decorators';
import type { Loaders } from './loaders';

export interface GraphQLContext {
  req: AuthenticatedRequest;
  loaders: Loaders;
}

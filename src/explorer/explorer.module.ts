import { Inject, MiddlewareConsumer, Module, NestModule, RequestMethod } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { ExplorerMiddleware } from './explorer.middleware';

/**
 * The offline GraphQL explorer for frontend developers: on in development, in production only
 * with GRAPHQL_EXPLORER=true. Apollo's own landing page stays off (`graphiql: false`).
 */
@Module({})
export class ExplorerModule implements NestModule {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  configure(consumer: MiddlewareConsumer): void {
    if (!this.config.graphqlExplorer) return;
    consumer
      .apply(ExplorerMiddleware)
      .forRoutes(
        { path: 'graphql', method: RequestMethod.GET },
        { path: 'graphql-explorer/{*path}', method: RequestMethod.GET },
      );
  }
}

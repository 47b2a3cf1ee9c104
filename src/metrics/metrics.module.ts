import { MiddlewareConsumer, Module, NestModule, RequestMethod } from '@nestjs/common';
import { GraphQLMetricsPlugin } from './graphql-metrics.plugin';
import { HttpMetricsMiddleware } from './http-metrics.middleware';
import { MetricsServer } from './metrics.server';
import { MetricsService } from './metrics.service';

/** Prometheus metrics (监控指标), served on their own port when METRICS_PORT is set. */
@Module({
  providers: [MetricsService, GraphQLMetricsPlugin, MetricsServer],
  exports: [MetricsService],
})
export class MetricsModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(HttpMetricsMiddleware).forRoutes({ path: '{*path}', method: RequestMethod.ALL });
  }
}

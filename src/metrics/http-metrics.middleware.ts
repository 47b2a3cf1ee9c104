import { Injectable, NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { methodOf, routeOf } from './labels';
import { MetricsService } from './metrics.service';

/** Counts and times every HTTP request on the main port once its response is finished. */
@Injectable()
export class HttpMetricsMiddleware implements NestMiddleware {
  constructor(private readonly metrics: MetricsService) {}

  use(request: Request, response: Response, next: NextFunction): void {
    const started = process.hrtime.bigint();
    response.once('finish', () => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      this.metrics.recordHttp(
        methodOf(request.method),
        routeOf(request.originalUrl),
        response.statusCode,
        seconds,
      );
    });
    next();
  }
}

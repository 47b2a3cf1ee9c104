import { Injectable } from '@nestjs/common';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { DataSource } from 'typeorm';
import { OperationNames } from './labels';

const PREFIX = 'sweep_tracker_';

/** Seconds; from a cached lookup to a slow export. */
const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

/** The counters of a pg Pool (node-postgres) that TypeORM keeps as `driver.master`. */
interface PoolCounts {
  totalCount: number;
  idleCount: number;
  waitingCount: number;
  options?: { max?: number };
}

/**
 * Prometheus metrics (监控指标) of one application instance, in a registry of its own so that two
 * instances in one process (the tests) never share counters: GraphQL operations by name and
 * outcome, HTTP requests by route and status, the database pool, and Node's default metrics
 * (event-loop lag, heap, GC, CPU).
 */
@Injectable()
export class MetricsService {
  readonly registry = new Registry();
  readonly operationNames = new OperationNames();

  private readonly graphqlOperations = new Counter({
    name: `${PREFIX}graphql_operations_total`,
    help: 'GraphQL operations answered, by operation name, operation type and outcome (ok, or the first error code).',
    labelNames: ['operation', 'type', 'outcome'] as const,
    registers: [this.registry],
  });

  private readonly graphqlDuration = new Histogram({
    name: `${PREFIX}graphql_operation_duration_seconds`,
    help: 'Time from receiving a GraphQL operation to sending its response, in seconds, by operation name and type.',
    labelNames: ['operation', 'type'] as const,
    buckets: LATENCY_BUCKETS,
    registers: [this.registry],
  });

  private readonly httpRequests = new Counter({
    name: `${PREFIX}http_requests_total`,
    help: 'HTTP requests answered on the main port, by method, route and status code.',
    labelNames: ['method', 'route', 'status'] as const,
    registers: [this.registry],
  });

  private readonly httpDuration = new Histogram({
    name: `${PREFIX}http_request_duration_seconds`,
    help: 'Time from receiving an HTTP request on the main port to finishing its response, in seconds.',
    labelNames: ['method', 'route'] as const,
    buckets: LATENCY_BUCKETS,
    registers: [this.registry],
  });

  constructor(dataSource: DataSource) {
    collectDefaultMetrics({ register: this.registry });
    this.registerPoolGauges(dataSource);
  }

  recordGraphQL(operation: string, type: string, outcome: string, seconds: number): void {
    this.graphqlOperations.inc({ operation, type, outcome });
    this.graphqlDuration.observe({ operation, type }, seconds);
  }

  recordHttp(method: string, route: string, status: number, seconds: number): void {
    this.httpRequests.inc({ method, route, status: String(status) });
    this.httpDuration.observe({ method, route }, seconds);
  }

  /** The Prometheus text exposition of every metric. */
  async render(): Promise<{ contentType: string; body: string }> {
    return { contentType: this.registry.contentType, body: await this.registry.metrics() };
  }

  private registerPoolGauges(dataSource: DataSource): void {
    // TypeORM types the pg Pool as `any`; only these counters are read.
    const pool = (): PoolCounts | undefined =>
      (dataSource.driver as unknown as { master?: PoolCounts }).master;
    const gauge = (name: string, help: string, read: (counts: PoolCounts) => number): void => {
      new Gauge({
        name: `${PREFIX}${name}`,
        help,
        labelNames: ['pool'] as const,
        registers: [this.registry],
        collect() {
          const counts = pool();
          if (counts) this.set({ pool: 'primary' }, read(counts));
        },
      });
    };
    gauge(
      'db_pool_in_use_connections',
      'Database connections checked out of the pool and running a query or transaction.',
      (counts) => counts.totalCount - counts.idleCount,
    );
    gauge(
      'db_pool_idle_connections',
      'Open database connections waiting in the pool.',
      (counts) => counts.idleCount,
    );
    gauge(
      'db_pool_waiting_requests',
      'Requests queued for a database connection because the pool is exhausted.',
      (counts) => counts.waitingCount,
    );
    gauge(
      'db_pool_max_connections',
      'Most database connections the pool opens.',
      (counts) => counts.options?.max ?? 10,
    );
  }
}

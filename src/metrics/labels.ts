/**
 * Label values for the service's Prometheus metrics (监控指标). Every label set stays bounded: a
 * client that invents operation names or paths must not grow the registry without limit.
 */

/** Operation names beyond this many distinct ones are counted together as `other`. */
export const MAX_OPERATION_NAMES = 200;

/** Label for a document that did not parse or validate into an operation. */
export const UNRESOLVED_OPERATION = 'unresolved';

const GRAPHQL_NAME = /^[_A-Za-z][_0-9A-Za-z]{0,99}$/;

/** Remembers the operation names seen so far and gives each its own label, up to a limit. */
export class OperationNames {
  private readonly seen = new Set<string>();

  constructor(private readonly limit = MAX_OPERATION_NAMES) {}

  label(name: string | null | undefined, resolved: boolean): string {
    if (!resolved) return UNRESOLVED_OPERATION;
    if (!name) return 'anonymous';
    if (!GRAPHQL_NAME.test(name)) return 'other';
    if (this.seen.has(name)) return name;
    if (this.seen.size >= this.limit) return 'other';
    this.seen.add(name);
    return name;
  }
}

interface ErrorLike {
  extensions?: Record<string, unknown>;
}

/** `ok` for a response without errors, else the first error's `extensions.code`. */
export function outcomeOf(errors: readonly ErrorLike[] | undefined): string {
  if (!errors || errors.length === 0) return 'ok';
  const code = errors[0].extensions?.code;
  return typeof code === 'string' && /^[A-Z_]{1,60}$/.test(code) ? code : 'INTERNAL_SERVER_ERROR';
}

const KNOWN_ROUTES = ['/graphql', '/health/live', '/health/ready', '/metrics'];

/** The route label of an HTTP request: a known path, the explorer's assets, or `other`. */
export function routeOf(originalUrl: string): string {
  const path = originalUrl.split('?')[0].replace(/(.)\/+$/, '$1');
  if (KNOWN_ROUTES.includes(path)) return path;
  if (path.startsWith('/graphql-explorer/') || path === '/graphql-explorer') {
    return '/graphql-explorer';
  }
  return 'other';
}

const METHODS = new Set(['GET', 'POST', 'HEAD', 'OPTIONS', 'PUT', 'PATCH', 'DELETE']);

export function methodOf(method: string): string {
  return METHODS.has(method) ? method : 'other';
}

import { plainToInstance, Transform } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  validateSync,
} from 'class-validator';

/** Environment variables the service reads, validated once at start. */
class EnvironmentVariables {
  @IsIn(['development', 'production', 'test'])
  NODE_ENV = 'development';

  @Transform(({ value }: { value: unknown }) => (value === undefined ? 3000 : Number(value)))
  @IsInt()
  @Min(1)
  @Max(65535)
  PORT = 3000;

  @IsOptional()
  @Matches(/^postgres(ql)?:\/\/.+/, { message: 'must be a postgres:// or postgresql:// URL' })
  DATABASE_URL?: string;

  @IsOptional()
  @Matches(/^postgres(ql)?:\/\/.+/, { message: 'must be a postgres:// or postgresql:// URL' })
  DATABASE_READ_URL?: string;

  /** The server itself, bypassing a pooler: for the alerts listener (LISTEN) and migrations. */
  @IsOptional()
  @Matches(/^postgres(ql)?:\/\/.+/, { message: 'must be a postgres:// or postgresql:// URL' })
  DATABASE_DIRECT_URL?: string;

  @IsOptional()
  @IsString()
  @MinLength(32, { message: 'must be at least 32 characters' })
  JWT_SECRET?: string;

  /** Rotation: the secret JWT_SECRET replaced, still accepted until the longest token expires. */
  @IsOptional()
  @IsString()
  @MinLength(32, { message: 'must be at least 32 characters' })
  JWT_SECRET_PREVIOUS?: string;

  @Transform(({ value }: { value: unknown }) => (value === undefined ? 43200 : Number(value)))
  @IsInt()
  @Min(60)
  JWT_TTL_SECONDS = 43200;

  @IsString()
  @Matches(/^[A-Za-z0-9_-]{1,32}$/, { message: 'must be 1 to 32 letters, digits, - or _' })
  BOOTSTRAP_ADMIN_CERTIFICATE = 'admin';

  @IsOptional()
  @IsString()
  @MinLength(12, { message: 'must be at least 12 characters' })
  @MaxLength(200)
  BOOTSTRAP_ADMIN_PASSWORD?: string;

  @IsOptional()
  @Transform(({ value }: { value: unknown }) => parseBoolean(value))
  @IsBoolean({ message: 'must be true or false' })
  SEED_DEMO?: boolean;

  @IsOptional()
  @Transform(({ value }: { value: unknown }) => parseBoolean(value))
  @IsBoolean({ message: 'must be true or false' })
  GRAPHQL_INTROSPECTION?: boolean;

  @IsString()
  EMBEDDED_PG_DIR = '.data/postgres';

  @Transform(({ value }: { value: unknown }) => (value === undefined ? 54329 : Number(value)))
  @IsInt()
  @Min(1)
  @Max(65535)
  EMBEDDED_PG_PORT = 54329;

  @Transform(({ value }: { value: unknown }) => (value === undefined ? 10 : Number(value)))
  @IsInt()
  @Min(1)
  @Max(200)
  DATABASE_POOL_MAX = 10;

  @Transform(({ value }: { value: unknown }) => (value === undefined ? 15000 : Number(value)))
  @IsInt()
  @Min(100)
  @Max(600000)
  DATABASE_STATEMENT_TIMEOUT_MS = 15000;

  @Transform(({ value }: { value: unknown }) => (value === undefined ? 2000 : Number(value)))
  @IsInt()
  @Min(100)
  @Max(60000)
  DATABASE_CONNECT_TIMEOUT_MS = 2000;
  /** Folder of the evidence file store (证据文件), sharded by SHA-256 prefix. */
  @IsString()
  EVIDENCE_DIR = '.data/evidence';

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL = 'info';

  @IsOptional()
  @IsString()
  @MaxLength(200)
  TRUST_PROXY?: string;

  // 0 asks the system for a free port (the tests do); unset leaves the metrics listener off.
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (value === undefined ? undefined : Number(value)))
  @IsInt()
  @Min(0)
  @Max(65535)
  METRICS_PORT?: number;

  @IsString()
  @MaxLength(200)
  METRICS_HOST = '127.0.0.1';

  @IsOptional()
  @Transform(({ value }: { value: unknown }) => parseBoolean(value))
  @IsBoolean({ message: 'must be true or false' })
  GRAPHQL_EXPLORER?: boolean;

  /** `contract`: run only the contract's operations, named by hash (trusted documents). */
  @IsOptional()
  @IsIn(['contract', 'off'], { message: 'must be contract or off' })
  GRAPHQL_TRUSTED_DOCUMENTS?: 'contract' | 'off';
}

function parseBoolean(value: unknown): unknown {
  if (value === undefined || value === '') return undefined;
  if (value === 'true' || value === '1') return true;
  if (value === 'false' || value === '0') return false;
  return value;
}

function parseTrustProxy(value: string | undefined): boolean | number | string {
  if (value === undefined || value === 'false') return false;
  if (value === 'true') return true;
  return /^\d+$/.test(value) ? Number(value) : value;
}

export interface AppConfig {
  nodeEnv: 'development' | 'production' | 'test';
  isProduction: boolean;
  port: number;
  databaseUrl?: string;
  databaseReadUrl?: string;
  /**
   * A session-holding connection to the server that bypasses a transaction-mode pooler
   * (PgBouncer): the alerts listener's LISTEN and the migrations at start use it. Undefined: they
   * use databaseUrl (see `directDatabaseUrl`).
   */
  databaseDirectUrl?: string;
  /**
   * The token signing secret; undefined in production without JWT_SECRET, where the service
   * generates one once and keeps it in the database (server_secrets), shared by every instance.
   */
  jwtSecret?: string;
  /** Earlier secrets still accepted to verify tokens (JWT_SECRET_PREVIOUS), during a rotation. */
  jwtPreviousSecrets: string[];
  jwtTtlSeconds: number;
  bootstrapAdminCertificate: string;
  bootstrapAdminPassword?: string;
  seedDemo?: boolean;
  graphqlIntrospection: boolean;
  /** Most connections this instance holds open to PostgreSQL. */
  databasePoolMax: number;
  /** PostgreSQL `statement_timeout`: a statement running longer is cancelled (SERVICE_UNAVAILABLE). */
  databaseStatementTimeoutMs: number;
  /** How long a request waits for a pool connection (or a new one) before SERVICE_UNAVAILABLE. */
  databaseConnectTimeoutMs: number;
  embeddedPgDir: string;
  embeddedPgPort: number;
  evidenceDir: string;
  logLevel: string;
  /** Express `trust proxy`: which proxies' X-Forwarded-For to believe for the client address. */
  trustProxy: boolean | number | string;
  /** Port of the separate Prometheus listener; undefined: no metrics are served. */
  metricsPort?: number;
  /** Address the metrics listener binds to: loopback unless an operator opens it. */
  metricsHost: string;
  /** Whether GET /graphql from a browser serves the offline GraphQL explorer. */
  graphqlExplorer: boolean;
  /** `contract`: only the trusted documents (src/graphql/trusted-documents.json) run. */
  graphqlTrustedDocuments: 'contract' | 'off';
}

export class ConfigError extends Error {}

/** Development-only signing secret, never used in production. */
const DEVELOPMENT_JWT_SECRET = 'development-only-secret-not-for-production-use';

/** The demo password of the published demo officers (src/bootstrap/demo-data.ts). */
const PUBLISHED_PASSWORDS = ['demo-password-2019'];

/**
 * What production refuses to start with, naming the variable: the DEMO-ONLY defaults of
 * docker-compose.yml (public, so anyone could sign tokens or log in as the administrator), the
 * development secret, a published password, and the demo officers of SEED_DEMO (whose password is
 * published in the repository).
 */
function productionRefusals(parsed: EnvironmentVariables): string[] {
  const refusals: string[] = [];
  const secrets: [string, string | undefined][] = [
    ['JWT_SECRET', parsed.JWT_SECRET],
    ['JWT_SECRET_PREVIOUS', parsed.JWT_SECRET_PREVIOUS],
    ['BOOTSTRAP_ADMIN_PASSWORD', parsed.BOOTSTRAP_ADMIN_PASSWORD],
    ['DATABASE_URL', parsed.DATABASE_URL],
    ['DATABASE_READ_URL', parsed.DATABASE_READ_URL],
    ['DATABASE_DIRECT_URL', parsed.DATABASE_DIRECT_URL],
  ];
  for (const [name, value] of secrets) {
    if (value === undefined) continue;
    if (/DEMO-ONLY/i.test(value) || value === DEVELOPMENT_JWT_SECRET)
      refusals.push(`  ${name}: is a published demo value; set a secret of your own in production`);
    else if (PUBLISHED_PASSWORDS.some((published) => value.includes(published)))
      refusals.push(`  ${name}: is a published password; set a secret of your own in production`);
  }
  if (parsed.SEED_DEMO === true)
    refusals.push(
      '  SEED_DEMO: must not be true in production (the demo officers have a published password)',
    );
  return refusals;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const raw: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(env)) {
    if (value !== undefined && value !== '') raw[key] = value;
  }
  const parsed = plainToInstance(EnvironmentVariables, raw);
  const errors = validateSync(parsed, { skipMissingProperties: false });
  if (errors.length > 0) {
    const lines = errors.map((error) => {
      const messages = Object.values(error.constraints ?? {}).join('; ');
      return `  ${error.property}: ${messages}`;
    });
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  // The direct URL names the server the pool's DATABASE_URL reaches through a pooler; alone, the
  // pool would be an embedded database and the alerts would listen on another server.
  if (parsed.DATABASE_DIRECT_URL !== undefined && parsed.DATABASE_URL === undefined)
    throw new ConfigError(
      'Invalid configuration:\n  DATABASE_DIRECT_URL: is set without DATABASE_URL; set DATABASE_URL (the pooler) too, or neither',
    );
  const isProduction = parsed.NODE_ENV === 'production';
  const refusals = isProduction ? productionRefusals(parsed) : [];
  if (refusals.length > 0)
    throw new ConfigError(`Invalid configuration for production:\n${refusals.join('\n')}`);
  return {
    nodeEnv: parsed.NODE_ENV as AppConfig['nodeEnv'],
    isProduction,
    port: parsed.PORT,
    databaseUrl: parsed.DATABASE_URL,
    databaseReadUrl: parsed.DATABASE_READ_URL,
    databaseDirectUrl: parsed.DATABASE_DIRECT_URL,
    jwtSecret: parsed.JWT_SECRET ?? (isProduction ? undefined : DEVELOPMENT_JWT_SECRET),
    jwtPreviousSecrets: parsed.JWT_SECRET_PREVIOUS ? [parsed.JWT_SECRET_PREVIOUS] : [],
    jwtTtlSeconds: parsed.JWT_TTL_SECONDS,
    bootstrapAdminCertificate: parsed.BOOTSTRAP_ADMIN_CERTIFICATE,
    bootstrapAdminPassword: parsed.BOOTSTRAP_ADMIN_PASSWORD,
    seedDemo: parsed.SEED_DEMO,
    graphqlIntrospection: parsed.GRAPHQL_INTROSPECTION ?? !isProduction,
    databasePoolMax: parsed.DATABASE_POOL_MAX,
    databaseStatementTimeoutMs: parsed.DATABASE_STATEMENT_TIMEOUT_MS,
    databaseConnectTimeoutMs: parsed.DATABASE_CONNECT_TIMEOUT_MS,
    embeddedPgDir: parsed.EMBEDDED_PG_DIR,
    embeddedPgPort: parsed.EMBEDDED_PG_PORT,
    evidenceDir: parsed.EVIDENCE_DIR,
    logLevel: parsed.LOG_LEVEL,
    trustProxy: parseTrustProxy(parsed.TRUST_PROXY),
    metricsPort: parsed.METRICS_PORT,
    metricsHost: parsed.METRICS_HOST,
    graphqlExplorer: parsed.GRAPHQL_EXPLORER ?? !isProduction,
    graphqlTrustedDocuments: parsed.GRAPHQL_TRUSTED_DOCUMENTS ?? 'off',
  };
}

/**
 * Where session state goes (LISTEN, migrations): DATABASE_DIRECT_URL when set, else DATABASE_URL.
 * Behind PgBouncer in transaction mode a session is not kept between transactions, so a LISTEN
 * through it is lost when its server connection is handed to another client (docs/scaling.md).
 */
export function directDatabaseUrl(config: AppConfig): string | undefined {
  return config.databaseDirectUrl ?? config.databaseUrl;
}

export const APP_CONFIG = Symbol('APP_CONFIG');

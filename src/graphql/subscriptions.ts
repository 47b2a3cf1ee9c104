import type { IncomingMessage } from 'node:http';
import { Logger } from '@nestjs/common';
import type { SubscriptionConfig } from '@nestjs/graphql';
import {
  type DocumentNode,
  GraphQLError,
  type GraphQLSchema,
  parse,
  type Source,
  specifiedRules,
  validate,
  type ValidationRule,
} from 'graphql';
import { CloseCode, type Context, type ServerOptions } from 'graphql-ws';
import type { AuthService } from '../auth/auth.service';
import type { CurrentOfficer } from '../auth/current-officer';
import type { AuthenticatedRequest } from '../auth/decorators';
import { DomainError } from '../common/errors/domain-errors';
import { formatGraphQLError, isExpectedError } from '../common/errors/graphql-errors';
import { languageOf } from '../common/messages/language';
import type { Language } from '../common/messages/message';
import type { Database } from '../database/database';
import { GRAPHQL_LIMITS } from './armor';
import type { GraphQLContext } from './context';
import { Loaders } from './loaders';

const logger = new Logger('GraphQLSubscriptions');

/** What graphql-ws's `ws` adapter puts in `Context.extra` (typed here: @types/ws is not installed). */
interface SocketExtra {
  socket: { close(code: number, reason: string): void };
  request: IncomingMessage;
}

type WsOptions = NonNullable<Exclude<SubscriptionConfig['graphql-ws'], boolean>> &
  Pick<ServerOptions, 'parse' | 'validate' | 'onError' | 'onSubscribe'>;

/** The bearer token of a connection_init payload: `authorization` or `Authorization`. */
export function bearerToken(connectionParams: unknown): string | undefined {
  if (typeof connectionParams !== 'object' || connectionParams === null) return undefined;
  const params = connectionParams as Record<string, unknown>;
  const header = params.authorization ?? params.Authorization;
  if (typeof header !== 'string') return undefined;
  return /^Bearer\s+(\S+)$/i.exec(header)?.[1];
}

/** Whether the GraphQL context factory was called by graphql-ws rather than by Apollo over HTTP. */
export function isSocketContext(input: unknown): input is Context {
  return typeof input === 'object' && input !== null && 'extra' in input && !('req' in input);
}

/**
 * GraphQL over WebSocket (graphql-transport-ws, by graphql-ws) on the HTTP server's /graphql path.
 * connection_init must carry `{ authorization: 'Bearer <token>' }`; without a valid token of an
 * active officer the socket closes with 4401. The officer is put on the context of every
 * operation of the connection, where the global auth guard and @Roles see it as over HTTP. The
 * same limits as over HTTP apply (graphql-armor rules, token count), and errors leave through
 * the same formatter.
 */
export class GraphQLSubscriptions {
  /** The bearer token each connection was accepted with. */
  private readonly tokens = new WeakMap<Context, string>();

  constructor(
    private readonly auth: AuthService,
    private readonly database: Database,
    private readonly validationRules: ValidationRule[],
  ) {}

  options(): WsOptions {
    return {
      connectionInitWaitTimeout: 10_000,
      onConnect: (ctx) => this.connect(ctx),
      // graphql-ws closes the whole socket (4500) when parse throws; answer a bad document as an
      // error of that one operation instead, as Apollo does over HTTP.
      onSubscribe: (_ctx, _id, payload) => {
        try {
          parseLimited(payload.query);
          return undefined;
        } catch (error) {
          if (!(error instanceof GraphQLError)) throw error;
          return [withCode(error, 'GRAPHQL_PARSE_FAILED')];
        }
      },
      parse: parseLimited,
      validate: (schema: GraphQLSchema, document: DocumentNode) =>
        validate(schema, document, [...specifiedRules, ...this.validationRules]).map((error) =>
          withCode(error, 'GRAPHQL_VALIDATION_FAILED'),
        ),
      onNext: (ctx, _id, _payload, _args, result) =>
        result.errors
          ? {
              ...result,
              errors: result.errors.map((error) => formatted(error, languageOfConnection(ctx))),
            }
          : undefined,
      onError: (ctx, _id, _payload, errors) =>
        errors.map((error) => formatted(error, languageOfConnection(ctx))),
    };
  }

  /**
   * The GraphQL context of one operation on a connection. The token and officer are verified
   * again for every operation, as for every HTTP request: a connection outliving its officer's
   * deactivation or its token's expiry is closed with 4401.
   */
  async context(ctx: Context): Promise<GraphQLContext> {
    const { socket, request } = ctx.extra as SocketExtra;
    const token = this.tokens.get(ctx);
    if (!token) throw new Error('An operation arrived before connection_init was accepted');
    let officer: CurrentOfficer | undefined;
    try {
      officer = await this.auth.authenticate(token);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      // Without an officer on the context the auth guard refuses the operation as well.
      socket.close(CloseCode.Unauthorized, error.message);
    }
    // The upgrade request stands in for the HTTP request: the auth guard reads `officer` from it.
    const req = Object.assign(request, { officer }) as AuthenticatedRequest;
    return {
      req,
      loaders: new Loaders(this.database),
      connection: officer && { token, officer },
    };
  }

  private async connect(ctx: Context): Promise<boolean> {
    const { socket } = ctx.extra as SocketExtra;
    const token = bearerToken(ctx.connectionParams);
    if (!token) {
      socket.close(
        CloseCode.Unauthorized,
        'Send { authorization: "Bearer <token>" } in connection_init',
      );
      return false;
    }
    try {
      await this.auth.authenticate(token);
      this.tokens.set(ctx, token);
      return true;
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      socket.close(CloseCode.Unauthorized, error.message);
      return false;
    }
  }
}

function parseLimited(source: string | Source): DocumentNode {
  return parse(source, { maxTokens: GRAPHQL_LIMITS.maxTokens });
}

/** The codes Apollo gives parse and validation errors over HTTP, so clients see the same here. */
function withCode(error: GraphQLError, code: string): GraphQLError {
  return new GraphQLError(error.message, {
    nodes: error.nodes,
    source: error.source,
    positions: error.positions,
    originalError: error.originalError,
    extensions: { ...error.extensions, code },
  });
}

/**
 * The language of a connection: `language` in connection_init (`"en"`, `"zh-CN"`), else the
 * upgrade request's Accept-Language, else Chinese.
 */
export function languageOfConnection(ctx: Context): Language {
  const params = ctx.connectionParams as Record<string, unknown> | undefined;
  const asked = params?.language ?? params?.['accept-language'];
  if (typeof asked === 'string') return languageOf(asked);
  const { request } = ctx.extra as SocketExtra;
  return languageOf(request?.headers['accept-language']);
}

function formatted(error: GraphQLError, language: Language) {
  if (!isExpectedError(error)) {
    const original = error.originalError ?? error;
    logger.error({
      msg: `Unhandled error in a subscription: ${original.message}`,
      stack: original.stack,
    });
  }
  return formatGraphQLError(error.toJSON(), error, language);
}

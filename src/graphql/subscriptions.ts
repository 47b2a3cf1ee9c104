import type { IncomingMessage } from 'node:http';
import { Logger } from '@nestjs/common';
import type { SubscriptionConfig } from '@nestjs/graphql';
import {
  type DocumentNode,
  GraphQLError,
  type GraphQLSchema,
  NoSchemaIntrospectionCustomRule,
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
import { maskForClients } from './masking';
import {
  type GraphQLBody,
  TRUSTED_DOCUMENT_REFUSALS,
  trustedDocumentOf,
} from './trusted-documents';

const logger = new Logger('GraphQLSubscriptions');

/** What graphql-ws's `ws` adapter puts in `Context.extra` (typed here: @types/ws is not installed). */
interface SocketExtra {
  socket: { close(code: number, reason: string): void };
  request: IncomingMessage;
}

type WsOptions = NonNullable<Exclude<SubscriptionConfig['graphql-ws'], boolean>> &
  Pick<ServerOptions, 'parse' | 'validate' | 'onError' | 'onSubscribe' | 'onClose'>;

/**
 * Limits of the WebSocket endpoint (issue 17, item 1). `ws` accepts 100 MiB messages and parses
 * them before anyone is authenticated; a subscription document and its connection_init fit in a
 * few KiB.
 */
export const WS_LIMITS = {
  /** Largest message accepted; a larger one closes the socket (1009) before it is parsed. */
  maxPayloadBytes: 64 * 1024,
  /** connection_init with a valid token within this time, or the socket closes (4408). */
  authenticateWithinMs: 3_000,
  /** Open sockets per client address (an IPv6 /64 counts as one address). */
  perAddress: 20,
  /** Open authenticated sockets per officer. */
  perOfficer: 5,
};

/** Close code of a connection refused because its officer has too many open (graphql-ws has none). */
export const TOO_MANY_CONNECTIONS = 4429;

/** What the WebSocket endpoint shares with HTTP: validation rules and how much to tell clients. */
export interface SubscriptionSettings {
  /** The armor rules HTTP validates with (`graphqlProtection(...).validationRules`). */
  validationRules: ValidationRule[];
  /** Production: suggestions and limits are masked in error messages. */
  isProduction: boolean;
  /** Whether introspection is allowed (as Apollo's `introspection` over HTTP). */
  introspection: boolean;
  /** GRAPHQL_TRUSTED_DOCUMENTS=contract: only these documents run (hash → document). */
  trustedDocuments?: ReadonlyMap<string, string>;
}

/** The bearer token of a connection_init payload: `authorization` or `Authorization`. */
export function bearerToken(connectionParams: unknown): string | undefined {
  if (typeof connectionParams !== 'object' || connectionParams === null) return undefined;
  const params = connectionParams as Record<string, unknown>;
  const header = params.authorization ?? params.Authorization;
  if (typeof header !== 'string') return undefined;
  return /^Bearer\s+(\S+)$/i.exec(header)?.[1];
}

/**
 * GraphQL over WebSocket (graphql-transport-ws, by graphql-ws) on the HTTP server's /graphql path.
 * connection_init must carry `{ authorization: 'Bearer <token>' }`; without a valid token of an
 * active officer the socket closes with 4401, and without connection_init within
 * `WS_LIMITS.authenticateWithinMs` with 4408. The officer is put on the context of every operation
 * of the connection, where the global auth guard and @Roles see it as over HTTP. The same rules as
 * over HTTP apply (graphql-armor limits, token count, no introspection in production), and errors
 * leave through the same formatter and masking (no suggestions, no limits named). The socket
 * server itself (message size, connections per address) is `SubscriptionServer`.
 */
export class GraphQLSubscriptions {
  /** The bearer token each connection was accepted with. */
  private readonly tokens = new WeakMap<Context, string>();
  /** The officer each accepted connection counts against. */
  private readonly officers = new WeakMap<Context, string>();
  /** Open accepted connections per officer id. */
  private readonly openPerOfficer = new Map<string, number>();
  private readonly rules: readonly ValidationRule[];

  constructor(
    private readonly auth: AuthService,
    private readonly database: Database,
    private readonly settings: SubscriptionSettings,
  ) {
    // The rules Apollo applies over HTTP: graphql-js's, the armor limits, and no introspection
    // unless it is allowed (Apollo adds NoSchemaIntrospectionCustomRule itself there).
    this.rules = [
      ...specifiedRules,
      ...settings.validationRules,
      ...(settings.introspection ? [] : [NoSchemaIntrospectionCustomRule]),
    ];
  }

  options(): WsOptions {
    const language = (ctx: Context) => languageOfConnection(ctx);
    const format = (ctx: Context, error: GraphQLError) =>
      formatted(error, language(ctx), this.settings.isProduction);
    return {
      connectionInitWaitTimeout: WS_LIMITS.authenticateWithinMs,
      onConnect: (ctx) => this.connect(ctx),
      onClose: (ctx) => this.release(ctx),
      // graphql-ws closes the whole socket (4500) when parse throws; answer a bad document as an
      // error of that one operation instead, as Apollo does over HTTP.
      onSubscribe: (_ctx, _id, payload) => {
        if (this.settings.trustedDocuments) {
          // graphql-ws requires `query` to be a string: a client names its document by
          // extensions.persistedQuery.sha256Hash (or documentId) and sends "" as the query.
          const outcome = trustedDocumentOf(
            payload as unknown as GraphQLBody,
            this.settings.trustedDocuments,
          );
          if ('refused' in outcome)
            return [
              new GraphQLError(TRUSTED_DOCUMENT_REFUSALS[outcome.refused], {
                extensions: { code: outcome.refused },
              }),
            ];
          (payload as { query: string }).query = outcome.document;
        }
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
        validate(schema, document, this.rules).map((error) =>
          withCode(error, 'GRAPHQL_VALIDATION_FAILED'),
        ),
      onNext: (ctx, _id, _payload, _args, result) =>
        result.errors
          ? { ...result, errors: result.errors.map((error) => format(ctx, error)) }
          : undefined,
      onError: (ctx, _id, _payload, errors) => errors.map((error) => format(ctx, error)),
    };
  }

  /** How many accepted connections this officer has open now. */
  openConnections(officerId: string): number {
    return this.openPerOfficer.get(officerId) ?? 0;
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
      const officer = await this.auth.authenticate(token);
      const open = this.openConnections(officer.id);
      if (open >= WS_LIMITS.perOfficer) {
        socket.close(TOO_MANY_CONNECTIONS, 'Too many open connections for this officer');
        return false;
      }
      this.openPerOfficer.set(officer.id, open + 1);
      this.officers.set(ctx, officer.id);
      this.tokens.set(ctx, token);
      return true;
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      socket.close(CloseCode.Unauthorized, error.message);
      return false;
    }
  }

  private release(ctx: Context): void {
    const officerId = this.officers.get(ctx);
    if (officerId === undefined) return;
    this.officers.delete(ctx);
    const left = this.openConnections(officerId) - 1;
    if (left > 0) this.openPerOfficer.set(officerId, left);
    else this.openPerOfficer.delete(officerId);
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

function formatted(error: GraphQLError, language: Language, isProduction: boolean) {
  if (!isExpectedError(error)) {
    const original = error.originalError ?? error;
    logger.error({
      msg: `Unhandled error in a subscription: ${original.message}`,
      stack: original.stack,
    });
  }
  const safe = formatGraphQLError(error.toJSON(), error, language);
  return { ...safe, message: maskForClients(safe.message, isProduction) };
}

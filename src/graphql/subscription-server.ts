import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import {
  Inject,
  Injectable,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { execute, subscribe } from 'graphql';
import { GRAPHQL_TRANSPORT_WS_PROTOCOL } from 'graphql-ws';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import { AuthService } from '../auth/auth.service';
import { throttleKeyOf } from '../auth/client-address';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { Database } from '../database/database';
import { graphqlProtection } from './armor';
import { GraphQLSubscriptions, WS_LIMITS } from './subscriptions';
import { TRUSTED_DOCUMENTS } from './trusted-documents';

// proxy-addr (Express's own) has no type declarations: the one function used is typed here.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const proxyaddr = require('proxy-addr') as (
  request: IncomingMessage,
  trust: (address: string, index: number) => boolean,
) => string;

export const GRAPHQL_WS_PATH = '/graphql';

/**
 * The WebSocket server of GraphQL subscriptions, on the HTTP server's /graphql upgrade (in place
 * of @nestjs/graphql's, which creates `ws` with its 100 MiB message limit and no way to change it).
 * Messages above `WS_LIMITS.maxPayloadBytes` close the socket before they are parsed; an address
 * with `WS_LIMITS.perAddress` sockets open is answered 429 before the upgrade. Authentication,
 * validation and formatting: `GraphQLSubscriptions`.
 */
@Injectable()
export class SubscriptionServer implements OnApplicationBootstrap, OnApplicationShutdown {
  private server?: WebSocketServer;
  private dispose?: () => void | Promise<void>;
  private readonly openPerAddress = new Map<string, number>();

  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly schemaHost: GraphQLSchemaHost,
    private readonly auth: AuthService,
    private readonly database: Database,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    const adapter = this.adapterHost.httpAdapter;
    const httpServer = adapter.getHttpServer() as import('node:http').Server;
    const express = adapter.getInstance<{ get(name: string): unknown }>();
    const subscriptions = new GraphQLSubscriptions(this.auth, this.database, {
      validationRules: graphqlProtection(this.config.isProduction).validationRules,
      isProduction: this.config.isProduction,
      introspection: this.config.graphqlIntrospection,
      trustedDocuments:
        this.config.graphqlTrustedDocuments === 'contract' ? TRUSTED_DOCUMENTS : undefined,
    });
    const server = new WebSocketServer({
      noServer: true,
      maxPayload: WS_LIMITS.maxPayloadBytes,
      handleProtocols: (protocols) =>
        protocols.has(GRAPHQL_TRANSPORT_WS_PROTOCOL) ? GRAPHQL_TRANSPORT_WS_PROTOCOL : false,
    });
    const disposable = useServer(
      {
        schema: this.schemaHost.schema,
        execute,
        subscribe,
        context: (ctx) => subscriptions.context(ctx),
        ...subscriptions.options(),
      },
      server,
    );
    this.server = server;
    this.dispose = () => disposable.dispose();

    httpServer.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
      const path = (request.url ?? '').split('?')[0];
      if (path !== GRAPHQL_WS_PATH) {
        refuse(socket, 404, 'Not Found');
        return;
      }
      const trust = express.get('trust proxy fn') as (address: string, index: number) => boolean;
      const address = throttleKeyOf(proxyaddr(request, trust));
      const open = this.openPerAddress.get(address) ?? 0;
      if (open >= WS_LIMITS.perAddress) {
        refuse(socket, 429, 'Too Many Requests');
        return;
      }
      this.openPerAddress.set(address, open + 1);
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        const left = (this.openPerAddress.get(address) ?? 1) - 1;
        if (left > 0) this.openPerAddress.set(address, left);
        else this.openPerAddress.delete(address);
      };
      socket.once('close', release);
      server.handleUpgrade(request, socket, head, (client) => {
        server.emit('connection', client, request);
      });
    });
  }

  async onApplicationShutdown(): Promise<void> {
    await this.dispose?.();
    for (const client of this.server?.clients ?? []) client.terminate();
    await new Promise<void>((resolve) =>
      this.server ? this.server.close(() => resolve()) : resolve(),
    );
  }
}

function refuse(socket: Duplex, status: number, text: string): void {
  socket.end(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}

import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import type { AuthenticatedRequest } from '../auth/decorators';
import { APP_CONFIG, AppConfig } from '../config/config';
import { logDestination } from './log-format';

type LoggedRequest = IncomingMessage &
  Partial<Pick<AuthenticatedRequest, 'officer' | 'id'>> & { body?: { operationName?: unknown } };

/**
 * Structured logs (pino; JSON lines, readable ones on a developer's terminal): one line per request with the request id, the officer and the
 * GraphQL operation name. Headers that carry secrets are redacted and bodies (passwords,
 * variables) are never logged.
 */
@Module({
  imports: [
    LoggerModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        // Readable lines on a developer's terminal, JSON lines otherwise (log-format.ts).
        pinoHttp: [
          {
            level: config.logLevel,
            genReqId: (request: IncomingMessage) => (request as LoggedRequest).id ?? randomUUID(),
            customProps: (request: IncomingMessage) => {
              const logged = request as LoggedRequest;
              const operationName = logged.body?.operationName;
              return {
                officerId: logged.officer?.id,
                operationName:
                  typeof operationName === 'string' ? operationName.slice(0, 100) : undefined,
              };
            },
            serializers: {
              req: (request: {
                id: unknown;
                method: string;
                url: string;
                remoteAddress?: string;
              }) => ({
                id: request.id,
                method: request.method,
                url: request.url.split('?')[0],
                remoteAddress: request.remoteAddress,
              }),
            },
            redact: {
              paths: [
                'req.headers.authorization',
                'req.headers.cookie',
                'res.headers["set-cookie"]',
              ],
              censor: '[redacted]',
            },
            autoLogging: {
              ignore: (request: IncomingMessage) => (request.url ?? '').startsWith('/health'),
            },
          },
          logDestination(config),
        ],
      }),
    }),
  ],
})
export class LoggingModule {}

import { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { json, type NextFunction, type Request, type Response } from 'express';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module';
import type { AppConfig } from './config/config';
import { requestIdMiddleware } from './common/request/request-id.middleware';
import { trustedDocumentsMiddleware } from './graphql/trusted-documents';

export const MAX_BODY_BYTES = 1024 * 1024;

/** Answers a body that is not JSON with a plain 400 and one that is too large with 413. */
function bodyErrorHandler(
  error: { type?: string; status?: number },
  _request: Request,
  response: Response,
  next: NextFunction,
): void {
  if (error?.type === 'entity.too.large') {
    response
      .status(413)
      .json({ code: 'PAYLOAD_TOO_LARGE', message: `Request body exceeds ${MAX_BODY_BYTES} bytes` });
    return;
  }
  if (error?.type === 'entity.parse.failed') {
    response.status(400).json({ code: 'BAD_REQUEST', message: 'Malformed JSON in request body' });
    return;
  }
  next(error);
}

/**
 * Builds the HTTP application on a validated configuration (`loadConfig()` of the environment in
 * main.ts; a configuration of their own in the tests, which never edit process.env).
 */
export async function createApp(config: AppConfig): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), {
    bodyParser: false,
    bufferLogs: true,
  });
  app.useLogger(app.get(Logger));
  app.disable('x-powered-by');
  // No ETag computed over every answer (a SHA-1 of each GraphQL response, issue 15's profile):
  // GraphQL answers are POSTs marked no-store, and the evidence files set their own ETag.
  app.set('etag', false);
  app.set('trust proxy', config.trustProxy);
  app.use(requestIdMiddleware);
  app.use(json({ limit: MAX_BODY_BYTES }));
  app.use(bodyErrorHandler);
  if (config.graphqlTrustedDocuments === 'contract')
    app.use('/graphql', trustedDocumentsMiddleware());
  return app;
}

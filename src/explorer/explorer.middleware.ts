import { Injectable, NestMiddleware } from '@nestjs/common';
import { getDistDirectory, isSandboxFrame, SANDBOX_FRAME_CSP } from 'altair-static';
import type { NextFunction, Request, Response } from 'express';
import { EXPLORER_ASSETS_PATH, renderExplorerPage } from './explorer-page';

/** A GET of /graphql that a browser sends for a page, not a query for Apollo. */
export function wantsExplorerPage(request: Request): boolean {
  if (request.method !== 'GET' && request.method !== 'HEAD') return false;
  if (request.query.query !== undefined) return false;
  return request.accepts(['application/json', 'text/html']) === 'text/html';
}

/**
 * Serves the explorer page on GET /graphql for browsers and its files under /graphql-explorer/
 * from the installed package; every other request to /graphql goes on to Apollo.
 */
@Injectable()
export class ExplorerMiddleware implements NestMiddleware {
  private readonly root = getDistDirectory();
  private page?: string;

  use(request: Request, response: Response, next: NextFunction): void {
    const path = request.originalUrl.split('?')[0];
    if (path.startsWith(EXPLORER_ASSETS_PATH)) {
      this.sendAsset(path.slice(EXPLORER_ASSETS_PATH.length), response, next);
      return;
    }
    if (!wantsExplorerPage(request)) {
      next();
      return;
    }
    this.page ??= renderExplorerPage();
    response
      .status(200)
      .set({
        'content-type': 'text/html; charset=utf-8',
        'cache-control': 'no-store',
        'x-content-type-options': 'nosniff',
        'x-frame-options': 'DENY',
      })
      .send(this.page);
  }

  private sendAsset(relative: string, response: Response, next: NextFunction): void {
    const file = relative === '' ? 'index.html' : relative;
    if (isSandboxFrame(file)) response.setHeader('content-security-policy', SANDBOX_FRAME_CSP);
    // `root` confines the path: `send` refuses `..` and dot files.
    response.sendFile(
      file,
      { root: this.root, dotfiles: 'deny', maxAge: '1h' },
      (error?: Error) => {
        if (!error) return;
        if (response.headersSent) return;
        const status = (error as Error & { status?: number }).status;
        if (status === 404 || status === 403) response.status(status).send('Not found');
        else next(error);
      },
    );
  }
}

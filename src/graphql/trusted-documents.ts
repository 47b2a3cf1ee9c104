import { createHash } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import manifest from './trusted-documents.json';

/**
 * Trusted documents (GRAPHQL_TRUSTED_DOCUMENTS=contract): only the contract's operations run, so a
 * stolen token cannot run queries of its own. The manifest (src/graphql/trusted-documents.json,
 * hash → document) is generated from test/contract by @graphql-codegen/client-preset's persisted
 * documents (`npm run trusted-documents:generate`), as the apps generate their own. A request names
 * its document by `documentId` (`"sha256:<hex>"` or the bare hex) or by
 * `extensions.persistedQuery.sha256Hash`, or sends the manifest's text itself (accepted when its
 * SHA-256 is listed). Anything else is refused with 400 and `PERSISTED_QUERY_NOT_FOUND` (an unknown
 * hash) or `PERSISTED_QUERY_REQUIRED` (free text).
 */
export const TRUSTED_DOCUMENTS: ReadonlyMap<string, string> = new Map(
  Object.entries(manifest as Record<string, string>).map(([key, text]) => [
    key.replace(/^sha256:/, ''),
    text,
  ]),
);

const SHA256_HEX = /^(?:sha256:)?([0-9a-f]{64})$/;

export interface GraphQLBody {
  query?: unknown;
  documentId?: unknown;
  extensions?: { persistedQuery?: { sha256Hash?: unknown } } & Record<string, unknown>;
}

/** The trusted document a request names or sends; a refusal code otherwise. */
export function trustedDocumentOf(
  body: GraphQLBody,
  documents: ReadonlyMap<string, string> = TRUSTED_DOCUMENTS,
): { document: string } | { refused: 'PERSISTED_QUERY_NOT_FOUND' | 'PERSISTED_QUERY_REQUIRED' } {
  const named = body.documentId ?? body.extensions?.persistedQuery?.sha256Hash;
  if (named !== undefined) {
    const hash = typeof named === 'string' ? SHA256_HEX.exec(named)?.[1] : undefined;
    const document = hash ? documents.get(hash) : undefined;
    if (!document) return { refused: 'PERSISTED_QUERY_NOT_FOUND' };
    if (typeof body.query === 'string' && body.query !== '' && body.query !== document)
      return { refused: 'PERSISTED_QUERY_NOT_FOUND' };
    return { document };
  }
  if (typeof body.query === 'string') {
    const hash = createHash('sha256').update(body.query).digest('hex');
    if (documents.get(hash) === body.query) return { document: body.query };
  }
  return { refused: 'PERSISTED_QUERY_REQUIRED' };
}

export const TRUSTED_DOCUMENT_REFUSALS = {
  PERSISTED_QUERY_NOT_FOUND:
    'This service runs only its trusted documents, and this hash is not one of them',
  PERSISTED_QUERY_REQUIRED:
    'This service runs only its trusted documents: send documentId (sha256:<hash>) of one',
};

/**
 * Express middleware on /graphql (after the JSON body parser): swaps a named document in as the
 * query Apollo runs, lets a listed text through, and refuses everything else before Apollo.
 */
export function trustedDocumentsMiddleware(
  documents: ReadonlyMap<string, string> = TRUSTED_DOCUMENTS,
) {
  return (request: Request, response: Response, next: NextFunction): void => {
    let body: GraphQLBody;
    if (request.method === 'POST') body = (request.body ?? {}) as GraphQLBody;
    else if (request.method === 'GET') {
      const query = request.query as Record<string, unknown>;
      // A browser asking for the explorer page sends no operation.
      if (query.query === undefined && query.documentId === undefined) return next();
      body = { query: query.query, documentId: query.documentId };
    } else return next();
    const outcome = trustedDocumentOf(body, documents);
    if ('refused' in outcome) {
      response.status(400).json({
        errors: [
          {
            message: TRUSTED_DOCUMENT_REFUSALS[outcome.refused],
            extensions: { code: outcome.refused },
          },
        ],
      });
      return;
    }
    if (request.method === 'POST') {
      const extensions = { ...(body.extensions ?? {}) };
      delete extensions.persistedQuery;
      const rewritten: Record<string, unknown> = { ...body, query: outcome.document };
      delete rewritten.documentId;
      if (Object.keys(extensions).length) rewritten.extensions = extensions;
      else delete rewritten.extensions;
      request.body = rewritten;
    }
    next();
  };
}

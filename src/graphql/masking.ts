import { hideTokenLimit } from './armor';

/** graphql-js's suggestions: `Did you mean "premises"?`, `Did you mean the enum value "PHARMACY"?`. */
const SUGGESTION = /\s*Did you mean [^?]*\?/g;

/**
 * What production tells a client about a refused document: no suggestion of a field, type,
 * argument or enum value (they let a caller map the schema without introspection), and not the
 * token limit. HTTP (formatError) and WebSocket answers both go through here.
 */
export function maskForClients(message: string, isProduction: boolean): string {
  if (!isProduction) return message;
  return hideTokenLimit(message, isProduction).replace(SUGGESTION, '');
}

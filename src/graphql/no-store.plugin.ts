import type { ApolloDriverConfig } from '@nestjs/apollo';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';

type Plugin = NonNullable<ApolloDriverConfig['plugins']>[number];

/**
 * Every GraphQL answer is `Cache-Control: no-store` (they carry officers' data), as Apollo's cache
 * control plugin said when the schema declares no cache hints, which ours never did. That plugin
 * is switched off: its per-field hook made Apollo wrap every field resolver of every node (issue
 * 15's profile), to compute a policy that was always "not cacheable".
 */
export const noStorePlugins: Plugin[] = [
  // @nestjs/apollo's types come from @apollo/server's ES module build, this import from its
  // CommonJS build: the same plugin, two declarations of its types (as in armor.ts).
  ApolloServerPluginCacheControlDisabled() as unknown as Plugin,
  {
    requestDidStart() {
      return Promise.resolve({
        willSendResponse({ response }) {
          response.http.headers.set('cache-control', 'no-store');
          return Promise.resolve();
        },
      });
    },
  },
];

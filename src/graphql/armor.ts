import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { ApolloDriverConfig } from '@nestjs/apollo';
import type { ValidationRule } from 'graphql';

/**
 * Limits that refuse abusive documents before they run (graphql-armor). Chosen so every contract
 * operation passes with room to spare (test/e2e/schema.e2e-spec.ts checks it); in production the
 * limits themselves are not echoed to clients and field suggestions are off.
 */
export const GRAPHQL_LIMITS = {
  maxDepth: 10,
  maxAliases: 15,
  maxDirectives: 10,
  maxTokens: 2000,
  maxCost: 5000,
};

export function graphqlProtection(isProduction: boolean): {
  plugins: NonNullable<ApolloDriverConfig['plugins']>;
  validationRules: ValidationRule[];
} {
  const exposeLimits = !isProduction;
  const armor = new ApolloArmor({
    maxDepth: { n: GRAPHQL_LIMITS.maxDepth, exposeLimits, flattenFragments: true },
    maxAliases: { n: GRAPHQL_LIMITS.maxAliases, exposeLimits },
    maxDirectives: { n: GRAPHQL_LIMITS.maxDirectives, exposeLimits },
    maxTokens: { n: GRAPHQL_LIMITS.maxTokens, exposeLimits },
    costLimit: { maxCost: GRAPHQL_LIMITS.maxCost, exposeLimits, flattenFragments: true },
    blockFieldSuggestion: { enabled: isProduction },
  });
  const { plugins, validationRules } = armor.protect();
  // graphql-armor is typed against @apollo/server's ESM declarations, Nest against its CommonJS
  // ones: the same runtime objects, two declaration files.
  return {
    plugins: plugins as unknown as NonNullable<ApolloDriverConfig['plugins']>,
    validationRules,
  };
}

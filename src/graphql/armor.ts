import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { ApolloDriverConfig } from '@nestjs/apollo';
import type { ValidationRule } from 'graphql';
import { costLimitRule } from './cost';

/**
 * Limits that refuse abusive documents before they run (graphql-armor; the cost rule is cost.ts).
 * Chosen so every contract operation passes with room to spare, at its largest page size
 * (test/e2e/security.e2e-spec.ts and query-cost.spec.ts check it); in production the limits
 * themselves are not echoed to clients and field suggestions are off.
 */
export const GRAPHQL_LIMITS = {
  maxDepth: 10,
  maxAliases: 15,
  maxDirectives: 10,
  maxTokens: 2000,
  maxCost: 5000,
};

/** graphql-js 16 spells it "more that"; accept the corrected spelling of later versions too. */
const TOKEN_LIMIT_MESSAGE = /^Syntax Error: Document contains more tha[nt] \d+ tokens/;

/** In production a refused document says it is too large, not what the limit is. */
export function hideTokenLimit(message: string, isProduction: boolean): string {
  return isProduction && TOKEN_LIMIT_MESSAGE.test(message)
    ? 'Syntax Error: the document is too large.'
    : message;
}

export function graphqlProtection(
  isProduction: boolean,
  limits: typeof GRAPHQL_LIMITS = GRAPHQL_LIMITS,
): {
  plugins: NonNullable<ApolloDriverConfig['plugins']>;
  validationRules: ValidationRule[];
  parseOptions: { maxTokens: number };
} {
  const exposeLimits = !isProduction;
  const armor = new ApolloArmor({
    maxDepth: { n: limits.maxDepth, exposeLimits, flattenFragments: true },
    maxAliases: { n: limits.maxAliases, exposeLimits },
    maxDirectives: { n: limits.maxDirectives, exposeLimits },
    // The token limit is graphql-js's own parser option (parseOptions below): armor's token
    // plugin throws outside Apollo's parse step, which answers 500 instead of 400.
    maxTokens: { enabled: false },
    // Cost is our own rule (cost.ts): armor's ignored page sizes given by variables and
    // multiplied literal ones in full.
    costLimit: { enabled: false },
    blockFieldSuggestion: { enabled: isProduction },
  });
  const { plugins, validationRules } = armor.protect();
  // graphql-armor is typed against @apollo/server's ESM declarations, Nest against its CommonJS
  // ones: the same runtime objects, two declaration files.
  return {
    plugins: plugins as unknown as NonNullable<ApolloDriverConfig['plugins']>,
    validationRules: [...validationRules, costLimitRule(limits.maxCost, exposeLimits)],
    parseOptions: { maxTokens: limits.maxTokens },
  };
}

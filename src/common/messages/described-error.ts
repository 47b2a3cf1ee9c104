import { GraphQLError } from 'graphql';
import { render, type Message } from './message';

/**
 * A message by key riding inside an error that graphql-js wraps (a scalar refusing a variable):
 * graphql-js keeps it as `originalError` through its coercion, so the formatter can still say it
 * in the caller's language.
 */
export class DescribedError extends Error {
  constructor(
    readonly described: Message,
    englishText: string,
  ) {
    super(englishText);
  }
}

/** A GraphQLError for a scalar's parseValue/parseLiteral, carrying its message by key. */
export function scalarError(described: Message): GraphQLError {
  const englishText = render(described, 'en');
  return new GraphQLError(englishText, {
    originalError: new DescribedError(described, englishText),
  });
}

/** The message by key somewhere down an error's `originalError` chain, if any. */
export function describedIn(error: unknown): Message | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current; depth += 1) {
    if (current instanceof DescribedError) return current.described;
    const described = (current as { described?: unknown }).described;
    if (described && typeof described === 'object' && 'key' in described)
      return described as Message;
    current = (current as { originalError?: unknown }).originalError;
  }
  return undefined;
}

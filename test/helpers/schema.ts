import { GraphQLSchemaHost } from '@nestjs/graphql';
import { lexicographicSortSchema, printSchema } from 'graphql';
import type { TestApp } from './test-app';

/** The schema the running service serves, printed sorted, as schema.graphql keeps it. */
export function printServedSchema(app: TestApp): string {
  const { schema } = app.app.get(GraphQLSchemaHost);
  return `${printSchema(lexicographicSortSchema(schema))}\n`;
}

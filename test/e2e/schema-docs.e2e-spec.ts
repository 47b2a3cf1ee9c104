import { GraphQLSchemaHost } from '@nestjs/graphql';
import {
  GraphQLObjectType,
  GraphQLSchema,
  GraphQLString,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isObjectType,
  isSpecifiedScalarType,
} from 'graphql';
import { startTestApp, TestApp } from '../helpers/test-app';

/**
 * Every named thing of the served schema that a frontend developer reads in the explorer or in
 * generated types, without a description: types, fields, arguments, input fields, enum values.
 * Built-in `__*` types and the specified scalars (String, Int, …) are the GraphQL spec's.
 */
export function undocumented(schema: GraphQLSchema): string[] {
  const missing: string[] = [];
  const blank = (text: string | null | undefined): boolean => !text?.trim();
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith('__') || isSpecifiedScalarType(type)) continue;
    if (blank(type.description)) missing.push(`type ${type.name}`);
    if (isObjectType(type) || isInterfaceType(type)) {
      for (const field of Object.values(type.getFields())) {
        if (blank(field.description)) missing.push(`field ${type.name}.${field.name}`);
        for (const argument of field.args) {
          if (blank(argument.description))
            missing.push(`argument ${type.name}.${field.name}(${argument.name})`);
        }
      }
    } else if (isInputObjectType(type)) {
      for (const field of Object.values(type.getFields())) {
        if (blank(field.description)) missing.push(`input field ${type.name}.${field.name}`);
      }
    } else if (isEnumType(type)) {
      for (const value of type.getValues()) {
        if (blank(value.description)) missing.push(`enum value ${type.name}.${value.name}`);
      }
    }
  }
  return missing.sort();
}

describe('the served schema documents itself', () => {
  let app: TestApp;
  let schema: GraphQLSchema;

  beforeAll(async () => {
    app = await startTestApp();
    schema = app.app.get(GraphQLSchemaHost).schema;
  });
  afterAll(() => app.close());

  it('describes every type, field, argument, input field and enum value', () => {
    expect(undocumented(schema)).toEqual([]);
  });

  it('notices a field and an argument without a description', () => {
    const bare = new GraphQLSchema({
      query: new GraphQLObjectType({
        name: 'Query',
        description: 'Entry points.',
        fields: { ping: { type: GraphQLString, args: { echo: { type: GraphQLString } } } },
      }),
    });
    expect(undocumented(bare)).toEqual(['argument Query.ping(echo)', 'field Query.ping']);
  });
});

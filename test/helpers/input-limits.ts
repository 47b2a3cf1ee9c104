import { TypeMetadataStorage } from '@nestjs/graphql/dist/schema-builder/storages/type-metadata.storage.js';
import { getMetadataStorage } from 'class-validator';
import {
  getNamedType,
  GraphQLID,
  GraphQLSchema,
  GraphQLString,
  GraphQLType,
  isInputObjectType,
  isListType,
  isNonNullType,
} from 'graphql';

/** Constraints that bound a string's length: an explicit maximum, or a UUID (36 characters). */
const STRING_BOUNDS = ['maxLength', 'isLength', 'isUuid'];
const LIST_BOUNDS = ['arrayMaxSize'];

/** What matters of an input field here: whether it is a list, and whether it holds text. */
export interface InputField {
  name: string;
  list: boolean;
  text: boolean;
}

function describe(name: string, type: GraphQLType): InputField {
  const named = getNamedType(type);
  return {
    name,
    list: isListType(isNonNullType(type) ? type.ofType : type),
    text: named.name === GraphQLString.name || named.name === GraphQLID.name,
  };
}

/**
 * The fields of a validated input class that a client could make arbitrarily large: a String or
 * ID without a maximum length, or a list without a maximum size. Inherited constraints count.
 */
export function unboundedFields(
  // Both metadata storages key classes by their constructor, typed as Function.
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  target: Function,
  fields: InputField[],
): string[] {
  const constraints = getMetadataStorage().getTargetValidationMetadatas(target, '', true, false);
  const problems: string[] = [];
  for (const field of fields) {
    const found = new Set(
      constraints
        .filter((constraint) => constraint.propertyName === field.name)
        .map((constraint) => constraint.name ?? constraint.type),
    );
    if (field.list && !LIST_BOUNDS.some((bound) => found.has(bound)))
      problems.push(`${target.name}.${field.name} is a list without @ArrayMaxSize`);
    if (field.text && !STRING_BOUNDS.some((bound) => found.has(bound)))
      problems.push(`${target.name}.${field.name} is a string without @MaxLength`);
  }
  return problems;
}

/** Every @InputType of the served schema and every @ArgsType class, checked for bounds. */
export function unboundedInputFields(schema: GraphQLSchema): {
  checked: string[];
  problems: string[];
} {
  const checked: string[] = [];
  const problems: string[] = [];
  const inputClasses = new Map(
    TypeMetadataStorage.getInputTypesMetadata().map((metadata) => [metadata.name, metadata.target]),
  );
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isInputObjectType(type) || type.name.startsWith('__')) continue;
    const target = inputClasses.get(type.name);
    if (!target) {
      problems.push(`${type.name} has no @InputType class`);
      continue;
    }
    checked.push(type.name);
    const fields = Object.values(type.getFields()).map((field) => describe(field.name, field.type));
    problems.push(...unboundedFields(target, fields));
  }
  for (const metadata of TypeMetadataStorage.getArgumentsMetadata()) {
    checked.push(metadata.target.name);
    const fields = (metadata.properties ?? []).map((property) => {
      const type = property.typeFn();
      return {
        name: property.name,
        list: Boolean(property.options.isArray),
        text: type === String || type === GraphQLString || type === GraphQLID,
      };
    });
    problems.push(...unboundedFields(metadata.target, fields));
  }
  return { checked, problems };
}

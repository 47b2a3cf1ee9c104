import { ArgumentMetadata, Injectable, PipeTransform } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { getMetadataStorage, validate, ValidationError } from 'class-validator';
import { BadUserInput, FieldError } from '../errors/domain-errors';
import { isMessageKey, message, type Message } from '../messages/message';

/** Whether a class has class-validator decorators, by class: asked on every argument of every call. */
const validated = new WeakMap<object, boolean>();

function hasValidation(metatype: unknown): metatype is new () => object {
  if (typeof metatype !== 'function') return false;
  let answer = validated.get(metatype);
  if (answer === undefined) {
    answer =
      getMetadataStorage().getTargetValidationMetadatas(metatype, '', true, false).length > 0;
    validated.set(metatype, answer);
  }
  return answer;
}

/**
 * The GraphQL parameters that are the service's own values, not the client's: the parent object
 * (`@Parent()`, GqlParamtype.ROOT = 0), the context (1) and the resolve info (2). Arguments
 * (`@Args()`, 3), custom decorators and REST bodies are validated.
 */
const OWN_VALUES: ReadonlySet<unknown> = new Set([0, 1, 2]);

function join(parent: string, property: string): string {
  if (/^\d+$/.test(property)) return `${parent}[${property}]`;
  return parent ? `${parent}.${property}` : property;
}

/** The parameters each class-validator constraint's message names, from its decorator's arguments. */
const CONSTRAINT_PARAMS: Record<
  string,
  (constraints: unknown[]) => Record<string, string | number>
> = {
  min: ([min]) => ({ min: Number(min) }),
  max: ([max]) => ({ max: Number(max) }),
  minLength: ([min]) => ({ min: Number(min) }),
  maxLength: ([max]) => ({ max: Number(max) }),
  arrayMinSize: ([min]) => ({ min: Number(min) }),
  arrayMaxSize: ([max]) => ({ max: Number(max) }),
  isIn: ([values]) => ({ values: Array.isArray(values) ? values.join(', ') : '' }),
  matches: ([pattern]) => ({ pattern: String(pattern) }),
};

/** The arguments of the decorator that raised `constraint` on `property` of `target`. */
function constraintArguments(
  target: object | undefined,
  property: string,
  constraint: string,
): unknown[] {
  if (!target) return [];
  const metadata = getMetadataStorage()
    .getTargetValidationMetadatas(target.constructor, '', true, false)
    .find((entry) => entry.propertyName === property && entry.name === constraint);
  return (metadata?.constraints as unknown[] | undefined) ?? [];
}

/**
 * A class-validator failure by key: the decorator's own `message` when it names a key of the
 * catalogue (`@Matches(…, { message: 'validation.code32' })`), else `validation.<constraint>`
 * with the decorator's arguments, else `validation.invalid`.
 */
export function constraintMessage(
  constraint: string,
  text: string,
  target: object | undefined,
  property: string,
): Message {
  if (isMessageKey(text)) return message(text);
  const key = `validation.${constraint}`;
  if (!isMessageKey(key)) return message('validation.invalid', { detail: text });
  const params = CONSTRAINT_PARAMS[constraint]?.(constraintArguments(target, property, constraint));
  return message(key, params);
}

export function flattenValidationErrors(errors: ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((error) => {
    const path = join(parent, error.property);
    const own = Object.entries(error.constraints ?? {}).map(([constraint, text]) => ({
      path,
      message: constraintMessage(constraint, text, error.target, error.property),
    }));
    return [...own, ...flattenValidationErrors(error.children ?? [], path)];
  });
}

/** A lone UTF-16 surrogate: text that has no UTF-8 form. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Why PostgreSQL could not store this text as given, if it could not. */
function unstorable(text: string): Message | undefined {
  if (text.includes('\u0000')) return message('validation.nul');
  if (LONE_SURROGATE.test(text)) return message('validation.loneSurrogate');
  return undefined;
}

/**
 * The strings of an argument that PostgreSQL cannot store, by path: U+0000 ("invalid byte
 * sequence" in text) and lone surrogates (refused in jsonb such as audit events and checklists).
 * Such input is the client's mistake and must be refused before any query. Only arrays and plain
 * objects (GraphQL input values) are searched, never class instances such as the request a custom
 * parameter decorator hands over.
 */
export function unstorableText(
  value: unknown,
  path: string,
  seen = new Set<object>(),
): FieldError[] {
  if (typeof value === 'string') {
    const message = unstorable(value);
    return message ? [{ path, message }] : [];
  }
  if (value === null || typeof value !== 'object' || seen.has(value)) return [];
  seen.add(value);
  if (Array.isArray(value))
    return value.flatMap((item, index) => unstorableText(item, `${path}[${index}]`, seen));
  const prototype: unknown = Object.getPrototypeOf(value);
  if (prototype !== Object.prototype && prototype !== null) return [];
  return Object.entries(value).flatMap(([key, item]) =>
    unstorableText(item, path ? `${path}.${key}` : key, seen),
  );
}

/**
 * Validates GraphQL arguments and inputs with class-validator and reports every invalid field as
 * BAD_USER_INPUT with `extensions.fields` = [{ path, message }], paths from the argument name
 * (`input.findings[0].goods.value`).
 */
@Injectable()
export class InputValidationPipe implements PipeTransform {
  async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    // Nest types `type` as 'body' | 'query' | 'param' | 'custom'; @nestjs/graphql passes its
    // GqlParamtype numbers.
    if (OWN_VALUES.has(metadata.type)) return value;
    const unstorableFields = unstorableText(value, metadata.data ?? '');
    if (unstorableFields.length > 0) throw new BadUserInput(unstorableFields);
    if (
      value === null ||
      value === undefined ||
      typeof value !== 'object' ||
      !hasValidation(metadata.metatype)
    )
      return value;
    const instance: object = lowerCaseUuids(plainToInstance(metadata.metatype, value));
    const errors = await validate(instance, {
      forbidUnknownValues: false,
      whitelist: false,
      // The target lets a failure find its decorator's arguments (the max of a MaxLength).
      validationError: { target: true, value: false },
    });
    if (errors.length > 0) {
      const fields = flattenValidationErrors(
        errors,
        metadata.type === 'custom' || metadata.type === 'body' ? (metadata.data ?? '') : '',
      );
      throw new BadUserInput(fields);
    }
    return instance;
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Ids are stored lower-cased (PostgreSQL's uuid text form); an input may spell one in capitals
 * (RFC 4122: case-insensitive). Lower-cased here, once, so no service compares or looks up an id
 * in the caller's spelling (a clue "transferred" to its own bureau, a scope check refusing a
 * bureau it holds, two spellings of one officer counted twice).
 */
function lowerCaseUuids<T>(value: T): T {
  if (typeof value === 'string') return (UUID.test(value) ? value.toLowerCase() : value) as T;
  if (Array.isArray(value)) {
    const items: unknown[] = value;
    items.forEach((item, index) => (items[index] = lowerCaseUuids(item)));
  } else if (value !== null && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    for (const key of Object.keys(record)) record[key] = lowerCaseUuids(record[key]);
  }
  return value;
}

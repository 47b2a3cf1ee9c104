import { ArgumentMetadata, Injectable, PipeTransform } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { getMetadataStorage, validate, ValidationError } from 'class-validator';
import { BadUserInput, FieldError } from '../errors/domain-errors';

function hasValidation(metatype: unknown): metatype is new () => object {
  if (typeof metatype !== 'function') return false;
  return getMetadataStorage().getTargetValidationMetadatas(metatype, '', true, false).length > 0;
}

function join(parent: string, property: string): string {
  if (/^\d+$/.test(property)) return `${parent}[${property}]`;
  return parent ? `${parent}.${property}` : property;
}

export function flattenValidationErrors(errors: ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((error) => {
    const path = join(parent, error.property);
    const own = Object.values(error.constraints ?? {}).map((message) => ({ path, message }));
    return [...own, ...flattenValidationErrors(error.children ?? [], path)];
  });
}

/** A lone UTF-16 surrogate: text that has no UTF-8 form. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Why PostgreSQL could not store this text as given, if it could not. */
function unstorable(text: string): string | undefined {
  if (text.includes('\u0000')) return 'must not contain the NUL character (\\u0000)';
  if (LONE_SURROGATE.test(text)) return 'must be well-formed Unicode (no lone surrogate)';
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
    const unstorableFields = unstorableText(value, metadata.data ?? '');
    if (unstorableFields.length > 0) throw new BadUserInput(unstorableFields);
    if (
      value === null ||
      value === undefined ||
      typeof value !== 'object' ||
      !hasValidation(metadata.metatype)
    )
      return value;
    const instance: object = plainToInstance(metadata.metatype, value);
    const errors = await validate(instance, {
      forbidUnknownValues: false,
      whitelist: false,
      validationError: { target: false, value: false },
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

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

export const NUL_MESSAGE = 'must not contain the NUL character (\\u0000)';

/**
 * Paths of the strings in an argument that contain U+0000. PostgreSQL refuses NUL in text
 * ("invalid byte sequence"), so such input must be refused as the client's, before any query.
 * Only arrays and plain objects (GraphQL input values) are searched, never class instances such
 * as the request a custom parameter decorator hands over.
 */
export function nulCharacterPaths(
  value: unknown,
  path: string,
  seen = new Set<object>(),
): string[] {
  if (typeof value === 'string') return value.includes('\u0000') ? [path] : [];
  if (value === null || typeof value !== 'object' || seen.has(value)) return [];
  seen.add(value);
  if (Array.isArray(value))
    return value.flatMap((item, index) => nulCharacterPaths(item, `${path}[${index}]`, seen));
  const prototype: unknown = Object.getPrototypeOf(value);
  if (prototype !== Object.prototype && prototype !== null) return [];
  return Object.entries(value).flatMap(([key, item]) =>
    nulCharacterPaths(item, path ? `${path}.${key}` : key, seen),
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
    const withNul = nulCharacterPaths(value, metadata.data ?? '');
    if (withNul.length > 0)
      throw new BadUserInput(withNul.map((path) => ({ path, message: NUL_MESSAGE })));
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

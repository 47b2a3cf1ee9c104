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

/**
 * Validates GraphQL arguments and inputs with class-validator and reports every invalid field as
 * BAD_USER_INPUT with `extensions.fields` = [{ path, message }], paths from the argument name
 * (`input.findings[0].goods.value`).
 */
@Injectable()
export class InputValidationPipe implements PipeTransform {
  async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
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

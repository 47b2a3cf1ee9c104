import { ArgumentMetadata, Injectable, PipeTransform } from '@nestjs/common';
import { isUUID } from 'class-validator';
import { BadUserInput } from '../errors/domain-errors';
import { message } from '../messages/message';

/** For bare `id: ID!` arguments: a malformed id is the client's mistake, never a database error. */
@Injectable()
export class UuidPipe implements PipeTransform {
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    if (value === undefined || value === null) return value;
    if (typeof value !== 'string' || !isUUID(value))
      throw BadUserInput.field(metadata.data ?? 'id', message('validation.isUuid'));
    return value.toLowerCase();
  }
}

import { Field, ID, InputType } from '@nestjs/graphql';
import { IsUUID } from 'class-validator';

/** class-validator options of a UUID field: the message key of a malformed id. */
export const UUID_MESSAGE = { message: 'validation.isUuid' };
/** A text with at least one character that is not white space. */
export const NOT_BLANK = /\S/;
/** class-validator options of NOT_BLANK: the message key of a blank text. */
export const NOT_BLANK_MESSAGE = { message: 'validation.notBlank' };

/**
 * The idempotency key every mutation of the field app carries (contract README, Idempotency): the
 * same key by the same officer replays the first result; with another input it is a CONFLICT.
 */
@InputType({ isAbstract: true })
export abstract class KeyedInput {
  @Field(() => ID, {
    description:
      'UUID the device makes once per user action; a repeat with the same key replays the first result.',
  })
  @IsUUID('all', UUID_MESSAGE)
  idempotencyKey: string;
}

import { Field, ID, InterfaceType } from '@nestjs/graphql';

/**
 * The GraphQL type of records that `node`/`nodes` found, by record object: the node resolver
 * knows each record's type from its lookup, so nothing has to guess it from the object's shape.
 */
const typeOfRecord = new WeakMap<object, string>();

/** Marks a record as a node of this GraphQL type (what `Node.resolveType` answers for it). */
export function asNode<T extends object>(record: T, type: string): T {
  typeOfRecord.set(record, type);
  return record;
}

/**
 * Relay's global object identification (the contract's convention): every record type with an id
 * implements Node, and `node(id:)` refetches any record the caller may see. Ids are UUIDs, unique
 * across types, so they stay the ids.
 */
@InterfaceType('Node', {
  description: 'A record with a globally unique id (a UUID), refetchable by `node(id:)`.',
  resolveType: (record: object) => typeOfRecord.get(record),
})
export abstract class NodeInterface {
  @Field(() => ID, { description: 'UUID of the record, unique across all types.' })
  id: string;
}

import { Type } from '@nestjs/common';
import { ArgsType, Field, Int, ObjectType } from '@nestjs/graphql';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { BadUserInput } from '../errors/domain-errors';
import { message } from '../messages/message';

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

@ObjectType({ description: 'Relay page information.' })
export class PageInfo {
  @Field({ description: 'Whether more items follow this page (in the list order).' })
  hasNextPage: boolean;

  @Field({
    description:
      'Whether items precede this page (in the list order). Paging forwards, true whenever `after` was given.',
  })
  hasPreviousPage: boolean;

  @Field(() => String, {
    nullable: true,
    description: 'Cursor of the first edge; pass it as `before` (with `last`) for the page before.',
  })
  startCursor: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Cursor of the last edge; pass it as `after` (with `first`) for the next page.',
  })
  endCursor: string | null;
}

export interface Edge<T> {
  cursor: string;
  node: T;
}

export interface Connection<T> {
  totalCount: number;
  pageInfo: PageInfo;
  edges: Edge<T>[];
  nodes: T[];
}

/**
 * A Relay connection type for a node type:
 * `XConnection { totalCount pageInfo edges { cursor node } nodes }`.
 */
export function ConnectionType<T>(
  node: Type<T>,
  name: string,
  description: string,
): Type<Connection<T>> {
  @ObjectType(`${name}Edge`, { description: `An edge of ${description}.` })
  class EdgeType {
    @Field({ description: 'Opaque cursor of this edge.' })
    cursor: string;

    @Field(() => node, { description: 'The item.' })
    node: T;
  }

  @ObjectType(`${name}Connection`, { description: `A page of ${description}.` })
  class ConnectionClass {
    @Field(() => Int, { description: 'How many items match, over all pages.' })
    totalCount: number;

    @Field(() => PageInfo, { description: 'Where this page stands.' })
    pageInfo: PageInfo;

    @Field(() => [EdgeType], { description: 'The items of this page, with their cursors.' })
    edges: EdgeType[];

    @Field(() => [node], { description: 'The items of this page (the edges without cursors).' })
    nodes: T[];
  }
  return ConnectionClass;
}

@ArgsType()
export class PageArgs {
  @Field(() => Int, {
    nullable: true,
    description: `Page forwards: page size, default ${DEFAULT_PAGE_SIZE}, at most ${MAX_PAGE_SIZE}. Not with \`last\`.`,
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  first?: number;

  @Field(() => String, { nullable: true, description: 'The `endCursor` of the previous page.' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  after?: string;

  @Field(() => Int, {
    nullable: true,
    description: `Page backwards: the last items before \`before\` (or of the whole list), at most ${MAX_PAGE_SIZE}. Not with \`first\`.`,
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  last?: number;

  @Field(() => String, {
    nullable: true,
    description: 'The `startCursor` of the page after the one wanted (with `last`).',
  })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  before?: string;
}

/**
 * Which page a list is asked for, read from `first/after` or `last/before`. A repository fetches
 * `size + 1` rows from the cursor on in the traversal order (the list order forwards, the reverse
 * backwards: `keyset()`), and `toConnection` turns them into the page in the list order.
 */
export interface Page {
  size: number;
  /** True for `last/before`: rows are fetched in the reverse of the list order. */
  backward: boolean;
  /** The cursor to start after (in the traversal order), or null from the start (or the end). */
  cursor: string | null;
  /** The argument that carried `cursor`, named in BAD_USER_INPUT when it is not a cursor. */
  cursorArgument: 'after' | 'before';
}

/** The page of these arguments; mixing `first/after` with `last/before` is BAD_USER_INPUT. */
export function pageOf(args: PageArgs): Page {
  const forward = args.first != null || args.after != null;
  const backward = args.last != null || args.before != null;
  if (forward && backward) {
    const fields = (['first', 'after', 'last', 'before'] as const).filter(
      (name) => args[name] != null,
    );
    throw new BadUserInput(
      fields.map((path) => ({ path, message: message('pagination.mixedDirections') })),
    );
  }
  if (backward) {
    return {
      size: args.last ?? DEFAULT_PAGE_SIZE,
      backward: true,
      cursor: args.before ?? null,
      cursorArgument: 'before',
    };
  }
  return {
    size: args.first ?? DEFAULT_PAGE_SIZE,
    backward: false,
    cursor: args.after ?? null,
    cursorArgument: 'after',
  };
}

/** The size of a page (`first` or `last`, else the default). */
export function pageSize(args: PageArgs): number {
  return pageOf(args).size;
}

/** One column (or expression) of a list's order, in the list order (not the traversal order). */
export interface SortKey {
  /** SQL of the sort expression (`p.name`). */
  sql: string;
  descending: boolean;
}

/**
 * The keyset SQL of a page: `order` for ORDER BY in the traversal order, and `after(placeholders)`
 * the condition "strictly after the cursor in the traversal order" given the SQL of the cursor's
 * values (cast as their columns), one per key. Keys may mix directions; the last key must be
 * unique (the id), so the order is total and the cursor exact.
 */
export function keyset(
  keys: readonly SortKey[],
  backward: boolean,
): { order: string; after(values: readonly string[]): string; directions: ('ASC' | 'DESC')[] } {
  const directions = keys.map((key): 'ASC' | 'DESC' =>
    key.descending !== backward ? 'DESC' : 'ASC',
  );
  return {
    directions,
    order: keys.map((key, index) => `${key.sql} ${directions[index]}`).join(', '),
    after(values) {
      const alternatives = keys.map((key, index) => {
        const equal = keys.slice(0, index).map((prior, j) => `${prior.sql} = ${values[j]}`);
        const beyond = `${key.sql} ${directions[index] === 'DESC' ? '<' : '>'} ${values[index]}`;
        return `(${[...equal, beyond].join(' AND ')})`;
      });
      return `(${alternatives.join(' OR ')})`;
    },
  };
}

/**
 * Builds a page from rows fetched in the traversal order with one extra row (`limit size + 1`),
 * so whether more follow needs no second query. `cursorOf` gives an edge's cursor (a codec's
 * `encode` of its sort key). Backwards, the rows are put back in the list order.
 */
export function toConnection<T>(
  rows: T[],
  page: Page,
  totalCount: number,
  cursorOf: (row: T) => string,
): Connection<T> {
  const fetched = rows.slice(0, page.size);
  const nodes = page.backward ? fetched.reverse() : fetched;
  const edges = nodes.map((node) => ({ cursor: cursorOf(node), node }));
  const more = rows.length > page.size;
  const fromCursor = page.cursor !== null;
  return {
    totalCount,
    pageInfo: {
      hasNextPage: page.backward ? fromCursor : more,
      hasPreviousPage: page.backward ? more : fromCursor,
      startCursor: edges.length ? edges[0].cursor : null,
      endCursor: edges.length ? edges[edges.length - 1].cursor : null,
    },
    edges,
    nodes,
  };
}

import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  buildSchema,
  GraphQLEnumType,
  GraphQLInputObjectType,
  GraphQLScalarType,
  GraphQLSchema,
  isEnumType,
  isInputObjectType,
  isNonNullType,
  isScalarType,
  parse,
  validate,
} from 'graphql';
import {
  CONTRACT_DIR,
  contractOperations,
  PENDING,
  PENDING_INPUT_DIFFERENCES,
  PROPOSED_CONTRACT_DIR,
} from '../helpers/contract';
import { GRAPHQL_LIMITS } from '../../src/graphql/armor';
import { documentCosts } from '../../src/graphql/cost';
import { printServedSchema } from '../helpers/schema';
import { startTestApp, TestApp } from '../helpers/test-app';

const SCHEMA_FILE = join(__dirname, '..', '..', 'schema.graphql');

/**
 * Contract input fields that are non-null in inputs.graphql and nullable in the schema, each with
 * why. Operations that send the field keep validating; nothing else may differ. An entry that is
 * no longer needed fails the test too.
 */
const RELAXED_INPUT_FIELDS: Readonly<Record<string, string>> = {
  'LogInspectionInput.categoryId': 'exactly one of categoryId / categoryCode (issue 18)',
};

describe('schema.graphql and the frontend contract', () => {
  let app: TestApp;
  let schema: GraphQLSchema;

  beforeAll(async () => {
    app = await startTestApp();
    const served = printServedSchema(app);
    if (process.env.UPDATE_SCHEMA === '1') writeFileSync(SCHEMA_FILE, served);
    schema = buildSchema(readFileSync(SCHEMA_FILE, 'utf8'));
  });
  afterAll(() => app.close());

  it('is the schema the code generates, sorted (run `npm run schema:generate` after changing the API)', () => {
    expect(readFileSync(SCHEMA_FILE, 'utf8')).toBe(printServedSchema(app));
  });

  it('validates every contract operation that is not pending', () => {
    const failures: string[] = [];
    for (const [name, document] of contractOperations()) {
      const errors = validate(schema, parse(document));
      if (PENDING.includes(name)) {
        if (errors.length === 0) failures.push(`${name} validates now: remove it from PENDING`);
      } else if (errors.length > 0) {
        failures.push(`${name}: ${errors.map((error) => error.message).join('; ')}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it('validates every proposed operation of docs/contract-next, each under the cost limit', () => {
    const failures: string[] = [];
    const proposed = contractOperations(PROPOSED_CONTRACT_DIR);
    for (const [name, document] of proposed) {
      if (contractOperations().has(name)) failures.push(`${name} is already a contract operation`);
      const errors = validate(schema, parse(document));
      if (errors.length > 0) failures.push(`${name}: ${errors.map((e) => e.message).join('; ')}`);
      const cost = [...documentCosts(parse(document)).values()][0];
      if (!(cost <= GRAPHQL_LIMITS.maxCost)) failures.push(`${name} costs ${cost}`);
    }
    expect(failures).toEqual([]);
  });

  it('has every input, enum and scalar of inputs.graphql with the same fields and types', () => {
    const contract = buildSchema(readFileSync(join(CONTRACT_DIR, 'inputs.graphql'), 'utf8'), {
      assumeValidSDL: true,
    });
    const problems: string[] = [];
    for (const type of Object.values(contract.getTypeMap())) {
      if (
        type.name.startsWith('__') ||
        ['String', 'Int', 'Float', 'Boolean', 'ID'].includes(type.name)
      )
        continue;
      const served = schema.getType(type.name);
      if (!served) {
        problems.push(`${type.name} is missing`);
      } else if (type instanceof GraphQLScalarType) {
        if (!isScalarType(served)) problems.push(`${type.name} is not a scalar`);
      } else if (type instanceof GraphQLEnumType) {
        const values = (served as GraphQLEnumType)
          .getValues?.()
          .map((value) => value.name)
          .sort();
        if (
          !isEnumType(served) ||
          JSON.stringify(values) !==
            JSON.stringify(
              type
                .getValues()
                .map((value) => value.name)
                .sort(),
            )
        ) {
          problems.push(`${type.name} has values ${JSON.stringify(values)}`);
        }
      } else if (type instanceof GraphQLInputObjectType) {
        if (!isInputObjectType(served)) {
          problems.push(`${type.name} is not an input`);
          continue;
        }
        const servedFields = served.getFields();
        for (const field of Object.values(type.getFields())) {
          const name = `${type.name}.${field.name}`;
          const mine = servedFields[field.name];
          const relaxed = Object.hasOwn(RELAXED_INPUT_FIELDS, name);
          if (!mine) problems.push(`${name} is missing`);
          else if (relaxed) {
            if (!isNonNullType(field.type) || String(mine.type) !== String(field.type.ofType))
              problems.push(
                `${name} is ${String(mine.type)}; RELAXED_INPUT_FIELDS allows only the nullable form of ${String(field.type)}`,
              );
          } else if (String(mine.type) !== String(field.type))
            problems.push(`${name} is ${String(mine.type)}, not ${String(field.type)}`);
        }
        for (const extra of Object.values(servedFields)) {
          if (!type.getFields()[extra.name] && isNonNullType(extra.type))
            problems.push(`${type.name}.${extra.name} is an added required field`);
        }
      }
    }
    for (const name of Object.keys(RELAXED_INPUT_FIELDS)) {
      const [typeName, fieldName] = name.split('.');
      const type = contract.getType(typeName);
      if (!isInputObjectType(type) || !type.getFields()[fieldName])
        problems.push(`${name} is in RELAXED_INPUT_FIELDS but not in inputs.graphql`);
    }
    const pendingTypes = PENDING.length > 0;
    if (pendingTypes) {
      // While operations are pending, their inputs may be missing too; everything present must match.
      expect(
        problems.filter(
          (problem) =>
            !problem.endsWith('is missing') &&
            !PENDING_INPUT_DIFFERENCES.some((pending) => problem.startsWith(pending)),
        ),
      ).toEqual([]);
    } else {
      expect(problems).toEqual([]);
    }
  });
});

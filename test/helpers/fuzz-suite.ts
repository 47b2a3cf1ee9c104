import fc from 'fast-check';
import { randomUUID } from 'node:crypto';
import { servedOperations } from './contract';
import {
  Caller,
  callerOf,
  cellOf,
  contractVariables,
  takeNewToken,
  ContractWorld,
  createContractWorld,
  VariablesBuilder,
} from './contract-variables';
import { refusal, writtenRows } from './field-world';
import { GraphQLResponse, startTestApp, TestApp } from './test-app';

/**
 * Every contract mutation, sent over HTTP with valid variables in which one or two values are
 * replaced by boundary values, random or oversized strings and lists, unicode (CJK, emoji, RTL,
 * NUL), injection-looking text and values of the wrong type; and every field of every contract
 * operation, queries included, given each of a few of the worst values once. The service must answer each with
 * data or a contract error code — never INTERNAL_SERVER_ERROR — stay up, and leave the tables it
 * was not asked to change as they were.
 */
const CONTRACT_CODES = [
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'BAD_USER_INPUT',
  'NOT_FOUND',
  'CONFLICT',
  'INVALID_STATE',
  'TOO_MANY_REQUESTS',
];

/** FUZZ_RUNS=<n> digs deeper locally; 40 keeps the suite fast. */
const RUNS_PER_MUTATION = Number(process.env.FUZZ_RUNS ?? 40);
/** Random by default; FUZZ_SEED=<n> replays a run (fast-check prints the seed of a failure). */
const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : Date.now() % 2 ** 31;

/** The role that sends each operation in the fuzz runs (one that may). */
const SENDER: Record<string, Caller> = {
  // Queries get the every-field values too (a NUL in a search string reached PostgreSQL).
  Bureaus: 'INSPECTOR',
  ReferenceData: 'INSPECTOR',
  Me: 'INSPECTOR',
  ActiveSweeps: 'INSPECTOR',
  ActiveSweepsProgress: 'MANAGER',
  Exposures: 'INSPECTOR',
  SearchPremises: 'INSPECTOR',
  PremisesDetail: 'INSPECTOR',
  MyBureauOpenFindings: 'INSPECTOR',
  OverdueFindings: 'INSPECTOR',
  SweepProgress: 'INSPECTOR',
  AuditTrail: 'SUPERVISOR',
  Colleagues: 'INSPECTOR',
  FindingsPageBack: 'MANAGER',
  DormantPremises: 'INSPECTOR',
  FindingsByDeadline: 'MANAGER',
  NodeById: 'INSPECTOR',
  Officers: 'ADMIN',
  CreateBureau: 'ADMIN',
  CreateOfficer: 'ADMIN',
  DeactivateOfficer: 'ADMIN',
  ResetOfficerPassword: 'ADMIN',
  ChangePassword: 'INSPECTOR',
  ImportPremises: 'ADMIN',
  Login: 'ANONYMOUS',
  LogInspection: 'INSPECTOR',
  AddFinding: 'INSPECTOR',
  OrderRectification: 'INSPECTOR',
  RecordReinspection: 'INSPECTOR',
  FileCase: 'SUPERVISOR',
  DecidePenalty: 'SUPERVISOR',
  TransferToPolice: 'SUPERVISOR',
  CloseFinding: 'SUPERVISOR',
  VoidInspection: 'SUPERVISOR',
  RecordExposure: 'MANAGER',
  CreateSweep: 'MANAGER',
  SetSweepAssignments: 'MANAGER',
  ActivateSweep: 'MANAGER',
  CloseSweep: 'MANAGER',
  OpenCase: 'SUPERVISOR',
  DeclineCase: 'SUPERVISOR',
  ExtendFilingDeadline: 'SUPERVISOR',
  SuspendFilingClock: 'SUPERVISOR',
  ResumeFilingClock: 'SUPERVISOR',
  ExtendCaseClock: 'SUPERVISOR',
  SuspendCase: 'SUPERVISOR',
  ResumeCase: 'SUPERVISOR',
  DecideCase: 'SUPERVISOR',
  RecordCaseStep: 'SUPERVISOR',
  RecordCasePublication: 'SUPERVISOR',
  TransferCase: 'SUPERVISOR',
  RecordTransferOutcome: 'SUPERVISOR',
  CloseCase: 'SUPERVISOR',
  CaseDetail: 'INSPECTOR',
  CasesDue: 'INSPECTOR',
  HolidayCalendar: 'INSPECTOR',
  LoadHolidayYear: 'ADMIN',
};

/** Tables each mutation may add rows to; every other counted table must keep its count. */
const WRITES: Record<string, string[]> = {
  CreateBureau: ['bureaus'],
  CreateOfficer: ['officers'],
  ImportPremises: ['premises'],
  // Its variables builder writes the officer to deactivate.
  DeactivateOfficer: ['officers'],
  ResetOfficerPassword: ['officers'],
};
const COUNTED = ['bureaus', 'officers', 'premises', 'target_categories', 'violation_types'];

const boundaryValues: unknown[] = [
  '',
  ' ',
  '   \t\n',
  'x'.repeat(255),
  'x'.repeat(256),
  'x'.repeat(20_000),
  '辣'.repeat(5_000),
  0,
  -1,
  1,
  0.5,
  -0.01,
  2 ** 31,
  -(2 ** 31) - 1,
  2 ** 53,
  1e308,
  -1e308,
  '0',
  '-1.00',
  '0.001',
  '1e3',
  '99999999999999999999.99',
  '12345678901234.56',
  'NaN',
  'Infinity',
  '2019-02-29',
  '2019-02-28',
  '2019-13-01',
  '2019-00-10',
  '9999-12-31',
  '0001-01-01',
  '1900-01-01',
  '10000-01-01',
  '2019-03-20T02:00:00Z',
  '2019-02-29T02:00:00Z',
  '9999-12-31T23:59:59.999Z',
  '0001-01-01T00:00:00Z',
  '+275760-09-13T00:00:00Z',
  '-000001-01-01T00:00:00Z',
  '1970-01-01T00:00:00Z',
  '\u0000',
  'a\u0000b',
  '辣条\u0000',
  '调味面制品',
  '🌶️🔥辣条👍🏽',
  'مرحبا بالعالم',
  '\u202Eevil\u202C',
  '\uD800',
  '\uFEFF',
  "'; DROP TABLE premises; --",
  "' OR '1'='1",
  'Robert"); DELETE FROM officers; --',
  '{"$gt":""}',
  '<script>alert(1)</script>',
  '${jndi:ldap://x}',
  '../../etc/passwd',
  '%00',
  '00000000-0000-0000-0000-000000000000',
  'ffffffff-ffff-ffff-ffff-ffffffffffff',
  'not-a-uuid',
  null,
  true,
  false,
  {},
  { $gt: '' },
  [],
  [''],
  [null],
  [1, 2, 3],
  Array.from({ length: 1000 }, () => 'x'),
];

const fuzzValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom(...boundaryValues) },
  { weight: 2, arbitrary: fc.string({ maxLength: 80, unit: 'grapheme' }) },
  { weight: 1, arbitrary: fc.string({ maxLength: 40, unit: 'binary' }) },
  { weight: 1, arbitrary: fc.integer() },
  { weight: 1, arbitrary: fc.double({ noNaN: true }) },
  { weight: 1, arbitrary: fc.constant(randomUUID()) },
  { weight: 1, arbitrary: fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 5 }) },
  {
    weight: 1,
    arbitrary: fc.dictionary(fc.string({ maxLength: 5 }), fc.jsonValue({ maxDepth: 1 })),
  },
);

/** Every path into a JSON value (objects and arrays included), the root excluded. */
function pathsOf(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  if (Array.isArray(value))
    return value.flatMap((item, index) => [
      [...prefix, index],
      ...pathsOf(item, [...prefix, index]),
    ]);
  if (value && typeof value === 'object')
    return Object.entries(value).flatMap(([key, item]) => [
      [...prefix, key],
      ...pathsOf(item, [...prefix, key]),
    ]);
  return [];
}

function withValue(root: unknown, path: (string | number)[], value: unknown): unknown {
  if (path.length === 0) return value;
  const [head, ...rest] = path;
  if (Array.isArray(root)) {
    const copy = [...(root as unknown[])];
    copy[head as number] = withValue(copy[head as number], rest, value);
    return copy;
  }
  const record = root as Record<string, unknown>;
  return { ...record, [head]: withValue(record[head], rest, value) };
}

/** Values every field of every mutation gets once, deterministically, besides the random runs. */
const EVERY_FIELD_VALUES: unknown[] = [
  'a\u0000b',
  'lone \uD800 surrogate',
  'x'.repeat(20_000),
  2 ** 31,
  '9999-12-31',
  '2019-02-29',
  "'; DROP TABLE premises; --",
];

/** Paths to the leaves (scalars) of a JSON value. */
function leavesOf(value: unknown): (string | number)[][] {
  return pathsOf(value).filter((path) => {
    const leaf = path.reduce<unknown>(
      (node, key) => (node as Record<string | number, unknown>)[key],
      value,
    );
    return leaf === null || typeof leaf !== 'object';
  });
}

/** A change to valid variables: none, or one or two paths (chosen by index) set to fuzz values. */
const mutation = fc.oneof(
  { weight: 1, arbitrary: fc.constant([] as { pick: number; value: unknown }[]) },
  {
    weight: 8,
    arbitrary: fc.array(fc.record({ pick: fc.nat(), value: fuzzValue }), {
      minLength: 1,
      maxLength: 2,
    }),
  },
);

function apply(
  variables: Record<string, unknown>,
  changes: { pick: number; value: unknown }[],
): Record<string, unknown> {
  let result: unknown = variables;
  for (const change of changes) {
    const paths = pathsOf(result);
    if (paths.length === 0) break;
    result = withValue(result, paths[change.pick % paths.length], change.value);
  }
  return result as Record<string, unknown>;
}

/** The codes of a response's errors that are not contract codes (empty when all is well). */
function strayCodes(result: GraphQLResponse): unknown[] {
  return (result.errors ?? [])
    .map((error) => error.extensions?.code)
    .filter((code) => !CONTRACT_CODES.includes(code as string));
}

const operations = [...servedOperations().keys()].sort();
const mutations = [...servedOperations().entries()]
  .filter(([, text]) => /^\s*mutation\b/.test(text))
  .map(([name]) => name)
  .sort();

/**
 * The fuzz suite in three parts, each its own spec file so jest's two workers share it (it was the
 * longest suite by far): 'fields' sends the worst values in every field of every operation (and
 * keeps the counterexamples), 'random-0' and 'random-1' each send random inputs to half of the
 * mutations.
 */
export type FuzzPart = 'fields' | 'random-0' | 'random-1';

export function describeFuzz(part: FuzzPart): void {
  describe(`fuzzing the contract operations (${part})`, () => {
    let app: TestApp;
    let world: ContractWorld;
    let builders: Record<string, VariablesBuilder>;

    async function counts(): Promise<Record<string, number>> {
      const [row] = await app.query<Record<string, number>>(
        `SELECT ${COUNTED.map((table) => `(SELECT count(*)::int FROM ${table}) AS ${table}`).join(', ')},
              (SELECT count(*)::int FROM audit_events) AS audit_events`,
      );
      return row;
    }

    async function send(
      name: string,
      variables: Record<string, unknown>,
    ): Promise<GraphQLResponse> {
      const caller = callerOf(world, SENDER[name]);
      const result = await app.gql(name, variables, { token: caller?.token });
      takeNewToken(caller, result.data);
      return result;
    }

    beforeAll(async () => {
      app = await startTestApp();
      world = await createContractWorld(app);
      builders = contractVariables(app, world);
    });
    afterAll(() => app.close());

    const fields = part === 'fields';
    const ownMutations = fields
      ? []
      : mutations.filter((_, index) => index % 2 === Number(part.slice(-1)));

    if (fields)
      it('names a sender for every contract operation', () => {
        expect(Object.keys(SENDER).sort()).toEqual(operations);
      });

    if (fields)
      describe('counterexamples the fuzzing found, kept as regular cases', () => {
        it('refuses a NUL character in a finding description as BAD_USER_INPUT at its path and writes nothing', async () => {
          // PostgreSQL refuses U+0000 in text; before the fix this was an INTERNAL_SERVER_ERROR.
          const variables = await builders.LogInspection(cellOf(world, 'INSPECTOR', 'own'));
          const input = variables.input as { findings: { description: string }[]; notes: string };
          input.findings[0].description = '无标签\u0000辣条';
          input.notes = '\u0000';
          const before = await writtenRows(app);
          const result = await send('LogInspection', variables);
          expect(refusal(result)).toEqual({
            code: 'BAD_USER_INPUT',
            paths: ['input.findings[0].description', 'input.notes'],
          });
          expect(await writtenRows(app)).toEqual(before);
        });

        it('refuses a lone surrogate in an exposure title as BAD_USER_INPUT, in the caller’s language', async () => {
          // PostgreSQL's jsonb (the audit event) refuses "\ud800"; this was INTERNAL_SERVER_ERROR.
          const variables = await builders.RecordExposure(cellOf(world, 'MANAGER', 'own'));
          (variables.input as { title: string }).title = '辣条\uD800';
          const result = await app.gql('RecordExposure', variables, {
            token: world.manager.token,
            headers: { 'accept-language': 'en' },
          });
          expect(refusal(result)).toEqual({ code: 'BAD_USER_INPUT', paths: ['input.title'] });
          expect(result.errors![0].extensions!.fields).toEqual([
            { path: 'input.title', message: 'must be well-formed Unicode (no lone surrogate)' },
          ]);
        });

        it('refuses a NUL character in a bare id argument and in the login as BAD_USER_INPUT', async () => {
          const deactivate = await send('DeactivateOfficer', { id: 'a\u0000b' });
          expect(refusal(deactivate)).toEqual({ code: 'BAD_USER_INPUT', paths: ['id'] });
          const login = await send('Login', {
            input: { certificateNumber: 'admin\u0000', password: 'x' },
          });
          expect(refusal(login)).toEqual({
            code: 'BAD_USER_INPUT',
            paths: ['input.certificateNumber'],
          });
        });

        it('refuses a list of a thousand strings where exposed products go as BAD_USER_INPUT, not an internal error', async () => {
          // graphql-js stops after 50 coercion errors and throws an error without a code.
          const variables = await builders.RecordExposure(cellOf(world, 'MANAGER', 'own'));
          const input = variables.input as Record<string, unknown>;
          input.products = Array.from({ length: 1000 }, () => 'x');
          const result = await send('RecordExposure', variables);
          expect(result.errors!.length).toBeGreaterThan(50);
          expect(new Set(result.errors!.map((error) => error.extensions?.code))).toEqual(
            new Set(['BAD_USER_INPUT']),
          );
          expect(result.data ?? null).toBeNull();
        });
      });

    if (fields)
      it.each(operations)(
        '%s answers NUL, oversized, out-of-range, impossible-date and injection values in every field with contract codes only',
        async (name) => {
          const sender = cellOf(world, SENDER[name], 'own');
          const before = await counts();
          const shape = await builders[name](sender);
          const failures: unknown[] = [];
          for (const path of leavesOf(shape)) {
            for (const value of EVERY_FIELD_VALUES) {
              const variables = withValue(await builders[name](sender), path, value);
              const result = await send(name, variables as Record<string, unknown>);
              if (strayCodes(result).length > 0 || (!result.errors && !result.data))
                failures.push({
                  path: path.join('.'),
                  value: String(value).slice(0, 40),
                  errors: result.errors?.map((error) => error.extensions?.code),
                });
            }
          }
          expect(failures).toEqual([]);
          const after = await counts();
          for (const table of COUNTED) {
            if (WRITES[name]?.includes(table))
              expect(after[table]).toBeGreaterThanOrEqual(before[table]);
            else expect(after[table]).toBe(before[table]);
          }
        },
      );

    if (!fields)
      it.each(ownMutations)(
        '%s answers random, boundary, hostile and mistyped inputs with contract codes only',
        async (name) => {
          const before = await counts();
          await fc.assert(
            fc.asyncProperty(mutation, async (changes) => {
              const valid = await builders[name](cellOf(world, SENDER[name], 'own'));
              const variables = apply(valid, changes);
              const result = await send(name, variables);
              if (!result.errors && !result.data) throw new Error(JSON.stringify(result));
              expect(strayCodes(result)).toEqual([]);
            }),
            { numRuns: RUNS_PER_MUTATION, seed: SEED },
          );
          const health = await app.get('/health/live');
          expect(health.status).toBe(200);
          const after = await counts();
          for (const table of COUNTED) {
            if (WRITES[name]?.includes(table))
              expect(after[table]).toBeGreaterThanOrEqual(before[table]);
            else expect(after[table]).toBe(before[table]);
          }
          expect(after.audit_events).toBeGreaterThanOrEqual(before.audit_events);
        },
      );
  });
}

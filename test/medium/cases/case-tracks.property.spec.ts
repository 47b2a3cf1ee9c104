import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { AuditService } from '../../../src/audit/audit.service';
import type { CurrentOfficer } from '../../../src/auth/current-officer';
import { BureausRepository } from '../../../src/bureaus/bureaus.repository';
import { CaseClocksService } from '../../../src/cases/case-clocks.service';
import { CasesRepository } from '../../../src/cases/cases.repository';
import { CasesService } from '../../../src/cases/cases.service';
import { finishedSql, isFinished, summaryStatus } from '../../../src/cases/tracks';
import { DomainError } from '../../../src/common/errors/domain-errors';
import { IdempotencyRepository } from '../../../src/common/idempotency/idempotency.repository';
import { IdempotencyService } from '../../../src/common/idempotency/idempotency.service';
import { FollowUpsRepository } from '../../../src/follow-ups/follow-ups.repository';
import { FollowUpsService } from '../../../src/follow-ups/follow-ups.service';
import { OfficersRepository } from '../../../src/officers/officers.repository';
import { CalendarRepository } from '../../../src/reference/calendar.repository';
import {
  createFinding,
  createInspection,
  createPremises,
  createSweep,
} from '../../factories/field-work';
import { cityBureau, createBureau } from '../../factories/people';
import { mediumDatabase, MediumDatabase } from '../medium';
import { asApp, insertOfficer, officerOf } from '../sweeps/field';

const ACTIONS = [
  'order',
  'passReinspection',
  'failReinspection',
  'fileCase',
  'openCase',
  'declineCase',
  'decideCase',
  'decidePenalty',
  'served',
  'paid',
  'transfer',
  'returned',
  'accepted',
  'closeCase',
  'closeFinding',
  'suspendCase',
  'resumeCase',
] as const;
type Action = (typeof ACTIONS)[number];

interface Row {
  id: string;
  status: string;
  version: number;
  rectification_status: 'OPEN' | 'RECTIFYING' | 'RESOLVED';
  filing_decision: 'FILED' | 'DECLINED' | null;
  case_id: string | null;
  transferred_on: string | null;
  case_status: 'FILED' | 'DECIDED' | 'TRANSFERRED' | 'CLOSED' | null;
  case_version: number | null;
  finished: boolean;
}

/**
 * Random sequences of case and follow-up actions on the two findings of one premises never leave a
 * finding whose status contradicts its tracks (DOMAIN.md, Follow-up): refused moves change nothing,
 * allowed ones keep `status` the summary of the rectification and case tracks, and "finished" the
 * same in SQL (closing a sweep) and in TypeScript.
 */
describe('case actions keep every finding’s status true to its two tracks (property)', () => {
  let db: MediumDatabase;
  let cases: CasesService;
  let followUps: FollowUpsService;
  let head: CurrentOfficer;
  let colleague: string;
  let bureauId: string;
  let sweepId: string;
  let categoryId: string;

  beforeAll(async () => {
    db = await mediumDatabase();
    const repository = new CasesRepository();
    const clocks = new CaseClocksService(repository, new CalendarRepository());
    const idempotency = new IdempotencyService(db.database, new IdempotencyRepository());
    cases = new CasesService(
      db.database,
      repository,
      clocks,
      new OfficersRepository(),
      new BureausRepository(),
      idempotency,
      new AuditService(),
    );
    followUps = new FollowUpsService(
      db.database,
      new FollowUpsRepository(),
      new OfficersRepository(),
      idempotency,
      new AuditService(),
      repository,
      cases,
      clocks,
    );
    const bureau = await createBureau(db);
    bureauId = bureau.id;
    const headId = await insertOfficer(db, bureauId, ['SUPERVISOR']);
    colleague = await insertOfficer(db, bureauId);
    head = officerOf(headId, bureauId, [bureauId], ['SUPERVISOR']);
    const sweep = await createSweep(asApp(db), { leadBureauId: (await cityBureau(db)).id });
    sweepId = sweep.id;
    categoryId = sweep.categoryIds.get('CAMPUS_FOOD')!;
  });
  afterAll(() => db.close());

  async function twoFindings(): Promise<string[]> {
    const premises = await createPremises(asApp(db), { bureauId });
    const ids: string[] = [];
    for (let index = 0; index < 2; index += 1) {
      const inspection = await createInspection(asApp(db), {
        sweepId,
        categoryId,
        premisesId: premises.id,
        officerIds: [head.id, colleague],
        inspectedAt: new Date('2019-04-10T02:00:00Z'),
      });
      ids.push((await createFinding(asApp(db), { inspectionId: inspection.id })).id);
    }
    return ids;
  }

  async function rows(ids: string[]): Promise<Row[]> {
    return db.query<Row>(
      `SELECT f.id, f.status, f.version, f.rectification_status, f.filing_decision, f.case_id,
              f.transferred_on::text, c.status AS case_status, c.version AS case_version,
              ${finishedSql('f')} AS finished
         FROM findings f LEFT JOIN cases c ON c.id = f.case_id
        WHERE f.id = ANY($1::uuid[]) ORDER BY array_position($1::uuid[], f.id)`,
      [ids],
    );
  }

  async function act(action: Action, row: Row, premisesKey: string): Promise<void> {
    const key = randomUUID();
    const finding = { idempotencyKey: key, findingId: row.id, expectedVersion: row.version };
    const onCase = {
      idempotencyKey: key,
      caseId: row.case_id ?? randomUUID(),
      expectedVersion: row.case_version ?? 1,
    };
    switch (action) {
      case 'order':
        return void (await followUps.orderRectification(head, {
          ...finding,
          deadline: '2019-05-01',
          orderedOn: '2019-04-11',
        }));
      case 'passReinspection':
      case 'failReinspection':
        return void (await followUps.recordReinspection(head, {
          ...finding,
          inspectedAt: new Date('2019-04-20T02:00:00Z'),
          officerIds: [head.id, colleague],
          passed: action === 'passReinspection',
          newDeadline: action === 'passReinspection' ? null : '2019-05-10',
        }));
      case 'fileCase':
        return void (await followUps.fileCase(head, {
          ...finding,
          caseNumber: `性质-${premisesKey}`,
          filedOn: '2019-04-12',
        }));
      case 'openCase':
        return void (await cases.openCase(head, {
          idempotencyKey: key,
          findings: [{ findingId: row.id, expectedVersion: row.version }],
          caseNumber: `开-${randomUUID().slice(0, 8)}`,
          filedOn: '2019-04-12',
          approvedById: head.id,
        }));
      case 'declineCase':
        return void (await cases.declineCase(head, {
          ...finding,
          reason: 'MINOR_CORRECTED_NO_HARM',
          decidedOn: '2019-04-15',
          approvedById: head.id,
        }));
      case 'decideCase':
        return void (await cases.decideCase(head, {
          ...onCase,
          decisionNumber: '决',
          decidedOn: '2019-05-01',
          outcome: 'PENALTY',
          penalties: ['FINE'],
          fine: '100.00',
        }));
      case 'decidePenalty':
        return void (await followUps.decidePenalty(head, {
          ...finding,
          decisionNumber: '罚',
          decidedOn: '2019-05-01',
          fine: '200.00',
        }));
      case 'served':
      case 'paid':
        return void (await cases.recordCaseStep(head, {
          ...onCase,
          step: action === 'served' ? 'SERVED' : 'PAID',
          on: '2019-05-05',
          amount: action === 'paid' ? '100.00' : null,
        }));
      case 'transfer':
        return void (await cases.transferCase(head, {
          ...onCase,
          authority: 'POLICE',
          documentNumber: '移',
          reportedOn: '2019-04-20',
          approvedOn: '2019-04-21',
          transferredOn: '2019-04-22',
        }));
      case 'returned':
      case 'accepted':
        return void (await cases.recordTransferOutcome(head, {
          ...onCase,
          outcome: action === 'returned' ? 'RETURNED' : 'ACCEPTED',
          outcomeOn: '2019-04-30',
        }));
      case 'closeCase':
        return void (await cases.closeCase(head, { ...onCase, closedOn: '2019-05-20' }));
      case 'closeFinding':
        return void (await followUps.closeFinding(head, { ...finding, reason: '结案' }));
      case 'suspendCase':
        return void (await cases.suspendCase(head, {
          ...onCase,
          reason: 'TESTING',
          from: '2019-04-25',
        }));
      case 'resumeCase':
        return void (await cases.resumeCase(head, { ...onCase, resumedOn: '2019-04-28' }));
    }
  }

  it('never produces a finding whose status contradicts its tracks', async () => {
    const moved = new Set<Action>();
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.constantFrom<Action>(...ACTIONS), fc.integer({ min: 0, max: 1 })), {
          minLength: 1,
          maxLength: 20,
        }),
        fc.boolean(),
        async (drawn, filedFirst) => {
          // Half the runs start from a filed case, so that the case's later moves are reached.
          const steps: [Action, number][] = filedFirst ? [['openCase', 0], ...drawn] : drawn;
          const ids = await twoFindings();
          const premisesKey = randomUUID().slice(0, 8);
          for (const [action, index] of steps) {
            const before = await rows(ids);
            let refused = false;
            try {
              await act(action, before[index], premisesKey);
            } catch (error) {
              if (!(error instanceof DomainError)) throw error;
              if (process.env.DEBUG_PROPERTY) console.log(action, error.code, error.message);
              refused = true;
            }
            if (!refused) moved.add(action);
            const after = await rows(ids);
            if (refused) expect(after).toEqual(before);
            for (const row of after) {
              const tracks = {
                rectification: row.rectification_status,
                filingDecision: row.filing_decision,
                caseStatus: row.case_status,
                transferredWithoutCase: row.case_id === null && row.transferred_on !== null,
              };
              expect({ action, status: row.status }).toEqual({
                action,
                status: summaryStatus(tracks),
              });
              expect({ action, finished: row.finished }).toEqual({
                action,
                finished: isFinished(tracks),
              });
              expect(row.filing_decision === 'FILED').toBe(row.case_id !== null);
              expect(row.version).toBeGreaterThanOrEqual(
                before.find((b) => b.id === row.id)!.version,
              );
            }
          }
        },
      ),
      { numRuns: 60, seed: 13 },
    );
    // Not vacuous: the sequences reached most moves of both tracks.
    expect(moved.size).toBeGreaterThanOrEqual(14);
  }, 240_000);
});

import { randomUUID } from 'node:crypto';
import { createPremises } from '../factories/field-work';
import { proposedOp } from '../helpers/contract';
import { FieldWorld, logInspection, refusal, startFieldWorld } from '../helpers/field-world';
import type { GraphQLResponse, TestApp } from '../helpers/test-app';
import { countStatements } from '../helpers/statements';
import { createOfficer, type OfficerRecord } from '../factories/people';

type Input = Record<string, unknown>;
interface ClueView {
  id: string;
  number: string;
  status: string;
  version: number;
  personName: string | null;
  personPhone: string | null;
  personIdNumber: string | null;
  personAddress: string | null;
  personalDataVisible: boolean;
  anonymous: boolean;
  dueOn: string | null;
  overdue: boolean;
  clocks: { kind: string; startedOn: string; dueOn: string; metOn: string | null }[];
  [field: string]: unknown;
}

const PERSON = {
  name: '张三',
  phone: '13995112233',
  idNumber: '11010519491231002X',
  address: '银川市兴庆区解放西街1号',
};

/**
 * 投诉举报线索 over HTTP with the proposed operations: registering, every move, who may make it,
 * the clocks, the work queue, links, node(id:), and the complainant's personal data kept to the
 * handling bureau (暂行办法 第五十条).
 */
describe('complaint and report clues', () => {
  let app: TestApp;
  let world: FieldWorld;
  let inspectorA1: OfficerRecord;

  beforeAll(async () => {
    ({ app, world } = await startFieldWorld());
    inspectorA1 = await createOfficer(app, world.bureauA1.id, ['INSPECTOR']);
  });
  afterAll(() => app.close());

  function send<T = Record<string, any>>(
    name: string,
    variables: Input,
    token: string,
    headers?: Record<string, string>,
  ): Promise<GraphQLResponse<T>> {
    return app.gql<T>(proposedOp(name), variables, { token, headers });
  }

  function complaintInput(overrides: Input = {}): Input {
    return {
      idempotencyKey: randomUUID(),
      kind: 'COMPLAINT',
      source: 'HOTLINE_12315',
      receivedOn: '2019-03-18',
      bureauId: world.bureauA.id,
      premisesId: world.shopA.id,
      sweepId: world.sweep.id,
      categoryId: world.sweep.categoryIds.get('SEASONED_FLOUR_PRODUCTS'),
      content: '在解放街食品店购买的辣条已过保质期',
      anonymous: false,
      person: PERSON,
      ...overrides,
    };
  }

  function reportInput(overrides: Input = {}): Input {
    return complaintInput({ kind: 'REPORT', source: 'PLATFORM_12315', ...overrides });
  }

  async function register(input: Input, token = world.inspectorA.token): Promise<ClueView> {
    const result = await send<{ registerClue: { clue: ClueView } }>(
      'RegisterClue',
      { input },
      token,
    );
    if (!result.data?.registerClue) throw new Error(JSON.stringify(result.errors));
    return result.data.registerClue.clue;
  }

  /** Sends a move that must succeed and returns the clue after it. */
  async function move(
    name: string,
    clue: { id: string; version: number },
    input: Input,
    token = world.supervisorA.token,
  ): Promise<ClueView> {
    const field = name[0].toLowerCase() + name.slice(1);
    const result = await send<Record<string, { clue: ClueView }>>(
      name,
      {
        input: {
          idempotencyKey: randomUUID(),
          clueId: clue.id,
          expectedVersion: clue.version,
          ...input,
        },
      },
      token,
    );
    if (!result.data?.[field]) throw new Error(JSON.stringify(result.errors));
    return result.data[field].clue;
  }

  async function auditOf(
    id: string,
  ): Promise<{ action: string; before: unknown; after: unknown }[]> {
    return app.query(
      `SELECT action, before, after FROM audit_events WHERE entity_id = $1 ORDER BY id`,
      [id],
    );
  }

  describe('registering', () => {
    it('registers a named complaint with its number, its acceptance clock and a redacted audit event', async () => {
      const clue = await register(complaintInput());
      expect(clue).toMatchObject({
        status: 'RECEIVED',
        version: 1,
        personName: '张三',
        personPhone: '13995112233',
        personIdNumber: '11010519491231002X',
        personalDataVisible: true,
        // 7 working days from Monday 18 March 2019, the day itself not counted.
        dueOn: '2019-03-27',
        overdue: true,
        clocks: [
          {
            kind: 'CLUE_ACCEPTANCE',
            startedOn: '2019-03-18',
            dueOn: '2019-03-27',
            metOn: null,
            overdue: true,
            provisional: false,
            basis: '市场监督管理投诉举报处理暂行办法 第十四条',
          },
        ],
        bureau: { id: world.bureauA.id },
        premises: { id: world.shopA.id },
        category: { code: 'SEASONED_FLOUR_PRODUCTS' },
      });
      expect(clue.number).toMatch(/^B\w*-2019-\d{5}$/);
      const [row] = await app.query(`SELECT * FROM clues WHERE id = $1`, [clue.id]);
      expect(row).toMatchObject({ person_name: '张三', due_on: '2019-03-27', kind: 'COMPLAINT' });
      const events = await auditOf(clue.id);
      expect(events).toHaveLength(1);
      expect(events[0]).toMatchObject({
        action: 'CREATE',
        after: {
          personName: '[REDACTED]',
          personPhone: '[REDACTED]',
          personIdNumber: '[REDACTED]',
          personAddress: '[REDACTED]',
        },
      });
      expect(JSON.stringify(events)).not.toMatch(/张三|13995112233|11010519491231002X|解放西街/);
    });

    it('numbers the clues of a bureau and year one after another', async () => {
      const first = await register(complaintInput());
      const second = await register(complaintInput());
      const sequence = (clue: ClueView) => Number(clue.number.slice(-5));
      expect(sequence(second)).toBe(sequence(first) + 1);
      expect(second.number.slice(0, -5)).toBe(first.number.slice(0, -5));
    });

    it('gives concurrent registrations of one bureau and year distinct numbers', async () => {
      const clues = await Promise.all(
        Array.from({ length: 6 }, () => register(complaintInput({ receivedOn: '2018-12-28' }))),
      );
      const numbers = clues.map((clue) => clue.number);
      expect(new Set(numbers).size).toBe(6);
      expect(numbers.every((number) => number.includes('-2018-'))).toBe(true);
      expect(numbers.map((number) => Number(number.slice(-5))).sort((a, b) => a - b)).toEqual([
        1, 2, 3, 4, 5, 6,
      ]);
    });

    it('refuses an anonymous complaint, a bad ID number and phone, a transfer with no authority, a future day, every field at once', async () => {
      const result = await send(
        'RegisterClue',
        {
          input: complaintInput({
            anonymous: true,
            person: { ...PERSON, idNumber: '110105194912310021', phone: 'call me' },
            source: 'TRANSFER',
            receivedOn: '2099-01-01',
          }),
        },
        world.inspectorA.token,
      );
      expect(refusal(result)).toEqual({
        code: 'BAD_USER_INPUT',
        paths: ['input.receivedOn', 'input.sourceAuthority', 'input.anonymous', 'input.person'],
      });
      const named = await send(
        'RegisterClue',
        {
          input: complaintInput({
            person: { ...PERSON, idNumber: '110105194912310021', phone: 'x' },
          }),
        },
        world.inspectorA.token,
        { 'accept-language': 'en' },
      );
      expect(refusal(named).paths).toEqual(['input.person.phone', 'input.person.idNumber']);
      const fields = named.errors![0].extensions!.fields as { message: string }[];
      expect(fields[1].message).toContain('not a valid resident identity card number');
      const zh = await send(
        'RegisterClue',
        { input: complaintInput({ person: { ...PERSON, idNumber: '110105194912310021' } }) },
        world.inspectorA.token,
      );
      expect((zh.errors![0].extensions!.fields as { message: string }[])[0].message).toContain(
        '不是有效的居民身份证号码',
      );
    });

    it('refuses a handling bureau outside the caller’s jurisdiction and premises outside the bureau’s', async () => {
      const outside = await send(
        'RegisterClue',
        { input: complaintInput() },
        world.inspectorB.token,
      );
      expect(refusal(outside)).toEqual({ code: 'BAD_USER_INPUT', paths: ['input.bureauId'] });
      const premises = await send(
        'RegisterClue',
        { input: complaintInput({ premisesId: world.shopB.id }) },
        world.supervisorA.token,
      );
      expect(refusal(premises)).toEqual({ code: 'BAD_USER_INPUT', paths: ['input.premisesId'] });
      const rows = await app.query(`SELECT count(*)::int AS n FROM clues WHERE bureau_id = $1`, [
        world.bureauB.id,
      ]);
      expect(rows[0].n).toBe(0);
    });

    it('replays the same key with the first result and refuses it with another input', async () => {
      const input = { ...complaintInput(), content: `重放 ${randomUUID()}` };
      const first = await send<{ registerClue: { replayed: boolean; clue: ClueView } }>(
        'RegisterClue',
        { input },
        world.inspectorA.token,
      );
      const again = await send<{ registerClue: { replayed: boolean; clue: ClueView } }>(
        'RegisterClue',
        { input },
        world.inspectorA.token,
      );
      expect(first.data!.registerClue.replayed).toBe(false);
      expect(again.data!.registerClue).toMatchObject({
        replayed: true,
        clue: { id: first.data!.registerClue.clue.id },
      });
      const changed = await send(
        'RegisterClue',
        { input: { ...input, content: '另一件事' } },
        world.inspectorA.token,
      );
      expect(refusal(changed).code).toBe('CONFLICT');
      const rows = await app.query(`SELECT count(*)::int AS n FROM clues WHERE content = $1`, [
        input.content,
      ]);
      expect(rows[0].n).toBe(1);
      const [{ n }] = await app.query(
        `SELECT count(*)::int AS n FROM clues WHERE content = '另一件事'`,
      );
      expect(n).toBe(0);
    });
  });

  describe('personal data and scope', () => {
    let clue: ClueView;
    beforeAll(async () => {
      clue = await register(complaintInput());
    });

    it('shows the complainant to officers of the handling bureau only: null for the city manager, anonymous flag kept', async () => {
      const byManager = await send<{ clue: ClueView }>(
        'Clue',
        { id: clue.id },
        world.manager.token,
      );
      expect(byManager.data!.clue).toMatchObject({
        id: clue.id,
        anonymous: false,
        personName: null,
        personPhone: null,
        personIdNumber: null,
        personAddress: null,
        personalDataVisible: false,
      });
      const bySupervisor = await send<{ clue: ClueView }>(
        'Clue',
        { id: clue.id },
        world.supervisorA.token,
      );
      expect(bySupervisor.data!.clue).toMatchObject({
        personName: '张三',
        personalDataVisible: true,
      });
    });

    it('keeps a child bureau’s complainant from the parent bureau’s officers', async () => {
      const child = await register(
        complaintInput({ bureauId: world.bureauA1.id, premisesId: world.shopA1.id }),
        inspectorA1.token,
      );
      expect(child.personName).toBe('张三');
      const byParent = await send<{ clue: ClueView }>(
        'Clue',
        { id: child.id },
        world.inspectorA.token,
      );
      expect(byParent.data!.clue).toMatchObject({ personName: null, personalDataVisible: false });
    });

    it('is NOT_FOUND outside the jurisdiction, by clue and by node, and found by node inside it', async () => {
      const outside = await send('Clue', { id: clue.id }, world.inspectorB.token);
      expect(outside.data!.clue).toBeNull();
      expect(refusal(outside).code).toBe('NOT_FOUND');
      const node = await send('ClueNode', { id: clue.id }, world.inspectorB.token);
      expect(node.data!.node).toBeNull();
      expect(refusal(node).code).toBe('NOT_FOUND');
      const inside = await send('ClueNode', { id: clue.id }, world.inspectorA.token);
      expect(inside.data!.node).toEqual({
        id: clue.id,
        number: clue.number,
        status: 'RECEIVED',
        personName: '张三',
      });
    });

    it('serves its audit trail with the personal data redacted, and not outside the jurisdiction', async () => {
      const trail = await app.gql<{
        auditTrail: { action: string; after: Record<string, unknown> }[];
      }>(
        'AuditTrail',
        { entityType: 'Clue', entityId: clue.id },
        { token: world.supervisorA.token },
      );
      expect(trail.data!.auditTrail[0]).toMatchObject({
        action: 'CREATE',
        after: { personName: '[REDACTED]', personPhone: '[REDACTED]', content: clue.content },
      });
      expect(JSON.stringify(trail.data)).not.toMatch(/张三|13995112233/);
      const outside = await app.gql(
        'AuditTrail',
        { entityType: 'Clue', entityId: clue.id },
        { token: world.supervisorB.token },
      );
      expect(refusal(outside).code).toBe('NOT_FOUND');
    });

    it('never puts the complainant in the progress workbook', async () => {
      const response = await app.get(`/reports/sweeps/${world.sweep.id}/progress.xlsx`, {
        token: world.supervisorA.token,
      });
      expect(response.status).toBe(200);
      const bytes = Buffer.from(await response.arrayBuffer());
      const { Workbook } = await import('exceljs');
      const workbook = new Workbook();
      await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
      const text: string[] = [];
      workbook.eachSheet((sheet) => sheet.eachRow((row) => text.push(JSON.stringify(row.values))));
      expect(text.join('\n')).not.toMatch(/张三|13995112233|11010519491231002X|解放西街/);
      expect(text.join('\n')).toContain('受理投诉举报');
    });
  });

  describe('a complaint’s moves', () => {
    it('is accepted by the head of the handling bureau, not by an inspector nor another bureau; a stale version is CONFLICT', async () => {
      const clue = await register(complaintInput());
      const input = {
        idempotencyKey: randomUUID(),
        clueId: clue.id,
        expectedVersion: 1,
        acceptedOn: '2019-03-20',
      };
      expect(refusal(await send('AcceptClue', { input }, world.inspectorA.token)).code).toBe(
        'FORBIDDEN',
      );
      expect(refusal(await send('AcceptClue', { input }, world.supervisorB.token)).code).toBe(
        'NOT_FOUND',
      );
      const stale = await send(
        'AcceptClue',
        { input: { ...input, idempotencyKey: randomUUID(), expectedVersion: 2 } },
        world.supervisorA.token,
      );
      expect(refusal(stale).code).toBe('CONFLICT');
      const before = await send(
        'AcceptClue',
        { input: { ...input, idempotencyKey: randomUUID(), acceptedOn: '2019-03-17' } },
        world.supervisorA.token,
      );
      expect(refusal(before)).toEqual({ code: 'BAD_USER_INPUT', paths: ['input.acceptedOn'] });
      const accepted = await send<{ acceptClue: { replayed: boolean; clue: ClueView } }>(
        'AcceptClue',
        { input },
        world.supervisorA.token,
      );
      expect(accepted.data!.acceptClue.clue).toMatchObject({
        status: 'ACCEPTED',
        version: 2,
        acceptedOn: '2019-03-20',
        // the mediation clock: 45 working days from acceptance (Qingming and May Day off, the
        // Sundays 28 April and 5 May worked)
        dueOn: '2019-05-24',
        overdue: true,
        clocks: [
          { kind: 'CLUE_ACCEPTANCE', metOn: '2019-03-20', overdue: false },
          { kind: 'CLUE_MEDIATION', startedOn: '2019-03-20', dueOn: '2019-05-24', metOn: null },
        ],
      });
      const replay = await send<{ acceptClue: { replayed: boolean } }>(
        'AcceptClue',
        { input },
        world.supervisorA.token,
      );
      expect(replay.data!.acceptClue.replayed).toBe(true);
      const again = await send(
        'AcceptClue',
        { input: { ...input, idempotencyKey: randomUUID(), expectedVersion: 2 } },
        world.supervisorA.token,
        { 'accept-language': 'en' },
      );
      expect(again.errors![0].extensions).toMatchObject({
        code: 'INVALID_STATE',
        from: 'ACCEPTED',
        action: 'ACCEPT',
      });
      expect(again.errors![0].message).toBe(
        'A complaint that is accepted cannot be accepted; allowed: CLOSE, LINK',
      );
      const closed = await move('CloseClue', accepted.data!.acceptClue.clue, {
        closedOn: '2019-04-02',
        note: '调解成功，商家退一赔三',
      });
      expect(closed).toMatchObject({ status: 'CLOSED', closedOn: '2019-04-02' });
      const [row] = await app.query(`SELECT status, version FROM clues WHERE id = $1`, [clue.id]);
      expect(row).toEqual({ status: 'CLOSED', version: 3 });
      const events = await auditOf(clue.id);
      expect(events.map((event) => event.action)).toEqual(['CREATE', 'ACCEPT_CLUE', 'CLOSE_CLUE']);
      expect(JSON.stringify(events)).not.toMatch(/张三|13995112233/);
      expect(events[1].before).toMatchObject({ personName: '[REDACTED]', status: 'RECEIVED' });
    });

    it('is refused with a reason by a city manager, and then takes no move', async () => {
      const clue = await register(complaintInput());
      const refused = await move(
        'RefuseClue',
        clue,
        { refusedOn: '2019-03-19', reason: '不属于本部门职责范围' },
        world.manager.token,
      );
      expect(refused).toMatchObject({ status: 'REFUSED', refusalReason: '不属于本部门职责范围' });
      const closing = await send(
        'CloseClue',
        {
          input: {
            idempotencyKey: randomUUID(),
            clueId: clue.id,
            expectedVersion: 2,
            closedOn: '2019-03-20',
          },
        },
        world.supervisorA.token,
      );
      expect(closing.errors![0].extensions).toMatchObject({
        code: 'INVALID_STATE',
        from: 'REFUSED',
        action: 'CLOSE',
      });
      expect(closing.errors![0].message).toBe('不予受理的投诉不能办结：该线索已处理完毕');
    });
  });

  describe('a report’s moves', () => {
    it('takes an anonymous report through extension, links, a filing decision on a finding and closing, with no one to inform', async () => {
      const clue = await register(
        reportInput({ anonymous: true, person: null, receivedOn: '2019-03-18' }),
      );
      expect(clue).toMatchObject({
        anonymous: true,
        personName: null,
        dueOn: '2019-04-09',
        clocks: [{ kind: 'CLUE_VERIFICATION', dueOn: '2019-04-09' }],
      });
      const extended = await move('ExtendClueVerification', clue, { workingDays: 15 });
      // 15 more working days, Sunday 28 April 2019 worked in exchange (调休上班).
      expect(extended.clocks).toMatchObject([{ extendedBy: 15, dueOn: '2019-04-29' }]);
      const twice = await send(
        'ExtendClueVerification',
        {
          input: {
            idempotencyKey: randomUUID(),
            clueId: clue.id,
            expectedVersion: 2,
            workingDays: 5,
          },
        },
        world.supervisorA.token,
      );
      expect(twice.errors![0].extensions).toMatchObject({
        code: 'INVALID_STATE',
        from: 'RECEIVED',
        action: 'EXTEND_VERIFICATION',
      });

      const inspection = await logInspection(app, world);
      const link = { idempotencyKey: randomUUID(), clueId: clue.id, inspectionId: inspection.id };
      const linked = await send<{ linkClue: { clue: { inspections: { id: string }[] } } }>(
        'LinkClue',
        { input: link },
        world.inspectorA.token,
      );
      expect(linked.data!.linkClue.clue.inspections).toEqual([{ id: inspection.id }]);
      const twiceLinked = await send(
        'LinkClue',
        { input: { ...link, idempotencyKey: randomUUID() } },
        world.inspectorA.token,
      );
      expect(refusal(twiceLinked).code).toBe('CONFLICT');
      const otherPremises = await logInspection(app, world, { premisesId: world.shopA1.id });
      const wrong = await send(
        'LinkClue',
        { input: { ...link, idempotencyKey: randomUUID(), inspectionId: otherPremises.id } },
        world.inspectorA.token,
      );
      expect(refusal(wrong)).toEqual({ code: 'BAD_USER_INPUT', paths: ['input.inspectionId'] });

      const noTarget = await send(
        'RecordClueVerification',
        {
          input: {
            idempotencyKey: randomUUID(),
            clueId: clue.id,
            expectedVersion: 2,
            outcome: 'FILED',
            decidedOn: '2019-03-25',
          },
        },
        world.supervisorA.token,
      );
      expect(refusal(noTarget)).toEqual({ code: 'BAD_USER_INPUT', paths: ['input.caseId'] });
      const filed = await move('RecordClueVerification', extended, {
        outcome: 'FILED',
        decidedOn: '2019-03-25',
        findingId: inspection.findings[0].id,
      });
      expect(filed).toMatchObject({
        status: 'FILED',
        decidedOn: '2019-03-25',
        filedFinding: { id: inspection.findings[0].id },
        clocks: [{ kind: 'CLUE_VERIFICATION', metOn: '2019-03-25' }],
        dueOn: null,
      });
      const informing = await send(
        'InformClueReporter',
        {
          input: {
            idempotencyKey: randomUUID(),
            clueId: clue.id,
            expectedVersion: filed.version,
            informedOn: '2019-03-26',
            channel: 'PHONE',
          },
        },
        world.inspectorA.token,
      );
      expect(informing.errors![0].extensions).toMatchObject({
        code: 'INVALID_STATE',
        from: 'FILED',
        action: 'INFORM',
      });
      const closed = await move('CloseClue', filed, { closedOn: '2019-03-28' });
      expect(closed.status).toBe('CLOSED');

      const read = await send<{
        clue: { inspections: { id: string }[]; findings: { id: string }[] };
      }>('Clue', { id: clue.id }, world.inspectorA.token);
      expect(read.data!.clue.inspections.map((row) => row.id)).toEqual([inspection.id]);
      expect(read.data!.clue.findings.map((row) => row.id)).toEqual([inspection.findings[0].id]);
      const reverse = await send<{ inspection: { clues: { id: string }[] } }>(
        'InspectionClues',
        { id: inspection.id },
        world.inspectorA.token,
      );
      expect(reverse.data!.inspection.clues).toEqual([{ id: clue.id, number: clue.number }]);
      const links = await app.query(
        `SELECT count(*)::int AS n FROM clue_links WHERE clue_id = $1`,
        [clue.id],
      );
      expect(links[0].n).toBe(2);
    });

    it('tells a named reporter of a decision not to file within 5 working days before closing', async () => {
      const clue = await register(reportInput({ receivedOn: '2019-03-18' }));
      const notFiled = await move('RecordClueVerification', clue, {
        outcome: 'NOT_FILED',
        decidedOn: '2019-03-29',
        reason: '经核查，举报事项不属实',
      });
      expect(notFiled).toMatchObject({
        status: 'NOT_FILED',
        notFiledReason: '经核查，举报事项不属实',
        // 5 working days from Friday 29 March 2019, over the Qingming holiday (5 April).
        dueOn: '2019-04-08',
        clocks: [
          { kind: 'CLUE_VERIFICATION', metOn: '2019-03-29' },
          { kind: 'CLUE_INFORMING', startedOn: '2019-03-29', metOn: null },
        ],
      });
      expect(notFiled.clocks[1].dueOn).toBe('2019-04-08');
      const early = await send(
        'CloseClue',
        {
          input: {
            idempotencyKey: randomUUID(),
            clueId: clue.id,
            expectedVersion: notFiled.version,
            closedOn: '2019-04-01',
          },
        },
        world.supervisorA.token,
      );
      expect(early.errors![0].extensions).toMatchObject({
        code: 'INVALID_STATE',
        from: 'NOT_FILED',
        action: 'CLOSE',
      });
      const informed = await move(
        'InformClueReporter',
        notFiled,
        { informedOn: '2019-04-01', channel: 'SMS' },
        world.inspectorA.token,
      );
      expect(informed).toMatchObject({
        informedOn: '2019-04-01',
        informChannel: 'SMS',
        dueOn: null,
      });
      expect(informed.clocks[1]).toMatchObject({ kind: 'CLUE_INFORMING', metOn: '2019-04-01' });
      expect((await move('CloseClue', informed, { closedOn: '2019-04-02' })).status).toBe('CLOSED');
    });

    it('is transferred to another bureau, whose officers then hold it and its complainant, or out to another authority', async () => {
      const clue = await register(reportInput({ premisesId: null }));
      // an id is the same id in capitals: not a transfer to another bureau
      const toItself = await send(
        'TransferClue',
        {
          input: {
            idempotencyKey: randomUUID(),
            clueId: clue.id,
            expectedVersion: clue.version,
            transferredOn: '2019-03-19',
            toBureauId: world.bureauA.id.toUpperCase(),
          },
        },
        world.supervisorA.token,
      );
      expect(refusal(toItself)).toEqual({ code: 'BAD_USER_INPUT', paths: ['input.toBureauId'] });
      const moved = await move('TransferClue', clue, {
        transferredOn: '2019-03-19',
        toBureauId: world.bureauB.id,
      });
      expect(moved).toMatchObject({ status: 'RECEIVED', bureau: { id: world.bureauB.id } });
      expect(refusal(await send('Clue', { id: clue.id }, world.inspectorA.token)).code).toBe(
        'NOT_FOUND',
      );
      const byB = await send<{ clue: ClueView }>('Clue', { id: clue.id }, world.inspectorB.token);
      expect(byB.data!.clue).toMatchObject({ personName: '张三', personalDataVisible: true });
      const out = await move(
        'TransferClue',
        byB.data!.clue,
        { transferredOn: '2019-03-20', toAuthority: '银川市农业农村局' },
        world.supervisorB.token,
      );
      expect(out).toMatchObject({
        status: 'TRANSFERRED',
        transferredToAuthority: '银川市农业农村局',
        dueOn: null,
      });
      const both = await send(
        'TransferClue',
        {
          input: {
            idempotencyKey: randomUUID(),
            clueId: clue.id,
            expectedVersion: out.version,
            transferredOn: '2019-03-20',
            toBureauId: world.bureauA.id,
            toAuthority: '某局',
          },
        },
        world.supervisorB.token,
      );
      expect(refusal(both)).toEqual({ code: 'BAD_USER_INPUT', paths: ['input.toBureauId'] });
    });
  });

  describe('the work queue', () => {
    it('reads a page of 3 with premises and bureaus in as many SQL statements as a page of 1', async () => {
      for (const day of ['2019-06-03', '2019-06-04', '2019-06-05']) {
        const premises = await createPremises(app, {
          bureauId: world.bureauA.id,
          kind: 'FOOD_RETAILER',
        });
        await register(complaintInput({ receivedOn: day, premisesId: premises.id }));
      }
      async function statements(first: number): Promise<number> {
        const { result, count } = await countStatements(app, () =>
          send<{ clues: { edges: { node: ClueView }[] } }>(
            'CluesDue',
            {
              filter: { sweepId: world.sweep.id },
              orderBy: { field: 'RECEIVED_ON', direction: 'DESC' },
              first,
            },
            world.supervisorA.token,
          ),
        );
        expect(result.errors).toBeUndefined();
        const nodes = result.data!.clues.edges.map((edge) => edge.node);
        expect(nodes).toHaveLength(first);
        expect(new Set(nodes.map((node) => (node.premises as { id: string }).id)).size).toBe(first);
        return count;
      }
      const one = await statements(1);
      expect(one).toBeGreaterThan(0);
      expect(await statements(3)).toBe(one);
    });

    it('lists clues by due day, overdue first, filtered, paged with cursors, within the jurisdiction', async () => {
      const sweep = world.sweep.id;
      const late = await register(reportInput({ receivedOn: '2019-03-19' }));
      const early = await register(complaintInput({ receivedOn: '2019-03-18' }));
      const filter = { sweepId: sweep, bureauId: world.bureauA.id, statuses: ['RECEIVED'] };
      const all = await send<{
        clues: { totalCount: number; edges: { cursor: string; node: ClueView }[] };
      }>(
        'CluesDue',
        { filter, orderBy: { field: 'DUE_ON', direction: 'ASC' }, first: 100 },
        world.supervisorA.token,
      );
      const nodes = all.data!.clues.edges.map((edge) => edge.node);
      expect(nodes.length).toBe(all.data!.clues.totalCount);
      const dues = nodes.map((node) => node.dueOn ?? '9999-12-31');
      expect([...dues].sort()).toEqual(dues);
      expect(nodes.findIndex((node) => node.id === early.id)).toBeLessThan(
        nodes.findIndex((node) => node.id === late.id),
      );
      expect(nodes.every((node) => node.status === 'RECEIVED')).toBe(true);

      const first = await send<{
        clues: {
          pageInfo: { endCursor: string; hasNextPage: boolean };
          edges: { node: ClueView }[];
        };
      }>('CluesDue', { filter, first: 1 }, world.supervisorA.token);
      expect(first.data!.clues.pageInfo.hasNextPage).toBe(true);
      const second = await send<{ clues: { edges: { node: ClueView }[] } }>(
        'CluesDue',
        { filter, first: 1, after: first.data!.clues.pageInfo.endCursor },
        world.supervisorA.token,
      );
      expect(second.data!.clues.edges[0].node.id).toBe(nodes[1].id);

      const reports = await send<{ clues: { edges: { node: ClueView }[] } }>(
        'CluesDue',
        { filter: { ...filter, kinds: ['REPORT'], overdue: true }, first: 100 },
        world.supervisorA.token,
      );
      const reportNodes = reports.data!.clues.edges.map((edge) => edge.node);
      expect(reportNodes.map((node) => node.kind)).not.toContain('COMPLAINT');
      expect(reportNodes.map((node) => node.id)).toContain(late.id);
      expect(reportNodes.every((node) => node.overdue)).toBe(true);

      const byReceived = await send<{ clues: { edges: { node: ClueView }[] } }>(
        'CluesDue',
        { filter, orderBy: { field: 'RECEIVED_ON', direction: 'DESC' }, first: 100 },
        world.supervisorA.token,
      );
      const received = byReceived.data!.clues.edges.map((edge) => edge.node.receivedOn as string);
      expect([...received].sort().reverse()).toEqual(received);

      const forB = await send<{ clues: { edges: { node: ClueView }[] } }>(
        'CluesDue',
        { filter: { sweepId: sweep }, first: 100 },
        world.inspectorB.token,
      );
      expect(forB.data!.clues.edges.map((edge) => edge.node.id)).not.toContain(late.id);
      const forManager = await send<{ clues: { edges: { node: ClueView }[] } }>(
        'CluesDue',
        { filter: { sweepId: sweep }, first: 100 },
        world.manager.token,
      );
      const managerNodes = forManager.data!.clues.edges.map((edge) => edge.node);
      expect(managerNodes.map((node) => node.id)).toContain(late.id);
      expect(managerNodes.every((node) => node.personName === null)).toBe(true);
    });
  });
});

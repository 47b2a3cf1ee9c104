import { AuditService } from '../../../src/audit/audit.service';
import { BureausRepository } from '../../../src/bureaus/bureaus.repository';
import { NotFound } from '../../../src/common/errors/domain-errors';
import { render } from '../../../src/common/messages/message';
import { cursorCodec } from '../../../src/common/pagination/cursor';
import { Scope } from '../../../src/common/scope';
import { Database } from '../../../src/database/database';
import { Loaders } from '../../../src/graphql/loaders';
import { PremisesImportService } from '../../../src/premises/premises-import.service';
import { PremisesRepository } from '../../../src/premises/premises.repository';
import { PremisesService } from '../../../src/premises/premises.service';
import { createBureau, type BureauRecord } from '../../factories/people';
import { mediumDatabase, type MediumDatabase } from '../medium';
import { inspectorScope, insertPremises } from './scope';

describe('PremisesRepository', () => {
  let db: MediumDatabase;
  const premises = new PremisesRepository();
  let county: BureauRecord;
  let station: BureauRecord;
  let other: BureauRecord;
  let countyScope: Scope;
  let stationScope: Scope;

  beforeAll(async () => {
    db = await mediumDatabase();
    county = await createBureau(db, { kind: 'COUNTY' });
    station = await createBureau(db, { parentId: county.id });
    other = await createBureau(db);
    countyScope = await inspectorScope(db, county.id);
    stationScope = await inspectorScope(db, station.id);
  });
  afterAll(() => db.close());

  describe('scoped reads', () => {
    let inStation: { id: string };
    let inOther: { id: string };
    beforeAll(async () => {
      inStation = await insertPremises(db, station.id);
      inOther = await insertPremises(db, other.id);
    });

    it('finds a premises inside the scope, including the bureaus under it, and nothing outside', async () => {
      expect((await premises.findInScope(db.manager, stationScope, inStation.id))?.id).toBe(
        inStation.id,
      );
      expect((await premises.findInScope(db.manager, countyScope, inStation.id))?.id).toBe(
        inStation.id,
      );
      expect(await premises.findInScope(db.manager, countyScope, inOther.id)).toBeNull();
      expect((await premises.findInScope(db.manager, Scope.system(), inOther.id))?.id).toBe(
        inOther.id,
      );
    });

    it('leaves out of findByIds and the loader the premises outside the scope', async () => {
      const found = await premises.findByIds(db.manager, countyScope, [inStation.id, inOther.id]);
      expect(found.map((row) => row.id)).toEqual([inStation.id]);
      expect(await premises.findByIds(db.manager, countyScope, [])).toEqual([]);

      const loaders = new Loaders(db.database);
      const loaded = await premises
        .premisesLoader(loaders, countyScope)
        .loadMany([inOther.id, inStation.id]);
      expect(loaded[0]).toBeInstanceOf(NotFound);
      expect(loaded[1]).toMatchObject({ id: inStation.id });
      // another scope in the same request does not reuse the first one's answers
      const whole = await premises.premisesLoader(loaders, Scope.system()).load(inOther.id);
      expect(whole.id).toBe(inOther.id);
    });

    it('tells whether a premises exists inside the scope', async () => {
      expect(await premises.existsInScope(db.manager, countyScope, inStation.id)).toBe(true);
      expect(await premises.existsInScope(db.manager, countyScope, inOther.id)).toBe(false);
      expect(await premises.existsInScope(db.manager, Scope.system(), inOther.id)).toBe(true);
    });

    it('finds premises ids by name and address for the system, anywhere in the city', async () => {
      const address = `兴庆区鼓楼街${Math.random()}`;
      const first = await insertPremises(db, other.id, { address });
      await insertPremises(db, station.id, { name: first.name, address });
      const ids = await premises.idsByNameAndAddressForSystem(db.manager, [
        { name: first.name, address },
        { name: first.name, address: '无此地址' },
      ]);
      expect([...ids]).toEqual([[`${first.name}\u0000${address}`, first.id]]);
    });

    it('makes the service answer NOT_FOUND outside the scope', async () => {
      const service = new PremisesService(new Database(db.dataSource), premises);
      await expect(service.get(inOther.id, stationScope)).rejects.toMatchObject({
        code: 'NOT_FOUND',
        extensions: { entity: 'Premises' },
      });
      expect((await service.get(inStation.id, stationScope)).id).toBe(inStation.id);
    });
  });

  describe('pages', () => {
    it('filters by a bureau and its subtree, or the bureau alone, always within the scope', async () => {
      const a = await createBureau(db, { kind: 'COUNTY' });
      const a1 = await createBureau(db, { parentId: a.id });
      const a11 = await createBureau(db, { parentId: a1.id });
      const inA = await insertPremises(db, a.id);
      const inA1 = await insertPremises(db, a1.id);
      const inA11 = await insertPremises(db, a11.id);
      const ids = async (scope: Scope, filter: object) => {
        const { rows, totalCount } = await premises.page(db.manager, scope, filter, null, 100);
        expect(totalCount).toBe(rows.length);
        return rows.map((row) => row.id).sort();
      };
      expect(await ids(Scope.system(), { bureauId: a.id })).toEqual(
        [inA.id, inA1.id, inA11.id].sort(),
      );
      expect(await ids(Scope.system(), { bureauId: a1.id })).toEqual([inA1.id, inA11.id].sort());
      expect(await ids(Scope.system(), { bureauId: a.id, includeSubBureaus: false })).toEqual([
        inA.id,
      ]);
      // an inspector of a1 filtering by a sees a1's subtree only
      const a1Scope = await inspectorScope(db, a1.id);
      expect(await ids(a1Scope, { bureauId: a.id })).toEqual([inA1.id, inA11.id].sort());
      expect(await ids(a1Scope, { bureauId: a.id, includeSubBureaus: false })).toEqual([]);
      expect(await ids(a1Scope, {})).toEqual([inA1.id, inA11.id].sort());
    });

    it('pages by (name, id) from a cursor, equal names ordered by id, the count unaffected', async () => {
      const bureau = await createBureau(db);
      const scope = await inspectorScope(db, bureau.id);
      for (const name of ['丙店', '甲店', '乙店', '甲店', '甲店'])
        await insertPremises(db, bureau.id, { name });
      const all = await premises.page(db.manager, scope, {}, null, 100);
      const order = all.rows.map((row) => [row.name, row.id]);
      expect(order).toEqual(
        [...order].sort(([n1, i1], [n2, i2]) =>
          n1 === n2 ? (i1 < i2 ? -1 : 1) : n1 < n2 ? -1 : 1,
        ),
      );
      expect(all.totalCount).toBe(5);

      const seen: string[] = [];
      let after: readonly [string, string] | null = null;
      for (let page = 0; page < 5; page += 1) {
        const { rows, totalCount } = await premises.page(db.manager, scope, {}, after, 2);
        expect(totalCount).toBe(5);
        if (rows.length === 0) break;
        seen.push(...rows.map((row) => row.id));
        after = [rows[rows.length - 1].name, rows[rows.length - 1].id];
      }
      expect(seen).toEqual(all.rows.map((row) => row.id));
    });

    it('refuses a cursor of another shape as BAD_USER_INPUT on after, before any SQL', async () => {
      const service = new PremisesService(new Database(db.dataSource), premises);
      const other = cursorCodec(['text']).encode(['甲店']);
      await expect(service.list({}, { after: other }, Scope.system())).rejects.toMatchObject({
        code: 'BAD_USER_INPUT',
        extensions: { fields: [{ path: 'after' }] },
      });
    });
  });

  describe('the registry import', () => {
    const CODE = '91640100MA75000049';
    let importer: PremisesImportService;
    let bureau: BureauRecord;
    beforeAll(async () => {
      importer = new PremisesImportService(
        new Database(db.dataSource),
        new AuditService(),
        premises,
        new BureausRepository(),
      );
      bureau = await createBureau(db);
    });

    it('matches a row by credit code, else by name and address, and refuses another code at the same name and address', async () => {
      const row = {
        name: '宁夏塞上面食品有限公司',
        kind: 'FOOD_PRODUCER' as const,
        bureauCode: bureau.code,
        address: '兴庆区丽景北街88号',
      };
      const first = await importer.import(
        [
          { ...row, creditCode: CODE },
          { ...row, name: '街边小吃摊', address: '鼓楼步行街' },
        ],
        {
          actorId: null,
        },
      );
      expect(first).toEqual({ created: 2, updated: 0, rejected: [] });

      // the same credit code and name at a new address: the site moved and keeps its record
      const moved = await importer.import([{ ...row, creditCode: CODE, address: '新址1号' }], {
        actorId: null,
      });
      expect(moved).toEqual({ created: 0, updated: 1, rejected: [] });
      // the same credit code under another name: another site of that entity (两个食堂)
      const site = await importer.import(
        [{ ...row, creditCode: CODE, name: '塞上面业', address: '新址1号' }],
        {
          actorId: null,
        },
      );
      expect(site).toEqual({ created: 1, updated: 0, rejected: [] });
      // no credit code: the same name and address updates it
      const sameStall = await importer.import(
        [{ ...row, name: '街边小吃摊', address: '鼓楼步行街', riskLevel: 'D' }],
        {
          actorId: null,
        },
      );
      expect(sameStall).toEqual({ created: 0, updated: 1, rejected: [] });
      const stored = await db.query<{
        name: string;
        credit_code: string | null;
        risk_level: string | null;
      }>(`SELECT name, credit_code, risk_level FROM premises WHERE bureau_id = $1 ORDER BY name`, [
        bureau.id,
      ]);
      expect(stored).toEqual([
        { name: '塞上面业', credit_code: CODE, risk_level: null },
        { name: '宁夏塞上面食品有限公司', credit_code: CODE, risk_level: null },
        { name: '街边小吃摊', credit_code: null, risk_level: 'D' },
      ]);

      // another valid code at the name and address of a premises that has one is refused
      const clash = await importer.import(
        [{ ...row, name: '塞上面业', address: '新址1号', creditCode: '92640100L12345674G' }],
        { actorId: null },
      );
      expect(clash.created + clash.updated).toBe(0);
      expect(clash.rejected).toHaveLength(1);
      expect(render(clash.rejected[0].reason, 'en')).toBe(
        `a premises with this name and address is on record with another credit code (${CODE}); correct the code or the name/address`,
      );
      expect(render(clash.rejected[0].reason, 'zh')).toBe(
        `已登记同名同址的市场主体，其统一社会信用代码为${CODE}；请核对代码或名称、地址`,
      );
    });
  });
});

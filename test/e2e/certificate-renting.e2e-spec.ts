import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { PharmacistConflictsService } from '../../src/premises/pharmacist-conflicts.service';
import { createPremises } from '../factories/field-work';
import { createBureau, createOfficer, OfficerRecord } from '../factories/people';
import { createFieldWorld, FieldWorld, refusal } from '../helpers/field-world';
import { startTestApp, TestApp } from '../helpers/test-app';
import { countStatements } from '../helpers/statements';

const CONFLICTS = `query Conflicts($first: Int, $after: String) {
  pharmacistRegistrationConflicts(first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { node {
      registrationNumber pharmacyCount hiddenPharmacyCount
      pharmacies { id name bureau { id name } }
    } }
  }
}`;

const PREMISES_CONFLICTS = `query PremisesConflicts($id: ID!) {
  premises(id: $id) {
    id
    name
    pharmacistRegistrations
    pharmacistConflicts { registrationNumber pharmacyCount hiddenPharmacyCount pharmacies { id } }
  }
}`;

interface Conflict {
  registrationNumber: string;
  pharmacyCount: number;
  hiddenPharmacyCount: number;
  pharmacies: { id: string; name?: string; bureau?: { id: string } }[];
}

function registration(): string {
  return `ZY${randomBytes(5).toString('hex').toUpperCase()}`;
}

describe('certificate-renting detection (执业药师挂证)', () => {
  let app: TestApp;
  let world: FieldWorld;
  let admin: string;

  beforeAll(async () => {
    app = await startTestApp();
    world = await createFieldWorld(app);
    admin = await app.adminToken();
  });
  afterAll(() => app.close());

  async function conflicts(token: string, first = 100): Promise<Conflict[]> {
    const result = await app.gql(CONFLICTS, { first }, { token });
    expect(result.errors).toBeUndefined();
    return (result.data!.pharmacistRegistrationConflicts.edges as { node: Conflict }[]).map(
      (edge) => edge.node,
    );
  }

  function find(list: Conflict[], number: string): Conflict | undefined {
    return list.find((conflict) => conflict.registrationNumber === number);
  }

  it('finds a registration shared by two imported pharmacies and drops it after an import that removes it', async () => {
    const [codeA, codeB] = await app.query<{ code: string }>(
      `SELECT code FROM bureaus WHERE id = ANY($1) ORDER BY array_position($1, id)`,
      [[world.bureauA.id, world.bureauB.id]],
    );
    const shared = registration();
    const row = (name: string, bureauCode: string, registrations: string[]) => ({
      name,
      kind: 'PHARMACY',
      bureauCode,
      address: `${name}地址`,
      pharmacistRegistrations: registrations,
    });
    const first = await app.gql(
      'ImportPremises',
      {
        input: {
          rows: [
            row('挂证测试大药房', codeA.code, [shared, registration()]),
            row('挂证测试平价药店', codeB.code, [shared]),
          ],
        },
      },
      { token: admin },
    );
    expect(first.data!.importPremises).toMatchObject({ created: 2, rejected: [] });

    const found = find(await conflicts(world.manager.token), shared);
    expect(found).toMatchObject({ pharmacyCount: 2, hiddenPharmacyCount: 0 });
    expect(found!.pharmacies.map((pharmacy) => pharmacy.name).sort()).toEqual([
      '挂证测试大药房',
      '挂证测试平价药店',
    ]);
    expect(found!.pharmacies.map((pharmacy) => pharmacy.bureau!.id).sort()).toEqual(
      [world.bureauA.id, world.bureauB.id].sort(),
    );

    const second = await app.gql(
      'ImportPremises',
      { input: { rows: [row('挂证测试平价药店', codeB.code, [registration()])] } },
      { token: admin },
    );
    expect(second.data!.importPremises).toMatchObject({ updated: 1, rejected: [] });
    expect(find(await conflicts(world.manager.token), shared)).toBeUndefined();
  });

  it('ignores a number recorded twice at the same pharmacy and numbers at premises that are not pharmacies', async () => {
    const twice = registration();
    await createPremises(app, {
      bureauId: world.bureauA.id,
      kind: 'PHARMACY',
      pharmacistRegistrations: [twice, twice],
    });
    const elsewhere = registration();
    await createPremises(app, {
      bureauId: world.bureauA.id,
      kind: 'PHARMACY',
      pharmacistRegistrations: [elsewhere],
    });
    await createPremises(app, {
      bureauId: world.bureauA.id,
      kind: 'FOOD_RETAILER',
      pharmacistRegistrations: [elsewhere],
    });
    const list = await conflicts(world.manager.token);
    expect(find(list, twice)).toBeUndefined();
    expect(find(list, elsewhere)).toBeUndefined();
  });

  describe('scope', () => {
    let number: string;
    let inA: { id: string };
    let inA1: { id: string };
    let inB: { id: string };
    let onlyB: string;

    beforeAll(async () => {
      number = registration();
      inA = await createPremises(app, {
        bureauId: world.bureauA.id,
        kind: 'PHARMACY',
        name: '兴庆挂证药店',
        pharmacistRegistrations: [number],
      });
      inA1 = await createPremises(app, {
        bureauId: world.bureauA1.id,
        kind: 'PHARMACY',
        pharmacistRegistrations: [number],
      });
      inB = await createPremises(app, {
        bureauId: world.bureauB.id,
        kind: 'PHARMACY',
        name: '金凤挂证药店',
        pharmacistRegistrations: [number],
      });
      onlyB = registration();
      for (let index = 0; index < 2; index++)
        await createPremises(app, {
          bureauId: world.bureauB.id,
          kind: 'PHARMACY',
          pharmacistRegistrations: [onlyB],
        });
    });

    it('shows a manager every pharmacy of a conflict', async () => {
      const found = find(await conflicts(world.manager.token), number)!;
      expect(found.pharmacyCount).toBe(3);
      expect(found.hiddenPharmacyCount).toBe(0);
      expect(found.pharmacies.map((pharmacy) => pharmacy.id).sort()).toEqual(
        [inA.id, inA1.id, inB.id].sort(),
      );
    });

    it('shows an inspector only the pharmacies of their jurisdiction and counts the others', async () => {
      const list = await conflicts(world.inspectorA.token);
      const found = find(list, number)!;
      expect(found.pharmacyCount).toBe(3);
      expect(found.hiddenPharmacyCount).toBe(1);
      expect(found.pharmacies.map((pharmacy) => pharmacy.id).sort()).toEqual(
        [inA.id, inA1.id].sort(),
      );
      expect(JSON.stringify(list)).not.toContain('金凤挂证药店');
      expect(find(list, onlyB)).toBeUndefined();

      const seenByB = find(await conflicts(world.inspectorB.token), number)!;
      expect(seenByB.pharmacies.map((pharmacy) => pharmacy.id)).toEqual([inB.id]);
      expect(seenByB.hiddenPharmacyCount).toBe(2);
    });

    it('shows the conflict on the premises with the same scope', async () => {
      const result = await app.gql(
        PREMISES_CONFLICTS,
        { id: inA.id },
        { token: world.inspectorA.token },
      );
      expect(result.errors).toBeUndefined();
      expect(result.data!.premises.pharmacistConflicts).toEqual([
        {
          registrationNumber: number,
          pharmacyCount: 3,
          hiddenPharmacyCount: 1,
          pharmacies: [inA, inA1]
            .map((row) => ({ id: row.id }))
            .sort((x, y) => (x.id < y.id ? -1 : 1)),
        },
      ]);
      const clean = await app.gql(
        PREMISES_CONFLICTS,
        { id: world.pharmacyA.id },
        { token: world.inspectorA.token },
      );
      expect(clean.data!.premises.pharmacistConflicts).toEqual([]);
    });

    it('counts conflicting numbers within a set of bureaus for the progress statistics', async () => {
      const service = app.app.get(PharmacistConflictsService);
      const manager = app.app.get(DataSource).manager;
      const all = await service.countConflicts(manager);
      const [expected] = await app.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM (
           SELECT r FROM premises p, unnest(p.pharmacist_registrations) r WHERE p.kind = 'PHARMACY'
            GROUP BY r HAVING count(DISTINCT p.id) > 1) c`,
      );
      expect(all).toBe(expected.n);
      const inB = await service.countConflicts(manager, { bureauIds: [world.bureauB.id] });
      const inA1Only = await service.countConflicts(manager, { bureauIds: [world.bureauA1.id] });
      expect(inA1Only).toBe(1);
      expect(inB).toBe(2);
      expect(await service.countConflicts(manager, { bureauIds: [] })).toBe(0);
    });

    it('reports the conflicts of the scope in the sweep progress', async () => {
      const query = `query ($sweepId: ID!, $filter: ProgressFilter) {
        sweepProgress(sweepId: $sweepId, filter: $filter) { pharmacistRegistrationConflicts }
      }`;
      const progress = async (token: string, filter?: Record<string, unknown>) => {
        const result = await app.gql(query, { sweepId: world.sweep.id, filter }, { token });
        expect(result.errors).toBeUndefined();
        return result.data!.sweepProgress.pharmacistRegistrationConflicts as number;
      };
      const manager = app.app.get(PharmacistConflictsService);
      const entities = app.app.get(DataSource).manager;
      expect(await progress(world.manager.token)).toBe(await manager.countConflicts(entities));
      expect(await progress(world.manager.token, { bureauId: world.bureauA1.id })).toBe(1);
      expect(await progress(world.inspectorB.token)).toBe(2);
    });
  });

  describe('paging', () => {
    let reader: OfficerRecord;

    beforeAll(async () => {
      const bureau = await createBureau(app);
      reader = await createOfficer(app, bureau.id, ['INSPECTOR']);
      await app.query(
        `INSERT INTO premises (name, kind, bureau_id, address, pharmacist_registrations)
         SELECT '批量药店' || n || '-' || copy, 'PHARMACY', $1, '地址' || n || '-' || copy,
                ARRAY['PAGE' || lpad(n::text, 4, '0')]
           FROM generate_series(1, 30) AS n CROSS JOIN generate_series(1, 2) AS copy`,
        [bureau.id],
      );
    });

    it('pages through conflicts by number with a total count', async () => {
      const seen: string[] = [];
      let after: string | null = null;
      for (;;) {
        const result = await app.gql(CONFLICTS, { first: 7, after }, { token: reader.token });
        const connection = result.data!.pharmacistRegistrationConflicts;
        expect(connection.totalCount).toBe(30);
        seen.push(
          ...(connection.edges as { node: Conflict }[]).map((edge) => edge.node.registrationNumber),
        );
        if (!connection.pageInfo.hasNextPage) break;
        after = connection.pageInfo.endCursor as string;
      }
      expect(seen).toEqual(
        Array.from({ length: 30 }, (_, i) => `PAGE${String(i + 1).padStart(4, '0')}`),
      );
      const bad = await app.gql(
        CONFLICTS,
        { first: 5, after: 'nonsense' },
        { token: reader.token },
      );
      expect(refusal(bad)).toEqual({ code: 'BAD_USER_INPUT', paths: ['after'] });
      // Well-formed cursors of another shape are refused the same way: a number where the
      // registration number goes, two values, and a cursor of premisesList.
      const cursor = (values: unknown[]) =>
        Buffer.from(JSON.stringify(values), 'utf8').toString('base64url');
      for (const after of [
        cursor([42]),
        cursor(['PAGE0001', 'PAGE0002']),
        cursor(['批量药店1-1', '00000000-0000-4000-8000-000000000001']),
      ]) {
        const refused = await app.gql(CONFLICTS, { first: 5, after }, { token: reader.token });
        expect(refusal(refused)).toEqual({ code: 'BAD_USER_INPUT', paths: ['after'] });
      }
    });

    it('issues the same number of SQL statements for 30 conflicts as for 3, with pharmacies, bureaus and premises conflicts', async () => {
      const query = `query($first: Int) { pharmacistRegistrationConflicts(first: $first) {
        edges { node { registrationNumber pharmacies { id bureau { id } pharmacistConflicts { pharmacyCount } } } }
      } }`;
      const statements = async (first: number) => {
        const { result, count } = await countStatements(app, () =>
          app.gql(query, { first }, { token: reader.token }),
        );
        expect(result.errors).toBeUndefined();
        expect(result.data!.pharmacistRegistrationConflicts.edges).toHaveLength(first);
        return count;
      };
      const small = await statements(3);
      const large = await statements(30);
      expect(small).toBeGreaterThan(0);
      expect(large).toBe(small);
    });
  });
});

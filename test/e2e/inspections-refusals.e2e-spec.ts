import { randomUUID } from 'node:crypto';
import { addDays, shanghaiDay } from '../../src/common/time/shanghai';
import { createPremises, createSweep } from '../factories/field-work';
import { createOfficer } from '../factories/people';
import {
  FieldWorld,
  inspectionInput,
  refusal,
  startFieldWorld,
  writtenRows,
} from '../helpers/field-world';
import { TestApp } from '../helpers/test-app';

describe('logging and voiding inspections', () => {
  let app: TestApp;
  let world: FieldWorld;
  beforeAll(async () => ({ app, world } = await startFieldWorld()));
  afterAll(() => app.close());

  describe('refusals of logInspection, which write nothing', () => {
    async function expectRefused(
      input: Record<string, unknown>,
      expected: { code: string; paths?: string[]; extensions?: Record<string, unknown> },
      token = world.inspectorA.token,
    ) {
      const before = await writtenRows(app);
      const result = await app.gql('LogInspection', { input }, { token });
      expect(result.data ?? null).toBeNull();
      const { code, paths } = refusal(result);
      expect(code).toBe(expected.code);
      if (expected.paths) expect(paths).toEqual(expected.paths);
      if (expected.extensions)
        expect(result.errors![0].extensions).toMatchObject(expected.extensions);
      expect(await writtenRows(app)).toEqual(before);
    }

    it('refuses a single officer', () =>
      expectRefused(inspectionInput(world, { officerIds: [world.inspectorA.id] }), {
        code: 'BAD_USER_INPUT',
        paths: ['input.officerIds'],
      }));

    it('refuses the same officer named twice', () =>
      expectRefused(
        inspectionInput(world, { officerIds: [world.inspectorA.id, world.inspectorA.id] }),
        { code: 'BAD_USER_INPUT', paths: ['input.officerIds'] },
      ));

    it('refuses an unknown officer', () =>
      expectRefused(inspectionInput(world, { officerIds: [world.inspectorA.id, randomUUID()] }), {
        code: 'BAD_USER_INPUT',
        paths: ['input.officerIds'],
      }));

    it('refuses a deactivated officer', async () => {
      const retired = await createOfficer(app, world.bureauA.id, ['INSPECTOR']);
      await app.query(`UPDATE officers SET active = false WHERE id = $1`, [retired.id]);
      await expectRefused(
        inspectionInput(world, { officerIds: [world.inspectorA.id, retired.id] }),
        { code: 'BAD_USER_INPUT', paths: ['input.officerIds'] },
      );
    });

    it('refuses officers who may not be named, each with the message an unknown id gets, and writes nothing', async () => {
      const manager = await createOfficer(app, world.city.id, ['MANAGER']);
      const admin = await createOfficer(app, world.city.id, ['ADMIN']);
      const retired = await createOfficer(app, world.bureauA.id, ['INSPECTOR']);
      await app.query(`UPDATE officers SET active = false WHERE id = $1`, [retired.id]);
      const refusedIds = [
        randomUUID(),
        retired.id,
        manager.id,
        admin.id,
        // Another bureau's inspector on bureau A's premises.
        world.inspectorB.id,
      ];
      const messages = new Set<string>();
      for (const id of refusedIds) {
        const before = await writtenRows(app);
        const result = await app.gql(
          'LogInspection',
          { input: inspectionInput(world, { officerIds: [world.inspectorA.id, id] }) },
          { token: world.inspectorA.token },
        );
        const [field] = result.errors![0].extensions!.fields as { path: string; message: string }[];
        expect(field.path).toBe('input.officerIds');
        messages.add(field.message.replace(id, '<id>'));
        expect(await writtenRows(app)).toEqual(before);
      }
      expect(messages.size).toBe(1);
    });

    it('lets a city inspector join a sub-bureau’s visit', async () => {
      const cityInspector = await createOfficer(app, world.city.id, ['INSPECTOR']);
      const joined = await app.gql(
        'LogInspection',
        { input: inspectionInput(world, { officerIds: [world.inspectorA.id, cityInspector.id] }) },
        { token: world.inspectorA.token },
      );
      expect(joined.errors).toBeUndefined();
    });

    it('refuses an inspection the caller was not part of', () =>
      expectRefused(
        inspectionInput(world, { officerIds: [world.inspectorA2.id, world.supervisorA.id] }),
        { code: 'BAD_USER_INPUT', paths: ['input.officerIds'] },
      ));

    it("refuses a checklist item that is not in the category's checklist", () =>
      expectRefused(
        inspectionInput(world, {
          checklist: [
            { itemCode: 'SFP-01', result: 'PASS' },
            { itemCode: 'SFP-02', result: 'PASS' },
            { itemCode: 'PC-01', result: 'FAIL' },
          ],
        }),
        { code: 'BAD_USER_INPUT', paths: ['input.checklist[2].itemCode'] },
      ));

    it('refuses a category the sweep does not cover', async () => {
      const sweep = await createSweep(app, {
        leadBureauId: world.city.id,
        categoryCodes: ['SEASONED_FLOUR_PRODUCTS'],
      });
      await expectRefused(
        inspectionInput(world, {
          sweepId: sweep.id,
          categoryId: world.categories.get('CAMPUS_FOOD'),
          checklist: [],
        }),
        { code: 'BAD_USER_INPUT', paths: ['input.categoryId'] },
      );
    });

    it('refuses premises of a kind the category does not cover', () =>
      expectRefused(inspectionInput(world, { premisesId: world.pharmacyA.id }), {
        code: 'BAD_USER_INPUT',
        paths: ['input.premisesId'],
      }));

    it('refuses an inspection in the future', async () => {
      const sweep = await createSweep(app, {
        leadBureauId: world.city.id,
        startDate: '2019-01-01',
        endDate: addDays(shanghaiDay(new Date()), 30),
      });
      await expectRefused(
        inspectionInput(world, {
          sweepId: sweep.id,
          categoryId: sweep.categoryIds.get('SEASONED_FLOUR_PRODUCTS'),
          inspectedAt: new Date(Date.now() + 60 * 60_000).toISOString(),
        }),
        { code: 'BAD_USER_INPUT', paths: ['input.inspectedAt'] },
      );
    });

    it("refuses an inspection on a Shanghai day before the sweep's start", () =>
      // 2019-03-15 23:59 in Asia/Shanghai; the sweep starts on 2019-03-16.
      expectRefused(inspectionInput(world, { inspectedAt: '2019-03-15T15:59:00Z' }), {
        code: 'BAD_USER_INPUT',
        paths: ['input.inspectedAt'],
      }));

    it("refuses an inspection on a Shanghai day after the sweep's end", () =>
      expectRefused(inspectionInput(world, { inspectedAt: '2019-05-01T00:00:00+08:00' }), {
        code: 'BAD_USER_INPUT',
        paths: ['input.inspectedAt'],
      }));

    it.each([['12.345'], ['-1.00'], ['abc']])('refuses goods worth %s yuan', (value) =>
      expectRefused(
        inspectionInput(world, {
          findings: [
            {
              violationTypeCode: 'THREE_NO_PRODUCTS',
              description: '无标签食品',
              goods: { quantity: 1, unit: 'box', value },
            },
          ],
        }),
        { code: 'BAD_USER_INPUT', paths: ['input.findings[0].goods.value'] },
      ),
    );

    it('refuses a negative quantity of goods', () =>
      expectRefused(
        inspectionInput(world, {
          findings: [
            {
              violationTypeCode: 'THREE_NO_PRODUCTS',
              description: '无标签食品',
              goods: { quantity: -3, unit: 'box' },
            },
          ],
        }),
        { code: 'BAD_USER_INPUT', paths: ['input.findings[0].goods.quantity'] },
      ));

    it('refuses an unknown violation type', () =>
      expectRefused(
        inspectionInput(world, {
          findings: [{ violationTypeCode: 'NOT_A_VIOLATION', description: '?' }],
        }),
        { code: 'BAD_USER_INPUT', paths: ['input.findings[0].violationTypeCode'] },
      ));

    it("refuses an exposed product that is not of one of the sweep's exposures", async () => {
      const [other] = await app.query<{ id: string }>(
        `INSERT INTO exposures (title, source, exposed_on, involves_jurisdiction)
         VALUES ('另一曝光', 'MEDIA', '2019-03-15', false) RETURNING id`,
      );
      const [product] = await app.query<{ id: string }>(
        `INSERT INTO exposed_products (exposure_id, product_name) VALUES ($1, '别的产品') RETURNING id`,
        [other.id],
      );
      await expectRefused(
        inspectionInput(world, {
          findings: [
            { violationTypeCode: 'THREE_NO_PRODUCTS', description: '无标签食品' },
            {
              violationTypeCode: 'EXPOSED_PRODUCT_ON_SALE',
              description: '别的产品',
              exposedProductId: product.id,
            },
          ],
        }),
        { code: 'BAD_USER_INPUT', paths: ['input.findings[1].exposedProductId'] },
      );
    });

    it.each([
      ['an uppercase sha256', { sha256: 'A'.repeat(64) }, 'sha256'],
      ['a short sha256', { sha256: 'a'.repeat(63) }, 'sha256'],
      ['an empty file', { sizeBytes: 0 }, 'sizeBytes'],
      ['a file over 20 MiB', { sizeBytes: 20 * 1024 * 1024 + 1 }, 'sizeBytes'],
      ['a text file', { mediaType: 'text/plain' }, 'mediaType'],
      ['a file name over 255 characters', { fileName: `${'长'.repeat(252)}.jpg` }, 'fileName'],
    ])('refuses evidence with %s', (_name, override, field) =>
      expectRefused(
        inspectionInput(world, {
          findings: [
            {
              violationTypeCode: 'THREE_NO_PRODUCTS',
              description: '无标签食品',
              evidence: [
                {
                  fileName: 'photo.jpg',
                  mediaType: 'image/jpeg',
                  sizeBytes: 1000,
                  sha256: 'b'.repeat(64),
                  ...override,
                },
              ],
            },
          ],
        }),
        { code: 'BAD_USER_INPUT', paths: [`input.findings[0].evidence[0].${field}`] },
      ),
    );

    it('refuses a description over 2000 characters and more than 20 findings', () =>
      expectRefused(
        inspectionInput(world, {
          findings: Array.from({ length: 21 }, (_, index) => ({
            violationTypeCode: 'THREE_NO_PRODUCTS',
            description: index === 0 ? '长'.repeat(2001) : '无标签食品',
          })),
        }),
        { code: 'BAD_USER_INPUT', paths: ['input.findings', 'input.findings[0].description'] },
      ));

    it.each([['DRAFT'], ['CLOSED']] as const)(
      'refuses a %s sweep as INVALID_STATE',
      async (status) => {
        const sweep = await createSweep(app, { leadBureauId: world.city.id, status });
        await expectRefused(
          inspectionInput(world, {
            sweepId: sweep.id,
            categoryId: sweep.categoryIds.get('SEASONED_FLOUR_PRODUCTS'),
          }),
          { code: 'INVALID_STATE', extensions: { from: status, action: 'LOG_INSPECTION' } },
        );
      },
    );

    it("answers NOT_FOUND for premises outside the caller's jurisdiction", () =>
      expectRefused(inspectionInput(world, { premisesId: world.shopB.id }), {
        code: 'NOT_FOUND',
      }));

    it('answers NOT_FOUND for premises of the parent bureau', async () => {
      const cityPremises = await createPremises(app, { bureauId: world.city.id });
      await expectRefused(inspectionInput(world, { premisesId: cityPremises.id }), {
        code: 'NOT_FOUND',
      });
    });

    it.each([['sweepId'], ['premisesId'], ['categoryId']])(
      'answers NOT_FOUND for an unknown %s',
      (field) =>
        expectRefused(inspectionInput(world, { [field]: randomUUID() }), { code: 'NOT_FOUND' }),
    );

    it('refuses a malformed id as BAD_USER_INPUT', () =>
      expectRefused(inspectionInput(world, { sweepId: 'not-a-uuid' }), {
        code: 'BAD_USER_INPUT',
        paths: ['input.sweepId'],
      }));

    it('refuses an administrator who is not an enforcement officer', async () => {
      const admin = await createOfficer(app, world.city.id, ['ADMIN']);
      await expectRefused(
        inspectionInput(world, { officerIds: [admin.id, world.inspectorA.id] }),
        { code: 'FORBIDDEN' },
        admin.token,
      );
    });
  });
});

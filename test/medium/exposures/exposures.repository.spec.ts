import { ExposuresRepository } from '../../../src/exposures/exposures.repository';
import { Loaders } from '../../../src/graphql/loaders';
import { createExposure } from '../../factories/field-work';
import type { TestApp } from '../../helpers/test-app';
import { mediumDatabase, type MediumDatabase } from '../medium';

describe('ExposuresRepository', () => {
  let db: MediumDatabase;
  const exposures = new ExposuresRepository();
  const unknown = '00000000-0000-4000-8000-000000000000';

  beforeAll(async () => {
    db = await mediumDatabase();
  });
  afterAll(() => db.close());

  it('tells which ids are exposures, and finds the first of a source and title on a day', async () => {
    // The field-work factories only call query(), which a medium database has as well.
    const app = db as unknown as TestApp;
    const first = await createExposure(app, { title: '辣条生产黑作坊' });
    await createExposure(app, { title: '辣条生产黑作坊' });
    expect(await exposures.knownIds(db.manager, [first.id, unknown])).toEqual(new Set([first.id]));
    expect(await exposures.knownIds(db.manager, [])).toEqual(new Set());
    expect(
      await exposures.idForSystem(db.manager, {
        source: 'CCTV_315_GALA',
        title: '辣条生产黑作坊',
        exposedOn: '2019-03-15',
      }),
    ).toBe(first.id);
    expect(
      await exposures.idForSystem(db.manager, {
        source: 'CCTV_315_GALA',
        title: '辣条生产黑作坊',
        exposedOn: '2019-03-16',
      }),
    ).toBeNull();
  });

  it('loads exposures and exposed products by id for one request, undefined for an unknown id', async () => {
    const exposure = await createExposure(db as unknown as TestApp);
    const loaders = new Loaders(db.database);
    expect(exposures.exposureLoader(loaders)).toBe(exposures.exposureLoader(loaders));
    expect(exposures.exposedProductLoader(loaders)).toBe(exposures.exposedProductLoader(loaders));
    const [found, missing] = await exposures
      .exposureLoader(loaders)
      .loadMany([exposure.id, unknown]);
    expect(found).toMatchObject({ id: exposure.id });
    expect(missing).toBeUndefined();
    const [product, noProduct] = await exposures
      .exposedProductLoader(loaders)
      .loadMany([exposure.productIds[0], unknown]);
    expect(product).toMatchObject({ id: exposure.productIds[0], exposureId: exposure.id });
    expect(noProduct).toBeUndefined();
  });
});

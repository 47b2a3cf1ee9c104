import { createFieldWorld, FieldWorld, inspectionInput } from '../helpers/field-world';
import { startTestApp, TestApp } from '../helpers/test-app';

/**
 * More concurrent writers than the pool has connections (10): a writer holding its transaction's
 * connection must not wait for a second one, or the pool deadlocks until the connection timeout
 * and every request ends SERVICE_UNAVAILABLE.
 */
describe('concurrent logInspection requests', () => {
  let app: TestApp;
  let world: FieldWorld;

  beforeAll(async () => {
    app = await startTestApp();
    world = await createFieldWorld(app);
  });

  afterAll(async () => {
    await app?.close();
  });

  it('logs 24 inspections sent at once, more than the pool has connections', async () => {
    const results = await Promise.all(
      Array.from({ length: 24 }, () =>
        app.gql(
          'LogInspection',
          { input: inspectionInput(world) },
          { token: world.inspectorA.token },
        ),
      ),
    );
    expect(results.map((result) => result.errors?.[0]?.extensions?.code ?? 'OK')).toEqual(
      Array.from({ length: 24 }, () => 'OK'),
    );
    // A deadlocked pool does not merely slow down: each waiting request ends SERVICE_UNAVAILABLE
    // when the pool's connection timeout passes, which the codes above would show. No clock here:
    // on a loaded 2-core CI machine 24 writes may take seconds without anything being wrong.
    const [row] = await app.query<{ count: number }>(
      `SELECT count(*)::int AS count FROM inspections WHERE sweep_id = $1`,
      [world.sweep.id],
    );
    expect(row.count).toBe(24);
  });
});

import { randomUUID } from 'node:crypto';
import {
  caseFiling,
  createFollowUpWorld,
  expectError,
  FollowUpWorld,
  order,
} from '../helpers/follow-up-world';

describe('the follow-up workflow (后续处置)', () => {
  let w: FollowUpWorld;
  beforeAll(async () => (w = await createFollowUpWorld()));
  afterAll(() => w.app.close());

  describe('concurrency and retries', () => {
    it('refuses a stale expectedVersion with CONFLICT and the current version, changing nothing', async () => {
      const findingId = await w.newFinding();
      await w.succeed('orderRectification', order(findingId, 1), w.inspector.token);
      const stale = await w.send(
        'recordReinspection',
        w.reinspection(findingId, 1),
        w.inspector.token,
      );
      expect(expectError(stale, 'CONFLICT')).toMatchObject({ currentVersion: 2 });
      expect(stale.errors![0].message).toBe('该记录已被他人修改，请刷新后重试');
      const { finding, followUps, audit } = await w.stored(findingId);
      expect(finding).toMatchObject({ status: 'RECTIFYING', version: 2 });
      expect(followUps).toHaveLength(1);
      expect(audit).toHaveLength(1);
    });

    it('lets exactly one of two concurrent follow-ups with the same expectedVersion through', async () => {
      for (let attempt = 0; attempt < 3; attempt += 1) {
        const findingId = await w.newFinding();
        const results = await Promise.all([
          w.send('orderRectification', order(findingId, 1), w.supervisor.token),
          w.send('fileCase', caseFiling(findingId, 1), w.supervisor.token),
        ]);
        const succeeded = results.filter((result) => !result.errors);
        const failed = results.filter((result) => result.errors);
        expect(succeeded).toHaveLength(1);
        expect(failed).toHaveLength(1);
        expectError(failed[0], 'CONFLICT');
        const { finding, followUps, audit } = await w.stored(findingId);
        expect(finding.version).toBe(2);
        expect(followUps).toHaveLength(1);
        expect(audit).toHaveLength(1);
      }
    });

    it('replays a repeated request with the same idempotency key without acting twice', async () => {
      const findingId = await w.newFinding();
      const input = { idempotencyKey: randomUUID(), ...order(findingId, 1) };
      const first = await w.app.gql('OrderRectification', { input }, { token: w.inspector.token });
      const second = await w.app.gql('OrderRectification', { input }, { token: w.inspector.token });
      expect(first.errors).toBeUndefined();
      expect(second.errors).toBeUndefined();
      expect(first.data!.orderRectification.replayed).toBe(false);
      expect(second.data!.orderRectification).toEqual({
        ...first.data!.orderRectification,
        replayed: true,
      });
      const { finding, followUps, audit } = await w.stored(findingId);
      expect(finding.version).toBe(2);
      expect(followUps).toHaveLength(1);
      expect(audit).toHaveLength(1);
    });

    it('acts once when the same request arrives twice at the same time', async () => {
      const findingId = await w.newFinding();
      const input = { idempotencyKey: randomUUID(), ...order(findingId, 1) };
      const results = await Promise.all(
        [1, 2].map(() => w.app.gql('OrderRectification', { input }, { token: w.inspector.token })),
      );
      expect(results.map((result) => result.errors)).toEqual([undefined, undefined]);
      expect(
        results.map((result) => result.data!.orderRectification.replayed as boolean).sort(),
      ).toEqual([false, true]);
      const { finding, followUps } = await w.stored(findingId);
      expect(finding.version).toBe(2);
      expect(followUps).toHaveLength(1);
    });

    it('refuses the same idempotency key with a different input as CONFLICT', async () => {
      const findingId = await w.newFinding();
      const idempotencyKey = randomUUID();
      await w.app.gql(
        'OrderRectification',
        { input: { idempotencyKey, ...order(findingId, 1) } },
        { token: w.inspector.token },
      );
      const different = await w.app.gql(
        'OrderRectification',
        { input: { idempotencyKey, ...order(findingId, 1, { deadline: '2019-04-06' }) } },
        { token: w.inspector.token },
      );
      expectError(different, 'CONFLICT');
      const { finding, followUps } = await w.stored(findingId);
      expect(finding).toMatchObject({ version: 2, rectification_deadline: '2019-04-05' });
      expect(followUps).toHaveLength(1);
    });
  });
});

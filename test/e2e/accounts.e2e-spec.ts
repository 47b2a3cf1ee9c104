import { cityBureau, createOfficer, OFFICER_PASSWORD, OfficerRecord } from '../factories/people';
import { ADMIN_CERTIFICATE, ADMIN_PASSWORD, startTestApp, TestApp } from '../helpers/test-app';

/** Issue 17, item 8: passwords, token versions, the last ADMIN, certificate numbers. */
describe('accounts', () => {
  let app: TestApp;
  let adminToken: string;
  let cityId: string;

  beforeAll(async () => {
    app = await startTestApp();
    adminToken = await app.adminToken();
    cityId = (await cityBureau(app)).id;
  });
  afterAll(() => app.close());
  beforeEach(() => app.query(`DELETE FROM login_failures`));

  const me = async (token: string) =>
    (await app.gql('Me', {}, { token })).errors?.[0].extensions?.code ?? 'OK';
  const changePassword = (token: string, currentPassword: string, newPassword: string) =>
    app.gql('ChangePassword', { input: { currentPassword, newPassword } }, { token });

  describe('changePassword', () => {
    let officer: OfficerRecord;
    beforeEach(async () => {
      officer = await createOfficer(app, cityId, ['INSPECTOR']);
    });

    it('returns a new token that works, ends every earlier token at once, and the new password logs in', async () => {
      const second = await app.login(officer.certificateNumber, OFFICER_PASSWORD);
      const result = await changePassword(officer.token, OFFICER_PASSWORD, 'a-brand-new-phrase-42');
      expect(result.errors).toBeUndefined();
      const { accessToken, expiresAt } = result.data!.changePassword;
      expect(new Date(expiresAt).getTime()).toBeGreaterThan(Date.now());
      expect(await me(accessToken)).toBe('OK');
      expect(await me(officer.token)).toBe('UNAUTHENTICATED');
      expect(await me(second)).toBe('UNAUTHENTICATED');
      await expect(app.login(officer.certificateNumber, OFFICER_PASSWORD)).rejects.toThrow();
      expect(await me(await app.login(officer.certificateNumber, 'a-brand-new-phrase-42'))).toBe(
        'OK',
      );
      const [event] = await app.query(
        `SELECT action FROM audit_events WHERE entity_id = $1 AND action = 'CHANGE_PASSWORD'`,
        [officer.id],
      );
      expect(event).toBeDefined();
    });

    it('refuses a wrong current password on input.currentPassword and keeps the token', async () => {
      const result = await changePassword(
        officer.token,
        'not-the-password',
        'a-brand-new-phrase-42',
      );
      expect(result.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
      expect(result.errors![0].extensions!.fields[0].path).toBe('input.currentPassword');
      expect(await me(officer.token)).toBe('OK');
    });

    it('throttles guesses of the current password like logins', async () => {
      const codes: string[] = [];
      for (let index = 0; index < 7; index += 1) {
        const result = await changePassword(
          officer.token,
          `guess-${index}`,
          'a-brand-new-phrase-42',
        );
        codes.push(result.errors![0].extensions!.code as string);
      }
      expect(codes.slice(0, 5)).toEqual(Array(5).fill('BAD_USER_INPUT'));
      expect(codes.slice(5)).toEqual(['TOO_MANY_REQUESTS', 'TOO_MANY_REQUESTS']);
    });

    it.each([
      ['shorter than 12 characters', 'short-pw1'],
      ['a common password', 'password1234'],
      ['a keyboard walk', '1qaz2wsx3edc'],
    ])('refuses a new password that is %s on input.newPassword', async (_, newPassword) => {
      const result = await changePassword(officer.token, OFFICER_PASSWORD, newPassword);
      expect(result.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
      expect(result.errors![0].extensions!.fields[0].path).toBe('input.newPassword');
      expect(await me(officer.token)).toBe('OK');
    });

    it('refuses a new password containing the certificate number', async () => {
      const result = await changePassword(
        officer.token,
        OFFICER_PASSWORD,
        `my-${officer.certificateNumber.toLowerCase()}-card`,
      );
      expect(result.errors![0].extensions!.fields[0].path).toBe('input.newPassword');
    });
  });

  describe('resetOfficerPassword', () => {
    it('lets an ADMIN set a password that logs in, and ends the officer’s earlier tokens', async () => {
      const officer = await createOfficer(app, cityId, ['INSPECTOR']);
      const result = await app.gql(
        'ResetOfficerPassword',
        { input: { officerId: officer.id, newPassword: 'reset-by-the-admin-77' } },
        { token: adminToken },
      );
      expect(result.errors).toBeUndefined();
      expect(result.data!.resetOfficerPassword.officer).toEqual({ id: officer.id, active: true });
      expect(await me(officer.token)).toBe('UNAUTHENTICATED');
      expect(await me(await app.login(officer.certificateNumber, 'reset-by-the-admin-77'))).toBe(
        'OK',
      );
    });

    it('is FORBIDDEN to anyone but an ADMIN, and follows the password policy', async () => {
      const officer = await createOfficer(app, cityId, ['INSPECTOR', 'SUPERVISOR', 'MANAGER']);
      const forbidden = await app.gql(
        'ResetOfficerPassword',
        { input: { officerId: officer.id, newPassword: 'reset-by-myself-7777' } },
        { token: officer.token },
      );
      expect(forbidden.errors![0].extensions!.code).toBe('FORBIDDEN');
      const common = await app.gql(
        'ResetOfficerPassword',
        { input: { officerId: officer.id, newPassword: 'qwertyuiop12' } },
        { token: adminToken },
      );
      expect(common.errors![0].extensions!.fields[0].path).toBe('input.newPassword');
      expect(await me(officer.token)).toBe('OK');
    });
  });

  describe('deactivation and reactivation', () => {
    const deactivate = (id: string, token: string) =>
      app.gql('DeactivateOfficer', { id }, { token });
    const reactivate = (id: string, token: string) =>
      app.gql(
        `mutation Reactivate($id: ID!) { reactivateOfficer(id: $id) { officer { id active } } }`,
        { id },
        { token },
      );

    it('refuses to deactivate the last active ADMIN, and allows it while another one is active', async () => {
      const [bootstrap] = await app.query<{ id: string }>(
        `SELECT id FROM officers WHERE certificate_number = $1`,
        [ADMIN_CERTIFICATE],
      );
      const last = await deactivate(bootstrap.id, adminToken);
      expect(last.errors![0].extensions!.code).toBe('CONFLICT');
      expect(await me(adminToken)).toBe('OK');

      const second = await createOfficer(app, cityId, ['ADMIN']);
      const first = await deactivate(bootstrap.id, second.token);
      expect(first.errors).toBeUndefined();
      expect(await me(adminToken)).toBe('UNAUTHENTICATED');
      const self = await deactivate(second.id, second.token);
      expect(self.errors![0].extensions!.code).toBe('CONFLICT');

      const back = await reactivate(bootstrap.id, second.token);
      expect(back.errors).toBeUndefined();
      expect(back.data!.reactivateOfficer.officer).toEqual({ id: bootstrap.id, active: true });
      // The token from before the deactivation stays dead; logging in again works.
      expect(await me(adminToken)).toBe('UNAUTHENTICATED');
      adminToken = await app.adminToken();
      expect(await me(adminToken)).toBe('OK');
    });

    it('lets only an ADMIN reactivate', async () => {
      const officer = await createOfficer(app, cityId, ['MANAGER']);
      const other = await createOfficer(app, cityId, ['INSPECTOR']);
      await deactivate(other.id, adminToken);
      const forbidden = await reactivate(other.id, officer.token);
      expect(forbidden.errors![0].extensions!.code).toBe('FORBIDDEN');
      const [row] = await app.query(`SELECT active FROM officers WHERE id = $1`, [other.id]);
      expect(row.active).toBe(false);
    });
  });

  describe('certificate numbers', () => {
    it('are unique regardless of case, and log in regardless of case and surrounding spaces', async () => {
      const created = await app.gql(
        'CreateOfficer',
        {
          input: {
            name: '大写管理员',
            certificateNumber: ADMIN_CERTIFICATE.toUpperCase(),
            bureauId: cityId,
            roles: ['INSPECTOR'],
            password: 'a-long-password-of-mine',
          },
        },
        { token: adminToken },
      );
      expect(created.errors![0].extensions!.code).toBe('CONFLICT');
      // Item 10: the conflict names the field in the contract's terms, never the constraint.
      expect(created.errors![0].extensions!.field).toBe('input.certificateNumber');
      expect(JSON.stringify(created.errors)).not.toMatch(/_key|constraint/);
      expect(
        await me(await app.login(` ${ADMIN_CERTIFICATE.toUpperCase()} `, ADMIN_PASSWORD)),
      ).toBe('OK');
    });

    it('refuses a direct insert that differs only by case (the database keeps the rule)', async () => {
      await expect(
        app.query(
          `INSERT INTO officers (name, certificate_number, bureau_id, roles, password_hash)
           VALUES ('重复', $1, $2, '{INSPECTOR}', 'x')`,
          [ADMIN_CERTIFICATE.toUpperCase(), cityId],
        ),
      ).rejects.toThrow(/officers_certificate_number_key/);
    });
  });
});

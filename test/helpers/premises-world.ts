import { cityBureau, createBureau, createOfficer } from '../factories/people';
import type { BureauRecord, OfficerRecord } from '../factories/people';
import { GraphQLResponse, startTestApp, TestApp } from './test-app';

export const VALID_CODES = ['91640100MA75000049', '91640104MA76A1B29A', '92640100L12345674G'];

export interface Row {
  name: string;
  kind: string;
  bureauCode: string;
  address: string;
  [field: string]: unknown;
}

/**
 * The bureaus and officers the premises registry tests share, with the helpers that act in them:
 * the city bureau with sub-bureaus east (XINGQING) and west (JINFENG).
 */
export interface PremisesWorld {
  app: TestApp;
  adminToken: string;
  city: BureauRecord;
  east: BureauRecord;
  west: BureauRecord;
  eastInspector: OfficerRecord;
  manager: OfficerRecord;
  /** Imports in English (reasons as the row checks write them) unless `language` says otherwise. */
  importRows(rows: Row[], token?: string, language?: string): Promise<GraphQLResponse>;
  search(
    filter: Record<string, unknown>,
    token?: string,
    first?: number,
  ): Promise<{ totalCount: number; edges: { node: { id: string; name: string } }[] }>;
}

/** Starts the app and builds the world; call it in beforeAll and close `app` in afterAll. */
export async function createPremisesWorld(): Promise<PremisesWorld> {
  const app = await startTestApp();
  const adminToken = await app.adminToken();
  const city = await cityBureau(app);
  const east = await createBureau(app, { code: 'XINGQING', name: '兴庆区分局' });
  const west = await createBureau(app, { code: 'JINFENG', name: '金凤区分局' });
  return {
    app,
    adminToken,
    city,
    east,
    west,
    eastInspector: await createOfficer(app, east.id, ['INSPECTOR']),
    manager: await createOfficer(app, city.id, ['MANAGER']),
    importRows(rows, token = adminToken, language = 'en') {
      return app.gql(
        'ImportPremises',
        { input: { rows } },
        { token, headers: { 'accept-language': language } },
      );
    },
    async search(filter, token = adminToken, first) {
      const result = await app.gql('SearchPremises', { filter, first }, { token });
      expect(result.errors).toBeUndefined();
      return result.data!.premisesList as {
        totalCount: number;
        edges: { node: { id: string; name: string } }[];
      };
    },
  };
}

import { renderAltair, type RenderOptions } from 'altair-static';

/** Where the explorer's files are served from; every asset comes from the altair-static package. */
export const EXPLORER_ASSETS_PATH = '/graphql-explorer/';

/** What a developer sees first: who am I, a query that needs only a token. */
const FIRST_QUERY = `# 登录 (Login) first, then put the token in the headers:
#   Authorization: Bearer <accessToken>
query Me {
  me {
    id
    name
    roles
    bureau {
      code
      name
    }
  }
}
`;

/**
 * The Altair GraphQL explorer (GraphQL 调试工具) page, set up to work without the internet: no
 * account, no update checks or banners, no plugins fetched from elsewhere.
 */
export function explorerOptions(): RenderOptions {
  return {
    baseURL: EXPLORER_ASSETS_PATH,
    endpointURL: '/graphql',
    initialName: 'sweep-tracker',
    initialQuery: FIRST_QUERY,
    disableAccount: true,
    initialSettings: {
      'plugin.list': [],
      'alert.disableUpdateNotification': true,
      'banners.disable': true,
      disablePushNotification: true,
      enableExperimental: false,
      language: 'en-US',
    },
  };
}

export function renderExplorerPage(): string {
  return renderAltair(explorerOptions());
}

import type { ApolloDriverConfig } from '@nestjs/apollo';
import { localizeFormattedError } from '../common/errors/graphql-errors';
import { languageOf } from '../common/messages/language';

type Plugin = NonNullable<ApolloDriverConfig['plugins']>[number];

/**
 * Writes every error of the response in the language of `Accept-Language` (Chinese by default):
 * formatError wrote them in English and kept what each says by key.
 */
export const languagePlugin: Plugin = {
  requestDidStart() {
    return Promise.resolve({
      willSendResponse({ request, response }) {
        const language = languageOf(request.http?.headers.get('accept-language'));
        if (response.body.kind === 'single' && response.body.singleResult.errors) {
          response.body.singleResult.errors = response.body.singleResult.errors.map((error) =>
            localizeFormattedError(error, language),
          );
        }
        return Promise.resolve();
      },
    });
  },
};

import type { ApolloDriverConfig } from '@nestjs/apollo';
import { languageOf, localizeError } from '../common/errors/localize';

type Plugin = NonNullable<ApolloDriverConfig['plugins']>[number];

/** Puts every error of the response in the language of `Accept-Language` (Chinese by default). */
export const languagePlugin: Plugin = {
  requestDidStart() {
    return Promise.resolve({
      willSendResponse({ request, response }) {
        const language = languageOf(request.http?.headers.get('accept-language'));
        if (
          language !== 'en' &&
          response.body.kind === 'single' &&
          response.body.singleResult.errors
        ) {
          response.body.singleResult.errors = response.body.singleResult.errors.map((error) =>
            localizeError(error, language),
          );
        }
        return Promise.resolve();
      },
    });
  },
};

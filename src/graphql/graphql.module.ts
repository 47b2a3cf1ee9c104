import { ApolloDriver, ApolloDriverConfig } from '@nestjs/apollo';
import { Module } from '@nestjs/common';
import { GraphQLModule } from '@nestjs/graphql';
import type { Request } from 'express';
import type { Context } from 'graphql-ws';
import { AuthService } from '../auth/auth.service';
import { APP_CONFIG, AppConfig } from '../config/config';
import { formatGraphQLError } from '../common/errors/graphql-errors';
import { Database } from '../database/database';
import type { GraphQLContext } from './context';
import { graphqlProtection, hideTokenLimit } from './armor';
import { errorLoggingPlugin } from './error-logging.plugin';
import { languagePlugin } from './language.plugin';
import { Loaders } from './loaders';
import { GraphQLSubscriptions, isSocketContext } from './subscriptions';
import { describeRootTypes } from './root-descriptions';
import { mutationsReadPrimaryPlugin } from './read-routing.plugin';

@Module({
  imports: [
    GraphQLModule.forRootAsync<ApolloDriverConfig>({
      driver: ApolloDriver,
      inject: [APP_CONFIG, Database, AuthService],
      useFactory: (
        config: AppConfig,
        database: Database,
        auth: AuthService,
      ): ApolloDriverConfig => {
        const protection = graphqlProtection(config.isProduction);
        const subscriptions = new GraphQLSubscriptions(auth, database, protection.validationRules);
        return {
          path: '/graphql',
          autoSchemaFile: true,
          sortSchema: true,
          transformSchema: describeRootTypes,
          buildSchemaOptions: { dateScalarMode: 'isoDate', numberScalarMode: 'float' },
          introspection: config.graphqlIntrospection,
          playground: false,
          graphiql: false,
          csrfPrevention: true,
          allowBatchedHttpRequests: false,
          includeStacktraceInErrorResponses: false,
          // Called by Apollo with the HTTP request, and by graphql-ws with the socket's context.
          context: (input: { req: Request } | Context): GraphQLContext | Promise<GraphQLContext> =>
            isSocketContext(input)
              ? subscriptions.context(input)
              : { req: input.req, loaders: new Loaders(database) },
          subscriptions: { 'graphql-ws': subscriptions.options() },
          plugins: [
            ...protection.plugins,
            errorLoggingPlugin,
            languagePlugin,
            mutationsReadPrimaryPlugin,
          ],
          // Exception filters apply to field resolvers too, so their errors get contract codes.
          fieldResolverEnhancers: ['filters'],
          validationRules: protection.validationRules,
          parseOptions: protection.parseOptions,
          formatError: (formatted, error) => {
            const safe = formatGraphQLError(formatted, error);
            return { ...safe, message: hideTokenLimit(safe.message, config.isProduction) };
          },
        };
      },
    }),
  ],
})
export class AppGraphQLModule {}

import { ApolloDriver, ApolloDriverConfig } from '@nestjs/apollo';
import { Module } from '@nestjs/common';
import { GraphQLModule } from '@nestjs/graphql';
import type { Request } from 'express';
import { APP_CONFIG, AppConfig } from '../config/config';
import { formatGraphQLError } from '../common/errors/graphql-errors';
import { Database } from '../database/database';
import type { GraphQLContext } from './context';
import { graphqlProtection } from './armor';
import { errorLoggingPlugin } from './error-logging.plugin';
import { languagePlugin } from './language.plugin';
import { Loaders } from './loaders';
import { maskForClients } from './masking';
import { noStorePlugins } from './no-store.plugin';
import { SubscriptionServer } from './subscription-server';
import { describeRootTypes } from './root-descriptions';
import { mutationsReadPrimaryPlugin } from './read-routing.plugin';

@Module({
  imports: [
    GraphQLModule.forRootAsync<ApolloDriverConfig>({
      driver: ApolloDriver,
      inject: [APP_CONFIG, Database],
      useFactory: (config: AppConfig, database: Database): ApolloDriverConfig => {
        const protection = graphqlProtection(config.isProduction);
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
          // Over HTTP; the WebSocket endpoint (SubscriptionServer) builds its own contexts.
          context: ({ req }: { req: Request }): GraphQLContext => ({
            req,
            loaders: new Loaders(database),
          }),
          plugins: [
            ...protection.plugins,
            errorLoggingPlugin,
            languagePlugin,
            mutationsReadPrimaryPlugin,
            ...noStorePlugins,
          ],
          // No Nest enhancers around field resolvers: they run once per node of a list, and those
          // written without parameter decorators are then bound as they are (context.ts). Their
          // errors get contract codes in formatGraphQLError, as the filter would give them.
          fieldResolverEnhancers: [],
          validationRules: protection.validationRules,
          parseOptions: protection.parseOptions,
          // Apollo 5 removes "Did you mean" from validation errors of fields, types and enum
          // values alike; maskForClients also catches those of variable values.
          hideSchemaDetailsFromClientErrors: config.isProduction,
          formatError: (formatted, error) => {
            const safe = formatGraphQLError(formatted, error);
            return { ...safe, message: maskForClients(safe.message, config.isProduction) };
          },
        };
      },
    }),
  ],
  providers: [SubscriptionServer],
})
export class AppGraphQLModule {}

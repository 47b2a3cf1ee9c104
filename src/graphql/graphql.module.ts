import { ApolloDriver, ApolloDriverConfig } from '@nestjs/apollo';
import { Module } from '@nestjs/common';
import { GraphQLModule } from '@nestjs/graphql';
import type { Request } from 'express';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig } from '../config/config';
import { formatGraphQLError } from '../common/errors/graphql-errors';
import type { GraphQLContext } from './context';
import { graphqlProtection } from './armor';
import { errorLoggingPlugin } from './error-logging.plugin';
import { Loaders } from './loaders';
import { mutationsReadPrimaryPlugin } from './read-routing.plugin';

@Module({
  imports: [
    GraphQLModule.forRootAsync<ApolloDriverConfig>({
      driver: ApolloDriver,
      inject: [APP_CONFIG, DataSource],
      useFactory: (config: AppConfig, dataSource: DataSource): ApolloDriverConfig => {
        const protection = graphqlProtection(config.isProduction);
        return {
          path: '/graphql',
          autoSchemaFile: true,
          sortSchema: true,
          buildSchemaOptions: { dateScalarMode: 'isoDate', numberScalarMode: 'float' },
          introspection: config.graphqlIntrospection,
          playground: false,
          graphiql: false,
          csrfPrevention: true,
          allowBatchedHttpRequests: false,
          includeStacktraceInErrorResponses: false,
          context: ({ req }: { req: Request }): GraphQLContext => ({
            req,
            loaders: new Loaders(dataSource),
          }),
          plugins: [...protection.plugins, errorLoggingPlugin, mutationsReadPrimaryPlugin],
          // Exception filters apply to field resolvers too, so their errors get contract codes.
          fieldResolverEnhancers: ['filters'],
          validationRules: protection.validationRules,
          formatError: (formatted, error) => formatGraphQLError(formatted, error),
        };
      },
    }),
  ],
})
export class AppGraphQLModule {}

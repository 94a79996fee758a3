import { PostgresDataSourceOptions } from 'typeorm/driver/postgres/PostgresDataSourceOptions';
import { MIGRATIONS } from './migrations';
import { QueryLogger, SLOW_QUERY_MS } from './query-logger';

/** Connection options shared by the api, the worker, the migrate command and the tests. */
export function dataSourceOptions(url: string, isEmbedded: boolean): PostgresDataSourceOptions {
  return {
    type: 'postgres',
    url,
    migrations: MIGRATIONS,
    migrationsTableName: 'schema_migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    // A statement slower than this is logged, so a stall shows which statement it was.
    logger: new QueryLogger(),
    maxQueryExecutionTime: SLOW_QUERY_MS,
    // PGlite has one session: a single pooled connection keeps transactions apart.
    extra: { max: isEmbedded ? 1 : 20, connectionTimeoutMillis: 10_000 },
  };
}

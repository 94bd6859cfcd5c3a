import type { SqlDialect } from './kysely/sql-dialect';
import type { DialectName } from './open-database';
import { postgresSqlDialect } from './postgres/postgres-sql-dialect';
import { sqliteSqlDialect } from './sqlite/sqlite-sql-dialect';

/** The dialect object of each database Rapport runs on. */
export const sqlDialects: Record<DialectName, SqlDialect> = { sqlite: sqliteSqlDialect, postgres: postgresSqlDialect };

import pg from 'pg';
import { postgresUrl } from './postgres-server.js';
import { pulledKpi, tempWorkspace, type TempWorkspace } from './pull-workspace.js';

/** A schema of one suite's own on the test server (postgres-server.ts), the connection's search path set to it. */
export interface PostgresSchema {
    readonly url: string;
    readonly client: pg.Client;
    readonly name: string;
}

/**
 * Makes a schema named `prefix` plus the process and time before the suite
 * and drops it (with what `setUp` made in it) after; call inside `describe`.
 * The getter is valid from the first test on.
 */
export function usePostgresSchema(prefix: string, setUp: (client: pg.Client, schema: string) => Promise<void>): () => PostgresSchema {
    const name = `${prefix}_${process.pid}_${Date.now().toString(36)}`;
    let schema: PostgresSchema | undefined;
    let client: pg.Client | undefined;
    before(async () => {
        const url = postgresUrl();
        client = new pg.Client({ connectionString: url });
        await client.connect();
        await client.query(`CREATE SCHEMA ${name}`);
        await client.query(`SET search_path TO ${name}`);
        schema = { url, client, name };
        await setUp(client, name);
    });
    after(async () => {
        await client?.query(`DROP SCHEMA IF EXISTS ${name} CASCADE`);
        await client?.end();
    });
    return () => {
        if (!schema) throw new Error(`the schema ${name} is made in the suite's before hook`);
        return schema;
    };
}

/** A workspace with one monthly KPI per query, each pulled from `queries/NAME.sql` on env WAREHOUSE_URL into `data/NAME.csv`. */
export function sqlPullWorkspace(queries: Record<string, string>): TempWorkspace {
    return tempWorkspace({
        ...Object.fromEntries(Object.entries(queries).map(([name, sql]) => [`queries/${name}.sql`, sql])),
        'p.align': Object.keys(queries).map(name => `${pulledKpi(name, 'monthly')}\nactuals ${name} from "data/${name}.csv" {\n  pull sql "queries/${name}.sql" on env "WAREHOUSE_URL"\n}`).join('\n')
    });
}

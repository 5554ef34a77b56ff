import type { Actuals, Pull, PullXapi, XapiMeasure } from '../generated/ast.js';

/** The aggregates an xAPI pull can compute per period. */
export type XapiMeasureName = 'count statements' | 'count actors' | 'mean score' | 'share success';

/** A `pull sql` block: the query file and where it runs (`on` as written: a file path, `env:VAR`, or none for DuckDB in memory). */
export interface SqlPullSpec {
    readonly kind: 'sql';
    readonly query: string;
    readonly on?: string;
}

/** A `pull xapi` block, normalised: filters sorted, defaults filled in. */
export interface XapiPullSpec {
    readonly kind: 'xapi';
    /** `env:VAR` of the endpoint. */
    readonly endpoint: string;
    /** `env:VAR` of the `key:secret` for HTTP Basic. */
    readonly auth?: string;
    readonly verb?: string;
    readonly activities: string[];
    readonly since?: string;
    readonly measure: XapiMeasureName;
}

export type PullSpec = SqlPullSpec | XapiPullSpec;

/** The pull of an actuals block, or undefined when it has none (or is still incomplete). */
export function pullSpec(actuals: Actuals): PullSpec | undefined {
    const pull: Pull | undefined = actuals.pull;
    if (!pull) return undefined;
    if (pull.$type === 'PullSql') {
        if (pull.query === undefined) return undefined;
        const on = pull.database !== undefined ? pull.database : pull.databaseEnv !== undefined ? `env:${pull.databaseEnv}` : undefined;
        return { kind: 'sql', query: pull.query, on };
    }
    return pull.endpointEnv === undefined ? undefined : xapiSpec(pull);
}

function xapiSpec(pull: PullXapi): XapiPullSpec {
    const first = <T extends PullXapi['options'][number]['$type']>(type: T) =>
        pull.options.find(o => o.$type === type) as Extract<PullXapi['options'][number], { $type: T }> | undefined;
    const activities = [...new Set(pull.options.flatMap(o => o.$type === 'XapiActivity' && o.iri !== undefined ? [o.iri] : []))].sort();
    const auth = first('XapiAuth')?.variable;
    return {
        kind: 'xapi', endpoint: `env:${pull.endpointEnv}`, auth: auth !== undefined ? `env:${auth}` : undefined,
        verb: first('XapiVerb')?.iri, activities, since: first('XapiSince')?.date,
        measure: measureName(first('XapiValue')?.measure)
    };
}

/** `value` of an xAPI pull; `count statements` when not given. */
export function measureName(measure: XapiMeasure | undefined): XapiMeasureName {
    switch (measure?.$type) {
        case 'CountActors': return 'count actors';
        case 'MeanScore': return 'mean score';
        case 'ShareSuccess': return 'share success';
        default: return 'count statements';
    }
}

/**
 * The text whose SHA-256 the lock records for an xAPI pull: the normalised
 * block, so that layout, comments and the order of `activity` lines do not count.
 */
export function normalisedXapi(spec: XapiPullSpec): string {
    return JSON.stringify({ kind: spec.kind, endpoint: spec.endpoint, auth: spec.auth ?? null, verb: spec.verb ?? null, activities: spec.activities, since: spec.since ?? null, value: spec.measure });
}

/** `sql "queries/x.sql" on env:WAREHOUSE_URL`, `xapi env:LRS_URL`: the source, as messages name it. */
export function pullLabel(spec: PullSpec): string {
    if (spec.kind === 'sql') return `sql "${spec.query}"${spec.on ? ` on ${spec.on.startsWith('env:') ? spec.on : `"${spec.on}"`}` : ''}`;
    return `xapi ${spec.endpoint}`;
}

import { parsePeriod } from '../../language/dates.js';
import type { XapiPullSpec } from '../../language/pull/pull-spec.js';
import { bucket, dayOfDateText, instantOfDateText, type Cadence, type RawRow } from './periods.js';
import { httpClient } from './http-client.js';
import { PullError } from './pull-error.js';
import { fetchStatements, type LrsConnection, type Statement } from './xapi-fetch.js';

const VOIDED = 'http://adlnet.gov/expapi/verbs/voided';

/**
 * Runs a `pull xapi` block: one query per `activity` (or one without),
 * merged by statement id, voiding statements and the statements they void
 * left out, bucketed by `timestamp` (UTC) into the cadence and aggregated.
 */
export async function runXapiPull(spec: XapiPullSpec, cadence: Cadence | undefined, percent: boolean): Promise<RawRow[]> {
    // The grammar reads any YYYY-MM-DD: a day that does not exist would reach the LRS as a filter it may ignore.
    if (spec.since !== undefined && parsePeriod(spec.since)?.granularity !== 'day') throw new PullError(`since ${spec.since} is not a real date: give an existing day, YYYY-MM-DD`);
    const lrs = connection(spec);
    const activities = spec.activities.length > 0 ? spec.activities : [undefined];
    const byId = new Map<string, Statement>();
    let anonymous = 0;
    const client = await httpClient(new URL(lrs.endpoint));
    try {
        for (const activity of activities) {
            const params = new URLSearchParams();
            if (spec.verb) params.set('verb', spec.verb);
            if (activity) params.set('activity', activity);
            if (spec.since) params.set('since', `${spec.since}T00:00:00Z`);
            for (const statement of await fetchStatements(lrs, params, client)) byId.set(statement.id ?? `#${anonymous++}`, statement);
        }
    } finally {
        await client.close();
    }
    const voided = new Set([...byId.values()].filter(s => s.verb?.id === VOIDED && s.object?.objectType === 'StatementRef').map(s => s.object!.id));
    const kept = [...byId.entries()].filter(([id, s]) => s.verb?.id !== VOIDED && !voided.has(id)).map(([, s]) => s);
    const rows = aggregate(kept, spec.measure, cadence, percent);
    if (rows.length === 0 && kept.length > 0 && spec.measure === 'mean score') {
        const field = percent ? 'result.score.scaled' : 'result.score.raw';
        throw new PullError(`the LRS returned ${kept.length} ${kept.length === 1 ? 'statement' : 'statements'}, none with a score (\`${field}\`): nothing to write, the snapshot is kept`);
    }
    return rows;
}

/** When a statement happened: its `timestamp`, else `stored`; RFC 3339 allows a lower-case `t` and `z`. */
function whenOf(s: Statement): string {
    return (s.timestamp ?? s.stored ?? '').toUpperCase();
}

function connection(spec: XapiPullSpec): LrsConnection {
    const variable = spec.endpoint.slice(4);
    const endpoint = process.env[variable]?.trim();
    if (!endpoint) throw new PullError(`the environment variable ${variable} is not set (expected the LRS's xAPI endpoint)`);
    if (!/^https?:\/\//i.test(endpoint)) throw new PullError(`the environment variable ${variable} does not hold an http:// or https:// URL`);
    let url: URL;
    try {
        url = new URL(endpoint);
    } catch {
        throw new PullError(`the environment variable ${variable} does not hold a valid URL`);
    }
    // fetch refuses such a URL with a message that quotes it, secret included.
    if (url.username !== '' || url.password !== '') {
        throw new PullError(`the URL in ${variable} holds credentials: give them as key:secret in the variable that \`auth env "VAR"\` names`);
    }
    if (!spec.auth) return { endpoint, variable };
    const authVariable = spec.auth.slice(4);
    const secret = process.env[authVariable];
    if (!secret) throw new PullError(`the environment variable ${authVariable} is not set (expected key:secret)`);
    if (!secret.includes(':')) throw new PullError(`the environment variable ${authVariable} does not hold key:secret`);
    return { endpoint, variable, authVariable, authorization: `Basic ${Buffer.from(secret, 'utf-8').toString('base64')}` };
}

/** Groups statements by period and computes the measure of each. */
export function aggregate(statements: readonly Statement[], measure: XapiPullSpec['measure'], cadence: Cadence | undefined, percent: boolean): RawRow[] {
    const periods = new Map<string, { day: number; statements: Statement[] }>();
    for (const s of statements) {
        const day = dayOfDateText(whenOf(s));
        if (day === undefined) continue;
        const period = bucket(day, cadence);
        const group = periods.get(period) ?? { day, statements: [] };
        group.statements.push(s);
        periods.set(period, group);
    }
    const rows: RawRow[] = [];
    for (const { day, statements: group } of periods.values()) {
        const value = measureOf(group, measure, percent);
        // A mean or share is Align's own arithmetic: rounded to 12 decimals, so a scaled 0.29 is 29, not 28.999999999999996.
        if (value !== undefined) rows.push({ period: { day }, value: Number(value.toFixed(12)) });
    }
    return rows;
}

function measureOf(group: readonly Statement[], measure: XapiPullSpec['measure'], percent: boolean): number | undefined {
    switch (measure) {
        case 'count statements': return group.length;
        case 'count actors': return new Set(group.map(actorKey)).size;
        case 'mean score': {
            const scores = group.map(s => percent ? scaled(s) : s.result?.score?.raw).filter((v): v is number => typeof v === 'number');
            return scores.length > 0 ? scores.reduce((a, b) => a + b, 0) / scores.length : undefined;
        }
        case 'share success': {
            const last = new Map<string, Statement>();
            for (const s of [...group].sort((a, b) => timeOf(a) - timeOf(b))) last.set(actorKey(s), s);
            return [...last.values()].filter(s => s.result?.success === true).length / last.size * 100;
        }
    }
}

/** When a statement happened, in ms (UTC): read as its period is, so that a leap second or a `+01` zone is ordered, not put first. */
function timeOf(s: Statement): number {
    return instantOfDateText(whenOf(s)) ?? 0;
}

function scaled(s: Statement): number | undefined {
    const v = s.result?.score?.scaled;
    return typeof v === 'number' ? v * 100 : undefined;
}

/** An actor's identity: `mbox`, `mbox_sha1sum`, `openid` or `account` (homePage + name). */
export function actorKey(s: Statement): string {
    const a = s.actor ?? {};
    if (typeof a['mbox'] === 'string') return `mbox:${a['mbox'].toLowerCase()}`;
    if (typeof a['mbox_sha1sum'] === 'string') return `sha1:${a['mbox_sha1sum'].toLowerCase()}`;
    if (typeof a['openid'] === 'string') return `openid:${a['openid']}`;
    const account = a['account'] as { homePage?: string; name?: string } | undefined;
    if (account?.homePage !== undefined && account.name !== undefined) return `account:${account.homePage}|${account.name}`;
    return `anonymous:${JSON.stringify(a)}`;
}

/**
 * A metric's status as of the report's date (a KPI's, and a learning or
 * activity metric's alike, so that one page never judges them apart). `align check` and the impact graph
 * judge a metric's latest actual against its trajectory whatever the day;
 * a review read months later must not call a KPI "on track" whose deadline
 * is behind it, or whose latest actual is long out of date. So, at the
 * report's date:
 * - after the deadline: `target met` when the latest actual reaches the
 *   target in the metric's direction, else `deadline passed`;
 * - before it, when the latest actual is more than two periods of the
 *   metric's cadence old (its actuals' period when it has no cadence,
 *   monthly at the finest): `no actual since PERIOD`;
 * - otherwise the graph's on-track state, in the words of the KPI's box in
 *   the impact chain (`statusText`): an unknown state says why when it can
 *   (`no actuals yet`, `no target`, `no baseline or target`).
 */
import { attribute } from '../../language/attributes.js';
import { addMonths, isoDay, parsePeriod } from '../../language/dates.js';
import { isMetric } from '../../language/generated/ast.js';
import type { GraphNode, MetricFigures } from '../../language/graph/types.js';
import { deadlineText, statusText, TRACK_WORDS, trackState, type TrackState } from '../../language/present/index.js';
import { valueText } from '../../language/render/index.js';

export type Cadence = 'daily' | 'weekly' | 'monthly' | 'quarterly';

/** How many periods of its cadence a KPI's latest actual may be behind the report's date. */
export const STALE_PERIODS = 2;

export interface DatedStatus {
    state: TrackState;
    /** `on track`, `target met`, `deadline passed`, `no actual since 2026-03`... */
    words: string;
    /** Why, when the date changed the graph's state: `target 10% by 2026-06-30`, `monthly actuals expected; on track at the last actual`. */
    detail?: string;
    /** The on-track state to draw the KPI with (charts, impact chain): met is on, passed is off, stale unknown. */
    onTrack?: boolean;
}

/** The status of a metric on `date` (`YYYY-MM-DD`); `cadence` as its declaration writes it. */
export function statusAt(m: MetricFigures, date: string, cadence?: Cadence): DatedStatus {
    // The box's words without its progress (`· 73% of the way`): the table has a column for that.
    const graph: DatedStatus = { state: trackState(m), words: statusText({ ...m, progress: undefined }), onTrack: m.onTrack };
    const latest = m.latest;
    if (m.deadline && m.target !== undefined && date > m.deadline) {
        const target = `target ${valueText(m.target, m.unit)} by ${deadlineText(m, 'long')}`;
        const against = latest ? target : `no actual; ${target}`;
        if (latest && m.direction) {
            const met = m.direction === 'up' ? latest.value >= m.target : latest.value <= m.target;
            return met ? { state: 'on', words: 'target met', detail: against, onTrack: true } : { state: 'off', words: 'deadline passed', detail: against, onTrack: false };
        }
        if (!latest) return { state: 'off', words: 'deadline passed', detail: against, onTrack: false };
        return graph;
    }
    if (latest && date > staleAfter(latest, cadence)) {
        const then = m.onTrack === undefined ? '' : `; ${TRACK_WORDS[trackState(m)]} at the last actual`;
        return { state: 'unknown', words: `no actual since ${latest.period}`, detail: `${cadenceOf(latest, cadence)} actuals expected${then}`, onTrack: undefined };
    }
    return graph;
}

/** The cadence a metric's actuals are judged by: its own, else its actuals' period (a month at the finest). */
function cadenceOf(latest: NonNullable<MetricFigures['latest']>, cadence: Cadence | undefined): string {
    if (cadence) return cadence;
    const granularity = parsePeriod(latest.period)?.granularity;
    return granularity === 'quarter' ? 'quarterly' : granularity === 'half' ? 'half-yearly' : 'monthly';
}

/** The last day on which the latest actual is still recent: STALE_PERIODS periods of the cadence after it. */
function staleAfter(latest: NonNullable<MetricFigures['latest']>, cadence: Cadence | undefined): string {
    const day = parsePeriod(latest.date)?.day;
    if (day === undefined) return latest.date;
    const every = cadenceOf(latest, cadence);
    // A month after a period's last day is the next period's last day: count from the day after and step back one.
    const months = (n: number) => addMonths(day + 1, n) - 1;
    const last = every === 'daily' ? day + STALE_PERIODS : every === 'weekly' ? day + 7 * STALE_PERIODS
        : months(STALE_PERIODS * (every === 'quarterly' ? 3 : every === 'half-yearly' ? 6 : 1));
    return isoDay(last);
}

/**
 * The node with its on-track state and words as of a date, for what draws
 * it (the impact chain, the learning chart, `align graph --date`): a KPI
 * whose deadline has passed is `deadline passed` (drawn off track) unless it
 * met its target (`target met`, on track); one with stale actuals is `no
 * actual since PERIOD` (unknown). The node itself when nothing changes.
 */
export function withStatus(node: GraphNode, status: DatedStatus): GraphNode {
    if (!node.metric) return node;
    const trackWords = status.words === TRACK_WORDS[status.state] ? undefined : status.words;
    if (status.onTrack === node.metric.onTrack && trackWords === undefined) return node;
    return { ...node, metric: { ...node.metric, onTrack: status.onTrack, trackWords } };
}

/** The declared cadence of a metric node, read from its declaration. */
export function cadenceOfNode(node: GraphNode, astOf: (id: string) => unknown): Cadence | undefined {
    const ast = astOf(node.id);
    return isMetric(ast) ? attribute(ast, 'MetricCadence')?.value : undefined;
}

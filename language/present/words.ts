/**
 * Words around the figures, the same everywhere: counts with their noun,
 * on-track states, coverage, date windows, return on investment.
 */
import type { Coverage, MetricFigures, RoiFigures } from '../graph/types.js';
import { formatMoney, formatNumber, formatShare } from './numbers.js';

/** `1 KPI`, `2 KPIs`, `1,200 objectives`, `0 errors`: a count with its noun, plural when needed. */
export function plural(count: number, noun: string, nouns = `${noun}s`): string {
    return `${formatNumber(count, 0)} ${count === 1 ? noun : nouns}`;
}

/** Whether a metric is on its trajectory: `unknown` without target, deadline, direction or actuals. */
export type TrackState = 'on' | 'off' | 'unknown';

export function trackState(m: MetricFigures): TrackState {
    return m.onTrack === true ? 'on' : m.onTrack === false ? 'off' : 'unknown';
}

/** The words of each state: never a colour or an icon alone. */
export const TRACK_WORDS: Readonly<Record<TrackState, string>> = { on: 'on track', off: 'off track', unknown: 'track unknown' };

/** `73% of the way`: how far the latest actual has come from baseline to target. */
export function progressText(progress: number): string {
    return `${formatShare(progress)} of the way`;
}

/**
 * The status line of a metric in drawings: `on track · 73% of the way`,
 * `off track`, or what keeps it from being told (`no target`, `no actuals yet`).
 */
export function statusText(m: MetricFigures): string {
    const progress = m.progress === undefined ? '' : ` · ${progressText(m.progress)}`;
    if (m.onTrack !== undefined) return `${TRACK_WORDS[trackState(m)]}${progress}`;
    if (m.baseline === undefined && m.target === undefined) return m.isKpi ? 'no baseline or target' : `${m.kind ?? 'untyped'} metric, not a KPI`;
    if (m.target === undefined) return 'no target';
    if (!m.latest) return 'no actuals yet';
    return `${TRACK_WORDS.unknown}${progress}`;
}

/** `9/11 objectives (82%)`, or `9/11 (82%)` without the noun; no share of nothing. */
export function coverageText(coverage: Coverage, noun = true): string {
    const share = coverage.total === 0 ? '' : ` (${formatShare(coverage.aligned / coverage.total)})`;
    return `${formatNumber(coverage.aligned, 0)}/${formatNumber(coverage.total, 0)}${noun ? ' objectives' : ''}${share}`;
}

/** `2026-01-05 to 2026-04-04`: dates and periods are printed as written (ISO, unambiguous in every locale). */
export function windowText(window: { start: string; end: string }): string {
    return `${window.start} to ${window.end}`;
}

/** The parts of a known return on investment, each as printed: `ROI 150%`, `BCR 2.50`, `45,000 USD`, `18,000 USD`. */
export interface RoiWords {
    readonly roi: string;
    readonly bcr: string;
    readonly benefit: string;
    readonly cost: string;
}

const RATIO = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** ROI with at most one decimal, BCR with two, money whole; undefined while a term is missing. */
export function roiWords(roi: RoiFigures): RoiWords | undefined {
    if (roi.missing.length > 0 || roi.roiPercent === undefined || roi.bcr === undefined || roi.benefit === undefined || roi.cost === undefined) return undefined;
    return {
        roi: `ROI ${formatNumber(roi.roiPercent, 1)}%`,
        bcr: `BCR ${RATIO.format(roi.bcr)}`,
        benefit: formatMoney(roi.benefit, roi.currency, 0),
        cost: formatMoney(roi.cost, roi.currency, 0)
    };
}

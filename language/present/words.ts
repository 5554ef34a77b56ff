/**
 * Words around the figures, the same everywhere: counts with their noun,
 * on-track states, coverage, date windows, return on investment.
 */
import type { Coverage, KpiAttribution, MetricFigures, RoiFigures } from '../graph/types.js';
import { formatMoney, formatNumber, formatOptionalAmount, formatShare, MISSING } from './numbers.js';

/** `1 KPI`, `2 KPIs`, `1,200 objectives`, `0 errors`: a count with its noun, plural when needed. */
export function plural(count: number, noun: string, nouns = `${noun}s`): string {
    return `${formatNumber(count, 0)} ${count === 1 ? noun : nouns}`;
}

/** `a metric`, `an objective`, `an INSERT`: a word with its indefinite article, chosen by its first letter. */
export function withArticle(word: string): string {
    return `${/^[aeiou]/i.test(word) ? 'an' : 'a'} ${word}`;
}

/** `a`, `a or b`, `a, b or c`: choices in a sentence (nothing for none). */
export function orList(items: readonly string[]): string {
    return items.length <= 1 ? items[0] ?? '' : `${items.slice(0, -1).join(', ')} or ${items.at(-1)}`;
}

/** Whether a metric is on its trajectory: `unknown` without target, deadline, direction or actuals. */
export type TrackState = 'on' | 'off' | 'unknown';

export function trackState(m: MetricFigures): TrackState {
    return m.onTrack === true ? 'on' : m.onTrack === false ? 'off' : 'unknown';
}

/** The words of each state: never a colour or an icon alone. */
export const TRACK_WORDS: Readonly<Record<TrackState, string>> = { on: 'on track', off: 'off track', unknown: 'track unknown' };

/**
 * A metric's deadline as its source writes it, undefined without one. A
 * period (`by 2026-H2`) is dated on its last day: `long` says that day too,
 * `2026-H2 (2026-12-31)`, where the words have room (hover, tables,
 * sentences); `short` keeps the period alone, where a drawing has little
 * room. A full date is the same in both.
 */
export function deadlineText(m: Pick<MetricFigures, 'deadline' | 'deadlinePeriod'>, form: 'short' | 'long'): string | undefined {
    if (!m.deadline) return undefined;
    if (!m.deadlinePeriod) return m.deadline;
    return form === 'short' ? m.deadlinePeriod : `${m.deadlinePeriod} (${m.deadline})`;
}

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
    if (m.trackWords !== undefined) return `${m.trackWords}${progress}`;
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

/** Made when first used: an `Intl.NumberFormat` costs milliseconds, and loading the server should not pay them. */
let ratioFormat: Intl.NumberFormat | undefined;
const ratio = (value: number): string =>
    (ratioFormat ??= new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })).format(value);

/**
 * BCR with two decimals and ROI in whole percent, both from one rounding of
 * the BCR (ROI = BCR − 1), so that they never disagree (`ROI 44.5% · BCR
 * 1.44` read as two figures); money whole; undefined while a term is missing.
 */
export function roiWords(roi: RoiFigures): RoiWords | undefined {
    if (roi.missing.length > 0 || roi.roiPercent === undefined || roi.bcr === undefined || roi.benefit === undefined || roi.cost === undefined) return undefined;
    return { ...bcrWords(roi.bcr), benefit: formatMoney(roi.benefit, roi.currency, 0), cost: formatMoney(roi.cost, roi.currency, 0) };
}

/** `ROI 38%` and `BCR 1.38` of a benefit-cost ratio, from one rounding of it (see roiWords). */
export function bcrWords(bcr: number): Pick<RoiWords, 'roi' | 'bcr'> {
    const hundredths = Math.round(bcr * 100);
    return { roi: `ROI ${formatNumber(hundredths - 100, 0)}%`, bcr: `BCR ${ratio(hundredths / 100)}` };
}

/**
 * How a program isolates a KPI's change (Phillips), as the report's table
 * and the preview's metric detail print it: `trend`, `control group
 * ChurnControl` (`controlName`: the control metric's name), `estimate 60%,
 * confidence 80%`, `not isolated`.
 */
export function isolationText(a: Pick<KpiAttribution, 'method' | 'share' | 'confidence' | 'control'>, controlName?: string): string {
    switch (a.method) {
        case 'control-group': return a.control ? `control group ${controlName ?? a.control}` : 'control group';
        case 'estimate': return `estimate ${formatOptionalAmount(a.share, 'percent')}, confidence ${formatOptionalAmount(a.confidence, 'percent')}`;
        case 'trend': return 'trend';
        case 'none': return 'not isolated';
    }
}

/**
 * The currency of one KPI's figures in a program's attribution: the KPI's own,
 * as its `value` is written (`value 5 EUR per point`), else the program's
 * `cost` currency, in which a value written without one is counted. A KPI's
 * value and benefit are never printed in another currency than their own: a
 * benefit in EUR is not converted to a cost in USD (the ROI is missing then).
 */
export function attributionCurrency(a: Pick<KpiAttribution, 'currency'>, programCurrency: string | undefined): string | undefined {
    return a.currency ?? programCurrency;
}

/** An amount of one KPI's attribution in the KPI's currency, whole money by default: `9,600 EUR`, or `—`. */
export function attributionMoney(amount: number | undefined, a: Pick<KpiAttribution, 'currency'>, programCurrency: string | undefined, decimals = 0): string {
    return amount === undefined ? MISSING : formatMoney(amount, attributionCurrency(a, programCurrency), decimals);
}

/** What a point (or unit) of a KPI's improvement is worth, in the KPI's currency: `18,000 USD`, `2.5 EUR`, or `—`. */
export function attributedValueText(a: Pick<KpiAttribution, 'value' | 'currency'>, programCurrency: string | undefined): string {
    return attributionMoney(a.value, a, programCurrency, 2);
}

const UNIT_OF_CHANGE: Readonly<Record<string, string>> = { days: 'day', hours: 'hour', minutes: 'minute' };

/**
 * What a unit of a KPI's improvement is worth, saying which unit (`value V
 * CUR per point` or `per unit`, language.md): `18,000 USD per point of
 * change` (a percent KPI), `24 USD per USD of change` (a KPI counted in USD:
 * each dollar its figure gains is worth 24), `200 USD per day of change`,
 * `5 EUR per unit of change` (counts, scores, ratios); `—` when unknown.
 */
export function valuePerUnitText(a: Pick<KpiAttribution, 'value' | 'currency'>, programCurrency: string | undefined, per: 'point' | 'unit' | undefined, unit: string | undefined): string {
    const money = attributedValueText(a, programCurrency);
    if (money === MISSING) return MISSING;
    const of = per === 'point' || (per === undefined && unit === 'percent') ? 'point'
        : unit?.startsWith('currency ') ? unit.slice('currency '.length) : (unit && UNIT_OF_CHANGE[unit]) ?? 'unit';
    return `${money} per ${of} of change`;
}

/**
 * The benefit the program is credited with for one KPI, whole money in the
 * KPI's currency (`programCurrency` only for a value written without one):
 * `9,600 USD (raw 20,000 USD)`, `9,600 USD`, or `—`.
 */
export function attributedBenefitText(a: Pick<KpiAttribution, 'benefit' | 'rawBenefit' | 'currency'>, programCurrency: string | undefined): string {
    const money = (amount: number | undefined): string => attributionMoney(amount, a, programCurrency);
    return a.rawBenefit !== undefined && a.rawBenefit !== a.benefit ? `${money(a.benefit)} (raw ${money(a.rawBenefit)})` : money(a.benefit);
}

/**
 * The metrics without a `kind` among those an objective reaches: neither a
 * KPI nor activity or learning. An objective that reaches metrics but no KPI
 * reaches some of these, or else only activity or learning ones
 * (`activity-only-link`); the rule, the hover, the report and the text
 * diagrams tell the two apart with this.
 */
export function metricsWithoutKind(metrics: readonly string[], kindOf: (id: string) => string | undefined): string[] {
    return metrics.filter(id => kindOf(id) === undefined);
}

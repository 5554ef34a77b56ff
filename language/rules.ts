/**
 * The catalogue of Align rules: stable ids, default severities and the text
 * used by SARIF metadata, docs and settings. Everything keys on these ids.
 */
import type { FindingIdentity } from './findings.js';

/** A severity as written in settings: `off` hides the rule. */
export type RuleSeverity = 'off' | 'info' | 'warning' | 'error';
/** A severity a finding can carry. */
export type FindingSeverity = Exclude<RuleSeverity, 'off'>;

/** Metadata of one rule. */
export interface RuleInfo<Id extends string = RuleId> {
    readonly id: Id;
    readonly defaultSeverity: FindingSeverity;
    /** What the rule marks in the source. */
    readonly marks: string;
    /** One sentence: when it fires. */
    readonly description: string;
    /** What to do about it. */
    readonly help: string;
    /** False for the built-in ids whose severity cannot be changed. */
    readonly configurable: boolean;
}

const rule = <const Id extends string>(id: Id, defaultSeverity: FindingSeverity, marks: string, description: string, help: string,
    configurable = true): RuleInfo<Id> => ({ id, defaultSeverity, marks, description, help, configurable });

/** Every rule of language.md, in the order of its table. */
export const RULES = [
    rule('objective-without-kpi', 'error', 'objective name', 'An objective reaches no metric at all.',
        'Link the objective to a KPI: add `kpi Metric`, or `builds` a skill that enables a behavior that `moves` a KPI.'),
    rule('activity-only-link', 'error', 'objective name', 'An objective reaches metrics, but every one is an activity or learning metric.',
        'Completions and quiz scores are not business impact: link the objective to a leading or lagging KPI.'),
    rule('unexplained-kpi-link', 'info', 'the kpi reference', 'A direct `kpi` link is not explained by the objective\'s skills and behaviors.',
        'Show the chain: have the objective build a skill that enables a behavior that moves the KPI (directly or via `drives`).'),
    rule('outcome-not-measurable', 'error', 'outcome name', 'An outcome has no `measured by`, or a measuring KPI lacks baseline, target or deadline.',
        'Add `measured by` with KPIs that have a baseline and a `target ... by` deadline.'),
    rule('outcome-measured-by-activity', 'error', 'the reference', 'An outcome is measured by an activity or learning metric.',
        'Measure outcomes by leading or lagging KPIs; keep activity and learning metrics for learning analytics.'),
    rule('target-against-direction', 'error', 'the target attribute', 'The target is worse than the baseline for the metric\'s direction.',
        'Fix the target or the `direction`: for `direction down` the target must be below the baseline, for `up` above it.'),
    rule('metric-without-source', 'warning', 'metric name', 'A KPI has no `source`.',
        'Add `source "System: report"` so that everyone reads the KPI from the same data.'),
    rule('metric-without-owner', 'info', 'metric name', 'A KPI has no `owner` or no `cadence`.',
        'Add `owner "Team"` and `cadence monthly` (or daily, weekly, quarterly) to the data definition.'),
    rule('leading-drives-nothing', 'warning', 'metric name', 'A leading metric drives no metric and measures no outcome.',
        'Say which lagging KPI it predicts with `drives`, or use it in an outcome\'s `measured by`.'),
    rule('metric-unused', 'info', 'metric name', 'No outcome, behavior, objective or other metric references the metric.',
        'Reference the metric from an outcome, behavior, objective or `drives`, or remove it.'),
    rule('behavior-moves-nothing', 'warning', 'behavior name', 'A behavior moves no metric.',
        'Add `moves Metric` naming the KPI this behavior changes.'),
    rule('behavior-not-reinforced', 'warning', 'behavior name', 'No `observed by` and no toolkit covers the behavior.',
        'Add `observed by manager weekly with "rubric"`, or a toolkit `for` this behavior.'),
    rule('skill-enables-nothing', 'warning', 'skill name', 'No behavior is enabled by the skill.',
        'Add the skill to a behavior\'s `enabled by`, or remove it.'),
    rule('objective-without-practice', 'info', 'objective name', 'An objective has no `practice`.',
        'Add `practice roleplay "..."` (or sandbox, simulation, decision-game, case, shadowing) that simulates real work.'),
    rule('program-without-outcome', 'error', 'program name', 'A program serves no outcome.',
        'Add `serves Outcome` naming the business result the program exists for.'),
    rule('program-without-leading', 'warning', 'program name', 'A program\'s chain has no leading KPI.',
        'Add a leading metric that its behaviors move and that `drives` a lagging KPI.'),
    rule('program-without-review', 'warning', 'program name', 'A program has no `review` cadence.',
        'Add `review monthly` (or daily, weekly, quarterly).'),
    rule('program-without-sponsor', 'info', 'program name', 'A program has no `sponsor`.',
        'Add `sponsor "Senior leader"` who co-owns the business result.'),
    rule('too-many-kpis', 'warning', 'program name', 'A program\'s chain has more lagging KPIs than `maxLaggingKpis` (default 3).',
        'Focus on the few lagging KPIs that matter, or raise `maxLaggingKpis`.'),
    rule('pilot-too-long', 'info', 'the duration', 'A pilot is longer than `maxPilotDays` (default 90).',
        'Start with a short pilot (90 days), or raise `maxPilotDays`.'),
    rule('deadline-outside-window', 'warning', 'the by date', 'A metric declared in a program has a deadline outside the program\'s window.',
        'Move the deadline inside the program\'s pilot or window, or widen the window.'),
    rule('drives-cycle', 'error', 'each drives reference on the cycle', '`drives` edges form a cycle.',
        'Remove one `drives` on the cycle: a chain of indicators runs one way.'),
    rule('duplicate-name', 'error', 'each duplicate\'s name', 'Two declarations share a name in one scope, across files.',
        'Rename one of them, or move it into a program.'),
    rule('actuals-off-track', 'warning', 'the latest row', 'The latest actual is worse than the straight-line trajectory from baseline to target.',
        'Review the program: the KPI is behind its trajectory.'),
    rule('actuals-invalid', 'error', 'the row, or the file string', 'A row or CSV cell is malformed, periods are not increasing, the metric has no baseline, or the file is missing.',
        'Fix the row or the CSV file (columns `period,value`, periods increasing), and give the metric a baseline.'),
    rule('snapshot-drift', 'error', 'the from string', 'An `actuals` block with a `pull` has no record in `align.lock.json`, or its snapshot, query file or pull block differs from the record.',
        'Run `align pull` (or `align pull --metric Name`) and commit the snapshot and `align.lock.json`.'),
    rule('roi-without-isolation', 'warning', 'the cost attribute', 'A program has `cost`, and a KPI with `value` in its chain has no `isolate` in that program: all of its change is counted as the program\'s.',
        'Add `isolate Kpi by control-group C`, `by trend` or `by estimate P% confidence Q%` to the program.'),
    rule('isolation-invalid', 'error', 'the isolate statement', 'An `isolate` cannot attribute its KPI\'s change: too few actuals for a trend, a bad control group, a share outside 0-100%, or a KPI outside the chain or without `value`.',
        'Fix the `isolate` statement, or choose another method.'),
] as const;

/** Ids that are not rules of the table but appear in machine output. */
export const BUILTIN_RULES = [
    rule('unresolved-reference', 'error', 'the reference', 'A reference names no declaration of the expected kind.',
        'Fix the name, or create the missing declaration.', false),
    rule('syntax', 'error', 'the offending text', 'The text does not follow the Align grammar.',
        'Fix the syntax at the marked place.', false),
    rule('config-invalid', 'error', 'align.config.json', 'align.config.json is not valid JSON, or names an unknown rule or severity.',
        'Fix align.config.json; the defaults apply meanwhile.', false),
    rule('internal-error', 'error', 'the declaration being checked (the start of each file when the impact graph cannot be built)',
        'A rule, or the build of the impact graph, failed with an error inside Align: a bug in Align, not in the file.',
        'Report it with the file; the other rules still ran.', false),
] as const;

/** The id of a rule of the chain: its severity is configurable. */
export type ConfigurableRuleId = typeof RULES[number]['id'];
/** Every id a finding can carry, from the catalogue above. */
export type RuleId = ConfigurableRuleId | typeof BUILTIN_RULES[number]['id'];

export const ALL_RULES: readonly RuleInfo[] = [...RULES, ...BUILTIN_RULES];

const byId = new Map<string, RuleInfo>(ALL_RULES.map(r => [r.id, r]));

/** The metadata of a rule id, or undefined. */
export function ruleInfo(id: string): RuleInfo | undefined {
    return byId.get(id);
}

/** True for the ids of the catalogue. */
export function isRuleId(id: string): id is RuleId {
    return byId.has(id);
}

/** True for ids whose severity settings may change. */
export function isConfigurableRule(id: string): id is ConfigurableRuleId {
    return byId.get(id)?.configurable === true;
}

/** Severities by rule id, as `align.config.json`, editor settings and `--rule` flags give them. */
export type RuleSeverities = Partial<Record<ConfigurableRuleId, RuleSeverity>>;

export const SEVERITIES: readonly RuleSeverity[] = ['off', 'info', 'warning', 'error'];

export function isRuleSeverity(value: unknown): value is RuleSeverity {
    return typeof value === 'string' && (SEVERITIES as readonly string[]).includes(value);
}

/** Where the project lives; each rule's page is `docs/rules/<id>.md` in it. */
export const PROJECT_URI = 'https://github.com/align-lang/align';

/** The documentation page of a rule: linked from every finding (LSP, pretty output). */
export function ruleDocUrl(id: string): string {
    return ruleDocUrlAt(id, 'main');
}

/** The documentation page of a rule at a git branch or tag (SARIF: the release's tag). */
export function ruleDocUrlAt(id: string, ref: string): string {
    return `${PROJECT_URI}/blob/${ref}/docs/rules/${encodeURIComponent(id)}.md`;
}

/** A finding as tools print it: normative JSON shape of language.md, plus its identity. */
export interface Finding {
    /** Path relative to the current directory, with `/` separators. */
    readonly file: string;
    readonly line: number;
    readonly column: number;
    readonly endLine: number;
    readonly endColumn: number;
    readonly severity: FindingSeverity;
    readonly rule: RuleId;
    readonly message: string;
    /** Model path and message key (language/identity): what baselines, `align diff` and SARIF fingerprints match on. Not printed in `--format json`. */
    readonly identity?: FindingIdentity;
}

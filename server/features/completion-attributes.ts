/**
 * The attributes a declaration block may hold, as completion snippets with
 * what each one means (from the language specification, language.md).
 *
 * A snippet may name a value rule of the grammar as `@Rule` inside a choice
 * (`${1|@Cadence|}`); the rule's keywords are filled in from the grammar, so
 * the choices follow it. A date is a choice of `%start%`, `%end%`,
 * `%deadline%` or `%since%`: dates from the day of the completion
 * (completion-dates.ts), never a fixed date that time leaves behind.
 */

/** The declaration kinds that have a block of attributes. */
export type BlockOwner = 'Program' | 'Outcome' | 'Metric' | 'Skill' | 'Behavior' | 'Objective' | 'Toolkit' | 'PullXapi';

/** One attribute of a declaration block. */
export interface AttributeSpec {
    /** The declaration whose block holds the attribute. */
    readonly owner: BlockOwner;
    /** The grammar rule that holds the attribute's first keyword (the declaration's rule for a list such as `serves`, else the attribute's, e.g. `Target`; `Owner` is shared by several declarations). */
    readonly rule: string;
    /** The attribute's first keyword. */
    readonly keyword: string;
    /** The words offered and inserted without snippets, e.g. `measured by`. */
    readonly label: string;
    /** `Rule:keyword` of the attribute, and of any it is an alternative to: when one is written, it is not offered. */
    readonly presentAs: readonly string[];
    /** The snippet, in LSP snippet syntax, before `@Rule` choices are filled in. */
    readonly snippet: string;
    /** What the attribute means, markdown. */
    readonly documentation: string;
}

/** The key of an attribute: the rule and the keyword that start it, e.g. `Target:target`. */
export const attributeKey = (rule: string, keyword: string): string => `${rule}:${keyword}`;

function attr(owner: BlockOwner, rule: string, label: string, snippet: string, documentation: string, alternativeTo: string[] = []): AttributeSpec {
    const keyword = label.split(' ')[0]!;
    return { owner, rule, keyword, label, presentAs: [attributeKey(rule, keyword), ...alternativeTo], snippet, documentation };
}

/** An attribute that takes one string, written by grammar rule `rule`. */
const text = (owner: BlockOwner, rule: string, label: string, documentation: string): AttributeSpec =>
    attr(owner, rule, label, `${label} "\${1}"`, documentation);

/** Every attribute, in the order the specification lists them. */
export const ATTRIBUTES: readonly AttributeSpec[] = [
    text('Program', 'Sponsor', 'sponsor', 'The senior co-owner of the program, as a string (e.g. `"VP Customer Success"`). A program without one is reported (`program-without-sponsor`).'),
    text('Program', 'Owner', 'owner', 'The L&D owner of the program, as a string.'),
    attr('Program', 'Program', 'stakeholders', 'stakeholders "${1}"', 'Optional: the other parties of the program, as comma-separated strings.'),
    attr('Program', 'Program', 'serves', 'serves ${1}', 'The business outcome(s) the program serves, one or more outcome names. A program that serves no outcome is an error (`program-without-outcome`).'),
    attr('Program', 'Pilot', 'pilot', 'pilot ${1:90} ${2|@DurationUnit|} from ${3|%start%|}',
        'The program window as a pilot: from a full date for a duration (`days`, `weeks`, `months`), both ends included. The alternative to `window`. A pilot longer than `maxPilotDays` (default 90) is reported (`pilot-too-long`).',
        ['Window:window']),
    attr('Program', 'Window', 'window', 'window ${1|%start%|} to ${2|%end%|}',
        'The program window, from one full date to another, both ends included. The alternative to `pilot`; metric deadlines should fall inside it (`deadline-outside-window`).',
        ['Pilot:pilot']),
    attr('Program', 'Review', 'review', 'review ${1|@Cadence|}', 'How often the program is reviewed. A program without a review cadence is reported (`program-without-review`).'),
    attr('Program', 'ProgramPhase', 'phase', 'phase ${1|@Phase|}', 'The phase the program is in.'),
    attr('Program', 'Cost', 'cost', 'cost ${1:amount} ${2:USD}',
        'The fully loaded cost of the program, with an optional currency code (`45000 USD`). With `value ... per point` on the KPIs of its chain it gives the ROI.'),
    repeatable(attr('Program', 'Isolate', 'isolate', 'isolate ${1:Kpi} by ${2|trend,estimate 50% confidence 80%,control-group |}',
        'How much of a KPI\'s change is the program\'s own (Phillips), once per KPI: `by control-group C` (a metric with the untrained group\'s actuals), `by trend` (the trend of the actuals before the program\'s start), or `by estimate P% confidence Q%`. The ROI counts only the attributed change (`roi-without-isolation`, `isolation-invalid`).')),

    attr('Outcome', 'Outcome', 'measured by', 'measured by ${1}',
        'The KPIs that measure the outcome. Each must be a `leading` or `lagging` metric with a baseline, a target and a deadline (`outcome-not-measurable`, `outcome-measured-by-activity`).'),
    text('Outcome', 'Owner', 'owner', 'Who owns the outcome, as a string.'),

    attr('Metric', 'Kind', 'kind', 'kind ${1|@MetricKind|}',
        '`lagging` and `leading` metrics are business KPIs; `activity` (enrollments, completions, hours) and `learning` (quiz scores, proficiency) are learning analytics, never evidence of business impact on their own.'),
    attr('Metric', 'Unit', 'unit', 'unit ${1|@PlainUnit,currency USD|}', 'The unit of the metric\'s values: a plain unit, or `currency` and a currency code.'),
    attr('Metric', 'MetricDirection', 'direction', 'direction ${1|@Direction|}', 'Which way is better: `up` or `down`.'),
    attr('Metric', 'Baseline', 'baseline', 'baseline ${1:value}', 'The value before the program: a number or a percentage (`12%`), in the metric\'s unit.'),
    attr('Metric', 'Target', 'target', 'target ${1:value} by ${2|%deadline%|}',
        'The value wanted, and by when (a day, month, quarter or half; a period ends on its last day). `by` may be left out, but a KPI that measures an outcome needs it.'),
    text('Metric', 'Source', 'source', 'Where the data comes from, as a string. A KPI without one is reported (`metric-without-source`).'),
    text('Metric', 'Owner', 'owner', 'Who owns the data definition, as a string. A KPI needs an owner and a cadence (`metric-without-owner`).'),
    attr('Metric', 'MetricCadence', 'cadence', 'cadence ${1|@Cadence|}', 'How often the metric is measured.'),
    attr('Metric', 'Metric', 'drives', 'drives ${1}', 'One or more metrics this one predicts (a leading signal drives a lagging result). `drives` edges must not form a cycle (`drives-cycle`).'),
    attr('Metric', 'MoneyValue', 'value', 'value ${1:amount} ${2:USD} per ${3|point,unit|}',
        'Optional: money per point (or per unit) of improvement, for ROI; `per ...` is required.'),

    attr('Skill', 'AssessedBy', 'assessed by', 'assessed by "${1}"', 'Optional: how the skill is assessed, as a string.'),

    attr('Behavior', 'Behavior', 'enabled by', 'enabled by ${1}', 'The skills that enable this behavior. A skill that enables no behavior is reported (`skill-enables-nothing`).'),
    attr('Behavior', 'Behavior', 'moves', 'moves ${1}', 'The metrics this behavior moves. A behavior that moves no metric is reported (`behavior-moves-nothing`).'),
    attr('Behavior', 'ObservedBy', 'observed by', 'observed by ${1|@Observer|} ${2|@Cadence|} with "${3}"',
        'Who observes the behavior on the job, an optional cadence and an optional instrument (`with "..."`). A behavior neither observed nor covered by a toolkit is reported (`behavior-not-reinforced`).'),
    text('Behavior', 'Actor', 'actor', 'Optional: whose behavior it is (impact mapping), as a string.'),

    attr('Objective', 'Objective', 'builds', 'builds ${1}', 'The skills this objective builds; its KPI link runs through them to the behaviors they enable and the metrics those move.'),
    attr('Objective', 'Objective', 'kpi', 'kpi ${1}',
        'Direct link(s) to KPIs, asserted by the designer. The link is explained when a skill the objective builds enables a behavior that moves the metric (`unexplained-kpi-link`).'),
    attr('Objective', 'Practice', 'practice', 'practice ${1|@PracticeKind|} "${2}"',
        'How learners practise, with an optional description. An objective without practice is reported (`objective-without-practice`).'),
    attr('Objective', 'AssessedBy', 'assessed by', 'assessed by "${1}"', 'How the objective is assessed, as a string.'),

    attr('Toolkit', 'Toolkit', 'for', 'for ${1}', 'The behaviors this toolkit helps managers coach; a behavior covered by a toolkit is reinforced.'),
    text('Toolkit', 'TalkTrack', 'talk-track', 'Manager enablement: the talk track or coaching questions managers use.'),
    text('Toolkit', 'Rubric', 'rubric', 'Manager enablement: the observation rubric.'),
    text('Toolkit', 'Checklist', 'checklist', 'Manager enablement: the on-the-job checklist.'),
    text('Toolkit', 'MicroChallenge', 'micro-challenge', 'Manager enablement: a small recurring practice challenge.'),
    text('Toolkit', 'Dashboard', 'dashboard', 'Manager enablement: the dashboard managers watch.'),

    attr('PullXapi', 'XapiAuth', 'auth env', 'auth env "${1:LRS_AUTH}"', 'Optional: the environment variable that holds `key:secret` for HTTP Basic. The secret itself never goes in a file.'),
    attr('PullXapi', 'XapiVerb', 'verb', 'verb "${1:http://adlnet.gov/expapi/verbs/completed}"', 'Optional: only statements with this verb IRI.'),
    repeatable(attr('PullXapi', 'XapiActivity', 'activity', 'activity "${1}"', 'Optional, repeatable: only statements about this activity IRI; several are queried one by one and merged (each statement counted once).')),
    attr('PullXapi', 'XapiSince', 'since', 'since ${1|%since%|}', 'Optional: only statements stored after this day.'),
    attr('PullXapi', 'XapiValue', 'value', 'value ${1|count statements,count actors,mean score,share success|}',
        'What each period\'s value is: the statements, the distinct actors, the mean score (`scaled` x 100 for a percent metric, else `raw`), or the percentage of actors whose last statement succeeded. Default: `count statements`.')
];

/** An attribute that may be written several times: it is offered even when the block has it. */
function repeatable(spec: AttributeSpec): AttributeSpec {
    return { ...spec, presentAs: [] };
}

/** What each declaration keyword introduces, markdown. */
export const DECLARATION_DOCS: Readonly<Record<string, string>> = {
    program: 'A training program: the outcomes it `serves`, its sponsor, owner, window and review cadence, and the declarations local to it (visible elsewhere as `Program.Name`).',
    outcome: 'A business result the organisation wants, `measured by` one or more KPIs.',
    metric: 'A KPI or indicator with its data definition: kind, unit, direction, baseline, target, source, owner, cadence.',
    skill: 'A skill that learning objectives build and that enables on-the-job behaviors.',
    behavior: 'An observable on-the-job behavior, `enabled by` skills, that `moves` metrics.',
    objective: 'A learning objective: the skills it `builds`, optional direct `kpi` links and its `practice`.',
    toolkit: 'Manager enablement: what managers get to coach the target behaviors (`for`).',
    actuals: 'Measured values of a metric, as `period: value` rows or `from "file.csv"` (columns `period,value`); `from "file.csv" { pull ... }` makes the file a snapshot that `align pull` writes from DuckDB, SQLite, PostgreSQL or an LRS.'
};

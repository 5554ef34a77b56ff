import { createHash } from 'node:crypto';
/**
 * For every rule: a workspace where it fires (at the lines its `// expect:`
 * comments give) and a close case where it must not. Each case file is added
 * to BASE, a clean catalog it may reference.
 */
export const BASE = `
metric Revenue "Revenue" {
  kind lagging
  unit currency USD
  direction up
  baseline 100
  target 120 by 2026-12-31
  source "ERP"
  owner "Finance"
  cadence monthly
}
metric Pipeline "Pipeline coverage" {
  kind leading
  unit ratio
  direction up
  baseline 2
  target 3 by 2026-12-31
  source "CRM"
  owner "Sales Ops"
  cadence weekly
  drives Revenue
}
metric Completions "Course completions" {
  kind activity
  unit count
  direction up
}
outcome Grow "Grow revenue" { measured by Revenue }
skill Prospecting "Prospecting"
skill Unrelated "Unrelated"
behavior Prospects "Prospects weekly" {
  enabled by Prospecting, Unrelated
  moves Pipeline
  observed by manager weekly
}
objective UsesCompletions "uses completions" { builds Prospecting kpi Completions, Pipeline practice case "x" }
`;

export interface RuleCase {
    rule: string;
    fires: string;
    silent: string;
    settings?: { maxLaggingKpis?: number; maxPilotDays?: number };
    /** Findings of the rule the firing case also causes in BASE (duplicates mark both sides). */
    inBase?: number;
    /** Extra files (CSV) for both cases. */
    files?: Record<string, string>;
    /** Files that replace some of `files` in the close case. */
    silentFiles?: Record<string, string>;
}

const sha = (text: string) => createHash('sha256').update(text).digest('hex');
const SNAPSHOT = 'period,value\n2026-01,101\n2026-02,103\n';
const QUERY = 'SELECT month AS period, revenue AS value FROM sales';
/** A lock that records `data/revenue.csv` as pulled with `queries/revenue.sql` (whose text is `query`). */
const lockFor = (query: string) => JSON.stringify({ version: 1, snapshots: { 'data/revenue.csv': {
    metric: 'Revenue', kind: 'sql', query: 'queries/revenue.sql', querySha256: sha(query), rows: 2, firstPeriod: '2026-01', lastPeriod: '2026-02',
    snapshotSha256: sha(SNAPSHOT), pulledAt: '2026-03-01T00:00:00.000Z' } } });

/** A lagging KPI with money per unit, for ROI and attribution cases. */
const valued = (name: string, unit = 'count') => `metric ${name} "${name}" { kind lagging unit ${unit} direction up baseline 100 target 130 by 2026-12-31 source "s" owner "o" cadence monthly value 10 USD per unit }`;
const roiProgram = (body: string) => `program P "P" {\n  sponsor "s" review monthly serves More\n  pilot 90 days from 2026-04-01\n${body}\n}`;

const metric = (name: string, body: string) => `metric ${name} "${name}" {\n${body}\n}`;
const kpi = (name: string, extra = '', kind = 'lagging') => metric(name, `  kind ${kind}\n  unit count\n  direction up\n  baseline 1\n  target 2 by 2026-12-31\n  source "s"\n  owner "o"\n  cadence monthly\n${extra}`);

export const RULE_CASES: RuleCase[] = [
    {
        rule: 'objective-without-kpi',
        fires: `// expect: objective-without-kpi\nobjective Lost "Lost" { practice case "x" }`,
        silent: `objective Found "Found" { builds Prospecting practice case "x" }`
    },
    {
        rule: 'activity-only-link',
        fires: `// expect: activity-only-link\nobjective Busy "Busy" { kpi Completions practice case "x" }`,
        silent: `objective Busy "Busy" { kpi Completions, Revenue practice case "x" }`
    },
    {
        rule: 'unexplained-kpi-link',
        fires: `skill Trivia "Trivia"\nbehavior Quiz "Quiz" { enabled by Trivia moves Completions observed by coach }\nobjective Claims "Claims" {\n  builds Trivia\n  // expect: unexplained-kpi-link\n  kpi Revenue\n  practice case "x"\n}`,
        // Explained through drives: Prospecting -> Prospects -> Pipeline -> drives Revenue.
        silent: `objective Shows "Shows" {\n  builds Prospecting\n  kpi Revenue\n  practice case "x"\n}`
    },
    {
        rule: 'outcome-not-measurable',
        fires: `${kpi('Loose', '').replace('target 2 by 2026-12-31', 'target 2')}\n// expect: outcome-not-measurable\noutcome Vague "Vague" { measured by Loose }\n// expect: outcome-not-measurable\noutcome Empty "Empty"`,
        silent: `outcome Clear "Clear" { measured by Revenue, Pipeline }`
    },
    {
        rule: 'outcome-measured-by-activity',
        fires: `outcome Busy "Busy" {\n  // expect: outcome-measured-by-activity\n  measured by Revenue, Completions\n}`,
        silent: `outcome Busy "Busy" {\n  measured by Revenue, Pipeline\n}`
    },
    {
        rule: 'target-against-direction',
        fires: `${metric('Falling', '  kind lagging\n  unit count\n  direction up\n  baseline 10\n  // expect: target-against-direction\n  target 9 by 2026-12-31\n  source "s"\n  owner "o"\n  cadence monthly')}\noutcome O "O" { measured by Falling }`,
        silent: `${metric('Flat', '  kind lagging\n  unit count\n  direction down\n  baseline 10\n  target 10 by 2026-12-31\n  source "s"\n  owner "o"\n  cadence monthly')}\noutcome O "O" { measured by Flat }`
    },
    {
        rule: 'metric-without-source',
        fires: `// expect: metric-without-source\n${kpi('NoSource').replace('  source "s"\n', '')}\noutcome O "O" { measured by NoSource }`,
        silent: `${metric('Attendance', '  kind activity\n  unit count\n  direction up')}\nobjective A "A" { kpi Attendance, Revenue practice case "x" }`
    },
    {
        rule: 'metric-without-owner',
        fires: `// expect: metric-without-owner\n${kpi('NoCadence').replace('  cadence monthly\n', '')}\noutcome O "O" { measured by NoCadence }`,
        silent: `${kpi('Owned')}\noutcome O "O" { measured by Owned }`
    },
    {
        rule: 'leading-drives-nothing',
        fires: `// expect: leading-drives-nothing\n${kpi('Signal', '', 'leading')}\nbehavior B "B" { enabled by Prospecting moves Signal observed by peer }`,
        silent: `${kpi('Signal', '', 'leading')}\noutcome O "O" { measured by Signal }`
    },
    {
        rule: 'metric-unused',
        fires: `// expect: metric-unused\n${kpi('Orphan')}\nactuals Orphan { 2026-01: 1 }`,
        silent: `${kpi('Driven')}\n${kpi('Driver', '  drives Driven', 'leading')}\nbehavior B "B" { enabled by Prospecting moves Driver observed by peer }`
    },
    {
        rule: 'behavior-moves-nothing',
        fires: `// expect: behavior-moves-nothing\nbehavior Idle "Idle" {\n  enabled by Prospecting\n  // expect: unresolved-reference\n  moves Typo\n  observed by coach\n}`,
        silent: `behavior Busy "Busy" { enabled by Prospecting moves Pipeline observed by coach }`
    },
    {
        rule: 'behavior-not-reinforced',
        fires: `// expect: behavior-not-reinforced\nbehavior Alone "Alone" { enabled by Prospecting moves Pipeline }`,
        silent: `behavior Coached "Coached" { enabled by Prospecting moves Pipeline }\ntoolkit Kit "Kit" { for Coached talk-track "t" }`
    },
    {
        rule: 'skill-enables-nothing',
        fires: `// expect: skill-enables-nothing\nskill Idle "Idle"`,
        silent: `skill Used "Used"\nbehavior B "B" { enabled by Used moves Pipeline observed by peer }`
    },
    {
        rule: 'objective-without-practice',
        fires: `// expect: objective-without-practice\nobjective Theory "Theory" { builds Prospecting }`,
        silent: `objective Practised "Practised" { builds Prospecting practice decision-game "Pipeline game" }`
    },
    {
        rule: 'program-without-outcome',
        fires: `// expect: program-without-outcome\nprogram P "P" {\n  sponsor "s"\n  review monthly\n  // expect: unresolved-reference\n  serves Nothing\n}`,
        silent: `program P "P" { sponsor "s" review monthly serves Grow }`
    },
    {
        rule: 'program-without-leading',
        fires: `outcome Lag "Lag" { measured by Revenue }\n// expect: program-without-leading\nprogram P "P" { sponsor "s" review monthly serves Lag }`,
        // The chain follows references: the program's own behavior moves the leading Pipeline.
        silent: `program P "P" {\n  sponsor "s" review monthly serves Grow\n  behavior B "B" { enabled by Prospecting moves Pipeline observed by peer }\n}`
    },
    {
        rule: 'program-without-review',
        fires: `// expect: program-without-review\nprogram P "P" { sponsor "s" serves Grow }`,
        silent: `program P "P" { sponsor "s" serves Grow review quarterly }`
    },
    {
        rule: 'program-without-sponsor',
        fires: `// expect: program-without-sponsor\nprogram P "P" { review monthly serves Grow }`,
        silent: `program P "P" { sponsor "CRO" review monthly serves Grow }`
    },
    {
        rule: 'too-many-kpis',
        fires: `${kpi('L1')}\n${kpi('L2')}\n${kpi('L3')}\noutcome Many "Many" { measured by Revenue, L1, L2, L3 }\n// expect: too-many-kpis\nprogram P "P" { sponsor "s" review monthly serves Many }`,
        silent: `${kpi('L1')}\n${kpi('L2')}\noutcome Many "Many" { measured by Revenue, L1, L2 }\nprogram P "P" { sponsor "s" review monthly serves Many }`
    },
    {
        rule: 'pilot-too-long',
        // 13 weeks = 91 days; 3 months from 2026-01-01 = 90 days.
        fires: `program P "P" {\n  sponsor "s" review monthly serves Grow\n  // expect: pilot-too-long\n  pilot 13 weeks from 2026-01-01\n}`,
        silent: `program P "P" {\n  sponsor "s" review monthly serves Grow\n  pilot 3 months from 2026-01-01\n}`
    },
    {
        rule: 'deadline-outside-window',
        fires: `program P "P" {\n  sponsor "s" review monthly serves Grow\n  window 2026-01-01 to 2026-03-31\n  metric Late "Late" {\n    kind leading unit count direction up baseline 1 source "s" owner "o" cadence weekly drives Revenue\n    // expect: deadline-outside-window\n    target 2 by 2026-04-01\n  }\n  behavior B "B" { enabled by Prospecting moves Late observed by peer }\n}`,
        silent: `program P "P" {\n  sponsor "s" review monthly serves Grow\n  pilot 90 days from 2026-01-01\n  metric OnTime "OnTime" {\n    kind leading unit count direction up baseline 1 source "s" owner "o" cadence weekly drives Revenue\n    target 2 by 2026-04-01\n  }\n  behavior B "B" { enabled by Prospecting moves OnTime observed by peer }\n}`
    },
    {
        rule: 'drives-cycle',
        fires: `${kpi('A', '  // expect: drives-cycle\n  drives B', 'leading')}\n${kpi('B', '  // expect: drives-cycle\n  drives A', 'leading')}\nbehavior X "X" { enabled by Prospecting moves A observed by peer }`,
        silent: `${kpi('A', '  drives B', 'leading')}\n${kpi('B', '  drives Revenue', 'leading')}\nbehavior X "X" { enabled by Prospecting moves A observed by peer }`
    },
    {
        rule: 'duplicate-name',
        inBase: 1,
        fires: `// expect: duplicate-name\nskill Prospecting "Again"\nbehavior B "B" { enabled by Prospecting moves Pipeline observed by peer }`,
        // Same simple name in two programs and globally: three different scopes.
        silent: `program P1 "P1" { sponsor "s" review monthly serves Grow\n  skill Prospecting "local" }\nprogram P2 "P2" { sponsor "s" review monthly serves Grow\n  skill Prospecting "local" }`
    },
    {
        rule: 'actuals-off-track',
        fires: `actuals Pipeline {\n  2026-01: 2.1\n  // expect: actuals-off-track\n  2026-06: 2.2\n}`,
        // Global metric: trajectory from baseline 2 at the first actual (2026-01-31) to 3 at 2026-12-31.
        silent: `actuals Pipeline {\n  2026-01: 2.1\n  2026-12-31: 3\n}`
    },
    {
        rule: 'actuals-invalid',
        fires: `actuals Pipeline {\n  2026-02: 2.1\n  // expect: actuals-invalid\n  2026-01: 2.2\n  // expect: actuals-invalid\n  2026-13: 2.3\n}\n// expect: actuals-invalid\nactuals Revenue from "missing.csv"\n// expect: actuals-invalid\nactuals Completions from "data/ok.csv"\n// expect: actuals-invalid\nactuals Pipeline from "data/bad.csv"`,
        // Close miss: a control group without baseline (its first actual is its baseline, language.md's ROI).
        silent: `actuals Pipeline {\n  2026-Q1: 2.1\n  2026-H2: 2.9\n}\nactuals Revenue from "data/ok.csv"\n${valued('Sales')}\noutcome More "More" { measured by Sales }\n`
            + `metric Untrained "Untrained" { kind lagging unit count direction up source "s" owner "o" cadence monthly }\n`
            + `${roiProgram('  cost 1000 USD\n  isolate Sales by control-group Untrained')}\nactuals Untrained { 2026-01: 100\n 2026-06: 104 }`,
        files: { 'data/ok.csv': 'period,value\n2026-01,101\n2026-02,103\n', 'data/bad.csv': 'period,value\n2026-03,1\n2026-02,x\n' }
    },
    {
        rule: 'roi-without-isolation',
        fires: `${valued('Sales')}\noutcome More "More" { measured by Sales }\n${roiProgram('  // expect: roi-without-isolation\n  cost 1000 USD')}`,
        silent: `${valued('Sales')}\noutcome More "More" { measured by Sales }\n${roiProgram('  cost 1000 USD\n  isolate Sales by estimate 50% confidence 80%')}`
    },
    {
        rule: 'isolation-invalid',
        // Close misses: a control group in another unit, a trend with 2 actuals before the start, an estimate of 101%.
        fires: `${valued('Sales')}\n${valued('Deals')}\n${valued('Leads')}\n${valued('Control', 'percent')}\noutcome More "More" { measured by Sales, Deals, Leads }\n`
            + roiProgram('  cost 1000 USD\n  // expect: isolation-invalid\n  isolate Sales by control-group Control\n  // expect: isolation-invalid\n  isolate Deals by trend\n  // expect: isolation-invalid\n  isolate Leads by estimate 101% confidence 80%')
            + `\nactuals Control { 2026-01: 100\n 2026-06: 104 }\nactuals Deals { 2026-02: 101\n 2026-03: 102\n 2026-06: 110 }`,
        silent: `${valued('Sales')}\n${valued('Deals')}\n${valued('Leads')}\n${valued('Control')}\noutcome More "More" { measured by Sales, Deals, Leads }\n`
            + roiProgram('  cost 1000 USD\n  isolate Sales by control-group Control\n  isolate Deals by trend\n  isolate Leads by estimate 100% confidence 80%')
            + `\nactuals Control { 2026-01: 100\n 2026-06: 104 }\nactuals Deals { 2026-01: 100\n 2026-02: 101\n 2026-03: 102\n 2026-06: 110 }`
    },
    {
        rule: 'snapshot-drift',
        // Close miss: the query file changed by one word since the lock recorded it.
        fires: `// expect: snapshot-drift\nactuals Revenue from "data/revenue.csv" { pull sql "queries/revenue.sql" }\n// expect: snapshot-drift, actuals-invalid\nactuals Pipeline from "data/pipeline.csv" { pull sql "queries/revenue.sql" on env "WAREHOUSE_URL" }`,
        silent: `actuals Revenue from "data/revenue.csv" { pull sql "queries/revenue.sql" }`,
        files: { 'data/revenue.csv': SNAPSHOT, 'queries/revenue.sql': QUERY, 'align.lock.json': lockFor(QUERY.replace('sales', 'orders')) },
        silentFiles: { 'align.lock.json': lockFor(QUERY) }
    }
];

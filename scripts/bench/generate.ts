/**
 * Writes realistic Align workspaces for the benchmark.
 *
 * A workspace is a set of "domains" (a business area: churn, sales, safety...).
 * Each domain has a global catalog entry (two lagging KPIs, one leading KPI,
 * an activity metric, an outcome, a shared skill, a manager toolkit that names
 * program behaviors by `Program.Name`, inline or CSV actuals) and about eight
 * programs. A program has a local outcome, a leading KPI that `drives` the
 * domain's leading KPI, a learning metric, 2-5 skills, as many behaviors
 * (`enabled by`, `moves`, `observed by`), a toolkit, 2-6 objectives (`builds`,
 * `kpi`, `practice`) and an actuals block. Programs refer to the previous
 * program of their domain and to a program further back (other domain, often
 * another file) by qualified name.
 *
 * The output is meant to be clean: every rule is satisfied, except for a few
 * defects injected on purpose (counted in `injected`) so that the rules
 * report something.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

export interface GenerateOptions {
    /** Number of elements wanted (declarations and actuals blocks); the result is within a few of it. */
    readonly elements: number;
    /** 1: everything in one file; otherwise catalog files plus program files, `files` in all. */
    readonly files: number;
    /** Folder to write into (created; emptied first). */
    readonly dir: string;
    readonly seed?: number;
}

export interface GeneratedFile {
    readonly path: string;
    readonly text: string;
}

export interface GeneratedWorkspace {
    readonly dir: string;
    /** The `.align` files (CSV files are written too but not listed). */
    readonly files: GeneratedFile[];
    readonly elements: number;
    readonly counts: Record<ElementKind, number>;
    readonly programs: number;
    readonly domains: number;
    readonly bytes: number;
    readonly lines: number;
    /** Diagnostics the generator put in on purpose, by rule id (suppressed ones are not counted). */
    readonly injected: Record<string, number>;
}

export type ElementKind = 'program' | 'outcome' | 'metric' | 'skill' | 'behavior' | 'objective' | 'toolkit' | 'actuals';

interface Topic {
    readonly lag1: string; readonly lag1Title: string;
    readonly lag2: string; readonly lag2Title: string;
    readonly lead: string; readonly leadTitle: string;
    readonly activity: string; readonly activityTitle: string;
    readonly outcome: string; readonly outcomeTitle: string;
    readonly skill: string; readonly skillTitle: string;
    readonly program: string;
    readonly owner: string;
}

const TOPICS: readonly Topic[] = [
    { lag1: 'ChurnRate', lag1Title: 'Monthly logo churn', lag2: 'RenewalRate', lag2Title: 'Gross renewal rate', lead: 'Nps', leadTitle: 'Relationship NPS',
        activity: 'CsCompletion', activityTitle: 'CS course completion', outcome: 'ReduceChurn', outcomeTitle: 'Reduce customer churn by two points',
        skill: 'CustomerEmpathy', skillTitle: 'Customer empathy', program: 'ChurnPilot', owner: 'RevOps' },
    { lag1: 'WinRate', lag1Title: 'Opportunity win rate', lag2: 'DealSize', lag2Title: 'Average deal size growth', lead: 'PipelineHygiene', leadTitle: 'Deals with a close plan',
        activity: 'SalesCompletion', activityTitle: 'Sales academy completion', outcome: 'GrowWinRate', outcomeTitle: 'Increase win rate in H2',
        skill: 'ConsultativeSelling', skillTitle: 'Consultative selling', program: 'DiscoveryBootcamp', owner: 'Sales Ops' },
    { lag1: 'IncidentRate', lag1Title: 'Recordable incident rate', lag2: 'LostTimeRate', lag2Title: 'Lost-time injury rate', lead: 'NearMissReporting', leadTitle: 'Near misses reported per shift',
        activity: 'SafetyAttendance', activityTitle: 'Toolbox-talk attendance', outcome: 'SaferPlants', outcomeTitle: 'Fewer recordable incidents',
        skill: 'HazardAwareness', skillTitle: 'Hazard awareness', program: 'SafetyRefresher', owner: 'EHS Director' },
    { lag1: 'TimeToProductivity', lag1Title: 'Share of new hires productive in 30 days', lag2: 'EarlyAttrition', lag2Title: '90-day attrition', lead: 'ShadowingHours', leadTitle: 'Shadowed tickets resolved',
        activity: 'OnboardingCompletion', activityTitle: 'Onboarding path completion', outcome: 'FasterRampUp', outcomeTitle: 'New hires productive sooner',
        skill: 'ToolFluency', skillTitle: 'Tool fluency', program: 'NewHireAcademy', owner: 'Support Ops' },
    { lag1: 'DefectRate', lag1Title: 'Escaped defect rate', lag2: 'FirstPassYield', lag2Title: 'First-pass yield', lead: 'PeerReviewCoverage', leadTitle: 'Changes peer-reviewed',
        activity: 'QualityCompletion', activityTitle: 'Quality module completion', outcome: 'HigherQuality', outcomeTitle: 'Fewer defects reach customers',
        skill: 'RootCauseAnalysis', skillTitle: 'Root-cause analysis', program: 'QualityCircle', owner: 'Quality Office' },
    { lag1: 'RegretAttrition', lag1Title: 'Regretted attrition', lag2: 'InternalFill', lag2Title: 'Roles filled internally', lead: 'CareerConversations', leadTitle: 'Career conversations held',
        activity: 'LeadershipAttendance', activityTitle: 'Leadership cohort attendance', outcome: 'KeepTalent', outcomeTitle: 'Keep the people we want to keep',
        skill: 'CoachingConversations', skillTitle: 'Coaching conversations', program: 'LeadershipCohort', owner: 'People Analytics' }
];

const LOCAL_SKILLS = [
    'ActiveListening', 'NeedsDiscovery', 'Questioning', 'ObjectionHandling', 'Negotiation', 'Prioritizing', 'Delegation',
    'Feedback', 'ProblemFraming', 'DataLiteracy', 'StakeholderMapping', 'Storytelling', 'Deescalation', 'ProcessMapping'
];
const LOCAL_BEHAVIORS = [
    'Summarizing', 'Probing', 'FollowsUp', 'AgreesNextSteps', 'EscalatesEarly', 'ReviewsWeekly', 'ChecksUnderstanding',
    'SharesLessons', 'PlansTheDay', 'CoachesPeers', 'UsesChecklist', 'LogsOutcomes', 'AsksForFeedback', 'VerifiesBeforeActing'
];
const LOCAL_OBJECTIVES = [
    'RestateNeeds', 'AskOpenQuestions', 'HandleObjections', 'PlanTheCall', 'WriteTheRecap', 'RunTheReview', 'MapStakeholders',
    'SpotTheRisk', 'GiveFeedback', 'ReadTheDashboard', 'ApplyTheChecklist', 'FrameTheProblem', 'DefuseTheCall', 'DrawTheProcess'
];
const PRACTICES = ['roleplay', 'sandbox', 'simulation', 'decision-game', 'case', 'shadowing'] as const;
const OBSERVERS = ['manager', 'supervisor', 'coach', 'peer'] as const;
const CADENCES = ['daily', 'weekly', 'monthly'] as const;
const PHASES = ['discover', 'design', 'deliver', 'measure'] as const;
const PILOTS = ['60 days', '75 days', '90 days', '12 weeks', '8 weeks', '2 months'] as const;
const SPONSORS = ['VP Customer Success', 'Chief Revenue Officer', 'VP Operations', 'COO', 'CHRO', 'VP Engineering'];

/** Elements a domain's catalog declares: 4 metrics, outcome, skill, toolkit, actuals (plus CSV actuals in one domain of four). */
const CATALOG_ELEMENTS = 8;
const PROGRAMS_PER_DOMAIN = 8;

/** Deterministic PRNG (mulberry32). */
function prng(seed: number): () => number {
    let a = seed >>> 0;
    return () => {
        a = (a + 0x6D2B79F5) >>> 0;
        let t = a;
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
}

interface ProgramPlan {
    readonly index: number;
    readonly domain: number;
    readonly name: string;
    readonly skills: string[];
    readonly behaviors: string[];
    readonly objectives: number;
}

interface DomainPlan {
    readonly index: number;
    readonly topic: Topic;
    readonly suffix: string;
    readonly programs: ProgramPlan[];
    readonly csvActuals: boolean;
}

const DAY_MS = 86_400_000;
const BASE_DAY = Date.UTC(2026, 0, 5) / DAY_MS;

function isoDay(day: number): string {
    return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

function pick<T>(items: readonly T[], random: () => number): T {
    return items[Math.floor(random() * items.length)]!;
}

/** Distinct items from a list, starting at a random place. */
function take(items: readonly string[], count: number, random: () => number): string[] {
    const start = Math.floor(random() * items.length);
    return Array.from({ length: count }, (_, i) => items[(start + i * 3) % items.length]!);
}

export function generateWorkspace(options: GenerateOptions): GeneratedWorkspace {
    const random = prng(options.seed ?? 20260105);
    const counts: Record<ElementKind, number> = { program: 0, outcome: 0, metric: 0, skill: 0, behavior: 0, objective: 0, toolkit: 0, actuals: 0 };
    const injected: Record<string, number> = {};
    const inject = (rule: string): void => { injected[rule] = (injected[rule] ?? 0) + 1; };
    const count = (kind: ElementKind, n = 1): void => { counts[kind] += n; };
    const total = (): number => Object.values(counts).reduce((a, b) => a + b, 0);

    // 1. Plan domains and programs until the element budget is spent.
    const domains: DomainPlan[] = [];
    const programs: ProgramPlan[] = [];
    let planned = 0;
    while (planned < options.elements) {
        const left = options.elements - planned;
        let domain = domains.at(-1);
        // A new domain when the last one is full and the budget still holds a catalog and a program or two.
        if (!domain || (domain.programs.length >= PROGRAMS_PER_DOMAIN && left >= CATALOG_ELEMENTS + 30)) {
            const d = domains.length;
            domain = { index: d, topic: TOPICS[d % TOPICS.length]!, suffix: String(d + 1), programs: [], csvActuals: d % 4 === 3 };
            domains.push(domain);
            planned += CATALOG_ELEMENTS + (domain.csvActuals ? 1 : 0);
            continue;
        }
        const skillCount = 2 + Math.floor(random() * 4);
        let objectives = 2 + Math.floor(random() * 5);
        // program, outcome, 2 metrics, toolkit, actuals + skills + behaviors + objectives
        const size = (): number => 6 + 2 * skillCount + objectives;
        if (size() > left) objectives = Math.max(2, objectives - (size() - left));
        const index = programs.length;
        const plan: ProgramPlan = {
            index, domain: domain.index, name: `${domain.topic.program}${index + 1}`,
            skills: take(LOCAL_SKILLS, skillCount, random),
            behaviors: take(LOCAL_BEHAVIORS, skillCount, random),
            objectives
        };
        domain.programs.push(plan);
        programs.push(plan);
        planned += size();
    }

    // 2. Text of each domain's catalog and of each program.
    const catalogTexts: string[] = [];
    const csvFiles: GeneratedFile[] = [];
    for (const domain of domains) {
        catalogTexts.push(catalogText(domain, random, count, csvFiles));
    }
    const programTexts = programs.map(p => programText(p, domains[p.domain]!, programs, random, count, inject));

    // 3. Lay out files.
    fs.rmSync(options.dir, { recursive: true, force: true });
    fs.mkdirSync(options.dir, { recursive: true });
    const files: GeneratedFile[] = [];
    const header = (what: string): string => `// Generated by scripts/bench/generate.ts: ${what}.\n\n`;
    if (options.files <= 1) {
        files.push({ path: path.join(options.dir, 'workspace.align'), text: header('the whole workspace') + catalogTexts.join('\n') + '\n' + programTexts.join('\n') });
    } else {
        const catalogFiles = Math.max(1, Math.min(Math.round(options.files * 0.05), options.files - 1));
        const programFiles = options.files - catalogFiles;
        for (const [i, chunk] of chunks(catalogTexts, catalogFiles).entries()) {
            files.push({ path: path.join(options.dir, 'catalog', `metrics-${pad(i + 1)}.align`), text: header('shared KPI catalog') + chunk.join('\n') });
        }
        for (const [i, chunk] of chunks(programTexts, programFiles).entries()) {
            files.push({ path: path.join(options.dir, 'programs', `programs-${pad(i + 1)}.align`), text: header('programs') + chunk.join('\n') });
        }
    }
    for (const file of [...files, ...csvFiles.map(f => ({ ...f, path: path.join(options.dir, f.path) }))]) {
        fs.mkdirSync(path.dirname(file.path), { recursive: true });
        fs.writeFileSync(file.path, file.text);
    }
    const bytes = files.reduce((n, f) => n + Buffer.byteLength(f.text), 0);
    const lines = files.reduce((n, f) => n + f.text.split('\n').length, 0);
    return { dir: options.dir, files, elements: total(), counts, programs: programs.length, domains: domains.length, bytes, lines, injected };

    function catalogText(domain: DomainPlan, rnd: () => number, add: (k: ElementKind, n?: number) => void, csv: GeneratedFile[]): string {
        const t = domain.topic;
        const s = domain.suffix;
        const down1 = rnd() < 0.5;
        const b1 = down1 ? 12 + Math.floor(rnd() * 6) : 70 + Math.floor(rnd() * 10);
        const t1 = down1 ? b1 - 2 : b1 + 4;
        const b2 = 40 + Math.floor(rnd() * 20);
        const leadBase = 30 + Math.floor(rnd() * 10);
        const lines: string[] = [];
        lines.push(`// ---- ${t.outcomeTitle} (domain ${s}) ----`);
        if (domain.index % 3 === 0) lines.push(`/** ${t.lag1Title}: the headline KPI of domain ${s}, reviewed by the executive team. */`);
        lines.push(
            `metric ${t.lag1}${s} "${t.lag1Title}" {`,
            `  kind lagging`, `  unit percent`, `  direction ${down1 ? 'down' : 'up'}`,
            `  baseline ${b1}%`, `  target ${t1}% by 2026-12-31`,
            `  source "Warehouse: ${t.lag1.toLowerCase()} dashboard"`, `  owner "${t.owner}"`, `  cadence monthly`,
            `  value ${(10 + Math.floor(rnd() * 40)) * 1000} USD per point`,
            `}`, '',
            `metric ${t.lag2}${s} "${t.lag2Title}" {`,
            `  kind lagging`, `  unit percent`, `  direction up`,
            `  baseline ${b2}%`, `  target ${b2 + 3}% by 2026-H2`,
            `  source "Warehouse: ${t.lag2.toLowerCase()} report"`, `  owner "${t.owner}"`, `  cadence quarterly`,
            `}`, '',
            `metric ${t.lead}${s} "${t.leadTitle}" {`,
            `  kind leading`, `  unit score`, `  direction up`,
            `  baseline ${leadBase}`, `  target ${leadBase + 8} by 2026-Q4`,
            `  source "Survey platform: ${t.lead.toLowerCase()}"`, `  owner "${t.owner}"`, `  cadence monthly`,
            `  drives ${t.lag1}${s}`,
            `}`, '',
            `metric ${t.activity}${s} "${t.activityTitle}" {`,
            `  kind activity`, `  unit percent`, `  direction up`,
            `  source "LMS: completions export"`, `  owner "L&D Ops"`, `  cadence weekly`,
            `}`, '',
            `outcome ${t.outcome}${s} "${t.outcomeTitle}" {`,
            `  measured by ${t.lag1}${s}, ${t.lag2}${s}`,
            `  owner "${pick(SPONSORS, rnd)}"`,
            `}`, '',
            `skill ${t.skill}${s} "${t.skillTitle}" {`, `  assessed by "Pre/post ${t.skillTitle.toLowerCase()} check"`, `}`, ''
        );
        // A manager toolkit shared by the domain, naming program behaviors by qualified name.
        const kitFor = domain.programs.slice(0, 3).map(p => `${p.name}.${p.behaviors[0]!}`);
        if (kitFor.length > 0) {
            lines.push(`toolkit ${t.program}ManagerKit${s} "Manager kit for ${t.outcomeTitle.toLowerCase()}" {`,
                `  for ${kitFor.join(', ')}`,
                `  talk-track "Weekly 1:1 coaching questions"`, `  rubric "Observation rubric"`, `  dashboard "Team ${t.lag1Title.toLowerCase()} dashboard"`,
                `}`, '');
        } else {
            lines.push(`toolkit ${t.program}ManagerKit${s} "Manager kit" {`, `  talk-track "Weekly 1:1 coaching questions"`, `}`, '');
        }
        // The lagging KPI's actuals, ending on its target so that it is on track.
        lines.push(`actuals ${t.lag1}${s} {`,
            `  2026-01: ${b1}%`, `  2026-02: ${down1 ? b1 - 1 : b1 + 2}%`, `  2026-03: ${t1}%`, `}`, '');
        add('metric', 4); add('outcome'); add('skill'); add('toolkit'); add('actuals');
        if (domain.csvActuals) {
            // Also read from a CSV file for the leading KPI (the graph reads these files).
            const rel = `data/${t.lead.toLowerCase()}-${s}.csv`;
            csv.push({ path: rel, text: `period,value\n2026-01,${leadBase}\n2026-02,${leadBase + 4}\n2026-03,${leadBase + 8}\n` });
            lines.push(`actuals ${t.lead}${s} from "${options.files <= 1 ? rel : '../' + rel}"`, '');
            add('actuals');
        }
        return lines.join('\n');
    }

    function programText(p: ProgramPlan, domain: DomainPlan, all: ProgramPlan[], rnd: () => number, add: (k: ElementKind, n?: number) => void,
        defect: (rule: string) => void): string {
        const t = domain.topic;
        const s = domain.suffix;
        const n = p.index + 1;
        const start = BASE_DAY + (p.index * 7) % 180;
        const useWindow = p.index % 4 === 1;
        const deadline = isoDay(start + 50);
        const leading = `${t.lead}Local`;
        const quiz = 'PracticeScore';
        const localOutcome = 'TeamResult';
        const prev = domain.programs[domain.programs.indexOf(p) - 1];
        const far = p.index >= 37 ? all[p.index - 37] : undefined;
        const down = rnd() < 0.5;
        const base = down ? 15 + Math.floor(rnd() * 10) : 40 + Math.floor(rnd() * 20);
        const target = down ? base - 4 : base + 12;
        const noSponsor = n % 97 === 0;
        const lines: string[] = [];
        if (p.index % 5 === 0) lines.push(`/** Pilot ${n}: ${t.outcomeTitle.toLowerCase()}, run with team leads. */`);
        lines.push(`program ${p.name} "${t.outcomeTitle} - cohort ${n}" {`);
        if (noSponsor) defect('program-without-sponsor');
        else lines.push(`  sponsor "${pick(SPONSORS, rnd)}"`);
        lines.push(`  owner "L&D ${t.program} team"`);
        if (p.index % 2 === 0) lines.push(`  stakeholders "HR Business Partner", "${t.owner}"`);
        lines.push(`  serves ${t.outcome}${s}, ${localOutcome}`);
        lines.push(useWindow ? `  window ${isoDay(start)} to ${isoDay(start + 150)}` : `  pilot ${pick(PILOTS, rnd)} from ${isoDay(start)}`);
        lines.push(`  review ${pick(['weekly', 'monthly'], rnd)}`, `  phase ${pick(PHASES, rnd)}`);
        if (p.index % 3 !== 2) lines.push(`  cost ${(20 + Math.floor(rnd() * 60)) * 1000} USD`);
        lines.push('');
        lines.push(`  outcome ${localOutcome} "Team-level ${t.leadTitle.toLowerCase()}" {`, `    measured by ${leading}`, `    owner "Team leads"`, `  }`, '');
        lines.push(`  metric ${leading} "${t.leadTitle}, pilot teams" {`,
            `    kind leading`, `    unit percent`, `    direction ${down ? 'down' : 'up'}`,
            `    baseline ${base}%`, `    target ${target}% by ${deadline}`,
            `    source "BI: pilot team view"`, `    owner "${t.owner}"`, `    cadence weekly`,
            `    drives ${t.lead}${s}`,
            ...(p.index % 3 !== 2 ? [`    value ${(1 + Math.floor(rnd() * 9)) * 500} USD per point`] : []),
            `  }`, '');
        lines.push(`  metric ${quiz} "Practice quality score" {`, `    kind learning`, `    unit score`, `    direction up`, `    source "LMS: practice rubric"`, `    cadence weekly`, `  }`, '');
        add('program'); add('outcome'); add('metric', 2);

        for (const skill of p.skills) {
            if (rnd() < 0.6) lines.push(`  skill ${skill} "${words(skill)}" {`, `    assessed by "Pre/post ${words(skill).toLowerCase()} check"`, `  }`);
            else lines.push(`  skill ${skill} "${words(skill)}"`);
        }
        lines.push('');
        add('skill', p.skills.length);

        const unobserved: string[] = [];
        p.behaviors.forEach((behavior, j) => {
            const enabledBy = [p.skills[j]!];
            if (j + 1 < p.skills.length && rnd() < 0.4) enabledBy.push(p.skills[j + 1]!);
            if (j === 0) enabledBy.push(`${t.skill}${s}`);
            if (j === 1 && prev) enabledBy.push(`${prev.name}.${prev.skills[0]!}`);
            const moves = j === 0 ? [leading, `${t.lead}${s}`] : [leading];
            if (n % 151 === 0 && j === 0) {
                moves.push(`${leading}Typo`);
                defect('unresolved-reference');
            }
            if (j === 0 && rnd() < 0.2) lines.push(`  /** The behavior managers coach hardest in weekly 1:1s. */`);
            lines.push(`  behavior ${behavior} "${words(behavior)} on every customer contact" {`,
                `    enabled by ${enabledBy.join(', ')}`, `    moves ${moves.join(', ')}`);
            if (j % 3 !== 2) lines.push(`    observed by ${pick(OBSERVERS, rnd)} ${pick(CADENCES, rnd)} with "Observation rubric"`);
            else unobserved.push(behavior);
            if (rnd() < 0.5) lines.push(`    actor "Tier-1 agents"`);
            lines.push(`  }`);
        });
        lines.push('');
        add('behavior', p.behaviors.length);

        lines.push(`  toolkit TeamLeadKit "Team-lead coaching kit" {`, `    for ${[p.behaviors[0]!, ...unobserved.filter(b => b !== p.behaviors[0])].join(', ')}`,
            `    talk-track "Weekly 1:1 coaching questions"`, `    rubric "Observation rubric"`,
            `    checklist "Before-the-call checklist"`, `    micro-challenge "Three good ones a day"`, `    dashboard "Team dashboard"`, `  }`, '');
        add('toolkit');

        const objectiveNames = take(LOCAL_OBJECTIVES, p.objectives, rnd);
        objectiveNames.forEach((objective, j) => {
            const builds = [p.skills[j % p.skills.length]!];
            if (j === 1 && far) builds.push(`${far.name}.${far.skills[0]!}`);
            const kpis: string[] = [];
            if (j === 0) kpis.push(leading);
            if (j === 1) kpis.push(`${t.activity}${s}`, quiz);
            if (j === 2) kpis.push(`${t.lag1}${s}`);
            if (j === 3 && prev) kpis.push(`${prev.name}.${t.lead}Local`);
            if (j === 3 && prev) builds.push(`${prev.name}.${prev.skills[0]!}`);
            const missingPractice = j === 0 && n % 50 === 0;
            const suppressed = missingPractice && n % 100 === 0;
            if (missingPractice && suppressed) lines.push(`  // align-disable-next-line objective-without-practice`);
            if (missingPractice && !suppressed) defect('objective-without-practice');
            lines.push(`  objective ${objective} "${words(objective)} in a realistic situation" {`, `    builds ${builds.join(', ')}`);
            if (kpis.length > 0) lines.push(`    kpi ${kpis.join(', ')}`);
            if (!missingPractice) lines.push(`    practice ${pick(PRACTICES, rnd)} "${words(objective)} drill"`);
            if (rnd() < 0.5) lines.push(`    assessed by "Pre/post skills check"`);
            lines.push(`  }`);
        });
        lines.push('');
        add('objective', objectiveNames.length);

        // Monthly actuals from the start month, the last on target (on track).
        const first = new Date(start * DAY_MS);
        const rows: string[] = [];
        for (let m = 0; m < 3; m++) {
            const d = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + m, 1));
            const value = m === 2 ? target : base + (target - base) * (m + 1) / 3;
            rows.push(`    ${d.toISOString().slice(0, 7)}: ${Number(value.toFixed(1))}%`);
        }
        lines.push(`  actuals ${leading} {`, ...rows, `  }`);
        add('actuals');
        lines.push(`}`, '');
        return lines.join('\n');
    }
}

function words(name: string): string {
    const spaced = name.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
    return spaced.charAt(0).toUpperCase() + spaced.slice(1);
}

function pad(n: number): string {
    return String(n).padStart(3, '0');
}

/** Splits items into `n` contiguous chunks of near-equal size (no empty chunk when items suffice). */
function chunks<T>(items: readonly T[], n: number): T[][] {
    const result: T[][] = [];
    const size = items.length / n;
    for (let i = 0; i < n; i++) {
        const chunk = items.slice(Math.round(i * size), Math.round((i + 1) * size));
        if (chunk.length > 0) result.push(chunk);
    }
    return result;
}

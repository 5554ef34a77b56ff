import type { Cost, Program } from '../generated/ast.js';
import { isProgram } from '../generated/ast.js';
import { addDuration, parsePeriod } from '../dates.js';
import { formatNumber, plural } from '../present/index.js';
import { nameInProgram } from './name-in-program.js';
import type { LocalRuleContext, RuleContext } from './rule-context.js';
import { attribute } from '../attributes.js';
import { isValidDurationAmount } from '../graph/program-window.js';

/** `program-without-outcome`: counts resolved `serves` only. */
export function checkProgramServes(program: Program, { graph, report }: RuleContext): void {
    const node = graph.nodeOf(program);
    if (node && graph.adjacency.targets(node.id, 'serves').length === 0) {
        report('program-without-outcome', `Program '${program.name}' serves no outcome. Add \`serves Outcome\` naming the business result it exists for.`,
            { node: program, property: 'name' });
    }
}

/** `program-without-leading` and `too-many-kpis`, over the program's chain. */
export function checkProgramKpis(program: Program, { graph, settings, report }: RuleContext): void {
    const node = graph.nodeOf(program);
    const figures = node?.programFigures;
    if (!node || !figures) return;
    if (figures.leadingKpis.length === 0) {
        report('program-without-leading', `Program '${program.name}' has no leading KPI in its chain. Add a leading metric that its behaviors move and that \`drives\` a lagging KPI.`,
            { node: program, property: 'name' });
    }
    const max = settings.maxLaggingKpis;
    if (figures.laggingKpis.length > max) {
        // As the program's text names them: another program's KPI by its qualified name (two `Lag1` are told apart).
        const names = figures.laggingKpis.map(id => nameInProgram(graph, id, node.id)).sort((a, b) => a.localeCompare(b, 'en')).join(', ');
        report('too-many-kpis', `Program '${program.name}' has ${plural(figures.laggingKpis.length, 'lagging KPI')} in its chain (${names}), more than ${formatNumber(max)}. Focus on the few that matter.`,
            { node: program, property: 'name' });
    }
}

/** `program-without-review` and `program-without-sponsor`. */
export function checkProgramGovernance(program: Program, { report }: LocalRuleContext): void {
    if (!attribute(program, 'Review')) {
        report('program-without-review', `Program '${program.name}' has no review cadence. Add \`review monthly\` for a regular review with stakeholders.`,
            { node: program, property: 'name' });
    }
    if (!attribute(program, 'Sponsor')) {
        report('program-without-sponsor', `Program '${program.name}' has no sponsor. Add \`sponsor "Senior leader"\` who co-owns the business result.`,
            { node: program, property: 'name' });
    }
}

/** `pilot-too-long`. */
export function checkPilotLength(program: Program, { settings, report }: LocalRuleContext): void {
    const pilot = attribute(program, 'Pilot');
    const start = pilot?.start ? parsePeriod(pilot.start)?.day : undefined;
    // A duration that is not a whole number greater than 0 is a `syntax` error, not a length.
    if (!pilot?.duration?.unit || !isValidDurationAmount(pilot.duration.amount) || start === undefined) return;
    // One that ends after 9999-12-31 is a `syntax` error too.
    const end = addDuration(start, pilot.duration.amount, pilot.duration.unit);
    const days = end === undefined ? undefined : end - start;
    if (days !== undefined && days > settings.maxPilotDays) {
        report('pilot-too-long', `The pilot of program '${program.name}' runs ${plural(days, 'day')}, longer than ${plural(settings.maxPilotDays, 'day')}. Start with a shorter pilot.`,
            { node: pilot.duration });
    }
}

/**
 * `syntax`: a `cost` of 0 or less (marking the amount). ROI divides by the
 * cost, and a fully loaded cost is more than nothing (Phillips); the report
 * then shows no ROI, and this says where to fix it.
 */
export function checkCostAmount(cost: Cost, { report }: LocalRuleContext): void {
    if (cost.amount === undefined || cost.amount > 0) return;
    const program = isProgram(cost.$container) ? `Program '${cost.$container.name}'` : 'The program';
    const written = `${String(cost.amount)}${cost.currency ? ` ${cost.currency}` : ''}`;
    report('syntax', `${program} has cost ${written}: a cost must be greater than 0 (the fully loaded cost, which ROI is divided by). `
        + 'Write what the program costs (`cost 45000 USD`), or remove `cost`.', { node: cost, property: 'amount' });
}

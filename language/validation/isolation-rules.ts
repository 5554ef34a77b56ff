import type { Isolate, Program } from '../generated/ast.js';
import { attribute } from '../attributes.js';
import { isolationProblems } from '../graph/attribution.js';
import { programWindow, writesWindow } from '../graph/program-window.js';
import { codeSpan } from '../present/index.js';
import type { RuleContext } from './rule-context.js';
import { nameInProgram } from './name-in-program.js';

/** `roi-without-isolation`: on `cost`, naming the KPIs with `value` whose change the program takes whole, as `isolate` would name them there. */
export function checkRoiIsolation(program: Program, { graph, report }: RuleContext): void {
    const node = graph.nodeOf(program);
    const figures = node?.programFigures;
    const cost = attribute(program, 'Cost');
    if (!cost || !node || !figures) return;
    // As the program's own text would name each KPI: by its qualified name when another program declares it.
    const whole = (figures.roi.attribution ?? []).filter(a => a.method === 'none').map(a => nameInProgram(graph, a.metric, node.id));
    if (whole.length === 0) return;
    const list = whole.map(n => `'${n}'`).join(', ');
    report('roi-without-isolation', `Program '${program.name}' counts all of the change of ${list} as its own in its ROI. ${isolateAdvice(whole)}`,
        { node: cost });
}

/**
 * What to add: one `isolate` per KPI, with the methods spelled out on the
 * first and the others named after it (`... and likewise` each `isolate K`).
 */
function isolateAdvice(kpis: readonly string[]): string {
    const methods = `${codeSpan(`isolate ${kpis[0]} by control-group C`)}, \`by trend\` or \`by estimate P% confidence Q%\``;
    if (kpis.length === 1) return `Add ${methods}.`;
    return `Add one \`isolate\` per KPI: ${methods}, and likewise ${kpis.slice(1).map(n => codeSpan(`isolate ${n}`)).join(', ')}.`;
}

/** What to do about an invalid `isolate`: the problems name what to fix. */
export const ISOLATE_FIX = 'Fix what is named, isolate by another method, or remove the `isolate`.';

/** `isolation-invalid`, and `syntax` for a second `isolate` of the same KPI in one program. */
export function checkIsolate(isolate: Isolate, { graph, report }: RuleContext): void {
    const program = isolate.$container;
    const kpi = graph.nodeOf(isolate.metric?.ref);
    if (!kpi) return;
    const first = program.isolations.find(i => graph.nodeOf(i.metric?.ref) === kpi);
    if (first !== isolate) {
        report('syntax', `Program '${program.name}' isolates '${nameInProgram(graph, kpi.id, graph.nodeOf(program)?.id)}' twice. Give one \`isolate\` per KPI.`, { node: isolate });
        return;
    }
    const chain = graph.nodeOf(program)?.programFigures?.chain ?? [];
    const control = isolate.method?.$type === 'ControlGroup' ? graph.nodeOf(isolate.method.control?.ref) : undefined;
    const problems = isolationProblems({ kpi, isolate, control, startDay: programWindow(program)?.start, windowWritten: writesWindow(program), inChain: chain.includes(kpi.id) });
    if (problems.length === 0) return;
    report('isolation-invalid', `${codeSpan(`isolate ${isolate.metric?.$refText || kpi.name}`)} in program '${program.name}' cannot attribute the change: ${problems.join('; ')}. ${ISOLATE_FIX}`,
        { node: isolate });
}

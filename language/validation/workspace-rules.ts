import type { AstNode, ValidationAcceptor } from 'langium';
import { isDeclaration, isProgram, type Actuals, type Declaration, type Isolate, type Model, type Program } from '../generated/ast.js';
import { checkActualsOnTrack, checkActualsValid } from './actuals-rules.js';
import { checkBehaviorMoves, checkBehaviorReinforced, checkSkillEnables } from './behavior-rules.js';
import { runGuarded, type GuardedCheck } from './internal-error.js';
import { checkIsolate, checkRoiIsolation } from './isolation-rules.js';
import { checkDrivesCycle, checkKpiDataDefinition, checkLeadingDrives, checkMetricUsed, checkTargetDirection } from './metric-rules.js';
import { checkKpiLinksExplained, checkObjectiveLinks } from './objective-rules.js';
import { checkOutcomeMeasurable, checkOutcomeMeasuredByKpis } from './outcome-rules.js';
import { checkProgramKpis, checkProgramServes } from './program-rules.js';
import type { RuleContext } from './rule-context.js';
import { checkSnapshotDrift } from './snapshot-rules.js';
import { checkDuplicateName } from './structure-rules.js';

type Checked = Declaration | Program | Actuals | Isolate;

type Entry<N extends AstNode> = GuardedCheck<N, RuleContext>;

const NAME = [checkDuplicateName, 'duplicate-name'] as const;

/** The rules that read the impact graph (or files beside the document), by node type, in the order they report. */
const WORKSPACE_CHECKS: { readonly [T in Checked['$type']]: ReadonlyArray<Entry<Extract<Checked, { $type: T }>>> } = {
    Program: [NAME, [checkProgramServes, 'program-without-outcome'], [checkProgramKpis, 'program-without-leading', 'too-many-kpis'],
        [checkRoiIsolation, 'roi-without-isolation']],
    Isolate: [[checkIsolate, 'isolation-invalid', 'syntax']],
    Outcome: [NAME, [checkOutcomeMeasurable, 'outcome-not-measurable'], [checkOutcomeMeasuredByKpis, 'outcome-measured-by-activity']],
    Metric: [NAME, [checkTargetDirection, 'target-against-direction'], [checkKpiDataDefinition, 'metric-without-source', 'metric-without-owner'],
        [checkLeadingDrives, 'leading-drives-nothing'], [checkMetricUsed, 'metric-unused'], [checkDrivesCycle, 'drives-cycle']],
    Skill: [NAME, [checkSkillEnables, 'skill-enables-nothing']],
    Behavior: [NAME, [checkBehaviorMoves, 'behavior-moves-nothing'], [checkBehaviorReinforced, 'behavior-not-reinforced']],
    Objective: [NAME, [checkObjectiveLinks, 'objective-without-kpi', 'activity-only-link'], [checkKpiLinksExplained, 'unexplained-kpi-link']],
    Toolkit: [NAME],
    Actuals: [[checkActualsValid, 'actuals-invalid'], [checkActualsOnTrack, 'actuals-off-track'], [checkSnapshotDrift, 'snapshot-drift']]
};

/**
 * Runs the workspace rules on every declaration, `isolate` statement and
 * actuals block of one document (top level and program members, in document
 * order). A check that throws reports `internal-error` naming its rules, and
 * the other checks still run.
 */
export function runWorkspaceRules(model: Model, context: RuleContext, accept: ValidationAcceptor): void {
    for (const element of model.elements) {
        runOn(element, context, accept);
        if (element.$type !== 'Program') continue;
        for (const member of element.members) runOn(member, context, accept);
        for (const isolate of element.isolations) runOn(isolate, context, accept);
    }
}

function runOn(node: Checked, context: RuleContext, accept: ValidationAcceptor): void {
    // A declaration still being typed (no name yet, not even the property) has only its syntax error.
    if ((isDeclaration(node) || isProgram(node)) && !node.name) return;
    runGuarded(WORKSPACE_CHECKS[node.$type] as ReadonlyArray<Entry<AstNode>>, node, context, accept);
}

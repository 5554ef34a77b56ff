import type { AstNode, ValidationAcceptor } from 'langium';
import type { Actuals, Declaration, Model, Program } from '../generated/ast.js';
import { checkActualsOnTrack, checkActualsValid } from './actuals-rules.js';
import { checkBehaviorMoves, checkBehaviorReinforced, checkSkillEnables } from './behavior-rules.js';
import { checkDrivesCycle, checkKpiDataDefinition, checkLeadingDrives, checkMetricUsed, checkTargetDirection } from './metric-rules.js';
import { checkKpiLinksExplained, checkObjectiveLinks } from './objective-rules.js';
import { checkOutcomeMeasurable, checkOutcomeMeasuredByKpis } from './outcome-rules.js';
import { checkProgramKpis, checkProgramServes } from './program-rules.js';
import type { RuleCheck, RuleContext } from './rule-context.js';
import { checkDuplicateName } from './structure-rules.js';

type Checked = Declaration | Program | Actuals;

/** The rules that read the impact graph, by node type, in the order they report. */
const WORKSPACE_CHECKS: { readonly [T in Checked['$type']]: ReadonlyArray<RuleCheck<Extract<Checked, { $type: T }>>> } = {
    Program: [checkDuplicateName, checkProgramServes, checkProgramKpis],
    Outcome: [checkDuplicateName, checkOutcomeMeasurable, checkOutcomeMeasuredByKpis],
    Metric: [checkDuplicateName, checkTargetDirection, checkKpiDataDefinition, checkLeadingDrives, checkMetricUsed, checkDrivesCycle],
    Skill: [checkDuplicateName, checkSkillEnables],
    Behavior: [checkDuplicateName, checkBehaviorMoves, checkBehaviorReinforced],
    Objective: [checkDuplicateName, checkObjectiveLinks, checkKpiLinksExplained],
    Toolkit: [checkDuplicateName],
    Actuals: [checkActualsValid, checkActualsOnTrack]
};

/**
 * Runs the workspace rules on every declaration and actuals block of one
 * document (top level and program members, in document order). A check that
 * throws is reported on its node and logged, as Langium does for the checks
 * it runs.
 */
export function runWorkspaceRules(model: Model, context: RuleContext, accept: ValidationAcceptor): void {
    for (const element of model.elements) {
        runOn(element, context, accept);
        if (element.$type === 'Program') for (const member of element.members) runOn(member, context, accept);
    }
}

function runOn(node: Checked, context: RuleContext, accept: ValidationAcceptor): void {
    // A declaration still being typed (no name yet) has only its syntax error.
    if ('name' in node && !node.name) return;
    for (const check of WORKSPACE_CHECKS[node.$type] as ReadonlyArray<RuleCheck<AstNode>>) {
        try {
            check(node, context);
        } catch (error) {
            console.error('An error occurred during validation:', error);
            accept('error', `An error occurred during validation: ${error instanceof Error ? error.message : String(error)}`, { node });
        }
    }
}

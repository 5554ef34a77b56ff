import type { AstNode, ValidationAcceptor, ValidationChecks } from 'langium';
import type { AlignServices } from '../align-module.js';
import { isDeclaration, isProgram, type AlignAstType } from '../generated/ast.js';
import { checkActualsOnTrack, checkActualsValid } from './actuals-rules.js';
import { checkBehaviorMoves, checkBehaviorReinforced, checkSkillEnables } from './behavior-rules.js';
import {
    checkDeadlineInWindow, checkDrivesCycle, checkKpiDataDefinition, checkLeadingDrives, checkMetricUsed, checkTargetDirection
} from './metric-rules.js';
import { checkKpiLinksExplained, checkObjectiveLinks, checkObjectivePractice } from './objective-rules.js';
import { checkOutcomeMeasurable, checkOutcomeMeasuredByKpis } from './outcome-rules.js';
import { checkPilotLength, checkProgramGovernance, checkProgramKpis, checkProgramServes } from './program-rules.js';
import { reportInternalError } from './internal-error.js';
import { ruleContext, type RuleCheck, type RuleContext } from './rule-context.js';
import { checkDuplicateAttributes, checkDuplicateName, checkLiterals } from './structure-rules.js';

/** A check and the rule ids it reports: an `internal-error` names them when the check throws. */
type Entry<N extends AstNode> = readonly [RuleCheck<N>, ...string[]];

/**
 * Registers every rule. The graph of the workspace is made ready before each
 * document is validated; each check then reads it synchronously. A check
 * that throws reports `internal-error` naming its rules, and the other
 * checks still run.
 */
export function registerValidationChecks(services: AlignServices): void {
    const registry = services.validation.ValidationRegistry;
    const graphs = services.align.Graph;
    const settings = services.align.Settings;
    registry.registerBeforeDocument(async () => { await graphs.getIndex(); });
    const run = <N extends AstNode>(...entries: Array<Entry<N>>) => (node: N, accept: ValidationAcceptor): void => {
        const graph = graphs.current;
        // A declaration still being typed (no name yet, not even the property) has only its syntax error.
        if (!graph || ((isDeclaration(node) || isProgram(node)) && !node.name)) return;
        const context: RuleContext = ruleContext(graph, settings, accept);
        for (const [check, ...rules] of entries) {
            try {
                check(node, context);
            } catch (error) {
                reportInternalError(rules, node, error, accept);
            }
        }
    };
    const declaration = [[checkDuplicateName, 'duplicate-name'], [checkDuplicateAttributes, 'syntax']] as const;
    const literals = [checkLiterals, 'syntax'] as const;
    const checks: ValidationChecks<AlignAstType> = {
        Program: run(...declaration, [checkProgramServes, 'program-without-outcome'], [checkProgramKpis, 'program-without-leading', 'too-many-kpis'],
            [checkProgramGovernance, 'program-without-review', 'program-without-sponsor'], [checkPilotLength, 'pilot-too-long']),
        Outcome: run(...declaration, [checkOutcomeMeasurable, 'outcome-not-measurable'], [checkOutcomeMeasuredByKpis, 'outcome-measured-by-activity']),
        Metric: run(...declaration, [checkTargetDirection, 'target-against-direction'], [checkKpiDataDefinition, 'metric-without-source', 'metric-without-owner'],
            [checkLeadingDrives, 'leading-drives-nothing'], [checkMetricUsed, 'metric-unused'], [checkDeadlineInWindow, 'deadline-outside-window'],
            [checkDrivesCycle, 'drives-cycle']),
        Skill: run(...declaration, [checkSkillEnables, 'skill-enables-nothing']),
        Behavior: run(...declaration, [checkBehaviorMoves, 'behavior-moves-nothing'], [checkBehaviorReinforced, 'behavior-not-reinforced']),
        Objective: run(...declaration, [checkObjectiveLinks, 'objective-without-kpi', 'activity-only-link'],
            [checkKpiLinksExplained, 'unexplained-kpi-link'], [checkObjectivePractice, 'objective-without-practice']),
        Toolkit: run(...declaration),
        Actuals: run([checkActualsValid, 'actuals-invalid'], [checkActualsOnTrack, 'actuals-off-track']),
        Target: run(literals),
        Pilot: run(literals),
        Window: run(literals),
        Duration: run(literals),
        ActualRow: run(literals)
    };
    registry.register(checks);
}

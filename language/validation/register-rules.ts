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
import { ruleContext, type RuleCheck, type RuleContext } from './rule-context.js';
import { checkDuplicateAttributes, checkDuplicateName, checkLiterals } from './structure-rules.js';

/**
 * Registers every rule. The graph of the workspace is made ready before each
 * document is validated; each check then reads it synchronously.
 */
export function registerValidationChecks(services: AlignServices): void {
    const registry = services.validation.ValidationRegistry;
    const graphs = services.align.Graph;
    const settings = services.align.Settings;
    registry.registerBeforeDocument(async () => { await graphs.getIndex(); });
    const run = <N extends AstNode>(...checks: Array<RuleCheck<N>>) => (node: N, accept: ValidationAcceptor): void => {
        const graph = graphs.current;
        // A declaration still being typed (no name yet) has only its syntax error.
        if (!graph || isNameless(node)) return;
        const context: RuleContext = ruleContext(graph, settings, accept);
        for (const check of checks) check(node, context);
    };
    const declaration = [checkDuplicateName, checkDuplicateAttributes] as const;
    const checks: ValidationChecks<AlignAstType> = {
        Program: run(...declaration, checkProgramServes, checkProgramKpis, checkProgramGovernance, checkPilotLength),
        Outcome: run(...declaration, checkOutcomeMeasurable, checkOutcomeMeasuredByKpis),
        Metric: run(...declaration, checkTargetDirection, checkKpiDataDefinition, checkLeadingDrives, checkMetricUsed, checkDeadlineInWindow, checkDrivesCycle),
        Skill: run(...declaration, checkSkillEnables),
        Behavior: run(...declaration, checkBehaviorMoves, checkBehaviorReinforced),
        Objective: run(...declaration, checkObjectiveLinks, checkKpiLinksExplained, checkObjectivePractice),
        Toolkit: run(...declaration),
        Actuals: run(checkActualsValid, checkActualsOnTrack),
        Target: run(checkLiterals),
        Pilot: run(checkLiterals),
        Window: run(checkLiterals),
        Duration: run(checkLiterals),
        ActualRow: run(checkLiterals)
    };
    registry.register(checks);
}

/** A program or declaration whose name is not written yet (a parse with recovery leaves `name` unset). */
function isNameless(node: AstNode): boolean {
    return (isProgram(node) || isDeclaration(node)) && !node.name;
}

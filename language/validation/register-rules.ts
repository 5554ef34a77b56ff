import type { AstNode, ValidationAcceptor, ValidationChecks } from 'langium';
import type { AlignServices } from '../align-module.js';
import type { AlignAstType } from '../generated/ast.js';
import { checkActualsOnTrack, checkActualsValid } from './actuals-rules.js';
import { checkBehaviorMoves, checkBehaviorReinforced, checkSkillEnables } from './behavior-rules.js';
import {
    checkDeadlineInWindow, checkDrivesCycle, checkKpiDataDefinition, checkLeadingDrives, checkMetricUsed, checkTargetDirection
} from './metric-rules.js';
import { checkKpiLinksExplained, checkObjectiveLinks, checkObjectivePractice } from './objective-rules.js';
import { checkOutcomeMeasurable, checkOutcomeMeasuredByKpis } from './outcome-rules.js';
import { checkPilotLength, checkProgramGovernance, checkProgramKpis, checkProgramServes } from './program-rules.js';
import { checkIsolate, checkRoiIsolation } from './isolation-rules.js';
import { checkSnapshotDrift, checkXapiOptions } from './snapshot-rules.js';
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
    const snapshots = services.align.Snapshots;
    registry.registerBeforeDocument(async () => { await graphs.getIndex(); await snapshots.getStatuses(); });
    const run = <N extends AstNode>(...checks: Array<RuleCheck<N>>) => (node: N, accept: ValidationAcceptor): void => {
        const graph = graphs.current;
        // A declaration still being typed (no name yet) has only its syntax error.
        if (!graph || ('name' in node && !node.name)) return;
        const context: RuleContext = ruleContext(graph, settings, accept, snapshots.current);
        for (const check of checks) check(node, context);
    };
    const declaration = [checkDuplicateName, checkDuplicateAttributes] as const;
    const checks: ValidationChecks<AlignAstType> = {
        Program: run(...declaration, checkProgramServes, checkProgramKpis, checkProgramGovernance, checkPilotLength, checkRoiIsolation),
        Isolate: run(checkIsolate),
        Outcome: run(...declaration, checkOutcomeMeasurable, checkOutcomeMeasuredByKpis),
        Metric: run(...declaration, checkTargetDirection, checkKpiDataDefinition, checkLeadingDrives, checkMetricUsed, checkDeadlineInWindow, checkDrivesCycle),
        Skill: run(...declaration, checkSkillEnables),
        Behavior: run(...declaration, checkBehaviorMoves, checkBehaviorReinforced),
        Objective: run(...declaration, checkObjectiveLinks, checkKpiLinksExplained, checkObjectivePractice),
        Toolkit: run(...declaration),
        Actuals: run(checkActualsValid, checkActualsOnTrack, checkSnapshotDrift),
        PullXapi: run(checkXapiOptions),
        Target: run(checkLiterals),
        Pilot: run(checkLiterals),
        Window: run(checkLiterals),
        Duration: run(checkLiterals),
        ActualRow: run(checkLiterals)
    };
    registry.register(checks);
}

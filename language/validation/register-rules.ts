import type { AstNode, ValidationAcceptor, ValidationChecks } from 'langium';
import type { AlignServices } from '../align-module.js';
import type { AlignAstType } from '../generated/ast.js';
import { checkDeadlineInWindow } from './metric-rules.js';
import { checkObjectivePractice } from './objective-rules.js';
import { checkPilotLength, checkProgramGovernance } from './program-rules.js';
import { localRuleContext, type LocalRuleCheck } from './rule-context.js';
import { checkDuplicateAttributes, checkLiterals } from './structure-rules.js';

/**
 * Registers the rules that read only the declaration's own document: they
 * run in Langium's validation, of the documents that changed. The rules that
 * read the workspace (the impact graph) are in `workspace-rules.ts`; they run
 * over the whole graph after each change, and findings that change are
 * published for every document they concern.
 */
export function registerValidationChecks(services: AlignServices): void {
    const registry = services.validation.ValidationRegistry;
    const settings = services.align.Settings;
    const run = <N extends AstNode>(...checks: Array<LocalRuleCheck<N>>) => (node: N, accept: ValidationAcceptor): void => {
        // A declaration still being typed (no name yet) has only its syntax error.
        if ('name' in node && !node.name) return;
        const context = localRuleContext(settings, accept);
        for (const check of checks) check(node, context);
    };
    const checks: ValidationChecks<AlignAstType> = {
        Program: run(checkDuplicateAttributes, checkProgramGovernance, checkPilotLength),
        Outcome: run(checkDuplicateAttributes),
        Metric: run(checkDuplicateAttributes, checkDeadlineInWindow),
        Skill: run(checkDuplicateAttributes),
        Behavior: run(checkDuplicateAttributes),
        Objective: run(checkDuplicateAttributes, checkObjectivePractice),
        Toolkit: run(checkDuplicateAttributes),
        Target: run(checkLiterals),
        Pilot: run(checkLiterals),
        Window: run(checkLiterals),
        Duration: run(checkLiterals),
        ActualRow: run(checkLiterals)
    };
    registry.register(checks);
}

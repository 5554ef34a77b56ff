import type { AstNode, ValidationAcceptor, ValidationChecks } from 'langium';
import type { AlignServices } from '../align-module.js';
import { isDeclaration, isProgram, type AlignAstType } from '../generated/ast.js';
import { runGuarded, type GuardedCheck } from './internal-error.js';
import { checkDeadlineInWindow, checkPercentAmounts, checkValueAmount } from './metric-rules.js';
import { checkObjectivePractice } from './objective-rules.js';
import { checkCostAmount, checkPilotLength, checkProgramGovernance } from './program-rules.js';
import { localRuleContext, type LocalRuleContext } from './rule-context.js';
import { checkXapiOptions } from './snapshot-rules.js';
import { checkDuplicateAttributes, checkLiterals, checkOneWindow } from './structure-rules.js';
import { checkRepeatedReferences } from './repeated-references.js';

type Entry<N extends AstNode> = GuardedCheck<N, LocalRuleContext>;

/**
 * Registers the rules that read only the declaration's own document: they
 * run in Langium's validation, of the documents that changed. The rules that
 * read the workspace (the impact graph) are in `workspace-rules.ts`; they run
 * over the graph after each change, and findings that change are published
 * for every document they concern. A check that throws reports
 * `internal-error` naming its rules, and the other checks still run.
 */
export function registerValidationChecks(services: AlignServices): void {
    const registry = services.validation.ValidationRegistry;
    const settings = services.align.Settings;
    // One context per acceptor (Langium makes one per document validated), not one per node.
    let contextOf: { accept: ValidationAcceptor; context: LocalRuleContext } | undefined;
    const run = <N extends AstNode>(...entries: Array<Entry<N>>) => (node: N, accept: ValidationAcceptor): void => {
        // A declaration still being typed (no name yet, not even the property) has only its syntax error.
        if ((isDeclaration(node) || isProgram(node)) && !node.name) return;
        if (contextOf?.accept !== accept) contextOf = { accept, context: localRuleContext(settings, accept) };
        runGuarded(entries, node, contextOf.context, accept);
    };
    const attributes = [checkDuplicateAttributes, 'syntax'] as const;
    const repeats = [checkRepeatedReferences, 'syntax'] as const;
    const literals = [checkLiterals, 'syntax'] as const;
    const checks: ValidationChecks<AlignAstType> = {
        Program: run(attributes, repeats, [checkOneWindow, 'syntax'], [checkProgramGovernance, 'program-without-review', 'program-without-sponsor'], [checkPilotLength, 'pilot-too-long']),
        Outcome: run(attributes, repeats),
        Metric: run(attributes, repeats, [checkDeadlineInWindow, 'deadline-outside-window'], [checkPercentAmounts, 'syntax']),
        Skill: run(attributes),
        Behavior: run(attributes, repeats),
        Objective: run(attributes, repeats, [checkObjectivePractice, 'objective-without-practice']),
        Toolkit: run(attributes, repeats),
        PullXapi: run([checkXapiOptions, 'syntax']),
        Target: run(literals),
        Pilot: run(literals),
        Window: run(literals),
        Duration: run(literals),
        Cost: run([checkCostAmount, 'syntax']),
        MoneyValue: run([checkValueAmount, 'syntax'])
    };
    registry.register(checks);
}

import type { AstNode, ValidationAcceptor } from 'langium';
import type { DiagnosticInfo } from 'langium';
import type { AlignSettingsService } from '../config/align-settings.js';
import type { GraphIndex } from '../graph/build-graph.js';
import { isConfigurableRule } from '../rules.js';

/** What a rule check gets: the graph, the settings, and `report` that applies the rule's configured severity. */
export interface RuleContext {
    readonly graph: GraphIndex;
    readonly settings: AlignSettingsService;
    report(ruleId: string, message: string, info: DiagnosticInfo<AstNode, string>): void;
}

/** A check of one rule family on one kind of node. */
export type RuleCheck<N extends AstNode> = (node: N, context: RuleContext) => void;

/** Wraps `accept` so that each finding carries its rule id as code and the severity the settings give it (built-in ids: always `error`). */
export function ruleContext(graph: GraphIndex, settings: AlignSettingsService, accept: ValidationAcceptor): RuleContext {
    return {
        graph, settings,
        report(ruleId, message, info) {
            const severity = isConfigurableRule(ruleId) ? settings.severity(ruleId) : 'error';
            if (severity === 'off') return;
            accept(severity, message, { ...info, code: ruleId, data: { code: ruleId } });
        }
    };
}

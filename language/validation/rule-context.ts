import type { AstNode, ValidationAcceptor } from 'langium';
import type { DiagnosticInfo } from 'langium';
import type { AlignSettingsService } from '../config/align-settings.js';
import type { GraphIndex } from '../graph/build-graph.js';
import type { Actuals } from '../generated/ast.js';
import type { SnapshotStatus } from '../pull/snapshot-service.js';
import { isConfigurableRule, type RuleId } from '../rules.js';

/** What a rule that looks at one declaration's own text gets: the settings, and `report` that applies the rule's configured severity. */
export interface LocalRuleContext {
    readonly settings: AlignSettingsService;
    report(ruleId: RuleId, message: string, info: DiagnosticInfo<AstNode, string>): void;
}

/** What a rule that reads the workspace gets: the impact graph, and the snapshots' standing, as well. */
export interface RuleContext extends LocalRuleContext {
    readonly graph: GraphIndex;
    /** How each pulled actuals block stands against `align.lock.json`. */
    readonly snapshots: ReadonlyMap<Actuals, SnapshotStatus>;
}

/** Wraps `accept` so that each finding carries its rule id as code and the severity the settings give it (built-in ids: always `error`). */
export function localRuleContext(settings: AlignSettingsService, accept: ValidationAcceptor): LocalRuleContext {
    return {
        settings,
        report(ruleId, message, info) {
            const severity = isConfigurableRule(ruleId) ? settings.severity(ruleId) : 'error';
            if (severity === 'off') return;
            accept(severity, message, { ...info, code: ruleId, data: { ...(info.data as object | undefined), code: ruleId } });
        }
    };
}

/** The same, with the graph and the snapshots' standing for rules that read the workspace. */
export function ruleContext(graph: GraphIndex, settings: AlignSettingsService, accept: ValidationAcceptor,
    snapshots: ReadonlyMap<Actuals, SnapshotStatus> = new Map()): RuleContext {
    return { ...localRuleContext(settings, accept), graph, snapshots };
}

import type { Objective } from '../generated/ast.js';
import type { LocalRuleContext, RuleContext } from './rule-context.js';
import { attribute } from '../attributes.js';
import { metricsWithoutKind } from '../present/index.js';
import { nameInProgram } from './name-in-program.js';
import { firstOfEachTarget } from './repeated-references.js';

/** `objective-without-kpi` and `activity-only-link`. */
export function checkObjectiveLinks(objective: Objective, { graph, report }: RuleContext): void {
    const self = graph.nodeOf(objective);
    if (!self?.objective) return;
    const links = self.objective;
    if (links.metrics.length === 0) {
        report('objective-without-kpi', `Objective '${objective.name}' reaches no metric. Link it to a KPI: add \`kpi Metric\`, or build a skill that enables a behavior that moves a KPI.`,
            { node: objective, property: 'name' });
    } else if (links.kpis.length === 0 && metricsWithoutKind(links.metrics, id => graph.node(id)?.metric?.kind).length === 0) {
        // Every metric reached is `activity` or `learning` (language.md): one without a `kind` is neither.
        const names = links.metrics.map(id => nameInProgram(graph, id, self.program)).join(', ');
        report('activity-only-link', `Objective '${objective.name}' reaches only activity or learning metrics (${names}), which are not evidence of business impact. Link it to a leading or lagging KPI.`,
            { node: objective, property: 'name' });
    }
}

/** `unexplained-kpi-link`: a direct `kpi` to a KPI that no skill -> behavior -> moves chain explains. */
export function checkKpiLinksExplained(objective: Objective, { graph, report }: RuleContext): void {
    const self = graph.nodeOf(objective);
    if (!self) return;
    for (const { index, target } of firstOfEachTarget(objective.kpis, graph)) {
        if (!target.metric?.isKpi) continue;
        const edge = graph.adjacency.outgoing(self.id).find(e => e.kind === 'kpi' && e.to === target.id);
        if (edge?.explained) continue;
        const kpi = nameInProgram(graph, target.id, self.program);
        report('unexplained-kpi-link', `The link from objective '${objective.name}' to KPI '${kpi}' is asserted, not explained: no skill it builds enables a behavior that moves '${kpi}'. Build such a skill, or add the behavior.`,
            { node: objective, property: 'kpis', index });
    }
}

/** `objective-without-practice`. */
export function checkObjectivePractice(objective: Objective, { report }: LocalRuleContext): void {
    if (!attribute(objective, 'Practice')) {
        report('objective-without-practice', `Objective '${objective.name}' has no practice. Add \`practice roleplay "..."\` (or sandbox, simulation, decision-game, case, shadowing) that simulates real work.`,
            { node: objective, property: 'name' });
    }
}

import type { Behavior, Skill } from '../generated/ast.js';
import type { RuleContext } from './rule-context.js';
import { attribute } from '../attributes.js';
import { codeSpan } from '../present/index.js';

/** `behavior-moves-nothing`: counts resolved `moves` only. */
export function checkBehaviorMoves(behavior: Behavior, { graph, report }: RuleContext): void {
    const node = graph.nodeOf(behavior);
    if (node && graph.adjacency.targets(node.id, 'moves').length === 0) {
        report('behavior-moves-nothing', `Behavior '${behavior.name}' moves no metric. Add \`moves Metric\` naming the KPI it changes.`,
            { node: behavior, property: 'name' });
    }
}

/** `behavior-not-reinforced`: no `observed by` and no toolkit `for` it. */
export function checkBehaviorReinforced(behavior: Behavior, { graph, report }: RuleContext): void {
    const node = graph.nodeOf(behavior);
    if (node && !attribute(behavior, 'ObservedBy') && graph.adjacency.sources(node.id, 'reinforces').length === 0) {
        report('behavior-not-reinforced', `Behavior '${behavior.name}' is not reinforced on the job. Add \`observed by manager weekly with "rubric"\`, or a toolkit ${codeSpan(`for ${behavior.name}`)}.`,
            { node: behavior, property: 'name' });
    }
}

/** `skill-enables-nothing`. */
export function checkSkillEnables(skill: Skill, { graph, report }: RuleContext): void {
    const node = graph.nodeOf(skill);
    if (node && graph.adjacency.targets(node.id, 'enables').length === 0) {
        report('skill-enables-nothing', `Skill '${skill.name}' enables no behavior. Add it to a behavior's \`enabled by\`, or remove it.`,
            { node: skill, property: 'name' });
    }
}

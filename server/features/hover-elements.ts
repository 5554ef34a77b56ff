import type { GraphIndex } from '../../language/graph/build-graph.js';
import type { GraphNode, MetricFigures } from '../../language/graph/types.js';
import type { Behavior, Metric, Outcome, Skill, Toolkit } from '../../language/generated/ast.js';
import { formatAmount, formatMoney, plural, progressText } from '../../language/present/index.js';
import { hoverText } from './shown-text.js';
import { bullets, figuresLine, metricKindText, names, objectivesWhere, paragraphs, relation } from './hover-format.js';
import { attribute } from '../../language/attributes.js';

/**
 * Hover body of a metric: figures (baseline → latest → target, deadline,
 * on track, progress), definition (kind, unit, direction, source, owner,
 * cadence, value) and its place in the chain.
 */
export function metricHover(index: GraphIndex, node: GraphNode, ast: Metric): string {
    const m = node.metric!;
    const id = node.id;
    const reachedBy = objectivesWhere(index, links => links.metrics.includes(id));
    return paragraphs([
        figuresLine(m),
        progressLine(m),
        [metricKindText(m), m.unit ? `unit ${m.unit}` : 'no unit', directionText(m)].join(' · '),
        attributes([['Source', attribute(ast, 'Source')?.value], ['Owner', attribute(ast, 'Owner')?.value], ['Cadence', attribute(ast, 'MetricCadence')?.value]]),
        m.value ? `Value: ${formatMoney(m.value.amount, m.value.currency)} per ${m.value.per}` : undefined,
        bullets([
            ...relation(index, 'Moved by', index.adjacency.sources(id, 'moves')),
            ...relation(index, 'Driven by', index.adjacency.sources(id, 'drives')),
            ...relation(index, 'Drives', index.adjacency.targets(id, 'drives')),
            ...relation(index, 'Measures', index.adjacency.targets(id, 'measures')),
            ...relation(index, `Reached by ${plural(reachedBy.length, 'objective')}`, reachedBy)
        ])
    ]);
}

/** Hover body of an outcome: each measuring KPI with its figures and status, programs, objectives. */
export function outcomeHover(index: GraphIndex, node: GraphNode, ast: Outcome): string {
    const measuring = index.adjacency.sources(node.id, 'measures');
    const kpiLines = measuring.map(id => {
        const metric = index.node(id);
        const m = metric?.metric;
        return m ? `${metric.name} (${m.kind ?? 'no kind'}): ${figuresLine(m)}` : id;
    });
    const reachedBy = objectivesWhere(index, links => links.outcomes.includes(node.id));
    return paragraphs([
        measuring.length > 0 ? `Measured by:\n${bullets(kpiLines)}` : 'Not measured: add `measured by` with a KPI',
        bullets([
            ...relation(index, 'Served by', index.adjacency.sources(node.id, 'serves')),
            ...relation(index, `Reached by ${plural(reachedBy.length, 'objective')}`, reachedBy)
        ]),
        attributes([['Owner', attribute(ast, 'Owner')?.value]])
    ]);
}

/** Hover body of a skill: the behaviors it enables and the objectives that build it. */
export function skillHover(index: GraphIndex, node: GraphNode, ast: Skill): string {
    const enables = index.adjacency.targets(node.id, 'enables');
    const builtBy = index.adjacency.sources(node.id, 'builds');
    return paragraphs([
        enables.length > 0 ? `Enables: ${names(index, enables)}` : 'Enables no behavior',
        builtBy.length > 0 ? `Built by ${plural(builtBy.length, 'objective')}: ${names(index, builtBy)}` : 'Built by no objective',
        attributes([['Assessed by', attribute(ast, 'AssessedBy')?.value]])
    ]);
}

/** Hover body of a behavior: enabling skills, moved metrics, objectives that reach it, reinforcement. */
export function behaviorHover(index: GraphIndex, node: GraphNode, ast: Behavior): string {
    const moves = index.adjacency.targets(node.id, 'moves');
    const reachedBy = objectivesWhere(index, links => links.behaviors.includes(node.id));
    const by = attribute(ast, 'ObservedBy');
    const observed = by
        ? `Observed by ${by.observer}${by.cadence ? ` ${by.cadence}` : ''}${by.instrument ? ` with "${hoverText(by.instrument)}"` : ''}`
        : undefined;
    return paragraphs([
        moves.length > 0 ? `Moves: ${names(index, moves)}` : 'Moves no metric',
        bullets([
            ...relation(index, 'Enabled by', index.adjacency.sources(node.id, 'enables')),
            ...relation(index, `Reached by ${plural(reachedBy.length, 'objective')}`, reachedBy),
            ...relation(index, 'Reinforced by', index.adjacency.sources(node.id, 'reinforces')),
            ...(observed ? [observed] : [])
        ]),
        attributes([['Actor', attribute(ast, 'Actor')?.value]])
    ]);
}

/** Hover body of a toolkit: the behaviors it covers and what managers get. */
export function toolkitHover(index: GraphIndex, node: GraphNode, ast: Toolkit): string {
    const covers = index.adjacency.targets(node.id, 'reinforces');
    return paragraphs([
        covers.length > 0 ? `For: ${names(index, covers)}` : 'Covers no behavior',
        bullets([
            ['Talk track', attribute(ast, 'TalkTrack')?.value], ['Rubric', attribute(ast, 'Rubric')?.value],
            ['Checklist', attribute(ast, 'Checklist')?.value], ['Micro-challenge', attribute(ast, 'MicroChallenge')?.value],
            ['Dashboard', attribute(ast, 'Dashboard')?.value]
        ].filter(([, v]) => v !== undefined).map(([k, v]) => `${k}: ${hoverText(v!)}`))
    ]);
}

function progressLine(m: MetricFigures): string | undefined {
    if (m.progress === undefined || !m.latest) return undefined;
    const expected = m.expected !== undefined && m.onTrack !== false ? `; trajectory expects ${formatAmount(m.expected, m.unit)} at ${m.latest.period}` : '';
    return `Progress: ${progressText(m.progress)} from baseline to target${expected}`;
}

function directionText(m: MetricFigures): string {
    if (m.direction === 'up') return 'direction up (higher is better)';
    if (m.direction === 'down') return 'direction down (lower is better)';
    return 'no direction';
}

/** `Source: … · Owner: … · Cadence: …` for the attributes that are present. */
export function attributes(pairs: ReadonlyArray<readonly [string, string | undefined]>): string | undefined {
    const present = pairs.filter(([, v]) => v !== undefined && v !== '').map(([k, v]) => `${k}: ${hoverText(v!)}`);
    return present.length > 0 ? present.join(' · ') : undefined;
}

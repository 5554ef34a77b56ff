/**
 * The fields of one element that differ between two graphs: kind, title,
 * documentation, each attribute as written, and a metric's latest actual.
 * Computed figures (progress, on track, ROI) follow from these and are
 * compared where they matter (coverage, ROI), not per element.
 */
import type { GraphNode } from '../graph/types.js';
import type { FieldChange, NodeRef } from './types.js';

/** An element with its attributes as written (language/graph/node-attributes.ts). */
export interface Described {
    node: GraphNode;
    attributes?: Readonly<Record<string, string>>;
}

/** The differing fields of an element, in a fixed order: kind, title, doc, attributes A-Z, latest actual. */
export function fieldChanges({ node: before, attributes: was }: Described, { node: after, attributes: is }: Described): FieldChange[] {
    const changes: FieldChange[] = [];
    const compare = (field: string, a: string | undefined, b: string | undefined) => {
        if (a !== b) changes.push(withoutUndefined({ field, before: a, after: b }));
    };
    compare('kind', before.kind, after.kind);
    compare('title', before.title, after.title);
    compare('doc', before.doc, after.doc);
    const keys = [...new Set([...Object.keys(was ?? {}), ...Object.keys(is ?? {})])].sort();
    for (const key of keys) compare(key, was?.[key], is?.[key]);
    compare('latest actual', latestActual(before), latestActual(after));
    return changes;
}

function latestActual(node: GraphNode): string | undefined {
    const latest = node.metric?.latest;
    if (!latest) return undefined;
    const unit = node.metric?.unit === 'percent' ? '%' : '';
    return `${latest.period}: ${latest.value}${unit}`;
}

/** How the diff names an element; `fileOf` names its file. */
export function nodeRef(node: GraphNode, fileOf?: (uri: string) => string): NodeRef {
    return withoutUndefined({
        id: node.id, kind: node.kind, name: node.name, title: node.title,
        file: fileOf?.(node.uri), line: fileOf ? node.nameRange.start.line + 1 : undefined
    });
}

/** A copy without the keys whose value is undefined, so that JSON output and deep equality agree. */
export function withoutUndefined<T extends object>(value: T): T {
    return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

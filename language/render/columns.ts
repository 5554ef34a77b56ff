import type { GraphNode } from '../graph/types.js';

/**
 * The columns of the impact-chain layout, left to right. Activity and
 * learning metrics get their own column beside the leading metrics: they
 * are not KPIs, and hiding them then removes one whole column.
 * Programs and toolkits are not columns: a program is a focus (toolbar),
 * a toolkit shows as a badge on the behaviors it reinforces.
 */
export type ColumnId = 'objective' | 'skill' | 'behavior' | 'activity' | 'leading' | 'lagging' | 'outcome';

export interface ColumnSpec {
    readonly id: ColumnId;
    /** Header above the column. */
    readonly label: string;
}

export const COLUMNS: readonly ColumnSpec[] = [
    { id: 'objective', label: 'Objectives' },
    { id: 'skill', label: 'Skills' },
    { id: 'behavior', label: 'Behaviors' },
    { id: 'activity', label: 'Activity & learning' },
    { id: 'leading', label: 'Leading metrics' },
    { id: 'lagging', label: 'Lagging metrics' },
    { id: 'outcome', label: 'Outcomes' }
];

export const COLUMN_INDEX: Readonly<Record<ColumnId, number>> = Object.fromEntries(COLUMNS.map((c, i) => [c.id, i])) as Record<ColumnId, number>;

/** The column of a node, or undefined for nodes that are not drawn (programs, toolkits). */
export function columnOf(node: GraphNode): ColumnId | undefined {
    switch (node.kind) {
        case 'objective': case 'skill': case 'behavior': case 'outcome': return node.kind;
        case 'metric': return metricColumn(node);
        default: return undefined;
    }
}

/** Metrics without a kind sit with the leading metrics (they are not hidden with activity and learning metrics). */
function metricColumn(node: GraphNode): ColumnId {
    switch (node.metric?.kind) {
        case 'lagging': return 'lagging';
        case 'activity': case 'learning': return 'activity';
        default: return 'leading';
    }
}

/** True for the metrics that "Hide activity & learning metrics" hides. */
export function isActivityOrLearning(node: GraphNode): boolean {
    return node.kind === 'metric' && (node.metric?.kind === 'activity' || node.metric?.kind === 'learning');
}

/** Fixed node sizes per column: every node of a column has the same box. */
export const NODE_WIDTH = 250;
export const NODE_HEIGHT: Readonly<Record<ColumnId, number>> = {
    objective: 82, skill: 64, behavior: 82, activity: 112, leading: 112, lagging: 112, outcome: 82
};

/** Geometry of the whole drawing. */
export const GEOMETRY = {
    columnGap: 96,
    nodeGap: 16,
    margin: 24,
    /** Height of the column headers row. */
    header: 36
} as const;

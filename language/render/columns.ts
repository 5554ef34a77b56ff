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

/** Which way the chain runs: layers as columns left to right, or as rows top to bottom. */
export type Direction = 'right' | 'down';

/**
 * The layers of the layout: one per column left to right; top to bottom,
 * where height is what a side pane lacks, leading and activity & learning
 * metrics share a row (both come after behaviors and before lagging KPIs).
 */
export const LAYERS: Readonly<Record<Direction, ReadonlyArray<readonly ColumnId[]>>> = {
    right: COLUMNS.map(c => [c.id]),
    down: [['objective'], ['skill'], ['behavior'], ['leading', 'activity'], ['lagging'], ['outcome']]
};

/** The layer of each column, by direction. */
export const LAYER_INDEX: Readonly<Record<Direction, Readonly<Record<ColumnId, number>>>> = {
    right: layerIndex(LAYERS.right),
    down: layerIndex(LAYERS.down)
};

function layerIndex(layers: ReadonlyArray<readonly ColumnId[]>): Record<ColumnId, number> {
    return Object.fromEntries(layers.flatMap((ids, i) => ids.map(id => [id, i]))) as Record<ColumnId, number>;
}

export const COLUMN_LABEL: Readonly<Record<ColumnId, string>> = Object.fromEntries(COLUMNS.map(c => [c.id, c.label])) as Record<ColumnId, string>;

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

/** Node widths the layout uses, by direction, and the range the pane may choose from. */
export const NODE_WIDTH: Readonly<Record<Direction, number>> = { right: 230, down: 240 };
export const NODE_WIDTH_RANGE = { min: 180, max: 260 } as const;

/** Geometry of the whole drawing. */
export const GEOMETRY = {
    margin: 16,
    /** Between boxes of one layer. */
    nodeGap: 16,
    /** Between layers: columns (right) leave room for edges; rows (down) for edges and the row's label. */
    layerGap: { right: 64, down: 28 },
    /** Above the layers: the column headers (right), the first row's label (down). */
    header: { right: 30, down: 22 }
} as const;

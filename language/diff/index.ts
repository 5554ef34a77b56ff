/** Comparing two workspaces' impact chains: `diffChains` for the changes, `changeGraph` for the picture, `chainMarks` for the preview. */
export { changeGraph, type ChangeEdge, type ChangeGraph, type ChangeNode, type LinkStatus, type NodeStatus } from './change-graph.js';
export { diffChains } from './diff-chains.js';
export type * from './types.js';
export { chainMarks, MARK_STATUSES, type ChainComparison, type MarkStatus, type NodeMark } from './chain-marks.js';
export { diffSideOfTexts } from './side-of-texts.js';

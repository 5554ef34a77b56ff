/** Comparing two workspaces' impact chains: `diffChains` for the changes, `changeGraph` for the picture. */
export { changeGraph, type ChangeEdge, type ChangeGraph, type ChangeNode, type LinkStatus, type NodeStatus } from './change-graph.js';
export { diffChains } from './diff-chains.js';
export type * from './types.js';

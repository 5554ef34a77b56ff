/**
 * Layout and SVG rendering of the impact graph, without a DOM: used by the
 * preview (webview/) and by `align graph --format svg` (cli/).
 *
 *   const layout = layoutGraph(result.graph, { hideLearningMetrics: false });
 *   const svg = renderSvg(layout, { findings: result.findings });
 */
export { COLUMNS, columnOf, isActivityOrLearning, NODE_HEIGHT, NODE_WIDTH, type ColumnId } from './columns.js';
export { layoutGraph, layoutSteps, DRAWN_EDGE_KINDS, type GraphLayout, type LaidOutColumn, type LaidOutEdge, type LaidOutNode, type LayoutOptions, type PreviousLayout } from './layout.js';
export { renderSvg, renderNode, renderEdge, renderDefs, renderColumns, nodeClasses, type RenderOptions } from './svg.js';
export { graphCss, PALETTE, type PaletteToken, type ResolveVariable } from './styles.js';
export { nodeLabel, worstSeverity, findingsText, type Severity } from './labels.js';
export { escapeXml } from './text.js';
export { countCrossings } from './order.js';

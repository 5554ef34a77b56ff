/**
 * Layout and SVG rendering of the impact graph, without a DOM: used by the
 * preview (webview/) and by `align graph --format svg` (cli/).
 *
 *   const layout = layoutToFit(result.graph, { width: 1000 });   // a 1000 px page; SCREEN for a screen
 *   const svg = renderSvg(layout, { findings: result.findings });
 */
export { COLUMNS, columnOf, GEOMETRY, isActivityOrLearning, NODE_WIDTH, type ColumnId, type Direction } from './columns.js';
export { readPath, type Point } from './geometry.js';
export { fitToSpace, layerCounts, READABLE_PX, READABLE_ZOOM, type Fit, type FitOptions, type LayerCounts, type Space } from './direction.js';
export { layoutToFit, SCREEN } from './fit-layout.js';
export { layoutGraph, layoutSteps, DRAWN_EDGE_KINDS, type GraphLayout, type LaidOutColumn, type LaidOutEdge, type LaidOutNode, type LayoutOptions, type PreviousLayout } from './layout.js';
export { cachedMeasure, MONO_STACK, SANS_STACK, tableMeasure, TEXT, type MeasureText, type TextStyle } from './measure.js';
export { nodeText, shortLabel, PAD, SHORT_PITCH, TEXT_X, type NodeText } from './node-text.js';
export { renderSvg, renderNode, renderEdge, renderDefs, renderColumns, renderLabelParts, nodeClasses, type RenderOptions } from './svg.js';
export { graphCss, PALETTE, type PaletteToken, type ResolveVariable } from './styles.js';
export { nodeLabel, worstSeverity, findingsText, type Severity } from './labels.js';
export { escapeXml, truncate, wrap } from './text.js';
export { baseDirection, lineAttributes, type LineAnchor, type TextDirection } from './text-direction.js';
export { countCrossings } from './order.js';
export { kpiChart, KPI_CHART_SIZE, type ChartLabel, type ChartPoint, type KpiChart, type KpiChartOptions } from './kpi-chart.js';
export { renderKpiChart, type ChartSvgOptions } from './kpi-chart-svg.js';
export { chartCss } from './chart-styles.js';
export { changeText, computedChangeText, directionWords, moneyText, shareText, trackWords, unknownReason, valueText } from './chart-text.js';
export { progressChart, type ProgressChart, type ProgressChartOptions, type ProgressRow } from './progress-chart.js';
export { renderProgressChart } from './progress-chart-svg.js';
export { drawGlyph, SEVERITY_GLYPHS, STATUS_GLYPHS, type Glyph } from './icons.js';
export { layoutForPage, scaleToFit } from './page-layout.js';

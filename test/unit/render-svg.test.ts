import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ImpactGraphResult } from '../../language/protocol.js';
import { graphCss, layoutGraph, PALETTE, renderSvg } from '../../language/render/index.js';
import { escapeXml } from '../../language/render/text.js';
import { generateImpactGraph } from '../../scripts/bench/webview-graph.js';
import { elementsWhere, hasClass, parseXml, type XmlElement } from '../cli/xml.js';

const fixture = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../webview/fixtures/examples-graph.json');
const examples = (): ImpactGraphResult => JSON.parse(fs.readFileSync(fixture, 'utf-8')) as ImpactGraphResult;


describe('render: standalone SVG', () => {
    it('is well-formed XML with a node group per drawn node and a path per drawn edge', () => {
        const result = examples();
        const layout = layoutGraph(result.graph);
        const svg = renderSvg(layout, { findings: result.findings });
        const root = parseXml(svg);
        assert.equal(root.name, 'svg');
        assert.equal(root.attributes['xmlns'], 'http://www.w3.org/2000/svg');
        assert.equal(root.attributes['viewBox'], `0 0 ${layout.width} ${layout.height}`);
        assert.equal(elementsWhere(root, e => e.name === 'g' && hasClass(e, 'node')).length, layout.nodes.length);
        assert.equal(elementsWhere(root, e => e.name === 'path' && hasClass(e, 'edge')).length, layout.edges.length);
    });

    it('classes nodes by kind and status and edges by kind', () => {
        const result = examples();
        const root = parseXml(renderSvg(layoutGraph(result.graph), { findings: result.findings }));
        const node = (id: string): string[] => elementsWhere(root, e => e.attributes['data-id'] === id)[0]!.attributes['class']!.split(' ');
        assert.ok(node('DiscoveryBootcamp.KnowTheProduct').includes('unlinked'));
        assert.ok(node('DiscoveryBootcamp.KnowTheProduct').includes('sev-error'));
        assert.ok(!node('ChurnPilot.AskOpenQuestions').includes('unlinked'));
        assert.ok(node('ChurnPilot.RepeatContactRate').includes('status-on-track'));
        assert.ok(node('DiscoveryBootcamp.PipelineHygiene').includes('status-off-track'));
        assert.ok(node('CompletionRate').includes('metric-activity'));
        assert.ok(node('ChurnPilot.Probing').includes('kind-behavior'));
        const edge = (from: string, to: string): XmlElement => elementsWhere(root, e => e.attributes['data-from'] === from && e.attributes['data-to'] === to)[0]!;
        assert.equal(edge('DiscoveryBootcamp.ForecastCategories', 'WinRate').attributes['class'], 'edge edge-kpi unexplained');
        assert.equal(edge('DiscoveryBootcamp.ForecastCategories', 'WinRate').attributes['marker-end'], 'url(#ag-arrow-unexplained)');
        assert.equal(edge('ChurnPilot.Probing', 'ChurnPilot.RepeatContactRate').attributes['class'], 'edge edge-moves');
    });

    it('embeds styles with VS Code variables and fallbacks, or with resolved colours', () => {
        const svg = renderSvg(layoutGraph(examples().graph));
        assert.match(svg, /<style><!\[CDATA\[/);
        assert.match(svg, /\.align-graph \.background \{ fill: var\(--vscode-editor-background, #ffffff\); \}/);
        assert.match(svg, /\.edge-kpi \{ stroke-dasharray: 7 4; \}/);
        assert.match(svg, /\.unlinked \.node-box \{ stroke: var\(--vscode-editorError-foreground, #e51400\); stroke-width: 3; stroke-dasharray: 9 5; \}/);
        for (const [name] of Object.values(PALETTE)) assert.ok(graphCss().includes(`var(${name}, `), name);
        const resolved = graphCss(name => name === '--vscode-editor-background' ? ' #1f1f1f ' : undefined);
        assert.doesNotMatch(resolved, /var\(/);
        assert.match(resolved, /\.background \{ fill: #1f1f1f; \}/);
        assert.match(resolved, /\.node-box \{ fill: #f3f3f3;/);
        assert.doesNotMatch(graphCss(() => 'red; } svg { display: none'), /svg \{ display/);
        assert.doesNotMatch(graphCss(() => 'url(https://example.com/x.svg)'), /url\(/);
        assert.match(graphCss(() => 'rgba(255, 255, 255, 0.5)'), /\.edge \{ fill: none; stroke: rgba\(255, 255, 255, 0\.5\);/);
    });

    it('escapes titles and names for XML and drops characters XML cannot hold', () => {
        const result = examples();
        const node = result.graph.nodes.find(n => n.id === 'ChurnPilot.Probing')!;
        node.title = 'Asks <b>"why"</b> & \'how\' \u0001\u0008 \uD800 ]]> — ok';
        const svg = renderSvg(layoutGraph(result.graph), { title: 'A <title> & more' });
        const root = parseXml(svg);
        const probing = elementsWhere(root, e => e.attributes['data-id'] === 'ChurnPilot.Probing')[0]!;
        const text = elementsWhere(probing, e => e.name === 'title')[0]!.text;
        assert.equal(text, 'behavior ChurnPilot.Probing: Asks <b>"why"</b> & \'how\'   ]]> — ok');
        assert.equal(elementsWhere(root, e => e.name === 'title')[0]!.text, 'A <title> & more');
        assert.equal(escapeXml('a<b>&"\''), 'a&lt;b&gt;&amp;&quot;&apos;');
    });

    it('draws an empty layout as a small valid document', () => {
        const root = parseXml(renderSvg(layoutGraph({ nodes: [], edges: [], coverage: { aligned: 0, total: 0 } })));
        assert.equal(root.name, 'svg');
        assert.equal(elementsWhere(root, e => hasClass(e, 'node')).length, 0);
    });

    it('renders a large graph to valid XML', () => {
        const result = generateImpactGraph(2000);
        const layout = layoutGraph(result.graph);
        const root = parseXml(renderSvg(layout, { findings: result.findings }));
        assert.equal(elementsWhere(root, e => e.name === 'g' && hasClass(e, 'node')).length, layout.nodes.length);
    });

    it('draws the lines the layout fitted, in boxes as tall as their lines, with a declared font stack', () => {
        const result = examples();
        const svg = renderSvg(layoutGraph(result.graph, { direction: 'down', nodeWidth: 200 }), { findings: result.findings });
        assert.match(svg, /\.align-graph \{ font-family: var\(--vscode-font-family, "Liberation Sans", Arial, Helvetica, sans-serif\);/);
        const root = parseXml(svg);
        const qualify = elementsWhere(root, e => e.attributes['data-id'] === 'DiscoveryBootcamp.QualifyDeals')[0]!;
        const titles = elementsWhere(qualify, e => hasClass(e, 'node-title')).map(e => e.text);
        assert.ok(titles.length >= 2 && titles.length <= 3, titles.join(' / '));
        assert.equal(titles.join(' ').replace(/…$/, ''), 'Qualify a deal against the buyer\'s success criteria'.slice(0, titles.join(' ').replace(/…$/, '').length));
        const box = elementsWhere(qualify, e => hasClass(e, 'node-box'))[0]!;
        const name = elementsWhere(qualify, e => hasClass(e, 'node-name'))[0]!;
        assert.ok(Number(name.attributes['y']) < Number(box.attributes['y']) + Number(box.attributes['height']), 'the name line inside the box');
        assert.equal(elementsWhere(root, e => hasClass(e, 'node-short')).length, 0, 'no zoomed-out names outside the preview');
    });
});

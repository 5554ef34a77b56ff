/**
 * Help texts fitted to the terminal (language/text/help-layout.ts): long lines break
 * at spaces with their continuation under the description.
 */
import assert from 'node:assert/strict';
import { fitHelp, helpWidth } from '../../language/text/help-layout.js';
import { commandHelp, COMMANDS, MAIN_HELP } from '../../cli/help.js';
import { cellWidth } from '../../language/text/cell-width.js';

/** Every help text of the CLI, by name. */
const HELPS: [string, string][] = [['align', MAIN_HELP], ...COMMANDS.map(c => [c, commandHelp(c)!] as [string, string])];

describe('help layout', () => {
    it('leaves lines that fit as they are', () => {
        const text = 'Usage: align check\n\n  -h, --help   show this help\n';
        assert.equal(fitHelp(text, 40), text);
    });

    it('wraps an option under its description', () => {
        const line = '  -c, --config FILE   settings file (default: align.config.json at the workspace root)';
        assert.deepEqual(fitHelp(line, 50).split('\n'), [
            '  -c, --config FILE   settings file (default:',
            '                      align.config.json at the',
            '                      workspace root)'
        ]);
    });

    it('wraps a rule under its description, after the id and the severity', () => {
        const line = '  metric-unused      info     No outcome, behavior, objective or other metric references the metric.';
        const lines = fitHelp(line, 60).split('\n');
        assert.equal(lines[0], '  metric-unused      info     No outcome, behavior,');
        assert.ok(lines.slice(1).every(l => l.startsWith(' '.repeat(30)) && l[30] !== ' ' && l.length <= 60), lines.join('\n'));
        assert.equal(lines.map(l => l.trim()).join(' ').replace(/\s+/g, ' '), line.trim().replace(/\s+/g, ' '));
    });

    it('wraps prose at its own indent and keeps a word longer than the width whole', () => {
        const lines = fitHelp('  see https://example.com/a/very/long/address/that/does/not/fit for more', 30).split('\n');
        assert.deepEqual(lines, ['  see', '  https://example.com/a/very/long/address/that/does/not/fit', '  for more']);
    });

    it('fits 80 columns, or a narrower terminal down to 40', () => {
        assert.equal(helpWidth({ isTTY: false }), 80);
        assert.equal(helpWidth({ isTTY: true, columns: 200 }), 80);
        assert.equal(helpWidth({ isTTY: true, columns: 60 }), 60);
        assert.equal(helpWidth({ isTTY: true, columns: 20 }), 40);
    });

    it('in a narrower terminal, lays every help out again: within the width, every word kept in order, items and examples on lines of their own', () => {
        for (const [name, text] of HELPS) {
            for (const width of [40, 44, 50, 60, 72]) {
                const lines = fitHelp(text, width).split('\n');
                const over = lines.filter(l => cellWidth(l) > width && l.trim().includes(' '));
                assert.deepEqual(over, [], `${name} at ${width} columns`);
                assert.deepEqual(lines.join(' ').split(/\s+/), text.split(/\s+/), `${name} at ${width}: the same words`);
                // What started a line of its own still does: an item of a description, an example command, a table row.
                for (const start of text.split('\n').map(l => l.trim()).filter(l => /^([\w-]+( \([^)]*\))?: |align \w+ )|^-.*\S {2,}\S/.test(l))) {
                    const word = start.split(/\s{2,}/)[0]!.split(' ').slice(0, 2).join(' ');
                    assert.ok(lines.some(l => l.trim().startsWith(word)), `${name} at ${width}: a line starts with '${word}'`);
                }
            }
        }
    });

    it('joins the lines of a paragraph before wrapping it again, instead of wrapping each line', () => {
        const check = fitHelp(commandHelp('check')!, 50).split('\n');
        assert.deepEqual(check.slice(2, 7), [
            'Loads every .align file under the paths (default:',
            '.) as one workspace and reports the findings of',
            'every rule. A folder without .align files is a',
            'usage error (exit 2), as for graph, report, fmt',
            'and pull.'
        ]);
    });

    it('puts a description under its option when beside it would leave it too narrow, every table at one column', () => {
        const graph = fitHelp(commandHelp('graph')!, 50).split('\n');
        const at = graph.indexOf('  -f, --format FORMAT');
        assert.deepEqual(graph.slice(at, at + 8), [
            '  -f, --format FORMAT',
            '        mermaid: a flowchart for GitHub comments',
            '        and Markdown',
            '        dot: a Graphviz digraph (dot -Tpng)',
            '        json: the impact graph (nodes with their',
            '        figures, edges, coverage)',
            '        svg: a standalone drawing, the layout and',
            '        styles of the preview'
        ]);
        assert.equal(graph[graph.indexOf('      --focus NAME') + 1], '        only the chain of one program or outcome');
    });

    it('at 80 columns leaves every help as written but for a line longer than 80', () => {
        for (const [name, text] of HELPS) {
            const fitted = fitHelp(text, 80).split('\n');
            const asWritten = text.split('\n').filter(l => l.length <= 80);
            assert.ok(asWritten.every(l => fitted.includes(l)), name);
        }
    });
});

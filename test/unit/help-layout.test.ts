/**
 * Help texts fitted to the terminal (cli/help-layout.ts): long lines break
 * at spaces with their continuation under the description.
 */
import assert from 'node:assert/strict';
import { fitHelp, helpWidth } from '../../cli/help-layout.js';

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
});

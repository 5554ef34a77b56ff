/**
 * The word wrapper of the terminal outputs (language/text/wrap.ts): `align check`
 * pretty and help without prefixes, `align diff --format text` with a
 * first-line and an other-line prefix. Widths are terminal cells.
 */
import assert from 'node:assert/strict';
import { cellWidth } from '../../language/text/cell-width.js';
import { fitMessage, wrapWords } from '../../language/text/wrap.js';

describe('wrapWords', () => {
    it('fills each line up to the width and breaks between words', () => {
        assert.deepEqual(wrapWords('aa bb cc dd', 5), ['aa bb', 'cc dd']);
        assert.deepEqual(wrapWords('aa bb cc dd', 8), ['aa bb cc', 'dd']);
        assert.deepEqual(wrapWords('aa bb', 5), ['aa bb'], 'a line of exactly the width');
        assert.deepEqual(wrapWords('', 5), ['']);
    });

    it('puts `first` before the first line and `rest` before the others, both counted in the width', () => {
        assert.deepEqual(wrapWords('aa bb cc dd', 10, { first: '  + ', rest: '    ' }), ['  + aa bb', '    cc dd']);
        assert.deepEqual(wrapWords('aa bb cc', 7, { first: '- ', rest: '' }), ['- aa bb', 'cc']);
        assert.deepEqual(wrapWords('aa bb cc', 7, { first: '', rest: '     ' }), ['aa bb', '     cc']);
        assert.deepEqual(wrapWords('aa bb cc', 5, { first: '> ' }), ['> aa', '> bb', '> cc'], '`rest` defaults to `first`');
        assert.deepEqual(wrapWords('', 80, { first: '  + ', rest: '    ' }), ['  + '], 'no word: the first prefix alone');
    });

    it('measures words and prefixes in terminal cells: a CJK character takes two, a combining accent none', () => {
        assert.deepEqual(wrapWords('日本 語学 研修', 10), ['日本 語学', '研修']);
        assert.deepEqual(wrapWords('日本 語学 研修', 9, { first: '日', rest: '' }), ['日日本', '語学 研修']);
        assert.deepEqual(wrapWords('ab cd', 8, { first: '日本語', rest: '' }), ['日本語ab', 'cd'], 'a first prefix of 6 cells');
        assert.deepEqual(wrapWords('ab cd ef gh ij', 10, { rest: '日本語' }), ['ab cd ef', '日本語gh', '日本語ij'], 'a rest prefix of 6 cells');
        assert.deepEqual(wrapWords('cafe\u0301 cafe\u0301 x', 11), ['cafe\u0301 cafe\u0301 x']);
        const lines = wrapWords('研修 プログラム 営業 チーム 向け 基礎 知識 と 商品 理解 の 習得', 24, { first: '  ~ ', rest: '    ' });
        for (const line of lines) assert.ok(cellWidth(line) <= 24, `${cellWidth(line)} cells: ${line}`);
        assert.ok(lines.slice(0, -1).every(line => cellWidth(line) >= 20), `filled:\n${lines.join('\n')}`);
    });

    it('keeps a word longer than the line (a path, a URL) whole, on a line of its own', () => {
        const url = 'https://github.com/align-lang/align/blob/main/docs/rules/objective-without-kpi.md';
        assert.deepEqual(wrapWords(`see ${url} for more`, 20), ['see', url, 'for more']);
        assert.deepEqual(wrapWords(`${url} x`, 20, { first: '  - ', rest: '    ' }), [`  - ${url}`, '    x'], 'first on the first line, after its prefix');
        assert.deepEqual(wrapWords('programs/sales/a-very-long-file-name.align', 10), ['programs/sales/a-very-long-file-name.align']);
    });

    it('breaks at any white space (tabs, line breaks, runs, an ideographic space) and writes one space', () => {
        assert.deepEqual(wrapWords('a\tb\nc  \r\n d', 80), ['a b c d']);
        assert.deepEqual(wrapWords('  aa\t\tbb  ', 80, { first: '> ' }), ['> aa bb'], 'no space at either end');
        assert.deepEqual(wrapWords('aa\tbb\ncc', 5), ['aa bb', 'cc']);
        assert.deepEqual(wrapWords('営業研修\u3000基礎知識', 10), ['営業研修', '基礎知識']);
    });

    it('breaks Chinese or Japanese written without spaces between its characters when a run is longer than the line, never before 。、） or after （「', () => {
        const sentence = '新入社員向けの研修では、営業チームの基礎知識と商品理解を「ロールプレイ」で確認し、顧客対応の基本を実践します。';
        for (const width of [20, 31, 40]) {
            const lines = wrapWords(sentence, width, { first: '  ', rest: '    ' });
            assert.ok(lines.length > 1, `${width}: wrapped`);
            for (const line of lines) assert.ok(cellWidth(line) <= width, `${cellWidth(line)} cells at ${width}: ${line}`);
            assert.ok(lines.slice(0, -1).every(line => cellWidth(line) >= width - 4), `${width}: lines filled:\n${lines.join('\n')}`);
            assert.equal(lines.map(l => l.trim()).join(''), sentence, 'nothing added between the pieces');
            assert.ok(lines.slice(1).every(line => !/^\s*[、。）」]/.test(line)) && lines.every(line => !/[（「]$/.test(line)), lines.join('\n'));
        }
        assert.deepEqual(wrapWords('研修「ロールプレイ」で', 8), ['研修', '「ロール', 'プレイ」', 'で'], 'opening punctuation stays with what follows, closing with what precedes');
        assert.deepEqual(wrapWords('see 新入社員向けの研修 now', 12), ['see 新入社員', '向けの研修', 'now'], 'Latin words stay whole around it');
        assert.deepEqual(wrapWords('日本語 研修', 8), ['日本語', '研修'], 'a run that fits a line moves whole, as a word does');
    });

    it('never breaks at a no-break space', () => {
        assert.deepEqual(wrapWords('aa bb\u00a0cc dd', 6), ['aa', 'bb\u00a0cc', 'dd']);
        assert.deepEqual(wrapWords('10\u202f% of 5\u2007000', 80), ['10\u202f% of 5\u2007000']);
    });
});

describe('fitMessage', () => {
    it('wraps a failure message at spaces, the lines after the first indented by two spaces, and joins back whole', () => {
        const message = "align: --format: unknown format 'xml' (use pretty, json, sarif, github, junit, gitlab)";
        const fitted = fitMessage(message, 80);
        assert.equal(fitted, "align: --format: unknown format 'xml' (use pretty, json, sarif, github, junit,\n  gitlab)");
        assert.equal(fitted.replace(/\n {2}/g, ' '), message, 'joining a line that starts with two spaces to the one before gives the message');
        assert.equal(fitMessage('align: short', 80), 'align: short', 'a message that fits stays one line');
    });
});

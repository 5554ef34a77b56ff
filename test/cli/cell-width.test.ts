/**
 * Terminal cells, not characters: the text outputs that align or wrap
 * columns (`align check` pretty, `align diff --format text`) measure with
 * cellWidth (language/text/cell-width.ts). A CJK character (East Asian Wide or
 * Fullwidth) takes two cells, a combining accent none, an emoji two.
 */
import assert from 'node:assert/strict';
import { cellWidth, padCells } from '../../language/text/cell-width.js';
import { formatPretty } from '../../cli/check-formats/pretty.js';
import { wrapWords } from '../../language/text/wrap.js';
import type { Finding } from '../../language/rules.js';
import { linesOf, removeTempDirs, requireBundle, runCli, tempDir, writeFile } from './run-cli.js';

/** Words of CJK text (a title as a Japanese team writes it), 2 cells a character. */
const JAPANESE = '新入社員 オンボーディング 研修 プログラム 営業 チーム 向け 基礎 知識 と 商品 理解 の 習得 顧客 対応 の 基本 実践 ロールプレイ 評価 面談 まで の 全体 設計';

describe('cellWidth', () => {
    it('ASCII: one cell a character', () => {
        assert.equal(cellWidth(''), 0);
        assert.equal(cellWidth('align check'), 11);
    });

    it('East Asian Wide and Fullwidth: two cells (CJK, kana, Hangul, fullwidth forms, CJK extension B)', () => {
        assert.equal(cellWidth('日本語'), 6);
        assert.equal(cellWidth('ひらがなカタカナ'), 16);
        assert.equal(cellWidth('한국어'), 6);
        assert.equal(cellWidth('ＡＢＣ１'), 8);
        assert.equal(cellWidth('、。'), 4);
        assert.equal(cellWidth('𠀀'), 2, 'a supplementary-plane ideograph: two UTF-16 units, two cells');
        assert.equal(cellWidth('研修 plan'), 9);
    });

    it('halfwidth kana, Latin, Greek, Cyrillic, arrows and dashes: one cell', () => {
        assert.equal(cellWidth('ｱｲｳ'), 3);
        assert.equal(cellWidth('café Ωмир'), 9);
        assert.equal(cellWidth('→ — …'), 5);
    });

    it('combining marks, zero-width and control characters: no cell', () => {
        assert.equal(cellWidth('e\u0301'), 1, 'e + combining acute');
        assert.equal(cellWidth('Zoe\u0308'), 3, 'e + combining diaeresis');
        assert.equal(cellWidth('a\u200bb'), 2, 'zero-width space');
        assert.equal(cellWidth('\u1100\u1161\u11a8'), 2, 'a Hangul syllable of conjoining jamo');
        assert.equal(cellWidth('a\u0007'), 1);
    });

    it('emoji: two cells a cluster (presentation selector, skin tone, ZWJ family, flag, keycap)', () => {
        assert.equal(cellWidth('😀'), 2);
        assert.equal(cellWidth('✅'), 2);
        assert.equal(cellWidth('❤️'), 2);
        assert.equal(cellWidth('❤'), 1, 'text presentation');
        assert.equal(cellWidth('👍🏽'), 2);
        assert.equal(cellWidth('👨‍👩‍👧'), 2);
        assert.equal(cellWidth('🇯🇵'), 2);
        assert.equal(cellWidth('1️⃣'), 2);
        assert.equal(cellWidth('goal 🎯 met'), 11);
    });

    it('ANSI colour and OSC 8 links take no cell', () => {
        assert.equal(cellWidth('\x1b[31;1m日本\x1b[0m'), 4);
        assert.equal(cellWidth('\x1b]8;;https://example.com\x1b\\link\x1b]8;;\x1b\\'), 4);
    });

    it('padCells pads to a width in cells', () => {
        assert.equal(padCells('日本', 6), '日本  ');
        assert.equal(padCells('ab', 6), 'ab    ');
        assert.equal(padCells('日本語日本語', 6), '日本語日本語', 'never cut');
    });
});

describe('columns in cells: wrapping and alignment', function () {
    this.timeout(60_000);
    after(removeTempDirs);

    it('wrapWords (align check pretty, help, align diff text), with and without prefixes, keeps lines within the width in cells', () => {
        for (const line of wrapWords(JAPANESE, 40)) assert.ok(cellWidth(line) <= 40, `${cellWidth(line)} cells: ${line}`);
        const lines = wrapWords(JAPANESE, 80, { first: '  ~ ', rest: '    ' });
        assert.ok(lines.length >= 2);
        for (const line of lines) assert.ok(cellWidth(line) <= 80, `${cellWidth(line)} cells: ${line}`);
        assert.ok(cellWidth(lines[0]!) > 70, 'and filled: a line is not broken early');
    });

    it('align check pretty: the rule ids of a file start in one column when a message holds CJK or emoji', () => {
        const finding = (line: number, message: string): Finding => ({
            file: 'a.align', line, column: 1, endLine: line, endColumn: 2, severity: 'error', rule: 'syntax', message,
        });
        const text = formatPretty([finding(1, 'Unexpected `x`.'), finding(2, 'Unexpected `日本語`.'), finding(3, 'Unexpected `🎯`.'), finding(4, 'Unexpected `é`.')],
            { toolVersion: '0', color: false, filesChecked: 1, width: 120 });
        const rows = linesOf(text).filter(l => l.endsWith('syntax') && /^\s+\d+:/.test(l));
        assert.equal(rows.length, 4, text);
        const columns = rows.map(row => cellWidth(row.slice(0, row.lastIndexOf('syntax'))));
        assert.deepEqual(columns, columns.map(() => columns[0]), `rule ids misaligned:\n${rows.join('\n')}`);
    });

    describe('through the built CLI', () => {
        before(requireBundle);

        it('align diff --format text: a CJK title wraps within 80 cells', () => {
            const dir = tempDir();
            writeFile(dir, 'old/a.align', 'skill Listen "Onboarding"\n');
            writeFile(dir, 'new/a.align', `skill Listen "${JAPANESE}"\n`);
            const result = runCli(['diff', 'old', 'new', '--format', 'text'], { cwd: dir });
            assert.equal(result.status, 0, result.stderr);
            assert.ok(result.stdout.includes('新入社員'), result.stdout);
            for (const line of linesOf(result.stdout)) assert.ok(cellWidth(line) <= 80, `${cellWidth(line)} cells: ${line}`);
        });

        it('align diff --format text: a Japanese title written without spaces wraps within 80 cells too', () => {
            const dir = tempDir();
            const title = JAPANESE.replace(/ /g, '');
            writeFile(dir, 'old/a.align', 'skill Listen "Onboarding"\n');
            writeFile(dir, 'new/a.align', `skill Listen "${title}"\n`);
            const result = runCli(['diff', 'old', 'new', '--format', 'text'], { cwd: dir });
            assert.equal(result.status, 0, result.stderr);
            for (const line of linesOf(result.stdout)) assert.ok(cellWidth(line) <= 80, `${cellWidth(line)} cells: ${line}`);
            assert.ok(result.stdout.replace(/\s+/g, '').includes(title), result.stdout);
        });

        it('align check (pretty, 80 columns when not a terminal): a message with CJK wraps within 80 cells', () => {
            const dir = tempDir();
            writeFile(dir, 'a.align', 'skill 研修プログラム研修プログラム研修プログラム研修 "b"\n');
            const result = runCli(['check', '.'], { cwd: dir });
            assert.equal(result.status, 1, result.stderr);
            assert.ok(result.stdout.includes('研修'), result.stdout);
            for (const line of linesOf(result.stdout)) assert.ok(cellWidth(line) <= 80, `${cellWidth(line)} cells: ${line}`);
        });
    });
});

import * as assert from 'node:assert/strict';
import { checkWorkspace } from './helpers/check-workspace.js';

/** The `syntax` findings of one file as `line:column message`. */
async function syntaxFindings(text: string): Promise<string[]> {
    const { findings } = await checkWorkspace({ 'a.align': text });
    return findings.filter(f => f.rule === 'syntax').map(f => `${f.line}:${f.column} ${f.message}`);
}

const LEFT_OVER = 'outside a declaration: start a declaration (`outcome`, `metric`, `skill`, …) or remove it.';

describe('syntax messages', () => {
    describe('quote at most 40 characters of the source', () => {
        it('a 5 MB word after a declaration, or alone in the file', async function () {
            this.timeout(20000);
            const word = 'w'.repeat(5 * 1024 * 1024);
            const expected = `Unexpected \`${'w'.repeat(40)}…\` ${LEFT_OVER}`;
            assert.deepEqual(await syntaxFindings(`skill A "a"\n${word}\n`), [`2:1 ${expected}`]);
            assert.deepEqual(await syntaxFindings(word), [`1:1 ${expected}`]);
        });

        it('a 3 MB number after a declaration', async function () {
            this.timeout(20000);
            const found = await syntaxFindings(`skill A "a"\n${'7'.repeat(3 * 1024 * 1024)}\n`);
            assert.deepEqual(found, [`2:1 Unexpected \`${'7'.repeat(40)}…\` ${LEFT_OVER}`]);
        });

        it('a long token where something else is expected', async () => {
            const found = await syntaxFindings(`skill A "a" {\n  assessed by ${'x'.repeat(500)}\n}\n`);
            assert.deepEqual(found, [`2:15 Expected a "quoted string", but found \`${'x'.repeat(40)}…\`.`]);
        });

        it('a long run of characters no token matches', async () => {
            const found = await syntaxFindings(`skill A "a" ${'§'.repeat(100_000)}\n`);
            assert.deepEqual(found, [`1:13 Unexpected characters \`${'§'.repeat(40)}\` …: they may stand only in a "quoted string" or a comment.`]);
        });

        it('a token of up to 41 characters is quoted whole; an astral character is not cut in half', async () => {
            const whole = 'y'.repeat(41);
            assert.deepEqual(await syntaxFindings(`skill A "a"\n${whole}\n`), [`2:1 Unexpected \`${whole}\` ${LEFT_OVER}`]);
            // The 40th character is the first half of `𝐀`: the quote stops before it.
            const astral = `"${'z'.repeat(38)}${'\u{1D400}'.repeat(5)}"`;
            assert.deepEqual(await syntaxFindings(`skill A "a"\n${astral}\n`), [`2:1 Unexpected \`"${'z'.repeat(38)}…\` ${LEFT_OVER}`]);
        });
    });

    describe('text left after the declarations says what to do, after a lexer error too', () => {
        it('a stray word, number or `}`', async () => {
            assert.deepEqual(await syntaxFindings('skill A "a"\nfoo\n'), [`2:1 Unexpected \`foo\` ${LEFT_OVER}`]);
            assert.deepEqual(await syntaxFindings('skill A "a" { assessed by "x" } }\n'), [`1:33 Unexpected \`}\` ${LEFT_OVER}`]);
        });

        it('after an unterminated string (no `EOF` token named)', async () => {
            const found = await syntaxFindings('skill A "a"\n"unterminated\n');
            assert.deepEqual(found, ['2:1 Unterminated string: add the closing `"` on the same line.', `2:1 Unexpected \`"unterminated\` ${LEFT_OVER}`]);
        });
    });

    describe('a word in a block that starts none of its entries says which was meant, or where it belongs', () => {
        const cases: Array<[string, string]> = [
            ['metric M1 "m" {\n  kidn leading\n}\n', '2:3 Expected `}`, but found `kidn`: did you mean `kind`?'],
            ['behavior B "b" {\n  moves M\n  observd by manager weekly\n}\n', '3:3 Expected `}`, but found `observd`: did you mean `observed`?'],
            ['outcome O "o" {\n  mesured by K\n}\n', '2:3 Expected `}`, but found `mesured`: did you mean `measured`?'],
            ['metric M1 "m" {\n  practice case "x"\n}\n', '2:3 Expected `}`, but found `practice`: `practice` is written in an objective\'s block, not in a metric\'s.'],
            ['skill S "s" {\n  owner "x"\n}\n', '2:3 Expected `}`, but found `owner`: `owner` is written in an outcome\'s or a metric\'s block, not in a skill\'s.'],
            ['program P "p" {\n  sponsor "x"\n  program Q "q" {\n  }\n}\n', '3:3 Expected `}`, but found `program`: programs do not nest; close this one with `}` first.'],
            // Words close to none, and what is not a word, keep the plain message.
            ['metric M1 "m" {\n  zzzzz 3\n}\n', '2:3 Expected `}`, but found `zzzzz`.'],
            ['metric M1 "m" {\n  baseline 10 USD\n}\n', '2:15 Expected `}`, but found `USD`.']
        ];
        for (const [text, message] of cases) {
            it(message, async () => {
                assert.deepEqual((await syntaxFindings(text))[0], message);
            });
        }
    });
});

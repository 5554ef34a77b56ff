/**
 * A "no viable alternative" error where every alternative starts with the
 * same word and the text has it (`pull` before `sql` or `xapi`): the
 * message names what may follow that word, "Expected `sql` or `xapi` after
 * `pull`, but found `postgres`.", not the first words of the alternatives
 * ("Expected `pull`, but found `pull`.", which contradicts itself).
 */
import * as assert from 'node:assert/strict';
import { createToken, type IToken, type TokenType } from 'chevrotain';
import { AlignParserErrorMessageProvider } from '../../language/align-parser-errors.js';
import { checkWorkspace } from './helpers/check-workspace.js';

async function syntaxFindings(text: string): Promise<string[]> {
    const { findings } = await checkWorkspace({ 'a.align': text });
    return findings.filter(f => f.rule === 'syntax').map(f => `${f.line}:${f.column} ${f.message}`);
}

const METRIC = 'metric A "A" { kind leading unit count direction up baseline 1 cadence monthly }\n';

describe('syntax messages after the words all alternatives share (language/align-parser-errors.ts)', () => {
    const cases: Array<[string, string]> = [
        ['actuals A from "a.csv" { pull postgres "q.sql" on env "URL" }', '2:26 Expected `sql` or `xapi` after `pull`, but found `postgres`.'],
        ['actuals A from "a.csv" { pull sqll "q.sql" }', '2:26 Expected `sql` or `xapi` after `pull`, but found `sqll`.'],
        ['actuals A from "a.csv" { pull }', '2:26 Expected `sql` or `xapi` after `pull`, but found `}`.'],
        ['actuals A from "a.csv" {\n  pull', '3:3 Expected `sql` or `xapi` after `pull`, but found the end of the file.']
    ];
    for (const [block, message] of cases) {
        it(message, async () => {
            assert.deepEqual((await syntaxFindings(`${METRIC}${block}\n`))[0], message);
        });
    }

    it('a choice whose alternatives differ at their first word keeps the plain message', async () => {
        assert.deepEqual(await syntaxFindings('metric M "m" { kind foo }\n'), ['1:21 Expected `lagging`, `leading`, `activity` or `learning`, but found `foo`.']);
        assert.deepEqual(await syntaxFindings('program P "p" { isolate M by foo }\n'), ['1:30 Expected `control-group`, `trend` or `estimate`, but found `foo`.']);
    });

    describe('any keyword alternative after shared words (the message provider alone)', () => {
        const provider = new AlignParserErrorMessageProvider();
        const [a, b, c, d, e] = ['a', 'b', 'c', 'd', 'e'].map(name => createToken({ name, pattern: name })) as [TokenType, TokenType, TokenType, TokenType, TokenType];
        const token = (type: TokenType, image = type.name): IToken => ({ image, tokenType: type, tokenTypeIdx: type.tokenTypeIdx!, startOffset: 0 } as IToken);
        const message = (paths: TokenType[][][], actual: IToken[]) => provider.buildNoViableAltMessage({ expectedPathsPerAlt: paths, actual, previous: token(a), ruleName: 'R' });

        it('one shared word, or two', () => {
            assert.equal(message([[[a, b]], [[a, c]]], [token(a), token(d)]), 'Expected `b` or `c` after `a`, but found `d`.');
            assert.equal(message([[[a, b, c]], [[a, b, d]]], [token(a), token(b), token(e)]), 'Expected `c` or `d` after `a b`, but found `e`.');
        });

        it('only the alternatives that have the words the text has are named', () => {
            assert.equal(message([[[a, b]], [[a, c]], [[d, e]]], [token(a), token(e)]), 'Expected `b` or `c` after `a`, but found `e`.');
        });

        it('the text differs from every alternative at its first word: the first words are named', () => {
            assert.equal(message([[[a, b]], [[c, d]]], [token(e), token(a)]), 'Expected `a` or `c`, but found `e`.');
        });
    });
});

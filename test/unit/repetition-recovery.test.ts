import * as assert from 'node:assert/strict';
import { createLangiumParser, EmptyFileSystem } from 'langium';
import { createAlignServices } from '../../language/align-module.js';
import { HOST_WITHOUT_LINKS } from '../../language/host.js';
import { parseDump } from './helpers/parse-dump.js';

const services = () => createAlignServices({ ...EmptyFileSystem, host: HOST_WITHOUT_LINKS }).Align;

/** Words of the language and stray ones, in a seeded order: a file of many syntax errors of every kind. */
function scrambled(words: number, seed: number): string {
    const vocabulary = ['metric', '{', '}', 'foo', '"x"', 'by', '12%', '2026-01', 'program', 'P', 'skill', 'behavior', 'moves', 'kind',
        'lagging', 'objective', 'builds', 'outcome', 'measured', 'target', 'actuals', '2026-02', '10', 'USD', '\n'];
    let state = seed;
    const next = () => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648;
    return Array.from({ length: words }, () => vocabulary[Math.floor(next() * vocabulary.length)]).join(' ');
}

const strays = (count: number, indent = '') => Array.from({ length: count }, (_, i) => `${indent}skill S${i} "Skill ${i}"\n${indent}  stray${i}\n`).join('');

describe('the parser\'s recovery in a repetition, made a loop (language/repetition-recovery.ts)', () => {
    const ours = services().parser.LangiumParser;
    // Langium's parser as it comes, recovery nesting included: the reference.
    const langiums = createLangiumParser(services());

    const cases: Array<[string, string]> = [
        ['a stray word after each of 300 top-level declarations', strays(300)],
        ['stray words after declarations inside a program (a repetition one rule deeper)', `program P "P" {\n${strays(200, '  ')}}\nskill After "after"\n  stray\n`],
        ['stray words at both depths, and a program left open', `${strays(50)}program P "P" {\n${strays(50, '  ')}\n${strays(50)}`],
        ['2,000 words in a scrambled order', scrambled(2000, 7)],
        ['2,000 other words in a scrambled order', scrambled(2000, 11)],
        ['a duplicated block', 'metric foo { } foo '.repeat(300)]
    ];
    for (const [name, text] of cases) {
        it(`gives the same tree and errors as Langium's recovery: ${name}`, () => {
            const [a, b] = [ours.parse(text), langiums.parse(text)];
            assert.ok(b.parserErrors.length > 0, 'the case has syntax errors');
            assert.deepEqual(parseDump(a), parseDump(b));
            assert.deepEqual(a.parserErrors.map(e => `${e.token.startOffset} ${e.message}`), b.parserErrors.map(e => `${e.token.startOffset} ${e.message}`));
        });
    }

    it('parses 5,000 stray words on a flat stack, where Langium\'s recovery runs out of it at 3,000', function () {
        // Langium's overflow alone takes seconds under tsx (its stack traces are source-mapped), more on a loaded machine.
        this.timeout(120_000);
        assert.throws(() => langiums.parse(strays(3000)), RangeError);
        const result = ours.parse(strays(5000));
        assert.equal(result.parserErrors.length, 5000);
        assert.equal((result.value as unknown as { elements: unknown[] }).elements.length, 5000);
    });
});

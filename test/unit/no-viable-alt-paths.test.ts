import * as assert from 'node:assert/strict';
import { createLangiumParser, EmptyFileSystem } from 'langium';
import { createAlignServices } from '../../language/align-module.js';
import { HOST_WITHOUT_LINKS } from '../../language/host.js';

const services = () => createAlignServices({ ...EmptyFileSystem, host: HOST_WITHOUT_LINKS }).Align;

/** The chevrotain parser inside a Langium parser (a private field), with its grammar lookup counted. */
function countingGrammarLookups(parser: object): { count: () => number } {
    const wrapper = (parser as { wrapper: { getGAstProductions: () => unknown } }).wrapper;
    const lookup = wrapper.getGAstProductions.bind(wrapper);
    let calls = 0;
    wrapper.getGAstProductions = () => { calls++; return lookup(); };
    return { count: () => calls };
}

describe('the expected tokens of a "no viable alternative" error, worked out once per choice (language/no-viable-alt-paths.ts)', () => {
    const strays = 'metric '.repeat(500);

    it('reads the grammar once per rule and choice, not once per error', () => {
        const ours = services().parser.LangiumParser;
        const lookups = countingGrammarLookups(ours);
        const result = ours.parse(strays);
        assert.equal(result.parserErrors.length, 500);
        assert.ok(lookups.count() <= 3, `${lookups.count()} grammar lookups for 500 errors`);
        // The control: chevrotain's own raiseNoAltException reads it for every error.
        const langiums = createLangiumParser(services());
        const theirs = countingGrammarLookups(langiums);
        langiums.parse(strays);
        assert.ok(theirs.count() >= 500, `${theirs.count()} grammar lookups in Langium's parser`);
    });

    it('gives the same errors, at the same tokens, as chevrotain', () => {
        const text = `${strays}\nprogram P "P" { sponsor sponsor }\noutcome O "o" { measured by }\nmetric M "m" { kind }\n${strays}`;
        const [a, b] = [services().parser.LangiumParser.parse(text), createLangiumParser(services()).parse(text)];
        assert.ok(a.parserErrors.length > 1000);
        assert.deepEqual(a.parserErrors.map(e => `${e.name} ${e.token.startOffset} ${e.message}`), b.parserErrors.map(e => `${e.name} ${e.token.startOffset} ${e.message}`));
    });
});

import * as assert from 'node:assert/strict';
import { CstNodeBuilder, EmptyFileSystem, type LangiumParser } from 'langium';
import { createAlignServices } from '../../language/align-module.js';
import { AlignCstNodeBuilder } from '../../language/align-parser.js';
import { HOST_WITHOUT_LINKS } from '../../language/host.js';
import { parseDump } from './helpers/parse-dump.js';

const services = () => createAlignServices({ ...EmptyFileSystem, host: HOST_WITHOUT_LINKS }).Align;
const builderOf = (parser: LangiumParser) => (parser as unknown as { nodeBuilder: CstNodeBuilder }).nodeBuilder;

describe('the CST builder that skips placing no comments', () => {
    const ours = services().parser.LangiumParser;
    const langiums = services().parser.LangiumParser;
    // The same parser with Langium's own builder: the reference.
    (langiums as unknown as { nodeBuilder: CstNodeBuilder }).nodeBuilder = new CstNodeBuilder();

    it('is the builder the parser uses', () => {
        assert.ok(builderOf(ours) instanceof AlignCstNodeBuilder);
        assert.ok(!(builderOf(langiums) instanceof AlignCstNodeBuilder));
    });

    const cases: Array<[string, string]> = [
        ['no comments', 'skill A "A"\nskill B "B"\nbehavior C "C" { enabled by A, B moves M }\nmetric M "M" { kind leading }'],
        ['comments before, inside and after declarations', '// first\n/** doc */\nskill A "A" // after\n/* a */ skill B /* name */ "B"\nprogram P "P" {\n  // in\n  skill C "C"\n  /** member doc */ behavior D "D" { enabled by C /* x */ }\n  // last in program\n}\n// trailing'],
        ['a comment before the first token of a nested node', 'metric M "M" {\n  kind /* k */ leading\n  baseline /* b */ 10%\n  target 20% by /* d */ 2026-12-31\n}'],
        ['syntax errors among comments', 'skill A "A" {\n  // open\nbehavior B "B" { enabled by /* x */ }\n/** doc */ objective'],
        ['only comments', '// a\n/* b */\n/** c */\n'],
        ['names left out by recovery, removed from their reference', 'metric A "A" {\n  drives X.., Y...Z, ., W. /* w */ .\n}\nobjective O { builds S. }']
    ];
    for (const [name, text] of cases) {
        it(`builds the same tree as Langium's: ${name}`, () => {
            const [a, b] = [ours.parse(text), langiums.parse(text)];
            assert.deepEqual(parseDump(a), parseDump(b));
            assert.deepEqual(a.parserErrors.map(e => e.message), b.parserErrors.map(e => e.message));
        });
    }
});

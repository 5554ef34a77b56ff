import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DefaultValueConverter, EmptyFileSystem, ValueConverter, type CstNode, type GrammarAST, type LangiumParser, type ValueType } from 'langium';
import { createAlignServices } from '../../language/align-module.js';
import { HOST_WITHOUT_LINKS } from '../../language/host.js';

/** Langium's converter with the one conversion Align adds (12% -> 12): what the fast paths must equal. */
class ReferenceConverter extends DefaultValueConverter {
    protected override runConverter(rule: GrammarAST.AbstractRule, input: string, cstNode: CstNode): ValueType {
        return rule.name === 'PERCENT' ? Number(input.slice(0, -1)) : super.runConverter(rule, input, cstNode);
    }
}

const parserOf = () => createAlignServices({ ...EmptyFileSystem, host: HOST_WITHOUT_LINKS }).Align.parser.LangiumParser;

/** The tree's own properties (no container, CST or references' internals), as JSON. */
function values(parser: LangiumParser, text: string, mayHaveErrors = false): string {
    const result = parser.parse(text);
    if (!mayHaveErrors) assert.deepEqual([...result.lexerErrors, ...result.parserErrors].map(e => e.message), [], 'the text parses');
    return JSON.stringify(result.value, (key: string, value: unknown) => {
        if (key.startsWith('$') && key !== '$type') return undefined;
        if (value && typeof value === 'object' && '$refText' in value) return (value as { $refText: string }).$refText;
        return value;
    });
}

function alignFiles(dir: string): string[] {
    return (fs.readdirSync(dir, { recursive: true }) as string[]).filter(f => f.endsWith('.align')).sort().map(f => path.join(dir, f));
}

describe('the value converter', () => {
    const ours = parserOf();
    const reference = parserOf();
    (reference as unknown as { converter: DefaultValueConverter }).converter = new ReferenceConverter();

    it('gives every example file the same values as Langium\'s converter', () => {
        const files = alignFiles(path.resolve('examples'));
        assert.ok(files.length >= 5, `examples found: ${files.length}`);
        for (const file of files) {
            const text = fs.readFileSync(file, 'utf-8');
            assert.equal(values(ours, text, true), values(reference, text, true), file);
        }
    });

    it('unescapes strings with escapes, and reads numbers, percentages and dates', () => {
        const text = [
            'metric M "Say \\"yes\\" \\\\ no" {',
            '  kind lagging',
            '  unit percent',
            '  baseline 12.5%',
            '  target -3 by 2027-03-31',
            '  owner "a\\\\"',
            '}'
        ].join('\n');
        const mine = values(ours, text);
        assert.equal(mine, values(reference, text));
        assert.match(mine, /"title":"Say \\"yes\\" \\\\ no"/);
        assert.match(mine, /"percent":12\.5\}/);
        assert.match(mine, /"number":-3\},"deadline":"2027-03-31"/);
        assert.match(mine, /"a\\\\"/);
    });

    it('makes a string without escapes from its token: Langium\'s character-by-character copy runs only for escapes', () => {
        const original = ValueConverter.convertString;
        const converted: string[] = [];
        ValueConverter.convertString = (input: string) => { converted.push(input); return original(input); };
        try {
            values(ours, 'skill S "A title of forty characters, give or take"\nskill T "Say \\"yes\\""');
        } finally {
            ValueConverter.convertString = original;
        }
        assert.deepEqual(converted, ['"Say \\"yes\\""']);
    });
});

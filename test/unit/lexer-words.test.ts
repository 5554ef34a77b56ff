import * as assert from 'node:assert/strict';
import { checkWorkspace } from './helpers/check-workspace.js';

/** The findings of one workspace as `file:line rule: message`. */
async function findingsOf(files: Record<string, string>): Promise<string[]> {
    const { findings } = await checkWorkspace(files);
    return findings.map(f => `${f.line}:${f.column} ${f.rule}: ${f.message}`);
}

describe('a name with a character identifiers do not take (Café)', () => {
    it('is read as written: the findings name Café, never the cut name Caf, and a reference to Café resolves', async () => {
        const found = await findingsOf({
            'a.align': 'metric Café "Coffee" {\n  kind leading unit count\n}\noutcome O "o" { measured by Café }\n'
        });
        assert.ok(found.some(f => f.startsWith('1:11 syntax: Unexpected character `é`')), found.join('\n'));
        assert.ok(found.some(f => f.startsWith('4:32 syntax: Unexpected character `é`')), 'the reference\'s character is an error too');
        assert.ok(!found.some(f => /'Caf'|`Caf`|\bCaf\b(?!é)/.test(f)), found.join('\n'));
        assert.ok(!found.some(f => f.includes('unresolved-reference')), found.join('\n'));
        assert.ok(found.some(f => f.includes("KPI 'Café' has no source")), 'rules name the element as written');
    });

    it('a word that starts with such a letter, and one with an astral letter, are one name each', async () => {
        const found = await findingsOf({ 'a.align': 'skill Ünit "u"\nskill A𝒳b "x"\n' });
        assert.ok(!found.some(f => /'nit'|'A'|'b'/.test(f)), found.join('\n'));
        assert.equal(found.filter(f => f.includes('syntax')).length, 2, found.join('\n'));
    });

    it('leaves other lexer errors as they were: a symbol between two names is no word', async () => {
        const found = await findingsOf({ 'a.align': 'skill A § "a"\n' });
        assert.ok(found.some(f => f.startsWith('1:9 syntax: Unexpected character `§`')), found.join('\n'));
    });
});

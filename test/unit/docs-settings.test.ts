/**
 * The settings tables of the editor docs (docs/editors.md) and of the
 * extension's README (docs/extension/README.md) name every setting that
 * package.json contributes.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');

function contributedSettings(): string[] {
    const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf-8')) as {
        contributes: { configuration: { properties: Record<string, unknown> } | Array<{ properties: Record<string, unknown> }> };
    };
    const configuration = manifest.contributes.configuration;
    return (Array.isArray(configuration) ? configuration : [configuration]).flatMap(c => Object.keys(c.properties)).sort();
}

/** The settings in the first column of the doc's table rows (`| \`align.x\` | ...`). */
function tableSettings(file: string): string[] {
    const text = fs.readFileSync(path.join(ROOT, file), 'utf-8');
    return [...text.matchAll(/^\|\s*`(align\.[A-Za-z.]+)`\s*\|/gm)].map(m => m[1]!).sort();
}

describe('the docs\' settings tables list every contributed setting', () => {
    const settings = contributedSettings();
    for (const file of ['docs/editors.md', 'docs/extension/README.md']) {
        it(file, () => {
            assert.ok(settings.length >= 8, settings.join(', '));
            const listed = tableSettings(file);
            assert.deepEqual(settings.filter(s => !listed.includes(s)), [], `settings missing from ${file}'s table`);
        });
    }
});

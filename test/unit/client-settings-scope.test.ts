/**
 * The extension reads each resource-scoped setting (package.json
 * `"scope": "resource"`) with the resource it applies to
 * (`getConfiguration(section, uri)`): read without one, a multi-root
 * workspace's folder setting is ignored. Checked in the client's source,
 * since these reads run only inside VS Code.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');

interface Setting { scope?: string }
const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf-8')) as {
    contributes: { configuration: { properties: Record<string, Setting> } | Array<{ properties: Record<string, Setting> }> };
};

function settings(): Record<string, Setting> {
    const configuration = manifest.contributes.configuration;
    return Object.assign({}, ...(Array.isArray(configuration) ? configuration : [configuration]).map(c => c.properties)) as Record<string, Setting>;
}

function sourceFiles(folder: string): string[] {
    return (fs.readdirSync(folder, { recursive: true }) as string[]).filter(f => f.endsWith('.ts')).map(f => path.join(folder, f));
}

/** `const NAME = 'text'` in the client's files: the names settings are read by. */
function constants(files: readonly string[]): Map<string, string> {
    const found = new Map<string, string>();
    for (const file of files) {
        for (const m of fs.readFileSync(file, 'utf-8').matchAll(/\bconst\s+([A-Z_][A-Z0-9_]*)\s*=\s*'([^']*)'/g)) found.set(m[1]!, m[2]!);
    }
    return found;
}

/** Every `getConfiguration(section[, scope]).get(key)` of the client: the setting's full name and whether a scope is given. */
function reads(files: readonly string[]): Array<{ file: string; key: string; scoped: boolean }> {
    const names = constants(files);
    const value = (expression: string) => /^'([^']*)'$/.exec(expression.trim())?.[1] ?? names.get(expression.trim());
    const found: Array<{ file: string; key: string; scoped: boolean }> = [];
    for (const file of files) {
        const text = fs.readFileSync(file, 'utf-8');
        for (const m of text.matchAll(/getConfiguration\(([^()]*(?:\([^()]*\)[^()]*)*)\)\s*\.get(?:<[^>]*>)?\(\s*([^,)]+)/g)) {
            const [section, ...scope] = m[1]!.split(',');
            const key = value(m[2]!);
            const sectionName = value(section!);
            if (key === undefined || sectionName === undefined) continue;
            found.push({ file: path.relative(ROOT, file), key: `${sectionName}.${key}`, scoped: scope.join(',').trim() !== '' });
        }
    }
    return found;
}

describe('the extension reads resource-scoped settings with their resource', () => {
    it('passes a scope to getConfiguration for every resource-scoped setting it reads', () => {
        const resourceScoped = Object.entries(settings()).filter(([, s]) => s.scope === 'resource' || s.scope === 'language-overridable').map(([k]) => k);
        assert.ok(resourceScoped.includes('align.pull.command'), 'align.pull.command is resource-scoped');
        const found = reads(sourceFiles(path.join(ROOT, 'client')));
        assert.ok(found.some(r => r.key === 'align.pull.command'), `the client reads align.pull.command; found ${JSON.stringify(found)}`);
        const unscoped = found.filter(r => resourceScoped.includes(r.key) && !r.scoped);
        assert.deepEqual(unscoped, [], 'resource-scoped settings read without a scope');
    });
});

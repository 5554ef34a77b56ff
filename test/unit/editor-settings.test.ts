/**
 * The editor's `align` section (workspace/configuration or
 * workspace/didChangeConfiguration): unknown keys are problems, said as
 * the config file's are; the keys VS Code sends in the same section (the
 * extension's own settings in package.json) are not.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { EDITOR_OWN_KEYS, settingsFromValue } from '../../language/config/parse-config.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** The first key after `align.` of every setting package.json contributes (`align.preview.followCursor` -> `preview`). */
function contributedKeys(): string[] {
    const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf-8')) as {
        contributes: { configuration: { properties: Record<string, unknown> } | Array<{ properties: Record<string, unknown> }> };
    };
    const configuration = manifest.contributes.configuration;
    const names = (Array.isArray(configuration) ? configuration : [configuration]).flatMap(c => Object.keys(c.properties));
    return [...new Set(names.map(name => name.split('.')[1]!))].sort();
}

describe('editor settings (the align section)', () => {
    it('takes every key VS Code sends in the section without a problem', () => {
        const keys = contributedKeys();
        assert.deepEqual(keys, ['maxLaggingKpis', 'maxPilotDays', 'rules', ...EDITOR_OWN_KEYS].sort());
        const vscode = { rules: {}, maxLaggingKpis: 3, maxPilotDays: 90, pull: { command: '' }, preview: { hideLearningMetrics: false, followCursor: true, direction: 'TB' }, trace: { server: 'off' } };
        assert.deepEqual(settingsFromValue(vscode), { settings: { rules: {}, maxLaggingKpis: 3, maxPilotDays: 90 }, problems: [] });
    });

    it('names an unknown key, with the near miss, and applies the rest', () => {
        assert.deepEqual(settingsFromValue({ maxPilotDay: 120, maxLaggingKpis: 2, bogus: true }), {
            settings: { maxLaggingKpis: 2 },
            problems: ['unknown key "maxPilotDay"; did you mean "maxPilotDays"? (the keys are "rules", "maxLaggingKpis", "maxPilotDays")',
                'unknown key "bogus"; remove it (the keys are "rules", "maxLaggingKpis", "maxPilotDays")']
        });
    });

    it('says that a key of align.config.json only is not read from the editor', () => {
        assert.deepEqual(settingsFromValue({ catalogs: ['./kpis'] }).problems, ['"catalogs" is read from align.config.json only, not from the editor\'s settings']);
    });

    it('says that a section which is not an object is ignored; none at all is no problem', () => {
        for (const section of ['strict', [1, 2]]) {
            assert.deepEqual(settingsFromValue(section).problems, [`the "align" settings must be an object, such as { "maxPilotDays": 90 }, not ${JSON.stringify(section)}`]);
        }
        assert.deepEqual(settingsFromValue(null), { settings: {}, problems: [] });
        assert.deepEqual(settingsFromValue(undefined), { settings: {}, problems: [] });
    });
});

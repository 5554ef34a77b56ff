// Writes the `align.rules` setting of package.json from the rule catalogue
// (language/rules.ts): one property per rule id, enum off/info/warning/error,
// its description and its default severity.
// Run: node --import tsx scripts/vscode-contributions.mjs [--check]
// --check exits 1 (writing nothing) when package.json is out of date.
import { readFileSync, writeFileSync } from 'node:fs';
import { RULES, SEVERITIES } from '../language/rules.ts';

const file = new URL('../package.json', import.meta.url);
const text = readFileSync(file, 'utf-8');
const manifest = JSON.parse(text);
const settings = manifest.contributes.configuration.properties;

const SEVERITY_TEXT = {
    off: 'Not reported.',
    info: 'Reported as information.',
    warning: 'Reported as a warning.',
    error: 'Reported as an error (`align check` exits 1).'
};

settings['align.rules'].properties = Object.fromEntries(RULES.filter(r => r.configurable).map(rule => [rule.id, {
    type: 'string',
    enum: [...SEVERITIES],
    enumDescriptions: SEVERITIES.map(s => SEVERITY_TEXT[s]),
    default: rule.defaultSeverity,
    markdownDescription: `${rule.description} ${rule.help}`
}]));

const updated = `${JSON.stringify(manifest, null, 2)}\n`;
if (process.argv.includes('--check')) {
    if (updated !== text) {
        console.error('package.json: the align.rules setting is out of date; run node --import tsx scripts/vscode-contributions.mjs');
        process.exit(1);
    }
} else if (updated !== text) {
    writeFileSync(file, updated);
    console.log(`package.json: align.rules lists ${RULES.length} rules`);
}

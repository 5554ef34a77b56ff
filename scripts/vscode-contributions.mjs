// Writes, from the rule catalogue (language/rules.ts), the `align.rules`
// setting of package.json and the `rules` of the align.config.json schema
// (docs/schemas/align-config.schema.json): one property per rule id, enum
// off/info/warning/error, its description and its default severity.
// Run: node --import tsx scripts/vscode-contributions.mjs [--check]
// --check exits 1 (writing nothing) when a file is out of date.
import { readFileSync, writeFileSync } from 'node:fs';
import { RULES, SEVERITIES } from '../language/rules.ts';

const SEVERITY_TEXT = {
    off: 'Not reported.',
    info: 'Reported as information.',
    warning: 'Reported as a warning.',
    error: 'Reported as an error (`align check` exits 1).'
};
const configurable = RULES.filter(r => r.configurable);
const check = process.argv.includes('--check');
let stale = false;

/** Rewrites one JSON file with `edit`; with --check only says whether it would change. */
function update(path, what, edit) {
    const file = new URL(path, import.meta.url);
    const text = readFileSync(file, 'utf-8');
    const json = JSON.parse(text);
    edit(json);
    const updated = `${JSON.stringify(json, null, 2)}\n`;
    if (updated === text) return;
    if (check) {
        console.error(`${path.replace(/^\.\.\//, '')}: ${what} is out of date; run node --import tsx scripts/vscode-contributions.mjs`);
        stale = true;
    } else {
        writeFileSync(file, updated);
        console.log(`${path.replace(/^\.\.\//, '')}: ${what} lists ${configurable.length} rules`);
    }
}

update('../package.json', 'the align.rules setting', manifest => {
    manifest.contributes.configuration.properties['align.rules'].properties = Object.fromEntries(configurable.map(rule => [rule.id, {
        type: 'string',
        enum: [...SEVERITIES],
        enumDescriptions: SEVERITIES.map(s => SEVERITY_TEXT[s]),
        default: rule.defaultSeverity,
        markdownDescription: `${rule.description} ${rule.help}`
    }]));
});

update('../docs/schemas/align-config.schema.json', 'the rules of the schema', schema => {
    // description for any editor, markdownDescription for VS Code.
    schema.properties.rules.properties = Object.fromEntries(configurable.map(rule => [rule.id, {
        type: 'string',
        enum: [...SEVERITIES],
        default: rule.defaultSeverity,
        description: `${rule.description} ${rule.help} Default: ${rule.defaultSeverity}.`.replaceAll('`', ''),
        markdownDescription: `${rule.description} ${rule.help} Default: \`${rule.defaultSeverity}\`.`,
        markdownEnumDescriptions: SEVERITIES.map(s => SEVERITY_TEXT[s])
    }]));
});

if (stale) process.exit(1);

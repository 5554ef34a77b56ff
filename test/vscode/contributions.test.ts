import * as assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { CATALOG_SCHEME, CompareContext, Commands, PREVIEW_VIEW_TYPE, PreviewCommands, PreviewContext } from '../../client/constants.js';
import { RULES, SEVERITIES } from '../../language/rules.js';

// The extension manifest (package.json `contributes`...) against the code it
// describes. Runs under node mocha: `npm run test:web` runs it first.

interface Setting { type: string | string[]; enum?: string[]; default?: unknown; markdownDescription?: string; order?: number; properties?: Record<string, Setting> }
interface Manifest {
    main: string;
    browser: string;
    icon: string;
    activationEvents: string[];
    contributes: {
        commands: Array<{ command: string; title: string; category: string }>;
        menus: Record<string, Array<{ command: string; when?: string; group?: string }>>;
        keybindings: Array<{ command: string; key: string; mac: string; when: string }>;
        configuration: { properties: Record<string, Setting> };
        languages: Array<{ id: string; extensions?: string[]; filenames?: string[]; configuration: string; icon: { light: string; dark: string } }>;
        jsonValidation: Array<{ fileMatch: string; url: string }>;
        grammars: Array<{ language: string; path: string }>;
        snippets: Array<{ language: string; path: string }>;
    };
}

const manifest = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf-8')) as Manifest;
const settings = manifest.contributes.configuration.properties;
const repoFile = (path: string) => new URL(`../../${path.replace(/^\.\//, '')}`, import.meta.url);

describe('extension manifest', () => {
    it('orders the settings, the rules first, and gives the preview the keys of the Markdown preview in .align files', () => {
        const orders = Object.entries(settings).map(([key, s]) => [key, s.order] as const);
        assert.deepEqual(orders.filter(([, order]) => order === undefined).map(([key]) => key), [], 'every setting has an order');
        assert.equal(orders.sort((a, b) => a[1]! - b[1]!)[0]![0], 'align.rules');
        assert.equal(new Set(orders.map(([, order]) => order)).size, orders.length, 'no two settings share an order');
        assert.deepEqual(manifest.contributes.keybindings.map(k => `${k.key} ${k.command} when ${k.when}`),
            [`ctrl+k v ${Commands.openPreviewToSide} when editorLangId == align`, `ctrl+shift+v ${Commands.openPreview} when editorLangId == align`]);
    });

    it('packages the extension\'s own page as the .vsix README, not the repository\'s build instructions', () => {
        const script = readFileSync(repoFile('scripts/vscode-package.mjs'), 'utf-8');
        const readme = /const EXTENSION_README = '([^']+)'/.exec(script)?.[1];
        assert.ok(readme && existsSync(repoFile(readme)), `the packaging script names an existing page (${readme})`);
        const page = readFileSync(repoFile(readme), 'utf-8');
        assert.match(page.split('\n')[0]!, /^# Align for VS Code$/);
        assert.doesNotMatch(page, /npm ci|apt-get|node22\.sh/, 'no set-up commands of a contributor');
        for (const command of manifest.contributes.commands.filter(c => c.command !== Commands.showImpactChain && !c.command.startsWith('align.preview.'))) {
            assert.ok(page.includes(command.title.replace(/ to the Side$/, '')), `the page names ${command.title}`);
        }
    });

    it('align.rules has one property per configurable rule, with its severities, default and description', () => {
        const rules = settings['align.rules']!;
        assert.equal(rules.type, 'object');
        const configurable = RULES.filter(r => r.configurable);
        assert.deepEqual(Object.keys(rules.properties ?? {}).sort(), configurable.map(r => r.id).sort());
        for (const rule of configurable) {
            const property = rules.properties![rule.id]!;
            assert.deepEqual(property.enum, [...SEVERITIES], rule.id);
            assert.equal(property.default, rule.defaultSeverity, rule.id);
            assert.ok(property.markdownDescription?.includes(rule.description), `${rule.id}: description`);
        }
    });

    it('declares every setting the client and server read, with descriptions', () => {
        for (const key of ['align.rules', 'align.maxLaggingKpis', 'align.maxPilotDays', 'align.preview.hideLearningMetrics', 'align.preview.followCursor', 'align.preview.direction', 'align.trace.server']) {
            assert.ok(settings[key]?.markdownDescription, key);
        }
        assert.deepEqual(settings['align.trace.server']!.enum, ['off', 'messages', 'verbose']);
        assert.deepEqual(settings['align.preview.direction']!.enum, ['auto', 'right', 'down']);
    });

    it('contributes exactly the commands the client registers, each titled in the Align category', () => {
        const contributed: string[] = manifest.contributes.commands.map(c => c.command).sort();
        assert.deepEqual(contributed, [...Object.values(Commands), ...Object.values(PreviewCommands)].sort());
        for (const c of manifest.contributes.commands) assert.equal(c.category, 'Align', c.command);
        const menuCommands = Object.values(manifest.contributes.menus).flat().map(m => m.command);
        const known = new Set<string>(contributed);
        for (const command of menuCommands) assert.ok(known.has(command), command);
        assert.ok(manifest.contributes.menus['editor/title']!.some(m => m.command === Commands.openPreviewToSide && m.when === 'editorLangId == align'));
        // The preview's title bar: one direction button at a time, the rest in its "..." menu.
        const previewTitle = manifest.contributes.menus['editor/title']!.filter(m => m.when?.startsWith("activeWebviewPanelId == 'align.preview'"));
        assert.deepEqual(previewTitle.filter(m => m.group?.startsWith('navigation')).map(m => m.command).sort(),
            [PreviewCommands.compareWithLastCommit, PreviewCommands.layoutDown, PreviewCommands.layoutRight, PreviewCommands.stopComparing]);
        assert.ok([Commands.exportSvg, Commands.exportPng, PreviewCommands.layoutAuto, PreviewCommands.hideLearningMetrics, PreviewCommands.showLearningMetrics].every(c => previewTitle.some(m => m.command === c)));
    });

    it('offers Hide or Show Activity & Learning Metrics, whichever applies, and keeps the old toggle for keybindings only', () => {
        const preview = `activeWebviewPanelId == '${PREVIEW_VIEW_TYPE}'`;
        const expected = (menu: string) => [
            { menu, command: PreviewCommands.hideLearningMetrics, when: `${preview} && !${PreviewContext.hidesLearningMetrics}` },
            { menu, command: PreviewCommands.showLearningMetrics, when: `${preview} && ${PreviewContext.hidesLearningMetrics}` }
        ];
        const filters: string[] = [PreviewCommands.hideLearningMetrics, PreviewCommands.showLearningMetrics, PreviewCommands.toggleLearningMetrics];
        const items = Object.entries(manifest.contributes.menus).flatMap(([menu, list]) => list.filter(m => filters.includes(m.command)).map(m => ({ menu, command: m.command, when: m.when })));
        assert.deepEqual(items, [...expected('editor/title'), ...expected('commandPalette'),
            { menu: 'commandPalette', command: PreviewCommands.toggleLearningMetrics, when: 'false' }]);
        const titles = Object.fromEntries(manifest.contributes.commands.map(c => [c.command, c.title]));
        assert.equal(titles[PreviewCommands.hideLearningMetrics], 'Hide Activity & Learning Metrics');
        assert.equal(titles[PreviewCommands.showLearningMetrics], 'Show Activity & Learning Metrics');
    });

    it('offers Compare with Last Commit only where the client found the git extension (never on the web), one of its two buttons at a time', () => {
        const compare: string[] = [PreviewCommands.compareWithLastCommit, PreviewCommands.stopComparing];
        const items = Object.entries(manifest.contributes.menus).flatMap(([menu, list]) => list.filter(m => compare.includes(m.command)).map(m => ({ menu, ...m })));
        assert.deepEqual(items.map(m => m.menu).sort(), ['commandPalette', 'commandPalette', 'editor/title', 'editor/title']);
        const when = `activeWebviewPanelId == '${PREVIEW_VIEW_TYPE}' && ${CompareContext.available}`;
        for (const item of items) {
            const on = item.command === PreviewCommands.stopComparing;
            assert.equal(item.when, `${when} && ${on ? '' : '!'}${CompareContext.comparing}`, `${item.menu} ${item.command}`);
        }
    });

    it('offers Pull Actuals only on the desktop in a trusted workspace on disk (no virtual workspace), and keeps its command line from untrusted settings', () => {
        const command = manifest.contributes.commands.find(c => c.command === Commands.pullActuals) as { enablement?: string } | undefined;
        const where = 'isWorkspaceTrusted && !isWeb && !virtualWorkspace';
        assert.equal(command?.enablement, where);
        assert.deepEqual(Object.entries(manifest.contributes.menus).flatMap(([menu, list]) => list.filter(m => m.command === Commands.pullActuals).map(m => `${menu} when ${m.when}`)),
            [`commandPalette when ${where}`]);
        const capabilities = (manifest as unknown as { capabilities: { virtualWorkspaces: { supported: string; description: string } } }).capabilities;
        assert.equal(capabilities.virtualWorkspaces.supported, 'limited');
        assert.match(capabilities.virtualWorkspaces.description, /On the desktop, in a virtual workspace .*Pull Actuals .*not available/);
        const pullSettings = Object.keys(settings).filter(key => key.startsWith('align.pull.'));
        assert.ok(pullSettings.includes('align.pull.command'));
        // Listed on the web too, where pull never runs: each says so first.
        for (const key of pullSettings) assert.match(settings[key]!.markdownDescription ?? '', /^\*\*Desktop only\*\*/, key);
        assert.deepEqual((manifest as unknown as { capabilities: { untrustedWorkspaces: { restrictedConfigurations: string[] } } }).capabilities.untrustedWorkspaces.restrictedConfigurations, ['align.pull.command']);
    });

    it('activates on .align files, on a preview restored after reload, and on a catalog file\'s read-only view restored', () => {
        assert.deepEqual(manifest.activationEvents.sort(),
            ['onLanguage:align', `onWebviewPanel:${PREVIEW_VIEW_TYPE}`, 'workspaceContains:**/*.align', `onFileSystem:${CATALOG_SCHEME}`].sort());
    });

    it('points the language at the shared syntaxes files and at icons that exist', () => {
        const [language] = manifest.contributes.languages;
        assert.equal(language?.id, 'align');
        assert.deepEqual(language.extensions, ['.align']);
        assert.equal(language.configuration, './syntaxes/language-configuration.json');
        assert.equal(manifest.contributes.grammars[0]?.path, './syntaxes/align.tmLanguage.json');
        assert.equal(manifest.contributes.snippets[0]?.path, './syntaxes/align.code-snippets');
        for (const icon of [language.icon.light, language.icon.dark, manifest.icon]) assert.ok(existsSync(repoFile(icon)), icon);
    });

    it('validates align.config.json, read as JSON with comments, with the schema it packages', () => {
        assert.ok(manifest.contributes.languages.some(l => l.id === 'jsonc' && l.filenames?.includes('align.config.json')));
        assert.deepEqual(manifest.contributes.jsonValidation, [{ fileMatch: 'align.config.json', url: './docs/schemas/align-config.schema.json' }]);
        const schema = manifest.contributes.jsonValidation[0]!.url.replace(/^\.\//, '');
        assert.ok(existsSync(repoFile(schema)), schema);
        const allowed = readFileSync(repoFile('.vscodeignore'), 'utf-8').split('\n').filter(l => l.startsWith('!')).map(l => l.slice(1).trim());
        assert.ok(allowed.some(pattern => matches(pattern, schema)), `${schema} is packaged (.vscodeignore)`);
        // vsce runs on a staged copy: the packaging script must copy the schema's folder there.
        const staged = /for \(const entry of (\['\.vscodeignore'[^\]]*\])\)/.exec(readFileSync(repoFile('scripts/vscode-package.mjs'), 'utf-8'))?.[1];
        assert.ok(staged && (JSON.parse(staged.replaceAll("'", '"')) as string[]).some(entry => schema.startsWith(`${entry}/`)), `scripts/vscode-package.mjs stages ${schema}: ${staged}`);
    });

    it('packages the bundles it names as entry points (.vscodeignore allow-list)', () => {
        const allowed = readFileSync(repoFile('.vscodeignore'), 'utf-8').split('\n').filter(l => l.startsWith('!')).map(l => l.slice(1).trim());
        for (const entry of [manifest.main, manifest.browser, './out/server.cjs', './out/web/server-browser.js', './out/webview/main.js']) {
            const path = entry.replace(/^\.\//, '');
            assert.ok(allowed.some(pattern => matches(pattern, path)), `${path} is packaged`);
        }
    });
});

/** Enough of a glob for the allow-list: a star within a segment, two stars and a slash for any folders, {a,b}. */
function matches(pattern: string, path: string): boolean {
    const alternatives = /\{([^}]*)\}/.exec(pattern);
    if (alternatives) return alternatives[1]!.split(',').some(a => matches(pattern.replace(alternatives[0], a), path));
    const escape = (text: string) => text.replace(/[.+?^$()|[\]\\]/g, '\\$&').split('*').join('[^/]*');
    const regex = pattern.split('**/').map(escape).join('(?:.*/)?');
    return new RegExp(`^${regex}$`).test(path);
}

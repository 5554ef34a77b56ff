/**
 * `// #region` ... `// #endregion` folding. The language configuration's
 * folding markers apply only to indentation-based folding, which VS Code
 * leaves aside once a folding range provider (the language server's) exists:
 * the client provides the regions, and VS Code merges them with the server's
 * ranges. Pure: no `vscode`.
 */

/** The markers, as `folding.markers` of syntaxes/language-configuration.json has them. */
export const REGION_START = /^\s*\/\/\s*#region\b/;
export const REGION_END = /^\s*\/\/\s*#endregion\b/;

/** A region to fold: 0-based lines of its `#region` and `#endregion` comments. */
export interface LineRegion {
    start: number;
    end: number;
}

/** The regions of a text's lines: each `#endregion` closes the innermost open `#region`; an unmatched marker folds nothing. */
export function regionRanges(lines: readonly string[]): LineRegion[] {
    const open: number[] = [];
    const regions: LineRegion[] = [];
    lines.forEach((line, index) => {
        if (REGION_START.test(line)) open.push(index);
        else if (REGION_END.test(line)) {
            const start = open.pop();
            if (start !== undefined) regions.push({ start, end: index });
        }
    });
    return regions.sort((a, b) => a.start - b.start);
}

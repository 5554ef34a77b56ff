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

/** Strings, line comments and block comments, as the lexer and the TextMate grammar take them (a string ends at the line end). */
const TOKEN = /"(?:[^"\\\r\n]|\\.)*(?:"|$)|\/\/.*|\/\*|\*\//g;

/**
 * Whether a block comment is still open at the end of `line`, given whether
 * one was open at its start. `/*` in a string or a line comment opens none;
 * an unclosed one runs to the end of the text, as in the TextMate grammar.
 */
function inBlockCommentAfter(line: string, open: boolean): boolean {
    let inComment = open;
    let from = 0;
    while (from < line.length) {
        if (inComment) {
            const close = line.indexOf('*/', from);
            if (close < 0) return true;
            inComment = false;
            from = close + 2;
            continue;
        }
        TOKEN.lastIndex = from;
        const match = TOKEN.exec(line);
        if (!match) return false;
        if (match[0] === '/*') inComment = true;
        else if (match[0].startsWith('//')) return false;
        from = match.index + Math.max(match[0].length, 1);
    }
    return inComment;
}

/**
 * The regions of a text's lines: each `#endregion` closes the innermost open
 * `#region`; an unmatched marker folds nothing, and a marker line inside a
 * block comment is comment text, no marker.
 */
export function regionRanges(lines: readonly string[]): LineRegion[] {
    const open: number[] = [];
    const regions: LineRegion[] = [];
    let inComment = false;
    lines.forEach((line, index) => {
        if (!inComment) {
            if (REGION_START.test(line)) open.push(index);
            else if (REGION_END.test(line)) {
                const start = open.pop();
                if (start !== undefined) regions.push({ start, end: index });
            }
        }
        inComment = inBlockCommentAfter(line, inComment);
    });
    return regions.sort((a, b) => a.start - b.start);
}

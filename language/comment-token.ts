import type { CustomPatternMatcherFunc } from 'chevrotain';

/**
 * A matcher for the block comment `/\/\*[\s\S]*?\*\//` (up to the first
 * `*\/` after its `/*`) that fails in linear time on many unclosed `/*`.
 * Chevrotain tries the comment again at every `/*` after a failed one, and
 * each try read to the end of the text: 80,000 `/* ` took 9 s. A try fails
 * when no `*\/` follows its `/*`; one that starts later reads less of the
 * same text, so it fails too, at once. The memory of the first failed try
 * is kept per lexing (chevrotain passes each lexing its own token array),
 * as `stringMatcher` keeps its own.
 */
export function blockCommentMatcher(): CustomPatternMatcherFunc {
    let failed = { lexing: undefined as unknown, start: -1 };
    return (text, offset, tokens) => {
        if (text.charCodeAt(offset) !== SLASH || text.charCodeAt(offset + 1) !== STAR) return null;
        if (failed.lexing === tokens && offset > failed.start) return null;
        const close = text.indexOf('*/', offset + 2);
        if (close >= 0) return [text.slice(offset, close + 2)] as unknown as RegExpExecArray;
        failed = { lexing: tokens, start: offset };
        return null;
    };
}

const SLASH = 0x2f;
const STAR = 0x2a;

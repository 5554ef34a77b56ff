/**
 * What to do about a problem of `align.config.json`: the near name a typo
 * meant ("did you mean"), and a plain reason for text that is not JSON
 * (trailing commas, single quotes, binary or UTF-16 data).
 */
import { editDistance, nearestWithin } from '../edit-distance.js';
import { BUILTIN_RULES, RULES, ruleDocUrl } from '../rules.js';
import { didYouMean, type SuggestionQuote, type SuggestionStyle } from '../text/suggest.js';

/** The candidate `input` most likely meant (edit distance, a swap of neighbouring letters is one edit), or undefined when none is close. */
function nearest(input: string, candidates: readonly string[]): string | undefined {
    const length = input.toLowerCase().length;
    const limit = length <= 3 ? 1 : length <= 8 ? 2 : 3;
    // A word cut short (`warn` for `warning`) is near whatever its length.
    return nearestWithin(input, candidates, limit, (typed, candidate) =>
        candidate === typed ? 0 : typed.length >= 3 && candidate.startsWith(typed) ? 1 : editDistance(typed, candidate));
}

/** How the settings' messages suggest a name: `; did you mean "x"?` (JSON's quote), by {@link nearest}. */
export const SETTINGS_SUGGESTION: SuggestionStyle = { quote: '"', match: nearest };

/**
 * Why a rule id cannot take a severity: a built-in rule, a near miss, or
 * neither. One message for `align.config.json`, editor settings and `--rule`.
 */
export function notConfigurableMessage(id: string, quote: SuggestionQuote = '"'): string {
    const q = (text: string) => `${quote}${text}${quote}`;
    if (BUILTIN_RULES.some(r => r.id === id)) return `rule ${q(id)} is built in and cannot be configured; remove it`;
    const hint = didYouMean(id, RULES.map(r => r.id), { ...SETTINGS_SUGGESTION, quote });
    return `unknown rule id ${q(id)}${hint || `; use an id of the rule index (${ruleDocUrl('README')}), or remove it`}`;
}

/**
 * Why `text` is not JSON, and what to do, for the parse error at `offset`
 * (`parserMessage` is JSON.parse's own words, used when no plainer reason
 * is found). `text` has its comments blanked (jsonc.ts). Never quotes the
 * file's text: it may be binary.
 */
export function notJsonReason(text: string, offset: number, parserMessage: string): { reason: string; offset: number } {
    const at = (reason: string, where = offset) => ({ reason, offset: where });
    if (text.trim() === '') return at('the file is empty; write {} in it, or delete it', 0);
    if (text.includes('\u0000')) {
        return at('it is not UTF-8 text (binary data, or saved as UTF-16); save it as UTF-8 JSON', 0);
    }
    if (text.includes('\uFFFD') || /[\u0001-\u0008\u000E-\u001F]/.test(text)) {
        return at('it holds bytes that are not text (binary data, or an encoding other than UTF-8); save it as UTF-8 JSON', 0);
    }
    const comma = /,\s*[}\]]/.exec(stringsBlanked(text));
    if (comma) return at('a trailing comma (comments are allowed, trailing commas are not); remove the comma before the closing bracket');
    if (text[offset] === '\'') return at('keys and strings take double quotes in JSON ("..."), not single quotes');
    const words = parserMessage.replace(/\s*(in JSON )?at position \d+.*$/s, '').replace(/, ".*$/s, '');
    return at(`${words}; correct the JSON there`);
}

/** `text` with its JSON strings (but their opening quote) replaced by spaces, offsets kept, so that `,]` in a string is not taken for a trailing comma. */
function stringsBlanked(text: string): string {
    return text.replace(/"(?:[^"\\\n]|\\.)*"?/g, s => `"${' '.repeat(s.length - 1)}`);
}

import { DefaultFuzzyMatcher } from 'langium/lsp';

const DOT = 46;

/**
 * Langium's matcher, plus a word start after `.`: typing `RepeatContact`
 * finds `ChurnPilot.RepeatContactRate` in workspace symbols and completion.
 */
export class AlignFuzzyMatcher extends DefaultFuzzyMatcher {
    protected override isWordTransition(previous: number, current: number): boolean {
        return previous === DOT || super.isWordTransition(previous, current);
    }
}

import { DefaultFuzzyMatcher } from 'langium/lsp';

const DOT = 46;

/**
 * Langium's matcher, plus a word start after `.`: typing `RepeatContact`
 * finds `ChurnPilot.RepeatContactRate` in workspace symbols and completion;
 * and at the `.` itself: `.Probing` finds `ChurnPilot.Probing` (a qualified
 * name typed from its dot, as `Pilot.Probing` from a word of the program's).
 */
export class AlignFuzzyMatcher extends DefaultFuzzyMatcher {
    protected override isWordTransition(previous: number, current: number): boolean {
        return previous === DOT || current === DOT || super.isWordTransition(previous, current);
    }
}

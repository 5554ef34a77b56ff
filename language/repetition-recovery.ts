import type { LangiumParser } from 'langium';

type Rule = (...args: unknown[]) => unknown;
type Recovery = (grammarRule: Rule, args: unknown[], lookAhead: unknown, expected: unknown) => void;
interface Wrapper {
    tryInRepetitionRecovery: Recovery;
    RULE_STACK_IDX: number;
}
interface Active {
    readonly level: number;
    readonly rule: Rule;
    readonly args: unknown[];
    next?: () => void;
}

/**
 * Chevrotain's recovery inside a repetition (a stray word between two
 * declarations) skips to where the repetition can go on and goes on by
 * calling the repetition again, from inside the recovery: each recovery in
 * the same repetition nests one level deeper on the stack. About 1,500
 * stray words in one file (46 KB) exhausted the stack, and the whole check
 * stopped with "Maximum call stack size exceeded".
 *
 * That call ends the frames it nests in (nothing runs after it but
 * returns), so it can be made from the outermost recovery of the same
 * repetition instead, once the nested frames have returned: a loop in place
 * of the nesting. The parse, its trees and its errors are the same; only
 * the stack stays flat. A recovery of another repetition, or of the same
 * one at another depth of rules, nests as before.
 */
export function flattenRepetitionRecovery(parser: LangiumParser): void {
    // A private field of LangiumParser (its chevrotain parser), set in its constructor. The unit test checks that it is used.
    const wrapper = (parser as unknown as { wrapper?: Partial<Wrapper> }).wrapper;
    if (typeof wrapper?.tryInRepetitionRecovery !== 'function' || typeof wrapper.RULE_STACK_IDX !== 'number') {
        throw new Error('Langium\'s parser no longer keeps a chevrotain parser with tryInRepetitionRecovery in `wrapper`');
    }
    const engine = wrapper as Wrapper;
    const recover = engine.tryInRepetitionRecovery;
    const active: Active[] = [];
    engine.tryInRepetitionRecovery = function (this: Wrapper, grammarRule, args, lookAhead, expected) {
        const level = this.RULE_STACK_IDX;
        const outer = active[active.length - 1];
        if (outer && outer.level === level && outer.rule === grammarRule && sameArgs(outer.args, args)) {
            recover.call(this, (...again: unknown[]) => { outer.next = () => grammarRule.apply(this, again); }, args, lookAhead, expected);
            return;
        }
        const entry: Active = { level, rule: grammarRule, args };
        active.push(entry);
        try {
            recover.call(this, grammarRule, args, lookAhead, expected);
            while (entry.next) {
                const next = entry.next;
                entry.next = undefined;
                next();
            }
        } finally {
            active.pop();
        }
    };
}

const sameArgs = (a: readonly unknown[], b: readonly unknown[]): boolean => a.length === b.length && a.every((value, i) => value === b[i]);

/**
 * The identity of a finding: its rule, the model path of its element and a
 * message key, never its file position. The one definition that `align
 * check --baseline`, `align diff` and SARIF `partialFingerprints` share:
 * moving, reordering or reformatting declarations keeps every identity;
 * findings on different elements never share one.
 */
import type { AstNode } from 'langium';
import { CstUtils } from 'langium';
import { messageKey, type KeyedDiagnostic } from './message-key.js';
import { modelPathOf } from './model-path.js';
import type { FindingIdentity } from '../findings.js';

export { identityOfDiagnostic, type FindingIdentity } from '../findings.js';

/** The identity of a finding of `rule` that starts at `offset` of the document whose root is `root`. */
export function identityAt(root: AstNode, offset: number, rule: string, diagnostic: KeyedDiagnostic): FindingIdentity {
    const cst = root.$cstNode;
    const leaf = cst ? CstUtils.findLeafNodeAtOffset(cst, offset) ?? CstUtils.findLeafNodeBeforeOffset(cst, offset) : undefined;
    const element = modelPathOf(leaf?.astNode);
    const key = messageKey(leaf, rule, diagnostic);
    return element === undefined ? { key } : { element, key };
}

/** What {@link identityText} reads of a finding. */
export interface IdentifiedFinding {
    readonly rule: string;
    /** Path of the finding's file: identifies findings outside every declaration. */
    readonly file: string;
    readonly message: string;
    readonly identity?: FindingIdentity;
}

/**
 * The canonical text of a finding's identity: JSON of rule, element and key.
 * A finding outside every declaration is identified by its file and key;
 * one without an identity (a settings problem) by its file and message.
 */
export function identityText(finding: IdentifiedFinding): string {
    const identity = finding.identity;
    if (!identity) return JSON.stringify([finding.rule, `file:${finding.file}`, finding.message]);
    return JSON.stringify([finding.rule, identity.element ?? `file:${finding.file}`, identity.key]);
}

/** The result of matching current findings with earlier ones by identity. */
export interface IdentityMatch<C, P> {
    /** Current findings with no earlier one of the same identity left: new. */
    readonly added: C[];
    /** Earlier findings with no current one of the same identity left: gone (fixed). */
    readonly removed: P[];
    /** How many current findings matched an earlier one. */
    readonly matched: number;
}

/**
 * Matches findings as multisets of identities: n current and m earlier
 * findings of one identity match min(n, m) times; the rest are new or gone,
 * the later ones in the given order first. Fixing one finding and adding
 * another of the same rule elsewhere gives one new and one gone, never a
 * silent swap.
 */
export function matchByIdentity<C, P>(current: readonly C[], previous: readonly P[], keyOfCurrent: (c: C) => string, keyOfPrevious: (p: P) => string): IdentityMatch<C, P> {
    const remaining = new Map<string, P[]>();
    for (const p of previous) {
        const key = keyOfPrevious(p);
        const list = remaining.get(key);
        if (list) list.push(p);
        else remaining.set(key, [p]);
    }
    const added: C[] = [];
    let matched = 0;
    for (const c of current) {
        const list = remaining.get(keyOfCurrent(c));
        if (list && list.length > 0) {
            list.shift();
            matched++;
        } else {
            added.push(c);
        }
    }
    return { added, removed: [...remaining.values()].flat(), matched };
}

/**
 * The identity text of each finding with its occurrence among findings of
 * the same identity (0, 1...), in the given order: unique per finding, for
 * fingerprints.
 */
export function occurrenceTexts(findings: readonly IdentifiedFinding[]): string[] {
    const seen = new Map<string, number>();
    return findings.map(f => {
        const text = identityText(f);
        const n = seen.get(text) ?? 0;
        seen.set(text, n + 1);
        return JSON.stringify([text, n]);
    });
}

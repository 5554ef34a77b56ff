/**
 * Model paths: the names that identify an element of a workspace whatever
 * file or line it is written on. `DiscoveryBootcamp.KnowTheProduct` for a
 * declaration in a program, `WinRate` for a global one, `ChurnPilot` for a
 * program, `ChurnPilot.ChurnRate.actuals` for the actuals of a metric.
 */
import type { AstNode } from 'langium';
import { isActuals, isProgram } from '../generated/ast.js';
import { qualifiedNameOf } from '../scope/qualified-names.js';

const DECLARATION_TYPES = new Set(['Program', 'Outcome', 'Metric', 'Skill', 'Behavior', 'Objective', 'Toolkit']);

/** The innermost declaration, program or actuals block that holds `node` (or is it). */
export function owningElement(node: AstNode | undefined): AstNode | undefined {
    for (let n = node; n; n = n.$container) {
        if (DECLARATION_TYPES.has(n.$type) || isActuals(n)) return n;
    }
    return undefined;
}

/**
 * The model path of the element that holds `node`; undefined outside every
 * declaration, and for a declaration that has no name yet.
 * An actuals block is `<metric's path>.actuals` (`actuals` is a keyword,
 * never a name, so the path cannot clash with a declaration's).
 */
export function modelPathOf(node: AstNode | undefined): string | undefined {
    const element = owningElement(node);
    if (!element) return undefined;
    if (isActuals(element)) {
        const metric = element.metric?.ref;
        const name = metric?.name ? qualifiedNameOf(metric) : element.metric?.$refText;
        return name ? `${name}.actuals` : undefined;
    }
    const named = element as AstNode & { name?: string };
    if (!named.name) return undefined;
    return isProgram(element) ? named.name : qualifiedNameOf(named);
}

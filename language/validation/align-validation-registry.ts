import type { AstNode, ValidationAcceptor, ValidationCheck } from 'langium';
import { ValidationRegistry } from 'langium';

/**
 * Langium's registry, with checks that stay synchronous when they are: a
 * check that returns nothing is called without the `async` wrapper, which
 * cost a promise and two awaits per node and check. A check that throws,
 * or whose promise rejects, is handled as Langium does (an error on the
 * node; a cancellation goes up). Align's checks return nothing.
 */
export class AlignValidationRegistry extends ValidationRegistry {
    protected override wrapValidationException(check: ValidationCheck, thisObj: unknown): ValidationCheck {
        return (node: AstNode, accept: ValidationAcceptor, cancelToken) => {
            let result: ReturnType<ValidationCheck>;
            try {
                result = check.call(thisObj, node, accept, cancelToken);
            } catch (error) {
                return this.handleException(() => { throw error; }, 'An error occurred during validation', accept, node);
            }
            return result instanceof Promise ? this.handleException(() => result, 'An error occurred during validation', accept, node) : undefined;
        };
    }
}

/** A usage error or unreadable input: printed as one line, exit status 2. */
export class InputError extends Error {
    override readonly name = 'InputError';
}

export { describeCode } from '../../language/files/file-errors.js';

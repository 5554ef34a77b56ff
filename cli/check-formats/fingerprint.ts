/**
 * Fingerprints of findings for SARIF `partialFingerprints` and GitLab's
 * `fingerprint`: the SHA-256 of a finding's identity (language/identity:
 * rule, model path, message key) and its occurrence among findings of the
 * same identity. Independent of lines and files, so moving code keeps a
 * finding's fingerprint, and different elements never share one.
 */
import { createHash } from 'node:crypto';
import { occurrenceTexts } from '../../language/identity/finding-identity.js';
import type { Finding } from '../../language/rules.js';

/** One fingerprint (64 hex digits) per finding, in the given order (the occurrence count follows it: pass sorted findings). */
export function findingFingerprints(findings: readonly Finding[]): string[] {
    return occurrenceTexts(findings).map(text => createHash('sha256').update(text).digest('hex'));
}

import { VOIDED, type StoredStatement } from './lrs-server.js';

export const SCORED = 'http://adlnet.gov/expapi/verbs/scored';
export const COMPLETED = 'http://adlnet.gov/expapi/verbs/completed';
export const TICKETS = 'https://lms.example.com/sandbox/tickets';
export const CALLS = 'https://lms.example.com/sandbox/calls';

let n = 0;
/** A statement in the fixture LRS; `stored` a minute after `timestamp`. */
function statement(actor: Record<string, unknown>, verb: string, activity: string, timestamp: string, result?: StoredStatement['result']): StoredStatement {
    n++;
    const id = `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
    return { id, actor, verb: { id: verb }, object: { objectType: 'Activity', id: activity }, result, timestamp, stored: new Date(Date.parse(timestamp) + 60_000).toISOString() };
}

/** Four learners in the four identity forms of xAPI. */
export const ANN = { objectType: 'Agent', mbox: 'mailto:ann@example.com' };
export const BOB = { objectType: 'Agent', mbox_sha1sum: 'a94a8fe5ccb19ba61c4c0873d391e987982fbbd3' };
export const CAT = { objectType: 'Agent', openid: 'https://openid.example.com/cat' };
export const DAN = { objectType: 'Agent', account: { homePage: 'https://lms.example.com', name: 'dan' } };

const voidedScore = statement(DAN, SCORED, TICKETS, '2026-01-20T09:00:00Z', { score: { scaled: 0.1, raw: 1 }, success: false });

/**
 * January: Ann 0.8 then 0.9 (her last passes), Bob 0.6 fails, Cat 0.7 on the
 * calls activity passes, Dan's 0.1 is voided. February: Ann 1.0 at 23:30 on
 * 31 January at UTC-2 (1 February UTC) passes, Bob completes without a score.
 */
export const STATEMENTS: StoredStatement[] = [
    statement(ANN, SCORED, TICKETS, '2026-01-05T10:00:00Z', { score: { scaled: 0.8, raw: 8 }, success: false }),
    statement(ANN, SCORED, TICKETS, '2026-01-06T10:00:00Z', { score: { scaled: 0.9, raw: 9 }, success: true }),
    statement(BOB, SCORED, TICKETS, '2026-01-07T10:00:00Z', { score: { scaled: 0.6, raw: 6 }, success: false }),
    statement(CAT, SCORED, CALLS, '2026-01-08T10:00:00Z', { score: { scaled: 0.7, raw: 7 }, success: true }),
    voidedScore,
    { ...statement(DAN, VOIDED, TICKETS, '2026-01-21T09:00:00Z'), object: { objectType: 'StatementRef', id: voidedScore.id } },
    statement(ANN, SCORED, TICKETS, '2026-01-31T23:30:00-02:00', { score: { scaled: 1, raw: 10 }, success: true }),
    statement(BOB, COMPLETED, CALLS, '2026-02-03T10:00:00Z', { completion: true } as StoredStatement['result'])
];

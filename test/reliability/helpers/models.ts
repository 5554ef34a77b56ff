/**
 * Random workspaces that follow the grammar: every declaration kind with a
 * random subset of its attributes (each at most once, in random order),
 * references to a small pool of names (so that references resolve, miss,
 * cross files, reach into programs, form `drives` cycles and duplicate
 * names), programs with members and `isolate` statements (control groups
 * often in another file), inline and CSV actuals. They must parse
 * without a syntax error; what the rules make of them is random.
 */
import fc from 'fast-check';

/** Names declarations take and references name: a few identifiers and attribute words the grammar lets be names. */
const NAME_POOL = ['A', 'B', 'C', 'D', 'E', 'Churn', 'Nps', 'source', 'owner', 'value', 'kind', 'weekly'];
const PROGRAMS = ['P0', 'P1', 'P2'];

const name = fc.constantFrom(...NAME_POOL);
const reference = fc.oneof(
    { arbitrary: name, weight: 4 },
    { arbitrary: fc.tuple(fc.constantFrom(...PROGRAMS), name).map(([p, n]) => `${p}.${n}`), weight: 1 },
);
const references = fc.uniqueArray(reference, { minLength: 1, maxLength: 3 }).map(rs => rs.join(', '));
const text = fc.constantFrom('"x"', '"A title"', '"é 😀"', '"with \\" quote"', '""');
const title = fc.option(text, { nil: undefined }).map(t => (t ? ` ${t}` : ''));
const cadence = fc.constantFrom('daily', 'weekly', 'monthly', 'quarterly');
const day = fc.record({ y: fc.integer({ min: 2024, max: 2028 }), m: fc.integer({ min: 1, max: 12 }), d: fc.integer({ min: 1, max: 28 }) })
    .map(({ y, m, d }) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);
const period = fc.oneof(
    day,
    fc.record({ y: fc.integer({ min: 2024, max: 2028 }), m: fc.integer({ min: 1, max: 12 }) }).map(({ y, m }) => `${y}-${String(m).padStart(2, '0')}`),
    fc.record({ y: fc.integer({ min: 2024, max: 2028 }), q: fc.integer({ min: 1, max: 4 }) }).map(({ y, q }) => `${y}-Q${q}`),
    fc.record({ y: fc.integer({ min: 2024, max: 2028 }), h: fc.integer({ min: 1, max: 2 }) }).map(({ y, h }) => `${y}-H${h}`),
);
const amount = fc.oneof(
    fc.integer({ min: -50, max: 200 }).map(String),
    fc.integer({ min: 0, max: 100 }).map(n => `${n}%`),
    fc.tuple(fc.integer({ min: 0, max: 99 }), fc.integer({ min: 0, max: 9 })).map(([a, b]) => `${a}.${b}`),
);

/** A block of distinct attributes in random order (an attribute twice is a `syntax` error by design). */
function block(attributes: Record<string, fc.Arbitrary<string>>, indent: string, extra?: fc.Arbitrary<string[]>): fc.Arbitrary<string> {
    const keys = Object.keys(attributes);
    return fc.tuple(
        fc.shuffledSubarray(keys),
        fc.tuple(...keys.map(k => attributes[k]!)),
        extra ?? fc.constant([] as string[]),
        fc.boolean(),
    ).map(([chosen, values, members, bare]) => {
        if (bare && chosen.length === 0 && members.length === 0) return '';
        const byKey = Object.fromEntries(keys.map((k, i) => [k, values[i]!]));
        const lines = [...chosen.map(k => `${indent}  ${byKey[k]}`), ...members.map(m => m.split('\n').map(l => `${indent}  ${l}`).join('\n'))];
        return ` {\n${lines.join('\n')}${lines.length ? '\n' : ''}${indent}}`;
    });
}

const outcome = fc.tuple(name, title, block({ measured: references.map(r => `measured by ${r}`), owner: text.map(t => `owner ${t}`) }, ''))
    .map(([n, t, b]) => `outcome ${n}${t}${b}`);

const metric = fc.tuple(name, title, block({
    kind: fc.constantFrom('lagging', 'leading', 'activity', 'learning').map(k => `kind ${k}`),
    unit: fc.constantFrom('percent', 'count', 'days', 'score', 'currency USD').map(u => `unit ${u}`),
    direction: fc.constantFrom('up', 'down').map(d => `direction ${d}`),
    baseline: amount.map(a => `baseline ${a}`),
    target: fc.tuple(amount, fc.option(period, { nil: undefined })).map(([a, p]) => `target ${a}${p ? ` by ${p}` : ''}`),
    source: text.map(t => `source ${t}`),
    owner: text.map(t => `owner ${t}`),
    cadence: cadence.map(c => `cadence ${c}`),
    drives: references.map(r => `drives ${r}`),
    // A value is greater than 0 (`syntax` otherwise), as a cost is.
    value: fc.tuple(fc.integer({ min: 1, max: 50000 }), fc.constantFrom('point', 'unit')).map(([v, per]) => `value ${v} USD per ${per}`),
}, '')).map(([n, t, b]) => `metric ${n}${t}${percentOnlyInPercent(b)}`);

/** A percentage implies unit percent: in a block of another unit, baseline and target are plain numbers (else a `syntax` error by design). */
function percentOnlyInPercent(block: string): string {
    return /\bunit (?!percent)/.test(block) ? block.replace(/\b(baseline|target) (-?\d+)%/g, '$1 $2') : block;
}

const skill = fc.tuple(name, title, block({ assessed: text.map(t => `assessed by ${t}`) }, '')).map(([n, t, b]) => `skill ${n}${t}${b}`);

const behavior = fc.tuple(name, title, block({
    enabled: references.map(r => `enabled by ${r}`),
    moves: references.map(r => `moves ${r}`),
    observed: fc.tuple(fc.constantFrom('manager', 'supervisor', 'coach', 'peer'), fc.option(cadence, { nil: undefined }), fc.option(text, { nil: undefined }))
        .map(([o, c, w]) => `observed by ${o}${c ? ` ${c}` : ''}${w ? ` with ${w}` : ''}`),
    actor: text.map(t => `actor ${t}`),
}, '')).map(([n, t, b]) => `behavior ${n}${t}${b}`);

const objective = fc.tuple(name, title, block({
    builds: references.map(r => `builds ${r}`),
    kpi: references.map(r => `kpi ${r}`),
    practice: fc.tuple(fc.constantFrom('roleplay', 'sandbox', 'simulation', 'decision-game', 'case', 'shadowing'), fc.option(text, { nil: undefined }))
        .map(([k, d]) => `practice ${k}${d ? ` ${d}` : ''}`),
    assessed: text.map(t => `assessed by ${t}`),
}, '')).map(([n, t, b]) => `objective ${n}${t}${b}`);

const toolkit = fc.tuple(name, title, block({
    for: references.map(r => `for ${r}`),
    talk: text.map(t => `talk-track ${t}`),
    rubric: text.map(t => `rubric ${t}`),
    checklist: text.map(t => `checklist ${t}`),
    micro: text.map(t => `micro-challenge ${t}`),
    dashboard: text.map(t => `dashboard ${t}`),
}, '')).map(([n, t, b]) => `toolkit ${n}${t}${b}`);

const actuals = fc.tuple(reference, fc.oneof(
    fc.array(fc.tuple(period, amount), { minLength: 1, maxLength: 5 }).map(rows => ` {\n${rows.map(([p, a]) => `  ${p}: ${a}`).join('\n')}\n}`),
    fc.constantFrom('data.csv', 'missing.csv', '../outside.csv', '/etc/passwd', 'bad.csv', '').map(f => ` from "${f}"`),
)).map(([m, body]) => `actuals ${m}${body}`);

const declaration = fc.oneof(outcome, metric, skill, behavior, objective, toolkit);
const member = fc.oneof({ arbitrary: declaration, weight: 6 }, { arbitrary: actuals, weight: 1 });

const isolate = fc.tuple(reference, fc.oneof(
    reference.map(r => `control-group ${r}`),
    fc.constant('trend'),
    fc.tuple(fc.integer({ min: 0, max: 120 }), fc.integer({ min: 0, max: 100 })).map(([s, c]) => `estimate ${s}% confidence ${c}%`),
)).map(([m, method]) => `isolate ${m} by ${method}`);
const programMember = fc.oneof({ arbitrary: member, weight: 5 }, { arbitrary: isolate, weight: 2 });

const program = fc.tuple(fc.constantFrom(...PROGRAMS), title, block({
    sponsor: text.map(t => `sponsor ${t}`),
    owner: text.map(t => `owner ${t}`),
    stakeholders: fc.array(text, { minLength: 1, maxLength: 3 }).map(ts => `stakeholders ${ts.join(', ')}`),
    serves: references.map(r => `serves ${r}`),
    span: fc.oneof(
        fc.tuple(fc.integer({ min: 1, max: 400 }), fc.constantFrom('days', 'weeks', 'months'), day).map(([n, u, d]) => `pilot ${n} ${u} from ${d}`),
        // Grammatical means valid too: a window ends on or after its start (`syntax` otherwise).
        fc.tuple(day, day).map(([a, b]) => (a <= b ? `window ${a} to ${b}` : `window ${b} to ${a}`)),
    ),
    review: cadence.map(c => `review ${c}`),
    phase: fc.constantFrom('discover', 'design', 'deliver', 'measure').map(p => `phase ${p}`),
    // A cost is greater than 0 (`syntax` otherwise).
    cost: fc.integer({ min: 1, max: 100000 }).map(n => `cost ${n} USD`),
}, '', fc.array(programMember, { maxLength: 6 }))).map(([n, t, b]) => `program ${n}${t}${b}`);

const topLevel = fc.oneof({ arbitrary: declaration, weight: 6 }, { arbitrary: program, weight: 2 }, { arbitrary: actuals, weight: 1 });

/** A file of declarations. */
const alignFile = fc.array(topLevel, { maxLength: 10 }).map(items => items.join('\n\n') + '\n');

/** A workspace of 1-3 `.align` files and the CSV files the actuals may name. */
export const workspaceArb: fc.Arbitrary<Record<string, string>> = fc.tuple(
    fc.array(alignFile, { minLength: 1, maxLength: 3 }),
    fc.constantFrom('period,value\n2026-01,10\n2026-02,12%\n', 'period,value\n2026-02,1\n2026-01,2\n', 'value\n1\n', ''),
).map(([files, csv]) => {
    const workspace: Record<string, string> = { 'data.csv': csv, 'bad.csv': 'period,value\n"unterminated\n' };
    files.forEach((f, i) => { workspace[`f${i}.align`] = f; });
    return workspace;
});

/**
 * The built-in program template: what `align init` writes and what VS Code's
 * *Align: New Program from Template* opens. Every step of the chain,
 * commented, with placeholder figures that pass every rule; every
 * declaration is inside the program, so two programs from it never clash.
 * In the canonical layout of `align fmt`, every line within 80 columns (tests
 * keep it so).
 *
 * Placeholders, filled by `fillTemplate` (fill-template.ts): `{{name}}`,
 * `{{title}}`, `{{start}}` (the pilot's first day), `{{end}}` (its last,
 * PILOT_DAYS later) and `{{startMonth}}`.
 */

/** Days of the template's pilot: the longest pilot `pilot-too-long` accepts by default. */
export const PILOT_DAYS = 90;

/** The template's text, with `{{placeholder}}`s. */
export const BUILTIN_PROGRAM_TEMPLATE = `// {{title}}: an Align program from the built-in template.
// Replace the names, titles and figures with your own, then run
// \`align check\` (the chain) and \`align report\` (the monthly review).
// The chain of evidence it states:
//   objective -builds-> skill -enables-> behavior -moves-> leading KPI
//   -drives-> lagging KPI -measures-> outcome

/** Why the program exists: the business result its sponsor co-owns. */
program {{name}} "{{title}}" {
  sponsor "Senior leader who co-owns the result"
  owner "L&D team"
  serves BusinessResult
  pilot 90 days from {{start}} // or: window {{start}} to {{end}}
  review monthly // daily | weekly | monthly | quarterly
  // Its fully loaded cost; with a KPI's value, align report shows the ROI:
  // cost 45000 USD
  phase design // discover | design | deliver | measure

  // The business result, measured by business KPIs (never by completions).
  outcome BusinessResult "The business result you want" {
    measured by LaggingKpi
    owner "Business owner"
  }

  // Lagging KPI: the result itself, with its shared data definition.
  metric LaggingKpi "The result, e.g. monthly logo churn" {
    kind lagging
    // unit: percent | count | days | hours | minutes | score | ratio |
    // currency USD
    unit percent
    direction down // which way is better: up | down
    baseline 12%
    target 10% by {{end}}
    source "System: report that holds the figure"
    owner "Team that owns the data"
    cadence monthly
    // value 18000 USD per point // money per point of improvement, for ROI
  }

  // Leading KPI: an early signal that the behavior moves and that predicts
  // the result.
  metric LeadingKpi "The early signal, e.g. repeat contacts within 7 days" {
    kind leading
    unit percent
    direction down
    baseline 18%
    target 14% by {{end}}
    source "System: report that holds the figure"
    owner "Team that owns the data"
    cadence weekly
    drives LaggingKpi
  }

  skill CoreSkill "The skill people need" {
    assessed by "Pre/post skills check"
  }

  // An observable on-the-job behavior: what people do differently at work.
  behavior OnTheJob "What people do differently at work" {
    enabled by CoreSkill
    moves LeadingKpi
    observed by manager weekly with "Observation checklist"
    actor "Who does it, e.g. tier-1 support agents"
  }

  // Manager enablement: what managers get to reinforce the behavior.
  toolkit ManagerKit "Manager coaching kit" {
    for OnTheJob
    talk-track "Weekly 1:1 coaching questions"
    rubric "Observation checklist"
  }

  // A learning objective that builds the skill, practised as in real work.
  objective PractiseSkill "Given a realistic situation, apply the skill" {
    builds CoreSkill
    // practice: roleplay | sandbox | simulation | decision-game | case |
    // shadowing
    practice roleplay "A realistic scenario from the job"
    assessed by "Pre/post skills check"
  }

  // Measured values, for the Measure phase
  // (or: actuals LeadingKpi from "data/leading.csv").
  // actuals LeadingKpi {
  //   {{startMonth}}: 17.5%
  // }
}
`;

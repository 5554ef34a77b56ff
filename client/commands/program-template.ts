/**
 * The text of a new program: a complete chain (outcome, lagging and leading
 * KPI, skill, behavior, objective) that passes every rule. Every name starts
 * with the program's name, so it does not clash with the workspace's.
 */
export function programTemplate(name: string, today: Date): string {
    const start = isoDate(today);
    const midPilot = isoDate(addDays(today, 60));
    const deadline = isoDate(addDays(today, 180));
    return `// ${title(name)}: replace the quoted texts and the figures with your own.

outcome ${name}Outcome "The business result this program exists for" {
  measured by ${name}Kpi
  owner "Business owner"
}

metric ${name}Kpi "The lagging KPI the business already tracks" {
  kind lagging
  unit percent
  direction up
  baseline 50%
  target 60% by ${deadline}
  source "System: report name"
  owner "Data owner"
  cadence monthly
}

program ${name} "${title(name)}" {
  sponsor "Senior leader"
  owner "L&D team"
  serves ${name}Outcome
  pilot 90 days from ${start}
  review monthly

  metric ${name}Leading "A leading indicator that moves before the KPI" {
    kind leading
    unit percent
    direction up
    baseline 20%
    target 40% by ${midPilot}
    source "System: report name"
    owner "Team lead"
    cadence weekly
    drives ${name}Kpi
  }

  skill ${name}Skill "The skill people learn"

  behavior ${name}Behavior "What people do differently on the job" {
    enabled by ${name}Skill
    moves ${name}Leading
    observed by manager weekly with "Observation checklist"
  }

  objective ${name}Objective "What learners can do after the training" {
    builds ${name}Skill
    practice roleplay "A realistic scenario from the job"
  }
}
`;
}

/** The top-level names the template declares (a program's members are qualified by it). */
export function topLevelNames(name: string): string[] {
    return [name, `${name}Outcome`, `${name}Kpi`];
}

/** True for a name the template can use: letters, digits and `_`, starting with a letter. */
export function isProgramName(name: string): boolean {
    return /^[A-Za-z][A-Za-z0-9_]*$/.test(name);
}

/** `CustomerEscalations` -> `customer-escalations`, for the file name. */
export function fileStem(name: string): string {
    return name.replace(/([a-z0-9])([A-Z])/g, '$1-$2').replace(/_/g, '-').toLowerCase();
}

/** `CustomerEscalations` -> `Customer escalations`. */
function title(name: string): string {
    const words = name.replace(/([a-z0-9])([A-Z])/g, '$1 $2').replace(/_/g, ' ').toLowerCase();
    return words.charAt(0).toUpperCase() + words.slice(1);
}

function addDays(date: Date, days: number): Date {
    return new Date(date.getTime() + days * 86_400_000);
}

function isoDate(date: Date): string {
    return date.toISOString().slice(0, 10);
}

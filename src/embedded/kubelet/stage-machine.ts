import type {EventTemplate, StageRule} from './stage-table.js'

/**
 * Walks a stage table (stage-table.ts) for one subject, a pod or a container: finds the rule of its stage whose
 * moment comes first, and fires it (events, effects, next stage). The subject says what the table's names mean.
 */

/** An event a rule recorded. */
export interface StageEvent {
  type: 'Normal' | 'Warning'
  reason: string
  message: string
}

/** What a table's trigger, guard and effect names mean for one subject. */
export interface StageSubject<S extends string, T extends string, G extends string, E extends string> {
  stage(): S
  /** the moment (cluster ms) the trigger happens, or undefined while it does not */
  momentOf(trigger: T): number | undefined
  holds(guard: G, atMs: number): boolean
  /** the value of a `{name}` placeholder at a moment */
  placeholder(name: string, atMs: number): string
  apply(effect: E, atMs: number): void
  enter(stage: S, atMs: number): void
  emit(event: StageEvent, atMs: number): void
}

/** A rule that is armed, with the moment it fires. */
export interface DueRule<S extends string, T extends string, G extends string, E extends string> {
  rule: StageRule<S, T, G, E>
  atMs: number
}

/** The rule of the subject's stage that fires first (table order breaks ties), if any is armed. */
export function nextRule<S extends string, T extends string, G extends string, E extends string>(
  rules: ReadonlyArray<StageRule<S, T, G, E>>,
  subject: StageSubject<S, T, G, E>,
): DueRule<S, T, G, E> | undefined {
  const stage = subject.stage()
  let first: DueRule<S, T, G, E> | undefined
  for (const rule of rules) {
    if (rule.from !== stage) continue
    const atMs = subject.momentOf(rule.on)
    if (atMs === undefined || (first && first.atMs <= atMs)) continue
    if ((rule.when ?? []).every((guard) => subject.holds(guard, atMs))) first = {rule, atMs}
  }
  return first
}

/** Fires a rule at its moment: its events (rendered before the bookkeeping), its effects, then the next stage. */
export function fireRule<S extends string, T extends string, G extends string, E extends string>(
  due: DueRule<S, T, G, E>,
  subject: StageSubject<S, T, G, E>,
): void {
  const {rule, atMs} = due
  const events = (rule.events ?? [])
    .filter((template) => template.when === undefined || subject.holds(template.when, atMs))
    .map((template) => renderEvent(template, subject, atMs))
  for (const event of events) subject.emit(event, atMs)
  for (const effect of rule.effects ?? []) subject.apply(effect, atMs)
  subject.enter(rule.to, atMs)
}

function renderEvent<S extends string, T extends string, G extends string, E extends string>(
  template: EventTemplate<G>,
  subject: StageSubject<S, T, G, E>,
  atMs: number,
): StageEvent {
  const message = template.message.replace(/\{([A-Za-z]+)\}/g, (_, name: string) => subject.placeholder(name, atMs))
  return {type: template.type, reason: template.reason, message}
}

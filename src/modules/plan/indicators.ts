/**
 * How an accepted report moves a measure's indicator statuses: "achieved" marks its stage and
 * the ones before it achieved; "in progress" starts its stage. Statuses never move back. The same
 * rule moves the stored statuses on acceptance and replays accepted reports to tell the statuses
 * as they stood on an earlier day.
 */
import { stages, type IndicatorStatus, type Stage } from './plan.tables.ts';

export type Statuses = Record<Stage, IndicatorStatus>;

export const notStarted = (): Statuses => ({ initial: 'not_started', intermediate: 'not_started', final: 'not_started' });

/** The statuses after accepting a report on `stage` with `stageStatus`. */
export function advance(before: Statuses, stage: Stage, stageStatus: Exclude<IndicatorStatus, 'not_started'>): Statuses {
  const after = { ...before };
  for (const s of stages.slice(0, stages.indexOf(stage) + 1)) {
    if (stageStatus === 'achieved') after[s] = 'achieved';
    else if (s === stage && before[s] === 'not_started') after[s] = 'in_progress';
  }
  return after;
}

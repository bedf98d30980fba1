/** the time zone bills are issued in: what "the current month" means */
export const SETTLEMENT_TASKS_TIME_ZONE = Symbol('SETTLEMENT_TASKS_TIME_ZONE');
/** now, as the rules see it (tests pass their own clock) */
export const SETTLEMENT_TASKS_CLOCK = Symbol('SETTLEMENT_TASKS_CLOCK');
export type Clock = () => Date;

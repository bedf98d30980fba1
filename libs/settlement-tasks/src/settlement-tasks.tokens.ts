/** the time zone bills are issued in: what "the current month" means */
export const SETTLEMENT_TASKS_TIME_ZONE = Symbol('SETTLEMENT_TASKS_TIME_ZONE');
/** now, as the rules see it (tests pass their own clock) */
export const SETTLEMENT_TASKS_CLOCK = Symbol('SETTLEMENT_TASKS_CLOCK');
export type Clock = () => Date;
/** the stamp on exported bills: text ({task}: the task's reference) and the provider's seal (PNG) */
export const SETTLEMENT_STAMP = Symbol('SETTLEMENT_STAMP');
export type SettlementStamp = { text: string; seal: Buffer | null };

export { groupedBy, orderedBy, unique } from './batch';
export { calendarDateIn, indonesianDate, todayIn, WIB_UTC_OFFSET_HOURS } from './calendar';
export { type Clock, type IdGenerator, randomIds, systemClock } from './clock';
export { assertEntityId, isEntityId } from './ids';
export { daysBetween, dueThreshold } from './reminder';

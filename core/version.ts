/** The core's version; also recorded in snapshots and program artifacts. */
export const CORE_VERSION = '0.1.0';

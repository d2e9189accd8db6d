/** The performance mark the app sets once its first real screen is rendered; `npm run bench` reads it. */
export const READY_MARK = 'tillbridge:ready';

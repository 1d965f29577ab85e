class AppError extends Error {
  constructor(message, options) {
    super(message, options);
    this.name = this.constructor.name;
  }
}
class DbError extends AppError {
  constructor(query, cause) {
    super(`query failed: ${query}`, { cause });
    this.query = query;
  }
}
const e = new DbError('SELECT 1', new Error('connection reset'));
[e.name, e.message, e.query, e.cause.message, e instanceof DbError, e instanceof AppError, e instanceof Error, String(e), Object.keys(e)]

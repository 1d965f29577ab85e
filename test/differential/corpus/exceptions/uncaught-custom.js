// diff: throws compare-messages
class ValidationFailure extends Error {
  constructor(field) {
    super(`invalid field: ${field}`);
    this.name = 'ValidationFailure';
  }
}
function validate(o) {
  if (!o.id) throw new ValidationFailure('id');
  return true;
}
console.log('validating');
validate({ name: 'x' })

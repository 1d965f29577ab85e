const log = [];
class Base {
  baseField = log.push('base field');
  constructor() {
    log.push('base ctor');
  }
}
class Derived extends Base {
  derivedField = log.push('derived field');
  constructor() {
    log.push('derived ctor before super');
    super();
    log.push('derived ctor after super');
  }
}
new Derived();
log

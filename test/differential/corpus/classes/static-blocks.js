const log = [];
class Config {
  static defaults = { mode: 'dev' };
  static derived;
  static #secret;
  static {
    log.push('static block 1');
    this.derived = Object.keys(this.defaults).length;
    Config.#secret = 'hidden';
  }
  static revealed = 'field after block';
  static {
    log.push('static block 2: ' + this.revealed);
  }
  static reveal() { return Config.#secret; }
}
log.push('class defined');
[log, Config.derived, Config.reveal()]

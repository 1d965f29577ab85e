const prefix = 'get';
const sym = Symbol('custom');
class Api {
  [`${prefix}User`]() { return 'user'; }
  [`${prefix}Item`]() { return 'item'; }
  [sym]() { return 'symbol method'; }
  static ['make' + 'One']() { return new Api(); }
  get ['computed' + 'Getter']() { return 'cg'; }
}
const api = Api.makeOne();
[api.getUser(), api.getItem(), api[sym](), api.computedGetter, Object.getOwnPropertyNames(Api.prototype)]

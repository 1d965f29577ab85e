const double = async (x) => x * 2;
const obj = {
  factor: 3,
  async scale(x) { return x * this.factor; },
  later: async function () { return 'fn expr'; },
};
class Svc {
  async fetch(id) { return { id }; }
  static async create() { return new Svc(); }
}
const svc = await Svc.create();
[await double(21), await obj.scale(5), await obj.later(), await svc.fetch(7), typeof double(1).then]

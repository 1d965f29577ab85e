class Service {
  constructor() { this.ready = true; }
}
const r = [];
try {
  Service();
} catch (e) {
  r.push(e.name);
}
try {
  Service.call({});
} catch (e) {
  r.push(e.name);
}
r.push(new Service().ready);
r

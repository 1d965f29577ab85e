const o = {};
Object.defineProperty(o, 'ro', { value: 1, enumerable: true });
Object.defineProperty(o, 'hidden', { value: 2, writable: true });
Object.defineProperty(o, 'visible', { value: 3, writable: true, enumerable: true, configurable: true });
const r = [Object.keys(o), JSON.stringify(o), o.hidden];
try { o.ro = 5; } catch (e) { r.push(e.name); }
o.hidden = 20;
r.push(o.hidden, Object.getOwnPropertyDescriptor(o, 'ro'), Object.getOwnPropertyDescriptor(o, 'hidden'));
try { Object.defineProperty(o, 'ro', { value: 9 }); } catch (e) { r.push(e.name); }
Object.defineProperty(o, 'visible', { enumerable: false });
r.push(Object.keys(o), Object.getOwnPropertyDescriptor(o, 'missing'));
r

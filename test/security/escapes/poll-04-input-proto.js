// id: pollution-inputs
// technique: inputs carrying __proto__ keys and read-only inputs: mutation attempts and prototype effects
// source: node:vm contextify: host objects passed as context globals can be mutated from inside
// expect: result
escaped('input prototype set from __proto__ key', Object.getPrototypeOf(fromJson) !== Object.prototype || fromJson.polluted !== undefined && !Object.hasOwn(fromJson, 'polluted'));
attempt('reassign input', () => { const G = [globalThis][0]; G['con' + 'fig'] = 1; });
attempt('mutate input', () => { config.name = 'changed'; config.list.push(99); return config.name; });
attempt('delete input', () => { const G = [globalThis][0]; return delete G['con' + 'fig']; });
attempt('define on global', () => Object.defineProperty([globalThis][0], 'config', { value: 2 }));
escaped('input replaced', typeof config !== 'object');
R

const lib = {
  prefix: '>>',
  fmt(strings, ...vals) {
    return this.prefix + strings.map((s, i) => s + (vals[i] ?? '')).join('');
  },
};
const make = (sep) => (strings, ...vals) => vals.join(sep) + '|' + strings.length;
[lib.fmt`a${1}b${2}c`, make('-')`${'x'}${'y'}${'z'}`, make('+')`none`]

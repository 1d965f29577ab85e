const results = [];
(function () { results.push('classic'); })();
(function () { results.push('inner-call'); }());
(() => results.push('arrow'))();
!function () { results.push('bang'); }();
void function () { results.push('void'); }();
const value = (function (n) { return n * 3; })(7);
results.push(value);
results

console.log(["single ' quote"]);
console.log(['double " quote']);
console.log(['both \' and "']);
console.log(['all \' " ` three']);
console.log({ key: 'unicode é 😀' });
console.log(['\u0001 control']);
'ok'

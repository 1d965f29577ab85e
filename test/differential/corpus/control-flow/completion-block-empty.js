'before';
{
  let hidden = 1;
}
var declared = 2;
function f() {}

[
  null == undefined, null == 0, undefined == 0, null == false, '' == 0, '0' == 0,
  '0' == false, '' == false, [] == false, [] == '', [0] == false, [1] == 1,
  [1, 2] == '1,2', NaN == NaN, 'abc' == new String('abc'), 1 == true, 2 == true,
  '1' == true, ({}) == '[object Object]', null == null, undefined == undefined, 0 == -0,
]

function findPair(nums, target) {
  for (let i = 0; i < nums.length; i++) {
    for (let j = i + 1; j < nums.length; j++) {
      if (nums[i] + nums[j] === target) return [i, j];
    }
  }
  return null;
}
function firstNegativeIndex(list) {
  let i = 0;
  while (true) {
    if (i >= list.length) return -1;
    if (list[i] < 0) return i;
    i++;
  }
}
[findPair([2, 7, 11, 15], 9), findPair([1, 2], 10), firstNegativeIndex([3, 0, -2]), firstNegativeIndex([])]

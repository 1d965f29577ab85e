function bsearch(arr, x) {
  let lo = 0, hi = arr.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    if (arr[mid] === x) return mid;
    if (arr[mid] < x) lo = mid + 1;
    else hi = mid - 1;
  }
  return -(lo + 1);
}
const data = [1, 3, 5, 7, 9, 11, 13];
[1, 7, 13, 0, 8, 14].map((x) => bsearch(data, x))
